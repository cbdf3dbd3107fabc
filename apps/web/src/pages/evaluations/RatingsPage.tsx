/**
 * Annual quality rating (Decree 335/2025, SPEC §8): the commune records each official's yearly score
 * (general ≤ 30 + tasks ≤ 70); the level is computed by the server. The latest post-training evaluation
 * is shown beside it; more than 20% HTXSNV (of HTTNV) in an agency is a warning, not a refusal.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Flex, Form, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import type { z } from 'zod';
import { EVALUATION_LEVEL_LABELS, RATING_LEVEL_LABELS, type OfficialListResponse, type RatingItem, type RatingWarning } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { useCurrentUser, useServerToday } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { Hint, PageTitle } from '../training/common.tsx';
import { evalKeys, fmtScore, LEVEL_COLORS, useRatings } from './evaluationsApi.ts';
import { RatingsImport } from './RatingsImport.tsx';

export default function RatingsPage() {
  const me = useCurrentUser();
  const today = useServerToday();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const q = useRatings({ year });
  const canEdit = me.permissions.includes('ratings.manage') && me.role === 'commune_admin';
  const canImport = me.permissions.includes('ratings.manage');
  const [editing, setEditing] = useState<Partial<RatingItem> | null>(null);
  const [lastWarnings, setLastWarnings] = useState<RatingWarning[]>([]);
  const warnings = q.data?.warnings.length ? q.data.warnings : lastWarnings;
  return (
    <div>
      <PageTitle
        extra={
          <Flex gap={8}>
            <Select
              aria-label="Năm xếp loại"
              value={year}
              onChange={setYear}
              options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `Năm ${y}` }))}
              style={{ width: 120 }}
            />
            {canEdit ? (
              <Button type="primary" onClick={() => setEditing({ year })}>
                Ghi xếp loại
              </Button>
            ) : null}
          </Flex>
        }
      >
        Xếp loại chất lượng hằng năm
      </PageTitle>
      <Hint>
        Điểm = tiêu chí chung (tối đa 30) + kết quả thực hiện nhiệm vụ (tối đa 70). HTXSNV từ 90 điểm; HTTNV từ 70 đến dưới 90; HTNV từ 50
        đến dưới 70; KHTNV dưới 50 hoặc bị kỷ luật trong năm.
      </Hint>
      {warnings.map((w) => (
        <Alert key={`${w.unitId}`} type="warning" showIcon title={w.message} style={{ marginBottom: 8 }} />
      ))}
      {canImport ? <RatingsImport year={year} shownUnitIds={warnings.map((w) => w.unitId)} /> : null}
      {q.error ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Table<RatingItem>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'officialName', fixed: 'left', width: 190 },
          { title: 'Cơ quan, đơn vị', dataIndex: 'unitName', width: 220, render: (v: string | null) => v ?? '—' },
          { title: 'Tiêu chí chung', dataIndex: 'generalScore', align: 'right', width: 90, render: fmtScore },
          { title: 'Nhiệm vụ', dataIndex: 'taskScore', align: 'right', width: 90, render: fmtScore },
          { title: 'Tổng điểm', dataIndex: 'score', align: 'right', width: 90, render: (v: number) => <strong>{fmtScore(v)}</strong> },
          {
            title: 'Xếp loại',
            dataIndex: 'level',
            width: 120,
            render: (v: RatingItem['level'], r) => (
              <Tag color={LEVEL_COLORS[v]} title={RATING_LEVEL_LABELS[v]}>
                {v}
                {r.disciplined ? ' (kỷ luật)' : ''}
              </Tag>
            ),
          },
          {
            title: 'Đánh giá sau bồi dưỡng',
            width: 170,
            render: (_: unknown, r) =>
              r.evaluationLevel ? (
                <Tag
                  color={LEVEL_COLORS[r.evaluationLevel]}
                >{`${EVALUATION_LEVEL_LABELS[r.evaluationLevel]} · ${fmtScore(r.evaluationScore)}`}</Tag>
              ) : (
                '—'
              ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 70,
                  render: (_: unknown, r: RatingItem) => (
                    <Button size="small" onClick={() => setEditing(r)}>
                      Sửa
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <RatingModal
          initial={editing}
          communeCode={me.scope.communeCode ?? null}
          onClose={(w) => {
            if (w) setLastWarnings(w);
            setEditing(null);
          }}
        />
      ) : null}
    </div>
  );
}

function RatingModal({
  initial,
  communeCode,
  onClose,
}: {
  initial: Partial<RatingItem>;
  communeCode: string | null;
  onClose: (w?: RatingWarning[]) => void;
}) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const officials = useQuery({
    queryKey: ['officials', 'for-rating', communeCode],
    queryFn: () =>
      api.get<z.infer<typeof OfficialListResponse>>('/api/officials', {
        commune: communeCode ?? undefined,
        status: 'dang_cong_tac',
        pageSize: 200,
      }),
    enabled: !initial.officialId,
  });
  const save = useMutation({
    mutationFn: (v: { officialId: string; generalScore: number; taskScore: number; disciplined?: boolean }) =>
      api.put<{ item: RatingItem; warnings: RatingWarning[] }>('/api/ratings', { ...v, year: initial.year, disciplined: !!v.disciplined }),
    onSuccess: async (r) => {
      message.success(`Đã lưu: ${r.item.officialName} — ${r.item.level}`);
      await qc.invalidateQueries({ queryKey: evalKeys.ratings });
      onClose(r.warnings);
    },
  });
  const general = Form.useWatch('generalScore', form) as number | undefined;
  const task = Form.useWatch('taskScore', form) as number | undefined;
  return (
    <Modal
      open
      title={`Xếp loại năm ${initial.year}`}
      okText="Lưu"
      cancelText="Đóng"
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      {save.error ? <Alert type="error" role="alert" showIcon title={errorMessage(save.error)} style={{ marginBottom: 8 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate({ ...v, officialId: initial.officialId ?? v.officialId })}
      >
        {initial.officialId ? (
          <Typography.Paragraph strong>{initial.officialName}</Typography.Paragraph>
        ) : (
          <Form.Item name="officialId" label="Công chức" rules={[{ required: true, message: 'Chọn công chức' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={officials.isLoading}
              options={officials.data?.items.map((o) => ({ value: o.id, label: `${o.fullName} — ${o.unitName ?? ''}` }))}
            />
          </Form.Item>
        )}
        <Flex gap={12} wrap>
          <Form.Item name="generalScore" label="Tiêu chí chung (0–30)" rules={[{ required: true, message: 'Nhập điểm' }]}>
            <InputNumber min={0} max={30} step={0.5} />
          </Form.Item>
          <Form.Item name="taskScore" label="Kết quả nhiệm vụ (0–70)" rules={[{ required: true, message: 'Nhập điểm' }]}>
            <InputNumber min={0} max={70} step={0.5} />
          </Form.Item>
        </Flex>
        <Form.Item name="disciplined" valuePropName="checked">
          <Checkbox>Bị kỷ luật trong năm</Checkbox>
        </Form.Item>
        <Typography.Text type="secondary">Tổng điểm: {fmtScore((general ?? 0) + (task ?? 0))}</Typography.Text>
      </Form>
    </Modal>
  );
}
