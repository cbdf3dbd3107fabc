/**
 * Generator stage: annual ratings (`annual_ratings`, contract 3; H3's table) of every official for
 * each year 2026–2031 whose rating round (mid-December) is on or before --today.
 * Levels: HTXSNV 12%, HTTNV 70%, HTNV 15%, KHTNV 3%; 0.5% disciplined.
 */
import type { PoolClient } from 'pg';
import type { Rng } from '../../apps/server/src/seed/names.ts';
import { CopyBuffer } from './copy.ts';
import type { GenOfficial } from './training.ts';

export const RATING_COLUMNS = ['official_id', 'year', 'score', 'level', 'disciplined', 'province_code', 'commune_code', 'unit_id'];

export function ratingBuffer(client: PoolClient) {
  return new CopyBuffer(client, 'annual_ratings', RATING_COLUMNS);
}

export function ratedYears(today: string): number[] {
  const years: number[] = [];
  for (let y = 2026; y <= 2031; y++) if (`${y}-12-15` <= today) years.push(y);
  return years;
}

export function generateRatings(buf: CopyBuffer, rng: Rng, o: GenOfficial, years: number[]): void {
  for (const year of years) {
    const r = rng();
    const [level, lo, hi] =
      r < 0.12 ? ['HTXSNV', 90, 100] : r < 0.82 ? ['HTTNV', 70, 89.99] : r < 0.97 ? ['HTNV', 50, 69.99] : ['KHTNV', 20, 49.99];
    const score = Math.round((Number(lo) + rng() * (Number(hi) - Number(lo))) * 100) / 100;
    buf.push([o.id, year, score, level, level === 'KHTNV' && rng() < 0.15, o.province_code, o.commune_code, o.unit_id]);
  }
}
