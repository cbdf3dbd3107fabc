/**
 * Who may read the KPIs of which scope (decided with policy.ts's `assertCan`/`inScope`):
 * national users → any scope; province admin and reviewer → their province and its communes;
 * commune admin and unit head → their own commune (a unit head sees the whole commune's numbers
 * and the per-unit table); learners and training organisations → none (403).
 * A scope outside the reader's area answers 404 (as for any record outside the scope).
 */
import type { KpiScope } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { assertCan, scopeOf, type Actor } from '../../authz/policy.ts';
import { AppError, badField } from '../../http/errors.ts';
import * as repo from './kpis.repository.ts';
import { asOfInRange, parseScope } from './kpis.rules.ts';

const OUT_OF_SCOPE = 'Phạm vi này nằm ngoài phạm vi quản lý của bạn; không xem được chỉ tiêu.';

export async function resolveScope(db: DbOrTx, actor: Actor, scopeText: string, asOf: string): Promise<KpiScope> {
  assertCan(actor, 'kpis.read');
  if (!asOfInRange(asOf)) throw badField('asOf', 'phải trong khoảng 01/01/2026 – 31/12/2031');
  const scope = parseScope(scopeText);
  if (!scope) throw badField('scope', 'phải là nation, province:<mã tỉnh> hoặc commune:<mã xã>');
  const place = await repo.scopeExists(db, scope);
  if (!place)
    throw badField(
      'scope',
      scope.level === 'province'
        ? `không có tỉnh mã ${scope.provinceCode}`
        : `không có xã mã ${(scope as { communeCode: string }).communeCode}`,
    );
  const own = scopeOf(actor);
  let ok: boolean;
  if (own.level === 'nation') ok = true;
  else if (scope.level === 'nation') ok = false;
  else if (own.level === 'province') ok = place.provinceCode === own.provinceCode;
  else if (own.level === 'commune' || own.level === 'unit') ok = scope.level === 'commune' && place.communeCode === own.communeCode;
  else ok = false;
  if (!ok) throw new AppError(404, 'NOT_FOUND', OUT_OF_SCOPE, [{ field: 'scope', message: OUT_OF_SCOPE }]);
  return scope;
}
