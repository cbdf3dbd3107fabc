/**
 * Who to nominate (SPEC §4 → §6): the commune's officials whose proposed or confirmed needs match
 * the class's programme type and fields, most urgent first, without those already nominated.
 */
import { phaseOf, type SuggestionItem, type SuggestionsResponse, type TrainingField } from '@app/shared';
import { can, type Actor } from '../../authz/policy.ts';
import { badField, forbidden } from '../../http/errors.ts';
import { findProgramme } from '../classes/classes.repository.ts';
import { visibleClass } from '../classes/classes.service.ts';
import { compareVietnameseNames } from '../officials/officials.rules.ts';
import { findCommune } from '../units/units.repository.ts';
import * as repo from './enrolments.repository.ts';
import type { EnrolmentsDeps } from './enrolments.service.ts';

// ---------------------------------------------------------------- suggestions

export async function suggestions(
  deps: EnrolmentsDeps,
  actor: Actor,
  classId: number,
  commune: string | undefined,
): Promise<SuggestionsResponse> {
  const cls = await visibleClass(deps.db, actor, classId);
  const communeCode = commune ?? actor.communeCode;
  if (!communeCode) throw badField('commune', 'bắt buộc phải có (mã xã có cán bộ cần gợi ý)');
  const c = await findCommune(deps.db, communeCode);
  if (!c) throw badField('commune', `không có xã, phường mã ${communeCode}`);
  if (!can(actor, 'enrolments.read') || !can(actor, 'officials.read', { provinceCode: c.provinceCode, communeCode })) {
    throw forbidden('Xã này nằm ngoài phạm vi của bạn.');
  }
  const phase = phaseOf(cls.startDate);
  if (!phase) return { classId, communeCode, phase: null, items: [] };
  const programme = await findProgramme(deps.db, cls.programmeId);
  const rows = await repo.suggestionRows(deps.db, {
    classId,
    communeCode,
    phase,
    programmeType: cls.programmeType,
    fields: programme?.fields ?? [],
    startDate: cls.startDate,
    endDate: cls.endDate,
  });
  rows.sort(
    (a, b) =>
      a.priority - b.priority ||
      Number(b.need_status === 'confirmed') - Number(a.need_status === 'confirmed') ||
      compareVietnameseNames(a.full_name, b.full_name),
  );
  const items: SuggestionItem[] = rows.map((r) => ({
    officialId: r.official_id,
    fullName: r.full_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    positionName: r.position_name,
    belowStandard: r.below_standard,
    affectedByReorg: r.affected_by_reorg,
    needId: r.need_id,
    needStatus: r.need_status,
    priority: r.priority,
    field: r.field ? (r.field as TrainingField) : null,
    reason: r.reason,
    busy: r.busy,
  }));
  return { classId, communeCode, phase, items };
}
