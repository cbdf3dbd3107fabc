/**
 * Pure statistics of the effect analysis (issue 5 item 7): mean change of the annual score for
 * trained officials vs comparable untrained ones (same commune type and position group), with no
 * claim when a group is smaller than the minimum size.
 */
export const MIN_GROUP_SIZE = 10;

export function mean(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

export interface Person {
  stratum: string;
  change: number;
}

/**
 * Compares trained vs comparison people. The comparison group is limited to the strata (commune
 * type × position group) present among the trained, and re-weighted to the trained group's mix so
 * a difference in composition is not reported as an effect.
 */
export function compareGroups(trained: readonly Person[], untrained: readonly Person[], minSize = MIN_GROUP_SIZE) {
  const strata = new Map<string, number>();
  for (const p of trained) strata.set(p.stratum, (strata.get(p.stratum) ?? 0) + 1);
  const comparison = untrained.filter((p) => strata.has(p.stratum));
  const trainedMean = mean(trained.map((p) => p.change));
  // Re-weighted comparison mean: Σ_s share_s(trained) · mean_s(comparison), over strata with comparison data.
  let num = 0;
  let den = 0;
  for (const [s, n] of strata) {
    const m = mean(comparison.filter((p) => p.stratum === s).map((p) => p.change));
    if (m === null) continue;
    num += n * m;
    den += n;
  }
  const comparisonMean = den > 0 ? num / den : null;
  const enough = trained.length >= minSize && comparison.length >= minSize && comparisonMean !== null;
  return {
    trained: { n: trained.length, meanChange: enough ? round2(trainedMean) : null },
    comparison: { n: comparison.length, meanChange: enough ? round2(comparisonMean) : null },
    difference: enough && trainedMean !== null && comparisonMean !== null ? round2(trainedMean - comparisonMean) : null,
    enough,
  };
}
