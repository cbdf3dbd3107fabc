import { formatNumberVi } from '@app/shared';

/** 71,1% · 100% · "–" when there is nothing to measure. */
export function pct(p: number | null): string {
  return p === null ? '–' : `${formatNumberVi(p, p % 1 === 0 ? 0 : 1)}%`;
}
