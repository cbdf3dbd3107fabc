/**
 * "Cử đi học" for a commune admin (SPEC §6): choose people (suggestions from needs, or the
 * roster), the decision number and date, submit. A guard refusal (409) is explained per day and
 * unit, with a second step "Vẫn cử, lý do: …" that resubmits with the reason.
 */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { BRIDGE_POINT_LEVEL_LABELS, type ClassDetail, type NominateResponse } from '@app/shared';
import { useCurrentUser, useServerToday } from '../../../api/auth.ts';
import { ApiError, api } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../api/forms.ts';
import { SaveError } from '../common.tsx';
import { DATE_FORMAT, fromIso, keys, toIso, useNominations } from '../trainingApi.ts';
import { GuardAlert, guardLines, type GuardLine } from './GuardAlert.tsx';
import { OfficialsPicker, SuggestionsPicker, type Person } from './PeoplePickers.tsx';

interface Values {
  decisionNo: string;
  decisionDate: Dayjs;
  bridgePointId?: number | null;
}

function outcome(r: NominateResponse): string {
  const n = (s: string) => r.items.filter((i) => i.status === s).length;
  const parts: string[] = [];
  if (n('nominated')) parts.push(`${n('nominated')} người đã được cử`);
  if (n('pending_approval')) parts.push(`${n('pending_approval')} người chờ thủ trưởng đơn vị duyệt`);
  if (n('waitlisted')) parts.push(`${n('waitlisted')} người vào danh sách chờ vì lớp đã đủ chỗ`);
  return `${parts.join(', ') || 'Đã gửi quyết định cử'}.${r.guard.overridden ? ' Đã ghi lý do vẫn cử khi đơn vị thiếu người.' : ''}`;
}

export function NominatePanel({ cls }: { cls: ClassDetail }) {
  const me = useCurrentUser();
  const today = useServerToday();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [selected, setSelected] = useState<Map<string, Person>>(new Map());
  const [guard, setGuard] = useState<GuardLine[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const nominations = useNominations(cls.id);
  const taken = new Set((nominations.data?.items ?? []).filter((e) => e.status !== 'cancelled').map((e) => e.officialId));
  // The decision is dated on or before today and the class's end; usually before the class starts.
  const latest = [today, cls.endDate].sort()[0]!;
  const suggested = [today, cls.startDate].sort()[0]!;
  useEffect(() => {
    if (!form.isFieldTouched('decisionDate')) form.setFieldsValue({ decisionDate: fromIso(suggested) ?? undefined });
  }, [form, suggested]);

  const submit = useMutation({
    mutationFn: (overrideReason: string | undefined) => {
      const v = form.getFieldsValue();
      return api.post<NominateResponse>(`/api/classes/${cls.id}/nominations`, {
        decisionNo: v.decisionNo.trim(),
        decisionDate: toIso(v.decisionDate),
        officialIds: [...selected.keys()],
        overrideReason,
        bridgePointId: v.bridgePointId ?? null,
      });
    },
    onSuccess: async (r) => {
      const text = outcome(r);
      setDone(text);
      message.success(text, 6);
      setSelected(new Map());
      setGuard(null);
      await Promise.all([qc.invalidateQueries({ queryKey: keys.enrolments }), qc.invalidateQueries({ queryKey: keys.classes })]);
    },
    onError: (err) => {
      const lines = err instanceof ApiError && err.statusCode === 409 ? guardLines(err.fields) : [];
      if (lines.length) {
        setGuard(lines);
        setError(null);
      } else if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  const start = async () => {
    setDone(null);
    setError(null);
    if (selected.size === 0) {
      setError(new ApiError({ statusCode: 400, code: 'VALIDATION_ERROR', message: 'Chưa chọn người nào. Hãy đánh dấu người cần cử ở danh sách gợi ý hoặc danh sách cán bộ.' }));
      return;
    }
    await form.validateFields();
    submit.mutate(undefined);
  };

  const people = [...selected.values()];
  return (
    <Card size="small" title="Cử cán bộ, công chức của xã đi học" style={{ marginBottom: 16 }}>
      {done && <Alert type="success" showIcon role="status" title={done} style={{ marginBottom: 12 }} closable onClose={() => setDone(null)} />}
      <Tabs
        size="small"
        items={[
          { key: 's', label: 'Gợi ý từ nhu cầu bồi dưỡng', children: <SuggestionsPicker classId={cls.id} selected={selected} taken={taken} onChange={setSelected} /> },
          {
            key: 'o',
            label: 'Chọn từ danh sách cán bộ',
            children: <OfficialsPicker communeCode={me.scope.communeCode ?? ''} selected={selected} taken={taken} onChange={setSelected} />,
          },
        ]}
      />
      <div style={{ margin: '8px 0 12px' }} aria-live="polite">
        <strong>Đã chọn {people.length} người</strong>
        {people.length > 0 ? ': ' : ' — đánh dấu người cần cử ở danh sách trên.'}
        {people.map((p) => (
          <Tag
            key={p.officialId}
            closable
            closeIcon={<span aria-label={`Bỏ chọn ${p.fullName}`}>×</span>}
            onClose={() => {
              const next = new Map(selected);
              next.delete(p.officialId);
              setSelected(next);
              setGuard(null);
            }}
            style={{ marginTop: 4 }}
          >
            {p.fullName}
            {p.unitName ? ` (${p.unitName})` : ''}
          </Tag>
        ))}
      </div>
      <Form<Values> form={form} name="nominate" layout="vertical" onValuesChange={() => setGuard(null)}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item label="Số quyết định cử" name="decisionNo" rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định cử, ví dụ 15/QĐ-UBND' }]}>
              <Input maxLength={60} placeholder="Ví dụ: 15/QĐ-UBND" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Ngày quyết định" name="decisionDate" rules={[{ required: true, message: 'Chọn ngày quyết định' }]}>
              <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(fromIso(latest), 'day')} />
            </Form.Item>
          </Col>
          {cls.bridgePoints.length > 0 && (
            <Col xs={24} md={8}>
              <Form.Item label="Điểm cầu tham dự" name="bridgePointId" extra="Để trống: điểm cầu của xã, nếu không có thì của tỉnh.">
                <Select allowClear options={cls.bridgePoints.map((b) => ({ value: b.id, label: `${b.name} (${BRIDGE_POINT_LEVEL_LABELS[b.level]})` }))} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
      <SaveError error={error} />
      {guard ? (
        <GuardAlert lines={guard} busy={submit.isPending} onOverride={(r) => submit.mutate(r)} onBack={() => setGuard(null)} />
      ) : (
        <Button type="primary" loading={submit.isPending} onClick={() => void start().catch(() => undefined)}>
          Cử {people.length > 0 ? `${people.length} người ` : ''}đi học
        </Button>
      )}
    </Card>
  );
}
