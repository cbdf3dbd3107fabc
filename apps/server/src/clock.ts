/**
 * One clock for the whole server (SPEC §13): "today" comes from here and can be pinned with
 * APP_TODAY=YYYY-MM-DD outside production so demos and tests can stand on any date of 2026–2031.
 * Calendar dates are Vietnam dates (UTC+7).
 */
export interface Clock {
  now(): Date;
  /** Today's date in Vietnam, as YYYY-MM-DD. */
  today(): string;
}

const VN_OFFSET_MS = 7 * 3600_000;

export function vietnamDate(d: Date): string {
  return new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export function createClock(appToday: string | undefined, env: string): Clock {
  if (appToday && env !== 'production') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(appToday) || Number.isNaN(Date.parse(appToday))) {
      throw new Error(`APP_TODAY phải có dạng YYYY-MM-DD, nhận được: ${appToday}`);
    }
    // The date is pinned; the time of day still moves so sessions and lockouts expire normally.
    const pinnedStart = Date.parse(`${appToday}T00:00:00+07:00`);
    const realStart = Date.parse(`${vietnamDate(new Date())}T00:00:00+07:00`);
    const shift = pinnedStart - realStart;
    return {
      now: () => new Date(Date.now() + shift),
      today: () => appToday,
    };
  }
  return { now: () => new Date(), today: () => vietnamDate(new Date()) };
}
