import { describe, expect, it } from 'vitest';
import { compareGroups, mean } from './effects.rules.ts';

const people = (stratum: string, changes: number[]) => changes.map((change) => ({ stratum, change }));

describe('effect statistics', () => {
  it('mean', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
  });
  it('no claim under the minimum group size', () => {
    const r = compareGroups(people('xa|lanh_dao', [5, 5, 5]), people('xa|lanh_dao', Array(20).fill(1)), 10);
    expect(r).toMatchObject({ enough: false, difference: null, trained: { n: 3, meanChange: null }, comparison: { n: 20 } });
  });
  it('re-weights the comparison group to the trained mix and ignores other strata', () => {
    const trained = [...people('a', Array(8).fill(6)), ...people('b', Array(2).fill(2))]; // mean 5.2
    const untrained = [...people('a', Array(10).fill(2)), ...people('b', Array(10).fill(0)), ...people('c', Array(50).fill(100))];
    const r = compareGroups(trained, untrained, 10);
    expect(r.comparison.n).toBe(20);
    expect(r.trained.meanChange).toBe(5.2);
    expect(r.comparison.meanChange).toBe(1.6); // 0.8·2 + 0.2·0
    expect(r.difference).toBe(3.6);
    expect(r.enough).toBe(true);
  });
});
