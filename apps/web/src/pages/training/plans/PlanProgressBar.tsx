/**
 * Plan vs actual (SPEC §9 P1): a bar of the achieved share with a marker at the elapsed share of
 * the period, the numbers with Vietnamese separators, and a status tag with text.
 */
import { Tag } from 'antd';
import { formatNumberVi, type PlanProgressRow } from '@app/shared';
import { pctVi } from '../labels.tsx';

export type PaceStatus = 'done' | 'on_track' | 'behind' | 'not_started' | 'no_target';
const PACE: Record<PaceStatus, { text: string; color: string; bar: string }> = {
  done: { text: 'Đạt', color: 'green', bar: '#389e0d' },
  on_track: { text: 'Đúng tiến độ', color: 'blue', bar: '#1d4e89' },
  behind: { text: 'Chậm', color: 'orange', bar: '#d46b08' },
  not_started: { text: 'Chưa bắt đầu', color: 'default', bar: '#8c8c8c' },
  no_target: { text: 'Không đặt chỉ tiêu', color: 'default', bar: '#8c8c8c' },
};

export function paceOf(pct: number | null, elapsedPct: number): PaceStatus {
  if (pct === null) return 'no_target';
  if (pct >= 100) return 'done';
  if (elapsedPct <= 0) return 'not_started';
  return pct >= elapsedPct ? 'on_track' : 'behind';
}

export function PaceTag({ status }: { status: PaceStatus }) {
  return <Tag color={PACE[status].color}>{PACE[status].text}</Tag>;
}

/** The worse of the two paces (classes, attendances) of a row. */
export function rowPace(r: PlanProgressRow, elapsedPct: number): PaceStatus {
  const order: PaceStatus[] = ['behind', 'not_started', 'on_track', 'done', 'no_target'];
  const a = paceOf(r.classesPct, elapsedPct);
  const b = paceOf(r.attendancesPct, elapsedPct);
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}

interface BarProps {
  actual: number;
  planned: number;
  pct: number | null;
  elapsedPct: number;
  unit: string;
}

export function ProgressBar({ actual, planned, pct, elapsedPct, unit }: BarProps) {
  const status = paceOf(pct, elapsedPct);
  const width = Math.max(0, Math.min(100, pct ?? 0));
  const label = `${formatNumberVi(actual)} / ${formatNumberVi(planned)} ${unit}`;
  return (
    <div style={{ minWidth: 160 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, fontSize: 13 }}>
        <span>{label}</span>
        <strong>{pctVi(pct)}</strong>
      </div>
      <div
        role="meter"
        aria-label={`${label}, đạt ${pctVi(pct)}, thời gian đã qua ${pctVi(elapsedPct)}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(width)}
        style={{ position: 'relative', height: 10, background: '#e8ecf2', borderRadius: 5, margin: '4px 0' }}
      >
        <div style={{ width: `${width}%`, height: '100%', background: PACE[status].bar, borderRadius: 5 }} />
        {elapsedPct > 0 && elapsedPct < 100 && (
          <div
            title={`Thời gian đã qua ${pctVi(elapsedPct)}`}
            style={{ position: 'absolute', left: `${elapsedPct}%`, top: -3, bottom: -3, width: 2, background: '#262626' }}
          />
        )}
      </div>
    </div>
  );
}

/** Legend of the elapsed-time marker; with `elapsedPct` it also says how much of the period has passed. */
export function ElapsedNote({ elapsedPct }: { elapsedPct?: number }) {
  return (
    <span style={{ color: '#5b6472', fontSize: 12 }}>
      <span style={{ display: 'inline-block', width: 2, height: 10, background: '#262626', marginRight: 4, verticalAlign: 'middle' }} />
      {elapsedPct === undefined ? 'Vạch đen: phần thời gian của kỳ kế hoạch đã qua' : `Vạch đen: đã qua ${pctVi(elapsedPct)} thời gian của kỳ kế hoạch`}
    </span>
  );
}
