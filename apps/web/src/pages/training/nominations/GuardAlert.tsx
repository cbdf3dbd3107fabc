/**
 * The service-continuity guard's refusal (409, SPEC §6): which day, which unit, how many stay —
 * grouped by unit and situation so a five-day class does not print five near-identical lines —
 * and the second step "Vẫn cử, lý do: …" that resubmits with the reason.
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { formatDateVi, type FieldError } from '@app/shared';

export interface GuardLine {
  unitId: string;
  text: string;
  dates: string[];
}

/** The guard's per-day, per-unit explanations from the error's fields (`guard.<date>.<unitId>`). */
export function guardLines(fields: readonly FieldError[]): GuardLine[] {
  const groups = new Map<string, GuardLine>();
  for (const f of fields) {
    const [head, date = '', unitId = ''] = f.field.split('.');
    if (head !== 'guard') continue;
    const text = f.message.replace(/^Ngày \d{2}\/\d{2}\/\d{4},\s*/, '');
    const key = `${unitId}|${text}`;
    const g = groups.get(key) ?? { unitId, text, dates: [] };
    g.dates.push(date);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ ...g, dates: g.dates.sort() }));
}

interface Props {
  lines: GuardLine[];
  busy: boolean;
  onOverride: (reason: string) => void;
  onBack: () => void;
}

export function GuardAlert({ lines, busy, onOverride, onBack }: Props) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = touched && reason.trim().length < 5;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title="Cử những người này đi học trong giờ hành chính sẽ làm đơn vị thiếu người làm việc"
      description={
        <>
          <ul style={{ paddingLeft: 18, margin: '6px 0 10px' }}>
            {lines.map((l) => (
              <li key={`${l.unitId}${l.text}`} style={{ marginBottom: 4 }}>
                <strong>{l.dates.length === 1 ? `Ngày ${formatDateVi(l.dates[0])}` : `${l.dates.length} ngày: ${l.dates.map(formatDateVi).join(', ')}`}</strong>
                {' — '}
                {l.text}
              </li>
            ))}
          </ul>
          <p style={{ margin: '0 0 8px' }}>
            Nên chọn người khác hoặc lớp ngoài giờ. Nếu vẫn cần cử những người này, hãy ghi lý do; lý do được lưu cùng quyết định cử và ghi vào nhật ký.
          </p>
          <Form layout="vertical" onFinish={() => (reason.trim().length >= 5 ? onOverride(reason.trim()) : setTouched(true))}>
            <Form.Item
              label="Vẫn cử, lý do"
              htmlFor="guard-override-reason"
              validateStatus={missing ? 'error' : undefined}
              help={missing ? 'Ghi rõ lý do vẫn cử (ít nhất 5 ký tự)' : undefined}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea id="guard-override-reason" rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} onBlur={() => setTouched(true)} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" danger htmlType="submit" loading={busy}>
                Vẫn cử
              </Button>
              <Button onClick={onBack}>Chọn lại người</Button>
            </Space>
          </Form>
        </>
      }
    />
  );
}
