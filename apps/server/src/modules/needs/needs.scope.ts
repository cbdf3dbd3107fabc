/**
 * Which places a caller may ask about for needs (SPEC §0 scopes, §4): parsing and checking the
 * `scope` / `commune` query parameters, and who may run a review. Permissions come from authz/policy.ts.
 */
import type { Db } from '../../db/client.ts';
import { can, inScope, listScope, type Actor, type Target } from '../../authz/policy.ts';
import { AppError, badField } from '../../http/errors.ts';
import { findCommune, findProvince, type CommuneRow } from '../units/units.repository.ts';
import type { NeedRow } from './needs.repository.ts';

/** A refusal naming the query parameter that asked for a place outside the caller's scope. */
export function outOfScope(field: string, message: string): AppError {
  return new AppError(403, 'FORBIDDEN', message, [{ field, message }]);
}

/** Officials read their own needs on their own page, not the registers (SPEC §7). */
export function refuseSelfScope(actor: Actor): void {
  if (actor.role === 'official') {
    throw new AppError(403, 'FORBIDDEN', 'Cán bộ, công chức chỉ xem nhu cầu bồi dưỡng của chính mình (mục "Trang của tôi").');
  }
}

export type ResolvedScope =
  | { level: 'commune'; scope: string; commune: CommuneRow }
  | { level: 'province'; scope: string; provinceCode: string; name: string }
  | { level: 'nation'; scope: string; name: string };

/** A commune asked for in a query parameter, checked against the caller's scope (403 outside it, 400 when unknown). */
export async function communeInScope(db: Db, actor: Actor, code: string, field: string): Promise<CommuneRow> {
  const s = listScope(actor);
  if (!s) throw outOfScope(field, 'Xã này nằm ngoài phạm vi của bạn.');
  if (s.communeCode && s.communeCode !== code) throw outOfScope(field, 'Xã này nằm ngoài phạm vi của bạn.');
  const c = await findCommune(db, code);
  if (!c) throw badField(field, `không có xã, phường mã ${code}`);
  if (s.provinceCode && c.provinceCode !== s.provinceCode) throw outOfScope(field, 'Xã này nằm ngoài phạm vi của bạn.');
  return c;
}

/** Parses `commune:<code>|province:<code>|nation` (absent = the caller's own scope) and checks it. */
export async function resolveScope(db: Db, actor: Actor, raw: string | undefined): Promise<ResolvedScope> {
  const s = listScope(actor);
  if (!s) throw outOfScope('scope', 'Bạn không có phạm vi dữ liệu để xem.');
  const text = raw ?? (s.communeCode ? `commune:${s.communeCode}` : s.provinceCode ? `province:${s.provinceCode}` : 'nation');
  const [kind, code] = text.split(':') as [string, string | undefined];
  if (kind === 'commune' && code) {
    const commune = await communeInScope(db, actor, code, 'scope');
    return { level: 'commune', scope: `commune:${commune.code}`, commune };
  }
  if (kind === 'province' && code) {
    if (s.communeCode || (s.provinceCode && s.provinceCode !== code))
      throw outOfScope('scope', 'Tỉnh, thành phố này nằm ngoài phạm vi của bạn.');
    const p = await findProvince(db, code);
    if (!p) throw badField('scope', `không có tỉnh, thành phố mã ${code}`);
    return { level: 'province', scope: `province:${code}`, provinceCode: code, name: p.fullName };
  }
  if (kind === 'nation') {
    if (s.communeCode || s.provinceCode)
      throw outOfScope('scope', 'Bạn chỉ xem được số liệu trong phạm vi của mình, không xem được số liệu toàn quốc.');
    return { level: 'nation', scope: 'nation', name: 'Toàn quốc' };
  }
  throw badField('scope', 'phải có dạng commune:<mã xã>, province:<mã tỉnh> hoặc nation');
}

/** Who runs the review: the commune admin, or the province admin for a commune of its province (SPEC §4). */
export function canReview(actor: Actor, target: Target): boolean {
  if (can(actor, 'needs.manage', target)) return true;
  return actor.role === 'province_admin' && inScope(actor, target);
}

export function communeTarget(c: Pick<CommuneRow, 'code' | 'provinceCode'>): Target {
  return { provinceCode: c.provinceCode, communeCode: c.code };
}

/** A need is about a person: who may see or decide it follows the official's current place. */
export function needTarget(r: {
  n: NeedRow;
  officialProvinceCode: string;
  officialCommuneCode: string;
  officialUnitId: number | null;
}): Target {
  return { provinceCode: r.officialProvinceCode, communeCode: r.officialCommuneCode, unitId: r.officialUnitId, officialId: r.n.officialId };
}
