/** The per-commune Excel template (SPEC §3): headers, drop-downs of the commune's units and usable positions, instructions. */
import type { Actor } from '../../authz/policy.ts';
import * as repo from './roster-import.repository.ts';
import { resolveCommune, type RosterDeps } from './roster-import.service.ts';
import { buildTemplate } from './roster-workbook.ts';

export async function templateFor(
  deps: RosterDeps,
  actor: Actor,
  commune: string | undefined,
): Promise<{ buffer: Buffer; fileName: string }> {
  const c = await resolveCommune(deps.db, actor, commune);
  const [units, positions] = await Promise.all([repo.activeUnits(deps.db, c.code), repo.usablePositions(deps.db, c.provinceCode, c.code)]);
  const buffer = await buildTemplate({ communeName: c.fullName, units, positions });
  return { buffer, fileName: `mau-danh-sach-cbcc-${c.code}.xlsx` };
}
