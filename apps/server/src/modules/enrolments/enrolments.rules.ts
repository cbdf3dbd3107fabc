/**
 * Pure rules of nominations (SPEC §6): the decision date, seats and the waiting list, and the
 * service-continuity guard (Decision 700 §I.3; seed 002 §I.2: sending people to training must not
 * stall a unit or the citizen-service desk). No IO; unit-tested in enrolments.rules.test.ts.
 */
import { formatDateVi, type EnrolmentStatus, type ScheduleType } from '@app/shared';

/** Unit kind of the Trung tâm phục vụ hành chính công (default units of every commune). */
export const SERVICE_CENTRE_KIND = 'trung_tam_phvhcc';
/** Defaults when a province has saved no settings (SPEC §6). */
export const DEFAULT_CONTINUITY = { maxSharePct: 30, serviceCentreMinStaff: 2, requireUnitHeadApproval: false } as const;

// ---------------------------------------------------------------- decision date

/** The decision ("quyết định cử") is dated on or before today and on or before the class ends. */
export function decisionDateProblem(decisionDate: string, today: string, classEndDate: string): string | null {
  if (decisionDate > today) return `không được sau ngày hôm nay (${formatDateVi(today)}), đang là ${formatDateVi(decisionDate)}`;
  if (decisionDate > classEndDate) {
    return `không được sau ngày bế giảng của lớp (${formatDateVi(classEndDate)}), đang là ${formatDateVi(decisionDate)}`;
  }
  return null;
}

// ---------------------------------------------------------------- seats and waiting list

/** Statuses that hold a seat of the class (capacity counts them). */
export const SEAT_STATUSES: readonly EnrolmentStatus[] = ['nominated', 'pending_approval'];

export interface SeatPlan {
  status: EnrolmentStatus;
  waitlistPosition: number | null;
}

/**
 * Seats for the people of one request, in the order given: while seats are free they get a seat
 * (pending the unit head's approval when required), then the waiting list continues after its
 * current last position. Over capacity is not an error (SPEC §6 "a waiting list is kept").
 */
export function allocateSeats(
  people: readonly { needsApproval: boolean }[],
  capacity: number,
  seatsTaken: number,
  lastWaitlistPosition: number,
): SeatPlan[] {
  let free = Math.max(0, capacity - seatsTaken);
  let position = lastWaitlistPosition;
  return people.map((p) => {
    if (free > 0) {
      free--;
      return { status: p.needsApproval ? 'pending_approval' : 'nominated', waitlistPosition: null };
    }
    position++;
    return { status: 'waitlisted', waitlistPosition: position };
  });
}

/** Two date ranges (inclusive) share at least one day. */
export function datesOverlap(a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

// ---------------------------------------------------------------- service-continuity guard

/**
 * Most people of a unit of `staff` active people who may be away at once:
 * max(0, min(floor(staff × share%), staff − 1)).
 * "At most 30%, at least one person always stays": the share is rounded down (30% of 8 = 2.4 → 2),
 * and never everybody (a share of 100% still leaves one). Consequences, deliberately: a unit of 1
 * can never send its only person in office hours, and with the default 30% a unit of 2 or 3 can
 * send nobody (30% of 3 = 0.9 → 0) without an override — 30% of those units is less than one
 * person. Only units of 4 or more may send someone (one of 4–6, two of 7–9, …).
 */
export function maxAway(staff: number, maxSharePct: number): number {
  if (staff <= 0) return 0;
  return Math.max(0, Math.min(Math.floor((staff * maxSharePct) / 100), staff - 1));
}

export interface GuardUnit {
  id: number;
  name: string;
  kind: string;
  communeCode: string;
  /** Active staff (in service) of the unit. */
  staff: number;
}

export interface GuardInput {
  scheduleType: ScheduleType;
  settings: { maxSharePct: number; serviceCentreMinStaff: number };
  /** Days the class is taught (see `classDays`). */
  days: readonly string[];
  units: readonly GuardUnit[];
  /** People already away in in-office-hours classes (seat-holding nominations), one row per person and day. */
  away: readonly { officialId: string; unitId: number; date: string }[];
  /** The people this request would send (those who get a seat), with their unit. */
  newcomers: readonly { officialId: string; unitId: number | null }[];
}

export interface Shortfall {
  date: string;
  unitId: number;
  unitName: string;
  communeCode: string;
  staff: number;
  away: number;
  present: number;
  allowedAway: number;
  reason: 'share' | 'last_person' | 'service_centre';
  message: string;
}

export interface GuardResult {
  applies: boolean;
  ok: boolean;
  days: string[];
  shortfalls: Shortfall[];
}

/** Only in-office-hours classes take people off their desks (after hours, evenings and weekends never count). */
export function guardApplies(scheduleType: ScheduleType): boolean {
  return scheduleType === 'trong_gio';
}

function isoDay(d: string): number {
  const day = new Date(`${d}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Days a class takes its learners away: the dates of its sessions; while no session is planned yet,
 * every working day (Monday–Friday) between its start and end (the cautious assumption).
 */
export function classDays(c: { startDate: string; endDate: string }, sessionDates: readonly string[]): string[] {
  if (sessionDates.length) return [...new Set(sessionDates)].sort();
  const out: string[] = [];
  const end = new Date(`${c.endDate}T00:00:00Z`).getTime();
  for (let t = new Date(`${c.startDate}T00:00:00Z`).getTime(); t <= end && out.length < 1000; t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (isoDay(d) <= 5) out.push(d);
  }
  return out;
}

/**
 * Checks every unit of the people being sent on every day of the class: those away that day (already
 * nominated to in-office-hours classes, plus this request) may not exceed `maxAway(staff, share)`,
 * and the service centre keeps `serviceCentreMinStaff` people present. Only (day, unit) pairs this
 * request adds someone to are reported, so an old overload elsewhere does not block an unrelated
 * nomination. People without a unit are not counted.
 */
export function checkContinuity(input: GuardInput): GuardResult {
  if (!guardApplies(input.scheduleType)) return { applies: false, ok: true, days: [], shortfalls: [] };
  const days = [...new Set(input.days)].sort();
  const units = new Map(input.units.map((u) => [u.id, u]));
  const newcomersByUnit = new Map<number, Set<string>>();
  for (const n of input.newcomers) {
    if (n.unitId === null) continue;
    const set = newcomersByUnit.get(n.unitId) ?? new Set<string>();
    set.add(n.officialId);
    newcomersByUnit.set(n.unitId, set);
  }
  const shortfalls: Shortfall[] = [];
  for (const date of days) {
    for (const [unitId, newcomers] of newcomersByUnit) {
      const unit = units.get(unitId);
      if (!unit) continue;
      const awaySet = new Set(newcomers);
      for (const a of input.away) if (a.unitId === unitId && a.date === date) awaySet.add(a.officialId);
      const away = awaySet.size;
      const byShare = maxAway(unit.staff, input.settings.maxSharePct);
      const isCentre = unit.kind === SERVICE_CENTRE_KIND;
      const byCentre = isCentre ? Math.max(0, unit.staff - input.settings.serviceCentreMinStaff) : Infinity;
      const allowedAway = Math.min(byShare, byCentre);
      if (away <= allowedAway) continue;
      const present = Math.max(0, unit.staff - away);
      // Which limit binds: the centre's minimum, "one always stays" (the share would allow everyone), or the share.
      const shareOnly = Math.floor((unit.staff * input.settings.maxSharePct) / 100);
      const reason: Shortfall['reason'] = byCentre < byShare ? 'service_centre' : shareOnly >= unit.staff - 1 ? 'last_person' : 'share';
      shortfalls.push({
        date,
        unitId,
        unitName: unit.name,
        communeCode: unit.communeCode,
        staff: unit.staff,
        away,
        present,
        allowedAway,
        reason,
        message: shortfallMessage(date, unit.name, present, unit.staff, allowedAway, reason, input.settings),
      });
    }
  }
  shortfalls.sort((a, b) => (a.date === b.date ? a.unitName.localeCompare(b.unitName, 'vi') : a.date < b.date ? -1 : 1));
  return { applies: true, ok: shortfalls.length === 0, days, shortfalls };
}

function shortfallMessage(
  date: string,
  unitName: string,
  present: number,
  staff: number,
  allowedAway: number,
  reason: Shortfall['reason'],
  s: { maxSharePct: number; serviceCentreMinStaff: number },
): string {
  const head = `Ngày ${formatDateVi(date)}, ${unitName} chỉ còn ${present}/${staff} người`;
  switch (reason) {
    case 'service_centre':
      return `${head} (Trung tâm phục vụ hành chính công phải luôn có ít nhất ${s.serviceCentreMinStaff} người trực)`;
    case 'last_person':
      return `${head} (đơn vị phải luôn còn ít nhất 1 người làm việc)`;
    case 'share':
      return `${head} (tối đa ${s.maxSharePct}% được vắng, tức ${allowedAway} người)`;
  }
}

/** The refusal shown when the guard blocks a nomination. */
export function guardRefusalMessage(shortfalls: readonly Shortfall[]): string {
  const lines = shortfalls.slice(0, 10).map((s) => s.message);
  const more = shortfalls.length > 10 ? `; và ${shortfalls.length - 10} trường hợp khác` : '';
  return `Cử học trong giờ hành chính như vậy sẽ làm đơn vị thiếu người làm việc: ${lines.join('; ')}${more}. Hãy chọn người khác hoặc lớp ngoài giờ; nếu vẫn cần cử, hãy ghi lý do (overrideReason).`;
}

/** A seat needs the unit head's approval when the class or the province asks for it and the person has a unit (and so a head). */
export function needsUnitHeadApproval(classRequires: boolean, provinceRequires: boolean, hasUnit: boolean): boolean {
  return (classRequires || provinceRequires) && hasUnit;
}

/** The province's settings, or the defaults while none were saved. */
export function effectiveSettings(
  row: { maxSharePct: number; serviceCentreMinStaff: number; requireUnitHeadApproval: boolean } | undefined,
) {
  return row
    ? {
        maxSharePct: row.maxSharePct,
        serviceCentreMinStaff: row.serviceCentreMinStaff,
        requireUnitHeadApproval: row.requireUnitHeadApproval,
      }
    : { ...DEFAULT_CONTINUITY };
}

/** Statuses of a class in which a freed seat goes to the first person of the waiting list. */
export function promotesFromWaitlist(classStatus: string): boolean {
  return classStatus === 'planned' || classStatus === 'open' || classStatus === 'running';
}
