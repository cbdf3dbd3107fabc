/** One mentoring pair: the two people, goals and meeting notes, and (when allowed) a form to add one. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { formatDateVi, type MentoringPairItem } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';

const KIND_LABELS = { goal: 'Mục tiêu', meeting: 'Buổi gặp' } as const;

export function MentoringPairCard({ pair, onChanged, extra }: { pair: MentoringPairItem; onChanged?: () => void; extra?: ReactNode }) {
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ kind: 'goal' | 'meeting'; onDate: Dayjs; text: string }>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const add = useMutation({
    mutationFn: (v: { kind: 'goal' | 'meeting'; onDate: Dayjs; text: string }) =>
      api.post<MentoringPairItem>(`/api/mentoring/pairs/${pair.id}/entries`, {
        kind: v.kind,
        onDate: v.onDate.format('YYYY-MM-DD'),
        text: v.text,
      }),
    onSuccess: async () => {
      form.resetFields();
      setAdding(false);
      await qc.invalidateQueries({ queryKey: ['mentoring'] });
      onChanged?.();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
    },
  });
  return (
    <Card size="small" style={{ marginBottom: 8 }} styles={{ body: { padding: 12 } }}>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <div>
          <Typography.Text type="secondary">Người kèm cặp: </Typography.Text>
          <strong>{pair.mentor.fullName}</strong>
          {pair.mentor.positionName ? ` (${pair.mentor.positionName})` : ''}
        </div>
        <div>
          <Typography.Text type="secondary">Người được kèm cặp: </Typography.Text>
          <strong>{pair.mentee.fullName}</strong>
          {pair.mentee.positionName ? ` (${pair.mentee.positionName})` : ''}
        </div>
        <div>
          Từ {formatDateVi(pair.fromDate)}
          {pair.toDate ? ` đến ${formatDateVi(pair.toDate)}` : ''}{' '}
          {pair.status === 'active' ? <Tag color="green">Đang kèm cặp</Tag> : <Tag>Đã kết thúc</Tag>}
        </div>
      </Space>
      {pair.entries.length > 0 && (
        <Timeline
          style={{ marginTop: 12, marginBottom: 0 }}
          items={pair.entries.map((e) => ({
            key: e.id,
            color: e.kind === 'goal' ? 'blue' : 'green',
            children: (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {KIND_LABELS[e.kind]} · {formatDateVi(e.onDate)} · {e.authorUsername}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>
              </div>
            ),
          }))}
        />
      )}
      {pair.canWrite &&
        (adding ? (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ kind: 'meeting', onDate: dayjs() }}
            onFinish={(v) => add.mutate(v)}
            style={{ marginTop: 8 }}
          >
            <Space wrap>
              <Form.Item name="kind" label="Loại" style={{ marginBottom: 8 }}>
                <Select
                  style={{ width: 130 }}
                  options={[
                    { value: 'meeting', label: 'Buổi gặp' },
                    { value: 'goal', label: 'Mục tiêu' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="onDate" label="Ngày" rules={[{ required: true, message: 'Chọn ngày' }]} style={{ marginBottom: 8 }}>
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
            </Space>
            <Form.Item name="text" label="Nội dung" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung' }]}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={add.isPending}>
                Lưu
              </Button>
              <Button onClick={() => setAdding(false)}>Hủy</Button>
            </Space>
          </Form>
        ) : (
          <Space wrap style={{ marginTop: 8 }}>
            <Button size="small" onClick={() => setAdding(true)}>
              Ghi mục tiêu, buổi gặp
            </Button>
            {extra}
          </Space>
        ))}
      {!pair.canWrite && extra && <div style={{ marginTop: 8 }}>{extra}</div>}
    </Card>
  );
}
