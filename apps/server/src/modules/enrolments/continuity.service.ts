/**
 * Settings of the service-continuity guard per province (SPEC §6): the share of a unit's staff that
 * may be away in office-hours classes, the public-service centre's minimum, and whether every
 * nomination needs the unit head's approval. Province admins of the province and national admins.
 */
import type { ContinuitySettings, UpdateContinuitySettingsRequest } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { assertCan, type Actor } from '../../authz/policy.ts';
import { notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import * as repo from './enrolments.repository.ts';
import { effectiveSettings } from './enrolments.rules.ts';
import type { EnrolmentsDeps } from './enrolments.service.ts';

// ---------------------------------------------------------------- continuity settings

async function settingsTarget(db: DbOrTx, actor: Actor, provinceCode: string) {
  assertCan(actor, 'continuity.manage', { provinceCode });
  const p = await repo.findProvince(db, provinceCode);
  if (!p) throw notFound('Không tìm thấy tỉnh, thành phố.');
  return p;
}

function toSettings(p: { code: string; fullName: string }, row: repo.SettingsRow | undefined): ContinuitySettings {
  const s = effectiveSettings(row);
  return { provinceCode: p.code, provinceName: p.fullName, ...s, isDefault: !row, version: row?.version ?? 0 };
}

export async function getSettings(deps: EnrolmentsDeps, actor: Actor, provinceCode: string): Promise<ContinuitySettings> {
  const p = await settingsTarget(deps.db, actor, provinceCode);
  return toSettings(p, await repo.findSettings(deps.db, provinceCode));
}

export async function putSettings(
  deps: EnrolmentsDeps,
  actor: Actor,
  provinceCode: string,
  input: UpdateContinuitySettingsRequest,
  meta: RequestMeta,
): Promise<ContinuitySettings> {
  return deps.db.transaction(async (tx) => {
    const p = await settingsTarget(tx, actor, provinceCode);
    const before = await repo.findSettings(tx, provinceCode);
    const values = {
      maxSharePct: input.maxSharePct,
      serviceCentreMinStaff: input.serviceCentreMinStaff,
      requireUnitHeadApproval: input.requireUnitHeadApproval,
    };
    const row = before
      ? await repo.updateSettings(tx, provinceCode, input.version, values)
      : input.version === 0
        ? await repo.insertSettings(tx, { provinceCode, ...values })
        : undefined;
    if (!row) throw versionConflict();
    await recordChange(tx, actor, meta, {
      action: 'continuity_settings.update',
      entityType: 'continuity_settings',
      entityId: provinceCode,
      provinceCode,
      before: effectiveSettings(before),
      after: values,
    });
    return toSettings(p, row);
  });
}
