/**
 * Generator stage: annual ratings (`annual_ratings`, contract 3; H3's table) of every official for each
 * year 2026–2031 whose rating round (mid-December) is on or before --today. Parts: general (≤ 30) and
 * tasks (≤ 70); score and level by H3's rules (`ratingScore`, `ratingLevel`). About 12% HTXSNV, 70% HTTNV,
 * 15% HTNV, 3% KHTNV; 0.5% disciplined (KHTNV that year).
 */
import type { Rng } from '../../apps/server/src/seed/names.ts';
import { ratingLevel, ratingScore } from '../../apps/server/src/modules/ratings/ratings.rules.ts';
import { CopyBuffer, type CopyQueue } from './copy.ts';
import type { GenOfficial } from './training.ts';

export const RATING_COLUMNS = [
  'official_id',
  'year',
  'general_score',
  'task_score',
  'score',
  'level',
  'disciplined',
  'province_code',
  'commune_code',
  'unit_id',
  'recorded_by',
  'created_at',
  'updated_at',
];

export function ratingBuffer(queue: CopyQueue) {
  return new CopyBuffer(queue, 'annual_ratings', RATING_COLUMNS);
}

export function ratedYears(today: string): number[] {
  const years: number[] = [];
  for (let y = 2026; y <= 2031; y++) if (`${y}-12-15` <= today) years.push(y);
  return years;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function generateRatings(buf: CopyBuffer, rng: Rng, o: GenOfficial, years: number[], today: string): void {
  for (const year of years) {
    const r = rng();
    const target = r < 0.12 ? 90 + rng() * 10 : r < 0.82 ? 70 + rng() * 19.9 : r < 0.97 ? 50 + rng() * 19.9 : 25 + rng() * 24.9;
    const general = round1(Math.min(30, Math.max(0, target * 0.3 + (rng() - 0.5) * 2)));
    const task = round1(Math.min(70, Math.max(0, target - general)));
    const disciplined = rng() < 0.005;
    const score = ratingScore(general, task);
    const day = `${year}-12-${String(15 + Math.floor(rng() * 10)).padStart(2, '0')}`;
    const at = `${day < today ? day : today} 09:00:00+07`;
    buf.push([
      o.id,
      year,
      general,
      task,
      score,
      ratingLevel(score, disciplined),
      disciplined,
      o.province_code,
      o.commune_code,
      o.unit_id,
      'sinh-du-lieu',
      at,
      at,
    ]);
  }
}
