/** Administrative units, agencies inside communes, training organisations (SPEC §2). */
import type { CommuneItem, TrainingOrgItem, UnitItem } from '@app/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { assertCan, can, type Actor } from '../../authz/policy.ts';
import { badField, conflict, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import * as repo from './units.repository.ts';

export interface UnitsDeps {
  db: Db;
  clock: Clock;
}

export function toCommuneItem(c: repo.CommuneRow): CommuneItem {
  return {
    code: c.code,
    provinceCode: c.provinceCode,
    name: c.name,
    fullName: c.fullName,
    nameEn: c.nameEn,
    type: c.type,
    regionType: c.regionType,
    areaClass: c.areaClass,
    lat: c.lat,
    lon: c.lon,
    areaKm2: c.areaKm2,
    validFrom: c.validFrom,
    validTo: c.validTo,
    version: c.version,
  };
}

function toUnitItem(u: repo.UnitRow): UnitItem {
  return {
    id: u.id,
    communeCode: u.communeCode,
    name: u.name,
    kind: u.kind,
    bloc: u.bloc,
    parentId: u.parentId,
    isDefault: u.isDefault,
    sortOrder: u.sortOrder,
    validFrom: u.validFrom,
    validTo: u.validTo,
    version: u.version,
  };
}

function toTrainingOrgItem(t: repo.TrainingOrgRow): TrainingOrgItem {
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    shortName: t.shortName,
    kind: t.kind,
    provinceCode: t.provinceCode,
    active: t.active,
    version: t.version,
  };
}

export async function listProvinces(db: Db) {
  return { items: await repo.listProvincesWithCounts(db) };
}

export async function listCommunesOfProvince(db: Db, provinceCode: string, filter: Omit<Parameters<typeof repo.listCommunes>[1], 'provinceCode'>) {
  if (!(await repo.findProvince(db, provinceCode))) throw notFound(`Không có tỉnh, thành phố mã ${provinceCode}.`);
  const rows = await repo.listCommunes(db, { ...filter, provinceCode });
  return { items: rows.map(toCommuneItem), total: rows.length };
}

async function communeInScope(db: Db, actor: Actor, code: string): Promise<repo.CommuneRow> {
  const c = await repo.findCommune(db, code);
  if (!c) throw notFound();
  assertCan(actor, 'units.read', { provinceCode: c.provinceCode, communeCode: c.code });
  return c;
}

export async function getCommuneDetail(db: Db, actor: Actor, code: string) {
  const c = await communeInScope(db, actor, code);
  const [province, units] = await Promise.all([repo.findProvince(db, c.provinceCode), repo.listUnits(db, c.code)]);
  const target = { provinceCode: c.provinceCode, communeCode: c.code };
  return {
    commune: toCommuneItem(c),
    provinceName: province?.fullName ?? '',
    units: units.map(toUnitItem),
    canEditRegionType: can(actor, 'units.editRegionType', target),
    canManageUnits: can(actor, 'units.manageCommuneUnits', target),
  };
}

export async function updateCommune(
  deps: UnitsDeps,
  actor: Actor,
  code: string,
  input: { regionType?: repo.CommuneRow['regionType']; areaClass?: repo.CommuneRow['areaClass']; version: number },
  meta: RequestMeta,
): Promise<CommuneItem> {
  const before = await communeInScope(deps.db, actor, code);
  assertCan(actor, 'units.editRegionType', { provinceCode: before.provinceCode, communeCode: before.code });
  const patch: Partial<Pick<repo.CommuneRow, 'regionType' | 'areaClass'>> = {};
  if (input.regionType !== undefined) patch.regionType = input.regionType;
  if (input.areaClass !== undefined) patch.areaClass = input.areaClass;
  if (Object.keys(patch).length === 0) throw badField('regionType', 'không có thay đổi nào để lưu');
  return deps.db.transaction(async (tx) => {
    const after = await repo.updateCommune(tx, code, input.version, patch);
    if (!after) throw versionConflict();
    await recordChange(tx, actor, meta, {
      action: 'commune.update',
      entityType: 'commune',
      entityId: code,
      provinceCode: before.provinceCode,
      communeCode: code,
      before: { regionType: before.regionType, areaClass: before.areaClass },
      after: { regionType: after.regionType, areaClass: after.areaClass },
    });
    return toCommuneItem(after);
  });
}

export async function createUnit(
  deps: UnitsDeps,
  actor: Actor,
  communeCode: string,
  input: { name: string; bloc: repo.UnitRow['bloc']; parentId?: number | null | undefined },
  meta: RequestMeta,
): Promise<UnitItem> {
  const c = await communeInScope(deps.db, actor, communeCode);
  assertCan(actor, 'units.manageCommuneUnits', { provinceCode: c.provinceCode, communeCode: c.code });
  const name = input.name.normalize('NFC');
  if (input.parentId != null) {
    const parent = await repo.findUnit(deps.db, input.parentId);
    if (!parent || parent.communeCode !== c.code) throw badField('parentId', 'đơn vị cấp trên không thuộc xã này');
  }
  return deps.db.transaction(async (tx) => {
    if ((await repo.countUnitsNamed(tx, c.code, name)) > 0) throw conflict(`Xã đã có đơn vị tên "${name}".`, 'name');
    const row = await repo.insertUnit(tx, {
      provinceCode: c.provinceCode,
      communeCode: c.code,
      name,
      kind: 'tu_bo_sung',
      bloc: input.bloc,
      parentId: input.parentId ?? null,
      isDefault: false,
      sortOrder: 900,
      validFrom: deps.clock.today(),
    });
    await recordChange(tx, actor, meta, {
      action: 'unit.create',
      entityType: 'unit',
      entityId: row.id,
      provinceCode: c.provinceCode,
      communeCode: c.code,
      after: toUnitItem(row),
    });
    return toUnitItem(row);
  });
}

export async function updateUnit(
  deps: UnitsDeps,
  actor: Actor,
  id: number,
  input: { name?: string | undefined; bloc?: repo.UnitRow['bloc'] | undefined; validTo?: string | null | undefined; version: number },
  meta: RequestMeta,
): Promise<UnitItem> {
  const before = await repo.findUnit(deps.db, id);
  if (!before) throw notFound();
  assertCan(actor, 'units.manageCommuneUnits', { provinceCode: before.provinceCode, communeCode: before.communeCode });
  if (before.isDefault && input.validTo) {
    throw badField('validTo', 'không thể ngừng hiệu lực đơn vị mặc định của xã (Đảng ủy, HĐND, UBND và các phòng)');
  }
  if (input.validTo && input.validTo < before.validFrom) {
    throw badField('validTo', `ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực (${before.validFrom})`);
  }
  const patch: Partial<Pick<repo.UnitRow, 'name' | 'bloc' | 'validTo'>> = {};
  if (input.name !== undefined) patch.name = input.name.normalize('NFC');
  if (input.bloc !== undefined) patch.bloc = input.bloc;
  if (input.validTo !== undefined) patch.validTo = input.validTo;
  return deps.db.transaction(async (tx) => {
    // A new name, or an archived unit coming back, must not duplicate an active unit's name.
    const renamed = patch.name !== undefined && patch.name.toLowerCase() !== before.name.toLowerCase();
    const revived = input.validTo === null && before.validTo !== null;
    const name = patch.name ?? before.name;
    if ((renamed || revived) && (await repo.countUnitsNamed(tx, before.communeCode, name)) > 0) {
      throw conflict(`Xã đã có đơn vị tên "${name}".`, 'name');
    }
    const after = await repo.updateUnit(tx, id, input.version, patch);
    if (!after) throw versionConflict();
    await recordChange(tx, actor, meta, {
      action: input.validTo ? 'unit.archive' : 'unit.update',
      entityType: 'unit',
      entityId: id,
      provinceCode: before.provinceCode,
      communeCode: before.communeCode,
      before: toUnitItem(before),
      after: toUnitItem(after),
    });
    return toUnitItem(after);
  });
}

export async function listTrainingOrgs(db: Db) {
  return { items: (await repo.listTrainingOrgs(db)).map(toTrainingOrgItem) };
}

export async function createTrainingOrg(
  deps: UnitsDeps,
  actor: Actor,
  input: { code: string; name: string; shortName?: string | null | undefined; kind: repo.TrainingOrgRow['kind']; provinceCode?: string | null | undefined },
  meta: RequestMeta,
): Promise<TrainingOrgItem> {
  assertCan(actor, 'trainingOrgs.manage');
  if (input.provinceCode && !(await repo.findProvince(deps.db, input.provinceCode))) {
    throw badField('provinceCode', `không có tỉnh, thành phố mã ${input.provinceCode}`);
  }
  return deps.db.transaction(async (tx) => {
    if (await repo.findTrainingOrgByCode(tx, input.code)) throw conflict(`Mã cơ sở đào tạo "${input.code}" đã tồn tại.`, 'code');
    const row = await repo.insertTrainingOrg(tx, {
      code: input.code,
      name: input.name.normalize('NFC'),
      shortName: input.shortName ?? null,
      kind: input.kind,
      provinceCode: input.provinceCode ?? null,
    });
    await recordChange(tx, actor, meta, { action: 'training_org.create', entityType: 'training_org', entityId: row.id, provinceCode: row.provinceCode, after: row });
    return toTrainingOrgItem(row);
  });
}

export async function updateTrainingOrg(
  deps: UnitsDeps,
  actor: Actor,
  id: number,
  input: { name?: string | undefined; shortName?: string | null | undefined; active?: boolean | undefined; version: number },
  meta: RequestMeta,
): Promise<TrainingOrgItem> {
  assertCan(actor, 'trainingOrgs.manage');
  const before = await repo.findTrainingOrg(deps.db, id);
  if (!before) throw notFound();
  const patch: Partial<Pick<repo.TrainingOrgRow, 'name' | 'shortName' | 'active'>> = {};
  if (input.name !== undefined) patch.name = input.name.normalize('NFC');
  if (input.shortName !== undefined) patch.shortName = input.shortName;
  if (input.active !== undefined) patch.active = input.active;
  return deps.db.transaction(async (tx) => {
    const after = await repo.updateTrainingOrg(tx, id, input.version, patch);
    if (!after) throw versionConflict();
    await recordChange(tx, actor, meta, { action: 'training_org.update', entityType: 'training_org', entityId: id, provinceCode: before.provinceCode, before, after });
    return toTrainingOrgItem(after);
  });
}
