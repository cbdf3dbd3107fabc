import { formatNumberVi } from '@app/shared';

/** "Tổng số: 34" — row count shown with every table. */
export function totalText(total: number): string {
  return `Tổng số: ${formatNumberVi(total)}`;
}

export function TableCount({ total }: { total: number }) {
  return (
    <div style={{ margin: '4px 0 8px', color: '#5b6472' }} aria-live="polite">
      {totalText(total)}
    </div>
  );
}
