/** Re-evaluates "meets the position's requirement" for everyone holding a position whose requirement changed. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { officials } from '../../db/schema/index.ts';
import type { PositionRow } from './officials.repository.ts';
import { computeMeetsRequirement, isBelowStandard } from './officials.rules.ts';
import { recordFlagChange } from './officials.service.ts';

export async function recomputeRequirementForPosition(tx: DbOrTx, position: PositionRow, by: string, clock: Clock): Promise<number> {
  const holders = await tx
    .select({
      id: officials.id,
      provinceCode: officials.provinceCode,
      communeCode: officials.communeCode,
      eduLevel: officials.eduLevel,
      studyField: officials.studyField,
      computed: officials.meetsRequirementComputed,
      override: officials.meetsRequirementOverride,
      below: officials.belowStandard,
    })
    .from(officials)
    .where(eq(officials.positionId, position.id));
  let changed = 0;
  const now = clock.now();
  for (const h of holders) {
    const computed = computeMeetsRequirement(h, position);
    if (computed === h.computed) continue;
    const below = isBelowStandard(computed, h.override);
    await tx
      .update(officials)
      .set({ meetsRequirementComputed: computed, belowStandard: below, version: sql`${officials.version} + 1`, updatedAt: now, updatedBy: by })
      .where(and(eq(officials.id, h.id)));
    await recordFlagChange(tx, h, 'below_standard', h.below, below, clock.today(), by, `Yêu cầu của vị trí việc làm "${position.name}" thay đổi`, now);
    changed++;
  }
  return changed;
}
