/**
 * Pure rules of who is who (SPEC §3 re-import without duplicates): duplicates inside the file,
 * matching rows with people already registered (by CCCD, else by name + birth date in the commune),
 * and which fields of a matched person a row changes. No IO.
 */
import type { FieldKey } from './roster-columns.ts';
import { exactKey } from './roster-cells.rules.ts';
import { columnTitle, type ParsedRow, type RowError, type RowValues } from './roster-import.rules.ts';

// ---------------------------------------------------------------- duplicates inside the file

export function nameBirthKey(fullName: string, birthDate: string): string {
  return `${exactKey(fullName)}|${birthDate}`;
}

/** Same CCCD twice, or same name and birth date without CCCDs that tell two people apart. */
export function duplicatesInFile(rows: readonly ParsedRow[]): RowError[] {
  const errors: RowError[] = [];
  const byCccd = new Map<string, number>();
  const byNameBirth = new Map<string, { row: number; cccd: string | null }[]>();
  for (const r of rows) {
    const { cccd, fullName, birthDate } = r.values;
    if (cccd) {
      const first = byCccd.get(cccd);
      if (first !== undefined) {
        errors.push({
          row: r.row,
          column: columnTitle('cccd'),
          message: `Số CCCD ${cccd} trùng với dòng ${first} trong tệp; mỗi người chỉ được có một dòng — hãy xóa dòng trùng hoặc sửa số CCCD.`,
        });
        continue;
      }
      byCccd.set(cccd, r.row);
    }
    if (fullName && birthDate) {
      const k = nameBirthKey(fullName, birthDate);
      const earlier = byNameBirth.get(k) ?? [];
      const clash = earlier.find((e) => !(cccd && e.cccd && e.cccd !== cccd));
      if (clash) {
        errors.push({
          row: r.row,
          column: columnTitle('fullName'),
          message: `Trùng họ tên và ngày sinh với dòng ${clash.row} trong tệp; nếu là hai người khác nhau, hãy ghi số CCCD cho cả hai dòng, nếu là một người hãy xóa dòng trùng.`,
        });
      }
      earlier.push({ row: r.row, cccd: cccd ?? null });
      byNameBirth.set(k, earlier);
    }
  }
  return errors;
}

// ---------------------------------------------------------------- matching people already registered

export interface ExistingOfficial {
  id: string;
  communeCode: string;
  fullName: string;
  birthDate: string;
  cccd: string | null;
}

export const CCCD_ELSEWHERE = 'Số CCCD đã thuộc về một hồ sơ ở đơn vị khác; liên hệ Sở Nội vụ để được hỗ trợ.';

export type RowMatch = { row: number; kind: 'create' } | { row: number; kind: 'update'; officialId: string };

/**
 * Re-import matching (SPEC §3): by CCCD; else by (cleaned full name, birth date) in the commune. A
 * registered person whose CCCD differs from the row's is a different person. A CCCD registered in
 * another commune is refused without saying whose it is.
 */
export function matchRows(
  rows: readonly ParsedRow[],
  communeCode: string,
  byCccd: ReadonlyMap<string, ExistingOfficial>,
  communeOfficials: readonly ExistingOfficial[],
): { matches: RowMatch[]; errors: RowError[] } {
  const byNameBirth = new Map<string, ExistingOfficial[]>();
  for (const o of communeOfficials) {
    const k = nameBirthKey(o.fullName, o.birthDate);
    byNameBirth.set(k, [...(byNameBirth.get(k) ?? []), o]);
  }
  const claimed = new Map<string, number>();
  const matches: RowMatch[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const { cccd, fullName, birthDate } = r.values;
    let target: ExistingOfficial | undefined;
    const hit = cccd ? byCccd.get(cccd) : undefined;
    if (hit) {
      if (hit.communeCode !== communeCode) {
        errors.push({ row: r.row, column: columnTitle('cccd'), message: CCCD_ELSEWHERE });
        continue;
      }
      target = hit;
    } else if (fullName && birthDate) {
      const candidates = (byNameBirth.get(nameBirthKey(fullName, birthDate)) ?? []).filter((o) => !cccd || !o.cccd || o.cccd === cccd);
      if (candidates.length > 1) {
        errors.push({
          row: r.row,
          column: columnTitle('fullName'),
          message: `Xã đang có ${candidates.length} hồ sơ cùng họ tên và ngày sinh này; hãy ghi số CCCD để hệ thống biết là người nào.`,
        });
        continue;
      }
      target = candidates[0];
    }
    if (!target) {
      matches.push({ row: r.row, kind: 'create' });
      continue;
    }
    const first = claimed.get(target.id);
    if (first !== undefined) {
      errors.push({
        row: r.row,
        column: columnTitle(hit ? 'cccd' : 'fullName'),
        message: `Dòng này và dòng ${first} cùng là một người đã có trong hệ thống; mỗi người chỉ được có một dòng — hãy xóa dòng trùng.`,
      });
      continue;
    }
    claimed.set(target.id, r.row);
    matches.push({ row: r.row, kind: 'update', officialId: target.id });
  }
  return { matches, errors };
}

// ---------------------------------------------------------------- what changed

/**
 * Fields of a matched person that the row changes: only columns present in the file; an empty
 * CCCD cell never erases a registered CCCD (it is how people are recognised).
 */
export function changedFields(
  current: Readonly<Record<FieldKey, unknown>>,
  values: Partial<RowValues>,
  present: ReadonlySet<FieldKey>,
): Partial<RowValues> {
  const patch: Partial<RowValues> = {};
  const p = patch as Record<string, unknown>;
  for (const key of present) {
    const next = (values as Record<string, unknown>)[key];
    if (next === undefined) continue;
    if (key === 'cccd' && next === null) continue;
    if ((current[key] ?? null) !== next) p[key] = next;
  }
  return patch;
}
