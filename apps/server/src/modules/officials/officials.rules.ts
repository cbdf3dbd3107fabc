/** Pure rules of the officials registry (SPEC §3). No IO: unit-tested exhaustively. */
import { EDU_LEVELS, type EduLevel } from '@app/shared';

/** NFC, trimmed, inner runs of spaces collapsed: how names are stored. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The given name is the last word of a Vietnamese full name; lists sort by it first. */
export function givenNameOf(fullName: string): string {
  const words = cleanText(fullName).split(' ');
  return words[words.length - 1] ?? '';
}

/** Vietnamese name order: given name, then the whole name (family and middle names). */
const collator = new Intl.Collator('vi', { sensitivity: 'base' });
export function compareVietnameseNames(a: string, b: string): number {
  return collator.compare(givenNameOf(a), givenNameOf(b)) || collator.compare(cleanText(a), cleanText(b));
}

export interface PositionRequirement {
  requiredEduLevel: EduLevel | null;
  requiredStudyFields: string[];
}

export interface Qualification {
  eduLevel: EduLevel | null;
  studyField: string | null;
}

/**
 * Does the official meet the position's professional requirement? true/false where the data
 * decides it; null when it cannot (no position, no requirement, or missing qualification data).
 */
export function computeMeetsRequirement(q: Qualification, position: PositionRequirement | null): boolean | null {
  if (!position) return null;
  const needsLevel = position.requiredEduLevel !== null;
  const needsField = position.requiredStudyFields.length > 0;
  if (!needsLevel && !needsField) return null;
  let unknown = false;
  if (needsLevel) {
    if (!q.eduLevel) unknown = true;
    else if (EDU_LEVELS.indexOf(q.eduLevel) < EDU_LEVELS.indexOf(position.requiredEduLevel!)) return false;
  }
  if (needsField) {
    if (!q.studyField) unknown = true;
    else if (!position.requiredStudyFields.includes(q.studyField)) return false;
  }
  return unknown ? null : true;
}

/** The admin's override wins; below standard only when the effective answer is a definite "no". */
export function effectiveMeets(computed: boolean | null, override: boolean | null): boolean | null {
  return override ?? computed;
}
export function isBelowStandard(computed: boolean | null, override: boolean | null): boolean {
  return effectiveMeets(computed, override) === false;
}

/** The day before a date (an assignment ends the day before the next status starts). */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Statuses that end the person's service in the commune. */
export function endsService(status: string): boolean {
  return status === 'nghi_huu' || status === 'chuyen_cong_tac' || status === 'thoi_viec';
}

/** Excel-friendly date parsing: dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd; returns ISO or null. */
export function parseVietnameseDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (match) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** Reasonable birth dates for a serving official on `today`: aged 18 to 75. */
export function birthDateProblem(birthDate: string, today: string): string | null {
  const y = Number(today.slice(0, 4));
  if (birthDate > `${y - 18}${today.slice(4)}`) return 'ngày sinh cho thấy chưa đủ 18 tuổi';
  if (birthDate < `${y - 75}${today.slice(4)}`) return 'ngày sinh cho thấy trên 75 tuổi';
  return null;
}
