/**
 * Effect analysis (issue 5 item 7): per programme or training organisation, the change of the annual
 * rating score of officials trained in the year vs comparable untrained officials (same commune type
 * and position group), and the citizen satisfaction recorded in their evaluations. No claim under
 * the minimum group size.
 */
import type { EffectRow, EffectsResponse } from '@app/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { assertCan, scopeOf, type Actor } from '../../authz/policy.ts';
import { forbidden } from '../../http/errors.ts';
import * as repo from './effects.repository.ts';
import { compareGroups, mean, MIN_GROUP_SIZE } from './effects.rules.ts';

export async function effects(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  q: { provinceCode?: string; year?: number; by: 'programme' | 'organiser' },
): Promise<EffectsResponse> {
  const own = scopeOf(actor);
  const provinceCode = own.level === 'nation' ? q.provinceCode : (q.provinceCode ?? actor.provinceCode ?? undefined);
  // A province (or nation) view: commune, unit and personal scopes are refused (404 outside the scope).
  assertCan(actor, 'effects.read', provinceCode ? { provinceCode } : {});
  if (own.level !== 'nation' && own.level !== 'province') throw forbidden();
  const year = q.year ?? Number(deps.clock.today().slice(0, 4));
  const rows = await repo.ratingChanges(deps.db, { ...(provinceCode ? { provinceCode } : {}), year, by: q.by });
  const trainedIds = new Set(rows.filter((r) => r.group_key !== null).map((r) => r.official_id));
  const untrainedMap = new Map<string, { stratum: string; change: number }>();
  for (const r of rows)
    if (!trainedIds.has(r.official_id)) untrainedMap.set(r.official_id, { stratum: r.stratum, change: Number(r.change) });
  const untrained = [...untrainedMap.values()];
  const groups = new Map<string, { name: string; people: Map<string, { stratum: string; change: number }>; satisfaction: number[] }>();
  for (const r of rows) {
    if (r.group_key === null) continue;
    const g = groups.get(r.group_key) ?? { name: r.group_name ?? r.group_key, people: new Map(), satisfaction: [] as number[] };
    g.people.set(r.official_id, { stratum: r.stratum, change: Number(r.change) });
    if (r.satisfaction !== null) g.satisfaction.push(Number(r.satisfaction));
    groups.set(r.group_key, g);
  }
  const out: EffectRow[] = [...groups.entries()]
    .map(([key, g]) => {
      const m = mean(g.satisfaction);
      return {
        key,
        name: g.name,
        ...compareGroups([...g.people.values()], untrained, MIN_GROUP_SIZE),
        satisfaction: {
          n: g.satisfaction.length,
          mean: g.satisfaction.length >= MIN_GROUP_SIZE && m !== null ? Math.round(m * 100) / 100 : null,
        },
      };
    })
    .sort((a, b) => b.trained.n - a.trained.n || a.name.localeCompare(b.name, 'vi'));
  return { year, by: q.by, minGroupSize: MIN_GROUP_SIZE, rows: out };
}
