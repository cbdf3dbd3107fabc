import { describe, expect, it } from 'vitest';
import { htxsOverLimit, ratingLevel, ratingScore } from './ratings.rules.ts';

describe('annual rating (Decree 335/2025)', () => {
  it('adds the two parts', () => {
    expect(ratingScore(27.5, 63)).toBe(90.5);
  });
  it.each([
    [100, false, 'HTXSNV'],
    [90, false, 'HTXSNV'],
    [89.9, false, 'HTTNV'],
    [70, false, 'HTTNV'],
    [69.99, false, 'HTNV'],
    [50, false, 'HTNV'],
    [49.9, false, 'KHTNV'],
    [95, true, 'KHTNV'],
  ])('score %s disciplined %s → %s', (score, disciplined, level) => {
    expect(ratingLevel(score, disciplined)).toBe(level);
  });
  it('warns when HTXSNV exceeds 20% of HTTNV', () => {
    expect(htxsOverLimit({ htxs: 1, htt: 5 })).toBe(false);
    expect(htxsOverLimit({ htxs: 2, htt: 9 })).toBe(true);
    expect(htxsOverLimit({ htxs: 2, htt: 10 })).toBe(false);
    expect(htxsOverLimit({ htxs: 1, htt: 0 })).toBe(true);
    expect(htxsOverLimit({ htxs: 0, htt: 0 })).toBe(false);
  });
});
