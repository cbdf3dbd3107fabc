/**
 * Pure rules of the key-task tracker (SPEC §10): the "6 rõ" a task must state before it is saved,
 * overdue, and what a status allows for the progress figure.
 */
import { SIX_CLEAR, type KeyTaskInput, type KeyTaskStatus } from '@app/shared';

export interface SixClearFields {
  name: string;
  personInCharge: string;
  leadAgency: string;
  expectedOutput: string;
  deadline: string;
  authority: string;
}

/** The "6 rõ" still missing from a task (blank or whitespace counts as missing). */
export function missingSixClear(t: Partial<Record<keyof SixClearFields, string | null | undefined>>): (typeof SIX_CLEAR)[number][] {
  return SIX_CLEAR.filter((c) => !(t[c.field] ?? '').toString().trim());
}

/** One Vietnamese sentence naming every missing "rõ". */
export function sixClearMessage(missing: readonly (typeof SIX_CLEAR)[number][]): string {
  return `Nhiệm vụ chưa đủ "6 rõ", còn thiếu: ${missing.map((m) => `${m.label} (${m.hint})`).join('; ')}.`;
}

/** Merge an edit onto the stored task (undefined = unchanged) and trim. */
export function mergeInput(
  base: SixClearFields & { cooperatingAgencies: string | null; deadlineText: string | null; groupName: string | null },
  input: KeyTaskInput,
) {
  const pick = (v: string | null | undefined, old: string | null) => (v === undefined ? old : v === null ? null : v.trim() || null);
  return {
    name: pick(input.name, base.name),
    personInCharge: pick(input.personInCharge, base.personInCharge),
    leadAgency: pick(input.leadAgency, base.leadAgency),
    expectedOutput: pick(input.expectedOutput, base.expectedOutput),
    deadline: input.deadline === undefined ? base.deadline : input.deadline || null,
    authority: pick(input.authority, base.authority),
    cooperatingAgencies: pick(input.cooperatingAgencies, base.cooperatingAgencies),
    deadlineText: pick(input.deadlineText, base.deadlineText),
    groupName: pick(input.groupName, base.groupName),
  };
}

export function isTaskOverdue(t: { status: KeyTaskStatus; deadline: string }, today: string): boolean {
  return t.status !== 'hoan_thanh' && t.deadline < today;
}

/** Progress allowed with a status: not started = 0, done = 100, in progress / paused strictly between or at the ends. */
export function progressProblem(status: KeyTaskStatus, progress: number): string | null {
  if (status === 'chua_bat_dau' && progress !== 0) return 'nhiệm vụ chưa bắt đầu thì tiến độ phải là 0%';
  if (status === 'hoan_thanh' && progress !== 100) return 'nhiệm vụ hoàn thành thì tiến độ phải là 100%';
  if (status === 'dang_thuc_hien' && progress === 100) return 'tiến độ 100% thì chọn trạng thái "Hoàn thành"';
  return null;
}
