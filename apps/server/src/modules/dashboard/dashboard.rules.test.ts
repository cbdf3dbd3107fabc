import { describe, expect, it } from 'vitest';
import { forecastTarget, slopePerDay } from './dashboard.rules.ts';

const pts = (vals: (number | null)[], start = 1) =>
  vals.map((v, i) => {
    const m = start + i;
    const last = new Date(Date.UTC(2026, m, 0)).toISOString().slice(0, 10);
    return { asOf: last, percent: v };
  });

describe('forecastTarget', () => {
  it('projects the date a steady pace reaches the target and compares it with the deadline', () => {
    // +5 points a month from 35% → 100% needs about 13 more months after June 2026
    const r = forecastTarget(pts([10, 15, 20, 25, 30, 35]), 100, '2028-12-31');
    expect(r.status).toBe('kip_han');
    expect(r.current).toBe(35);
    expect(r.pacePerMonth).toBeGreaterThan(4.8);
    expect(r.pacePerMonth).toBeLessThan(5.2);
    expect(r.metOn! > '2027-07-01' && r.metOn! < '2027-09-30').toBe(true);
  });

  it('is late when the pace is too slow for the deadline', () => {
    const r = forecastTarget(pts([1, 1.5, 2, 2.5]), 100, '2028-12-31');
    expect(r.status).toBe('tre_han');
    expect(r.metOn! > '2028-12-31').toBe(true);
  });

  it('says "no data" when the pace is zero or negative', () => {
    expect(forecastTarget(pts([20, 20, 20, 20]), 100, '2028-12-31').status).toBe('khong_du_du_lieu');
    expect(forecastTarget(pts([30, 25, 20]), 100, '2028-12-31').status).toBe('khong_du_du_lieu');
  });

  it('says "no data" when the history is too short or empty', () => {
    expect(forecastTarget(pts([10, 20]), 100, '2028-12-31').status).toBe('khong_du_du_lieu');
    expect(forecastTarget(pts([null, null, null, 10]), 100, '2028-12-31').status).toBe('khong_du_du_lieu');
    expect(forecastTarget([], 100, null).status).toBe('khong_du_du_lieu');
  });

  it('reports a target already met, and a forecast without a deadline', () => {
    expect(forecastTarget(pts([80, 95, 100]), 100, '2028-12-31').status).toBe('da_dat');
    expect(forecastTarget(pts([10, 20, 30]), 100, null).status).toBe('khong_han');
    expect(forecastTarget(pts([10, 20, 30]), null, null).status).toBe('khong_du_du_lieu');
  });

  it('gives no date when the pace is vanishingly slow, but says it is late', () => {
    const r = forecastTarget(pts([10, 10.000001, 10.000002]), 100, '2028-12-31');
    expect(r.status).toBe('tre_han');
    expect(r.metOn).toBeNull();
    expect(forecastTarget(pts([10, 10.000001, 10.000002]), 100, null).status).toBe('khong_du_du_lieu');
  });

  it('uses only the last six points for the pace', () => {
    const r = forecastTarget(pts([0, 0, 0, 0, 10, 20, 30, 40, 50, 60]), 100, '2031-12-31');
    expect(r.pacePerMonth).toBeGreaterThan(9.5);
  });
});

describe('slopePerDay', () => {
  it('is null for one point or a single date', () => {
    expect(slopePerDay([{ day: 1, value: 3 }])).toBeNull();
    expect(
      slopePerDay([
        { day: 1, value: 3 },
        { day: 1, value: 5 },
      ]),
    ).toBeNull();
    expect(
      slopePerDay([
        { day: 0, value: 0 },
        { day: 10, value: 5 },
      ]),
    ).toBeCloseTo(0.5);
  });
});
