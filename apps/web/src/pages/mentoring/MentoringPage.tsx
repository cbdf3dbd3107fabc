/** "Kèm cặp, hướng dẫn" (SPEC §12): the commune's mentoring pairs; the commune admin creates and ends them. */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MentoringPairItem, MentoringPairListResponse } from '@app/shared';
import { useCurrentUser } from '../../api/auth.ts';
import { api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { MentoringPairCard } from './MentoringPairCard.tsx';

interface OfficialOption {
  id: string;
  fullName: string;
  positionName: string | null;
}

function OfficialSelect({ value, onChange, label }: { value?: string; onChange?: (v: string) => void; label: string }) {
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['officials', 'pick', q],
    queryFn: () => api.get<{ items: OfficialOption[] }>('/api/officials', { q: q || undefined, status: 'dang_cong_tac', pageSize: 30 }),
  });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      loading={list.isPending}
      aria-label={label}
      placeholder="Gõ tên để tìm"
      options={(list.data?.items ?? []).map((o) => ({
        value: o.id,
        label: `${o.fullName}${o.positionName ? ` — ${o.positionName}` : ''}`,
      }))}
    />
  );
}

export default function MentoringPage() {
  const me = useCurrentUser();
  const canManage = me.permissions.includes('mentoring.manage');
  const q = useQuery({ queryKey: ['mentoring', 'pairs'], queryFn: () => api.get<MentoringPairListResponse>('/api/mentoring/pairs') });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ mentorId: string; menteeId: string; fromDate: Dayjs; goal?: string }>();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (v: { mentorId: string; menteeId: string; fromDate: Dayjs; goal?: string }) =>
      api.post<MentoringPairItem>('/api/mentoring/pairs', {
        mentorId: v.mentorId,
        menteeId: v.menteeId,
        fromDate: v.fromDate.format('YYYY-MM-DD'),
        goal: v.goal || undefined,
      }),
    onSuccess: async () => {
      void message.success('Đã lập cặp kèm cặp.');
      form.resetFields();
      setCreating(false);
      await qc.invalidateQueries({ queryKey: ['mentoring'] });
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
    },
  });
  const end = useMutation({
    mutationFn: (p: MentoringPairItem) => api.post(`/api/mentoring/pairs/${p.id}/end`, { version: p.version }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['mentoring'] }),
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <>
      <Typography.Title level={1} className="page-title">
        Kèm cặp, hướng dẫn tại chỗ
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Người có kinh nghiệm kèm cặp đồng nghiệp cùng xã theo mục tiêu cụ thể; các buổi gặp được ghi lại và hiện trong hồ sơ học tập của cả
        hai người.
      </Typography.Paragraph>
      {canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
          Lập cặp kèm cặp
        </Button>
      )}
      {q.isPending ? (
        <PageLoading />
      ) : q.error ? (
        <QueryError error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Card>
          <Empty description="Chưa có cặp kèm cặp nào." />
        </Card>
      ) : (
        q.data.items.map((p) => (
          <MentoringPairCard
            key={p.id}
            pair={p}
            extra={
              p.canManage && (
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: 'Kết thúc cặp kèm cặp này?',
                      okText: 'Kết thúc',
                      cancelText: 'Không',
                      onOk: () => end.mutateAsync(p),
                    })
                  }
                >
                  Kết thúc kèm cặp
                </Button>
              )
            }
          />
        ))
      )}
      <Modal
        open={creating}
        title="Lập cặp kèm cặp"
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText="Lưu"
        cancelText="Hủy"
        confirmLoading={create.isPending}
      >
        <Form form={form} layout="vertical" initialValues={{ fromDate: dayjs() }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="mentorId" label="Người kèm cặp" rules={[{ required: true, message: 'Chọn người kèm cặp' }]}>
            <OfficialSelect label="Người kèm cặp" />
          </Form.Item>
          <Form.Item name="menteeId" label="Người được kèm cặp" rules={[{ required: true, message: 'Chọn người được kèm cặp' }]}>
            <OfficialSelect label="Người được kèm cặp" />
          </Form.Item>
          <Form.Item name="fromDate" label="Ngày bắt đầu" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="goal" label="Mục tiêu đầu tiên (không bắt buộc)">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
