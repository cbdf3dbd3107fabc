/** Pure rules of login throttling and sessions (no IO). */

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_LOCK_MS = 15 * 60_000;

export interface AttemptState {
  failures: number;
  firstFailureAt: Date;
  lockedUntil: Date | null;
}

/** Seconds until the account may try again, or 0 when it is not locked. */
export function lockRemainingSeconds(state: AttemptState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** State after one more failed attempt: failures inside the window add up; the fifth locks the account. */
export function afterFailure(state: AttemptState | null, now: Date): AttemptState {
  const windowOpen = state && now.getTime() - state.firstFailureAt.getTime() < LOGIN_WINDOW_MS && !lockExpired(state, now);
  const failures = windowOpen ? state.failures + 1 : 1;
  const firstFailureAt = windowOpen ? state.firstFailureAt : now;
  const lockedUntil = failures >= LOGIN_MAX_FAILURES ? new Date(now.getTime() + LOGIN_LOCK_MS) : null;
  return { failures, firstFailureAt, lockedUntil };
}

function lockExpired(state: AttemptState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
}

export function lockedMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${minutes} phút hoặc liên hệ quản trị viên để mở khóa.`;
}

/** Sessions slide: each use pushes expiry out, but we write at most once every few minutes. */
export const SESSION_TOUCH_MS = 5 * 60_000;
export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}

/** Usernames compare case-insensitively and without stray spaces; stored NFC lower-case. */
export function normaliseUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
/** A readable one-time password that satisfies the password policy (letters and digits, 10 chars). */
export function makeTemporaryPassword(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(10);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  if (!/\d/.test(out)) out = out.slice(0, 9) + String(bytes[0]! % 10);
  if (!/[A-Za-z]/.test(out)) out = 'A' + out.slice(1);
  return out;
}
