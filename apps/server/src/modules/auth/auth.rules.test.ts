/** Pure rules of login throttling, usernames and temporary passwords (no database). */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChangePasswordRequest } from '@app/shared';
import {
  LOGIN_LOCK_MS,
  LOGIN_MAX_FAILURES,
  LOGIN_WINDOW_MS,
  SESSION_TOUCH_MS,
  afterFailure,
  lockRemainingSeconds,
  lockedMessage,
  makeTemporaryPassword,
  normaliseUsername,
  shouldTouch,
  type AttemptState,
} from './auth.rules.ts';

const T0 = new Date('2026-11-23T01:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

/** Apply n failures, one every `stepMs`, starting at T0. */
function failures(n: number, stepMs: number): { state: AttemptState; lastAt: Date } {
  let state: AttemptState | null = null;
  let lastAt = T0;
  for (let i = 0; i < n; i++) {
    lastAt = at(i * stepMs);
    state = afterFailure(state, lastAt);
  }
  return { state: state!, lastAt };
}

describe('login throttling constants', () => {
  it('locks after 5 failures for 15 minutes, counting inside a 15-minute window', () => {
    expect(LOGIN_MAX_FAILURES).toBe(5);
    expect(LOGIN_LOCK_MS).toBe(15 * MIN);
    expect(LOGIN_WINDOW_MS).toBe(15 * MIN);
  });
});

describe('afterFailure', () => {
  it('starts a new window at the first failure', () => {
    expect(afterFailure(null, T0)).toEqual({ failures: 1, firstFailureAt: T0, lockedUntil: null });
  });

  it('adds up failures inside the window and does not lock before the fifth', () => {
    const { state } = failures(4, MIN);
    expect(state).toEqual({ failures: 4, firstFailureAt: T0, lockedUntil: null });
    expect(lockRemainingSeconds(state, at(3 * MIN))).toBe(0);
  });

  it('locks on the fifth failure for exactly 15 minutes from that failure', () => {
    const { state, lastAt } = failures(5, MIN);
    expect(state.failures).toBe(5);
    expect(state.firstFailureAt).toEqual(T0);
    expect(state.lockedUntil).toEqual(new Date(lastAt.getTime() + 15 * MIN));
    expect(lockRemainingSeconds(state, lastAt)).toBe(900);
  });

  it('counts a failure 1 ms before the window closes, and restarts the count at the boundary', () => {
    const { state } = failures(4, MIN);
    const inside = afterFailure(state, at(LOGIN_WINDOW_MS - 1));
    expect(inside.failures).toBe(5);
    expect(inside.lockedUntil).not.toBeNull();

    const boundary = afterFailure(state, at(LOGIN_WINDOW_MS));
    expect(boundary).toEqual({ failures: 1, firstFailureAt: at(LOGIN_WINDOW_MS), lockedUntil: null });
  });

  it('restarts the count once a lock has expired, even if the window would still be open', () => {
    // A state whose lock is already over while its window is young (e.g. after an admin-set lock).
    const state: AttemptState = { failures: 5, firstFailureAt: at(-MIN), lockedUntil: at(-1000) };
    expect(afterFailure(state, T0)).toEqual({ failures: 1, firstFailureAt: T0, lockedUntil: null });
  });

  it('restarts the count when the lock ends exactly now (expiry is inclusive)', () => {
    const state: AttemptState = { failures: 5, firstFailureAt: at(-MIN), lockedUntil: T0 };
    expect(afterFailure(state, T0).failures).toBe(1);
  });

  it('keeps locking while failures keep arriving inside a fresh window', () => {
    const { state } = failures(6, 10_000);
    expect(state.failures).toBe(6);
    expect(state.lockedUntil).toEqual(at(5 * 10_000 + 15 * MIN));
  });
});

describe('lockRemainingSeconds', () => {
  it('is 0 with no state or no lock', () => {
    expect(lockRemainingSeconds(null, T0)).toBe(0);
    expect(lockRemainingSeconds({ failures: 3, firstFailureAt: T0, lockedUntil: null }, T0)).toBe(0);
  });

  it('rounds partial seconds up so a client never retries too early', () => {
    const s: AttemptState = { failures: 5, firstFailureAt: T0, lockedUntil: at(90_500) };
    expect(lockRemainingSeconds(s, T0)).toBe(91);
    expect(lockRemainingSeconds(s, at(90_499))).toBe(1);
  });

  it('is 0 at and after the end of the lock', () => {
    const s: AttemptState = { failures: 5, firstFailureAt: T0, lockedUntil: at(15 * MIN) };
    expect(lockRemainingSeconds(s, at(15 * MIN - 1))).toBe(1);
    expect(lockRemainingSeconds(s, at(15 * MIN))).toBe(0);
    expect(lockRemainingSeconds(s, at(20 * MIN))).toBe(0);
  });
});

describe('lockedMessage', () => {
  it('tells the user in Vietnamese how many minutes to wait (at least one)', () => {
    expect(lockedMessage(900)).toContain('15 phút');
    expect(lockedMessage(61)).toContain('2 phút');
    expect(lockedMessage(1)).toContain('1 phút');
    expect(lockedMessage(900)).toMatch(/Tài khoản tạm khóa/);
  });
});

describe('shouldTouch', () => {
  it('writes the session at most once every 5 minutes', () => {
    expect(SESSION_TOUCH_MS).toBe(5 * MIN);
    expect(shouldTouch(T0, at(5 * MIN - 1))).toBe(false);
    expect(shouldTouch(T0, at(5 * MIN))).toBe(true);
  });
});

describe('normaliseUsername', () => {
  it('trims and lower-cases', () => {
    expect(normaliseUsername('  XA.24133 \t')).toBe('xa.24133');
    expect(normaliseUsername('BoNoiVu')).toBe('bonoivu');
  });

  it('turns NFD (decomposed) input into the same NFC string as NFC input', () => {
    const nfc = 'Nguyễn.Đức';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(nfd.length).toBeGreaterThan(nfc.length);
    const out = normaliseUsername(nfd);
    expect(out).toBe('nguyễn.đức');
    expect(out).toBe(normaliseUsername(nfc));
    expect(out.normalize('NFC')).toBe(out);
  });
});

describe('makeTemporaryPassword', () => {
  const fixed = (bytes: number[]) => (n: number) => {
    expect(n).toBe(10);
    return Uint8Array.from(bytes);
  };
  const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

  it('is deterministic for given bytes', () => {
    const bytes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 57 + 49];
    expect(makeTemporaryPassword(fixed(bytes))).toBe('ABCDEFGHJ2');
    expect(makeTemporaryPassword(fixed(bytes))).toBe(makeTemporaryPassword(fixed(bytes)));
  });

  it('adds a digit when the bytes gave letters only', () => {
    // byte 0 → 'A' everywhere; the last character becomes bytes[0] % 10 = '0'.
    expect(makeTemporaryPassword(fixed(Array(10).fill(0)))).toBe('AAAAAAAAA0');
    expect(makeTemporaryPassword(fixed(Array(10).fill(7)))).toBe('HHHHHHHHH7');
  });

  it('adds a letter when the bytes gave digits only', () => {
    const two = ALPHABET.indexOf('2');
    expect(makeTemporaryPassword(fixed(Array(10).fill(two)))).toBe('A222222222');
  });

  it('always has 10 characters with both letters and digits, and passes the password policy', () => {
    for (let i = 0; i < 3000; i++) {
      const pw = makeTemporaryPassword((n) => crypto.randomBytes(n));
      expect(pw).toMatch(/^[A-Za-z0-9]{10}$/);
      expect(pw).toMatch(/[A-Za-z]/);
      expect(pw).toMatch(/\d/);
      expect(ChangePasswordRequest.shape.newPassword.safeParse(pw).success).toBe(true);
    }
  });

  it('avoids look-alike characters (0/O, 1/l/I) in the random part', () => {
    for (let b = 0; b < 256; b++) {
      const pw = makeTemporaryPassword(fixed([b, 3, 4, 5, 6, 7, 8, 9, 10, 50]));
      expect(pw.slice(0, 9)).not.toMatch(/[01OIl]/);
    }
  });
});
