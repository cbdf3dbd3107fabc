/**
 * The waiting list (SPEC §6 "a waiting list is kept"): when a seat frees up (a nomination cancelled
 * or rejected, or the class made larger) the first person in line takes it.
 */
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../authz/policy.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import type { ClassRow } from '../classes/classes.repository.ts';
import * as repo from './enrolments.repository.ts';
import { effectiveSettings, needsUnitHeadApproval, promotesFromWaitlist } from './enrolments.rules.ts';

/** Gives free seats of the class to the waiting list, first in line first; returns the promoted enrolment ids. */
export async function fillFreeSeats(tx: Tx, actor: Actor, meta: RequestMeta, cls: ClassRow): Promise<number[]> {
  if (!promotesFromWaitlist(cls.status)) return [];
  const free = cls.capacity - (await repo.seatsTaken(tx, cls.id));
  if (free <= 0) return [];
  const take = (await repo.waitlistOf(tx, cls.id)).slice(0, free);
  if (!take.length) return [];
  const settings = new Map((await repo.settingsFor(tx, [...new Set(take.map((e) => e.provinceCode))])).map((s) => [s.provinceCode, s]));
  const promoted: number[] = [];
  for (const e of take) {
    const approval = needsUnitHeadApproval(
      cls.requiresUnitHeadApproval,
      effectiveSettings(settings.get(e.provinceCode)).requireUnitHeadApproval,
      e.unitId !== null,
    );
    const row = await repo.updateEnrolment(tx, e.id, { status: approval ? 'pending_approval' : 'nominated', waitlistPosition: null });
    await recordChange(tx, actor, meta, {
      action: 'enrolment.promote',
      entityType: 'enrolment',
      entityId: e.id,
      provinceCode: e.provinceCode,
      communeCode: e.communeCode,
      before: { status: e.status, waitlistPosition: e.waitlistPosition },
      after: { status: row.status, waitlistPosition: null, classId: cls.id, officialId: e.officialId },
    });
    promoted.push(row.id);
  }
  await repo.renumberWaitlist(tx, cls.id);
  return promoted;
}
