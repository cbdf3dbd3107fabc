import { describe, expect, it } from 'vitest';
import {
  asOfInRange,
  completionWindow,
  elapsedShare,
  kpiStatus,
  monthEnds,
  parseScope,
  percentOf,
  phaseWindow,
  scopeString,
} from './kpis.rules.ts';

describe('kpis.rules', () => {
  it('parses and prints scopes; refuses malformed ones', () => {
    expect(parseScope('nation')).toEqual({ level: 'nation' });
    expect(parseScope('province:66')).toEqual({ level: 'province', provinceCode: '66' });
    expect(parseScope('commune:24133')).toEqual({ level: 'commune', communeCode: '24133' });
    for (const bad of ['', 'tinh:66', 'province:6', 'province:666', 'commune:2413', 'commune:24133x', 'nation:1'])
      expect(parseScope(bad), bad).toBeNull();
    expect(scopeString({ level: 'commune', communeCode: '24133' })).toBe('commune:24133');
  });

  it('asOf range is 01/01/2026 – 31/12/2031 inclusive', () => {
    expect(asOfInRange('2026-01-01')).toBe(true);
    expect(asOfInRange('2031-12-31')).toBe(true);
    expect(asOfInRange('2025-12-31')).toBe(false);
    expect(asOfInRange('2032-01-01')).toBe(false);
  });

  it('windows: the selected phase up to asOf; K3 always phase 1, K4 always phase 2', () => {
    expect(phaseWindow(1, '2027-06-30')).toEqual({ start: '2026-01-01', end: '2028-12-31', until: '2027-06-30' });
    expect(phaseWindow(1, '2030-01-01').until).toBe('2028-12-31');
    expect(completionWindow('K3', 2, '2030-01-01')).toMatchObject({ start: '2026-01-01', until: '2028-12-31' });
    expect(completionWindow('K4', 1, '2027-01-01')).toMatchObject({ start: '2029-01-01', until: '2027-01-01' });
    expect(completionWindow('K2', 2, '2030-01-01')).toMatchObject({ start: '2029-01-01', until: '2030-01-01' });
  });

  it('percent: one decimal, null without a denominator', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(5, 5)).toBe(100);
  });

  it('elapsed share counts asOf itself; 0 before, 1 after', () => {
    expect(elapsedShare('2026-01-01', '2026-01-10', '2026-01-01')).toBeCloseTo(0.1);
    expect(elapsedShare('2026-01-01', '2026-01-10', '2025-12-31')).toBe(0);
    expect(elapsedShare('2026-01-01', '2026-01-10', '2026-01-10')).toBe(1);
  });

  it('status by pace', () => {
    expect(kpiStatus('K5', 1, '2027-01-01', 10)).toBe('theo_doi');
    expect(kpiStatus('K3', 1, '2027-01-01', null)).toBe('chua_co_du_lieu');
    expect(kpiStatus('K3', 1, '2027-01-01', 100)).toBe('dat');
    expect(kpiStatus('K2', 1, '2027-01-01', 50)).toBe('dat');
    // K3 on 31/12/2027: 730/1096 of the period elapsed → pace 66.6%
    expect(kpiStatus('K3', 1, '2027-12-31', 67)).toBe('dung_tien_do');
    expect(kpiStatus('K3', 1, '2027-12-31', 66)).toBe('cham');
    // K4 before phase 2 has started: any progress is on pace
    expect(kpiStatus('K4', 1, '2027-12-31', 0)).toBe('dung_tien_do');
    // compliance indicators must be at target at every moment
    expect(kpiStatus('K6', 1, '2026-02-01', 99.9)).toBe('cham');
    expect(kpiStatus('K8', 2, '2030-02-01', 100)).toBe('dat');
  });

  it('month ends up to asOf, asOf last', () => {
    expect(monthEnds('2026-01-01', '2026-03-15')).toEqual(['2026-01-31', '2026-02-28', '2026-03-15']);
    expect(monthEnds('2026-01-01', '2026-02-28')).toEqual(['2026-01-31', '2026-02-28']);
    expect(monthEnds('2028-12-15', '2029-01-31')).toEqual(['2028-12-31', '2029-01-31']);
  });
});
