/** Job positions catalogue (VTVL): national defaults that provinces and communes extend (SPEC §3). */
import type { PositionItem } from '@app/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { assertCan, can, listScope, type Actor, type Target } from '../../authz/policy.ts';
import { badField, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { findCommune } from '../units/units.repository.ts';
import * as repo from './positions.repository.ts';
import { recomputeRequirementForPosition } from '../officials/requirement.ts';

export interface PositionsDeps {
  db: Db;
  clock: Clock;
}

function ownerTarget(p: Pick<repo.PositionRow, 'level' | 'provinceCode' | 'communeCode'>): Target | undefined {
  if (p.level === 'national') return undefined;
  return { provinceCode: p.provinceCode, communeCode: p.communeCode };
}

/** National positions are edited by the ministry only; province ones by the province; commune ones by the commune. */
function canEdit(actor: Actor, p: Pick<repo.PositionRow, 'level' | 'provinceCode' | 'communeCode'>): boolean {
  if (!can(actor, 'positions.manage')) return false;
  if (p.level === 'national') return actor.role === 'national_admin';
  if (p.level === 'province') return actor.role === 'national_admin' || (actor.role === 'province_admin' && actor.provinceCode === p.provinceCode);
  return can(actor, 'positions.manage', ownerTarget(p));
}

function toItem(actor: Actor, p: repo.PositionRow): PositionItem {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    level: p.level,
    provinceCode: p.provinceCode,
    communeCode: p.communeCode,
    bloc: p.bloc,
    officialType: p.officialType,
    isLeader: p.isLeader,
    requiredEduLevel: p.requiredEduLevel,
    requiredStudyFields: p.requiredStudyFields as PositionItem['requiredStudyFields'],
    requiredProgrammes: p.requiredProgrammes as PositionItem['requiredProgrammes'],
    trainingFields: p.trainingFields as PositionItem['trainingFields'],
    active: p.active,
    version: p.version,
    canEdit: canEdit(actor, p),
  };
}

export async function listPositions(db: Db, actor: Actor, commune?: string) {
  const scope = listScope(actor) ?? {};
  let provinceCode = scope.provinceCode;
  let communeCode = scope.communeCode ?? commune;
  if (scope.communeCode && commune && commune !== scope.communeCode) throw forbidden('Xã này nằm ngoài phạm vi của bạn.');
  if (communeCode) {
    const c = await findCommune(db, communeCode);
    if (!c) throw badField('commune', `không có xã, phường mã ${communeCode}`);
    if (scope.provinceCode && c.provinceCode !== scope.provinceCode) throw forbidden('Xã này nằm ngoài phạm vi của bạn.');
    provinceCode = c.provinceCode;
    communeCode = c.code;
  }
  const rows = await repo.positionsFor(db, { provinceCode, communeCode });
  return { items: rows.map((p) => toItem(actor, p)) };
}

type CreateInput = Omit<repo.PositionRow, 'id' | 'code' | 'version' | 'active' | 'sortOrder' | 'provinceCode' | 'communeCode' | 'bloc' | 'officialType' | 'requiredEduLevel'> & {
  provinceCode?: string | null | undefined;
  communeCode?: string | null | undefined;
  bloc?: repo.PositionRow['bloc'] | undefined;
  officialType?: repo.PositionRow['officialType'] | undefined;
  requiredEduLevel?: repo.PositionRow['requiredEduLevel'] | undefined;
};

export async function createPosition(deps: PositionsDeps, actor: Actor, input: CreateInput, meta: RequestMeta): Promise<PositionItem> {
  assertCan(actor, 'positions.manage');
  let provinceCode: string | null = null;
  let communeCode: string | null = null;
  if (input.level === 'commune') {
    communeCode = input.communeCode ?? actor.communeCode;
    if (!communeCode) throw badField('communeCode', 'cần chọn xã');
    const c = await findCommune(deps.db, communeCode);
    if (!c) throw badField('communeCode', `không có xã, phường mã ${communeCode}`);
    provinceCode = c.provinceCode;
  } else if (input.level === 'province') {
    provinceCode = input.provinceCode ?? actor.provinceCode;
    if (!provinceCode) throw badField('provinceCode', 'cần chọn tỉnh');
  }
  const probe = { level: input.level, provinceCode, communeCode };
  if (!canEdit(actor, probe)) throw forbidden('Bạn không được thêm vị trí việc làm ở cấp này.');
  const prefix = input.level === 'national' ? 'VN.' : input.level === 'province' ? `T${provinceCode}.` : `X${communeCode}.`;
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertPosition(tx, {
      code: await repo.nextCode(tx, prefix),
      name: input.name.normalize('NFC').trim(),
      level: input.level,
      provinceCode,
      communeCode,
      bloc: input.bloc ?? null,
      officialType: input.officialType ?? null,
      isLeader: input.isLeader,
      requiredEduLevel: input.requiredEduLevel ?? null,
      requiredStudyFields: input.requiredStudyFields,
      requiredProgrammes: input.requiredProgrammes,
      trainingFields: input.trainingFields,
      sortOrder: 500,
    });
    await recordChange(tx, actor, meta, { action: 'position.create', entityType: 'position', entityId: row.id, provinceCode, communeCode, after: row });
    return toItem(actor, row);
  });
}

export async function updatePosition(
  deps: PositionsDeps,
  actor: Actor,
  id: number,
  input: Partial<Omit<CreateInput, 'level' | 'provinceCode' | 'communeCode'>> & { active?: boolean | undefined; version: number },
  meta: RequestMeta,
): Promise<PositionItem> {
  const before = await repo.findPosition(deps.db, id);
  if (!before) throw notFound();
  const t = ownerTarget(before);
  if (t && !can(actor, 'officials.read', t) && !can(actor, 'positions.manage', t)) throw notFound();
  if (!canEdit(actor, before)) throw forbidden('Bạn không được sửa vị trí việc làm này.');
  const { version, ...rest } = input;
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) patch[k] = typeof v === 'string' ? v.normalize('NFC').trim() : v;
  return deps.db.transaction(async (tx) => {
    const after = await repo.updatePosition(tx, id, version, patch);
    if (!after) throw versionConflict();
    if (input.requiredEduLevel !== undefined || input.requiredStudyFields !== undefined) {
      await recomputeRequirementForPosition(tx, after, actor.username, deps.clock);
    }
    await recordChange(tx, actor, meta, { action: 'position.update', entityType: 'position', entityId: id, provinceCode: before.provinceCode, communeCode: before.communeCode, before, after });
    return toItem(actor, after);
  });
}
