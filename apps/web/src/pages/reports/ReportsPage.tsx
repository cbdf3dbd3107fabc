/**
 * "Báo cáo" (SPEC §10): my level's reports by year; for a province or the ministry, who has and has not
 * sent theirs (overdue in red), the consolidation of what was sent, the communes' deadline, and ad hoc
 * report requests.
 */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  formatDateVi,
  REPORT_KIND_LABELS,
  type AdhocRequestItem,
  type ChildrenStatusResponse,
  type ReportDetail,
  type ReportKind,
  type ReportSummary,
} from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { hasPermission, useCurrentUser } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { Hint, PageTitle } from '../training/common.tsx';
import { num, pct, ReportCard, ReportStatusTag } from './reportsUi.tsx';

const YEARS = [2026, 2027, 2028, 2029, 2030, 2031];

export default function ReportsPage() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || Math.min(2031, Math.max(2026, dayjs().year()));
  const level = me.scope.level;
  const isUpper = level === 'nation' || level === 'province';
  const canManage = hasPermission(me, 'reports.manage');
  const canReview = hasPermission(me, 'reports.review');

  const list = useQuery({
    queryKey: ['reports', 'list', year],
    queryFn: () => api.get<{ items: ReportSummary[] }>('/api/reports', { year }),
  });
  const requestId = Number(params.get('requestId')) || undefined;
  const board = useQuery({
    queryKey: ['reports', 'status', year, requestId],
    queryFn: () => api.get<ChildrenStatusResponse>('/api/reports/status', { year, kind: requestId ? 'adhoc' : 'annual', requestId }),
    enabled: isUpper,
  });
  const requests = useQuery({
    queryKey: ['reports', 'requests'],
    queryFn: () => api.get<{ items: AdhocRequestItem[] }>('/api/report-requests'),
  });

  const own = (list.data?.items ?? []).filter((r) => r.level === level);
  const hasAnnual = own.some((r) => r.kind === 'annual' && r.requestId === null);
  const create = useMutation({
    mutationFn: (body: { kind: ReportKind; year: number; requestId?: number }) => api.post<ReportDetail>('/api/reports', body),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['reports'] });
      void navigate(`/bao-cao/${r.id}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Select
              aria-label="Năm báo cáo"
              value={year}
              style={{ width: 140 }}
              options={YEARS.map((y) => ({ value: y, label: `Năm ${y}` }))}
              onChange={(v) => setParams({ year: String(v) })}
            />
            {canManage && !hasAnnual && level !== 'unit' && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                loading={create.isPending}
                onClick={() => create.mutate({ kind: 'annual', year })}
              >
                Lập báo cáo năm {year}
              </Button>
            )}
            {canManage && year === 2029 && !own.some((r) => r.kind === 'midterm') && (
              <Button onClick={() => create.mutate({ kind: 'midterm', year })}>Lập báo cáo sơ kết</Button>
            )}
            {canManage && year === 2031 && !own.some((r) => r.kind === 'final') && (
              <Button onClick={() => create.mutate({ kind: 'final', year })}>Lập báo cáo tổng kết</Button>
            )}
          </Space>
        }
      >
        Báo cáo thực hiện Đề án
      </PageTitle>
      <Hint>
        Số liệu trong báo cáo lấy từ bộ chỉ tiêu của Đề án và dữ liệu lớp học; khi gửi lên cấp trên, số liệu được chốt lại. Tỉnh gửi Bộ Nội
        vụ trước ngày 30/11; xã gửi tỉnh theo hạn tỉnh quy định.
      </Hint>

      <ReportCard
        title={level === 'province' || level === 'nation' ? 'Báo cáo của đơn vị và cấp dưới' : 'Báo cáo của đơn vị'}
        size="small"
        style={{ marginBottom: 16 }}
      >
        {list.error && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        <Table<ReportSummary>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1060 }}
          locale={{ emptyText: `Chưa có báo cáo nào của năm ${year}` }}
          columns={[
            { title: 'Báo cáo', dataIndex: 'title', width: 300, render: (t: string, r) => <Link to={`/bao-cao/${r.id}`}>{t}</Link> },
            { title: 'Loại', dataIndex: 'kind', width: 170, render: (k: ReportKind) => REPORT_KIND_LABELS[k] },
            { title: 'Đơn vị', dataIndex: 'scopeName', width: 200 },
            { title: 'Hạn gửi', dataIndex: 'deadline', width: 110, render: (d: string | null) => formatDateVi(d) },
            { title: 'Trạng thái', width: 170, render: (_, r) => <ReportStatusTag status={r.status} overdue={r.overdue} /> },
            { title: 'Ngày gửi', dataIndex: 'submittedOn', width: 110, render: (d: string | null) => formatDateVi(d) || '–' },
          ]}
        />
      </ReportCard>

      {isUpper && (
        <ChildrenBoard
          year={year}
          adhoc={Boolean(requestId)}
          data={board.data}
          error={board.error}
          loading={board.isPending}
          refetch={() => void board.refetch()}
          canSetDeadline={level === 'province' && canReview}
        />
      )}

      <AdhocCard
        items={requests.data?.items ?? []}
        canRequest={canReview && isUpper}
        canAnswer={canManage && (level === 'province' || level === 'commune')}
        onAnswer={(r) =>
          r.myReportId ? navigate(`/bao-cao/${r.myReportId}`) : create.mutate({ kind: 'adhoc', year: r.year, requestId: r.id })
        }
      />
    </>
  );
}

function ChildrenBoard(p: {
  year: number;
  adhoc: boolean;
  data: ChildrenStatusResponse | undefined;
  error: unknown;
  loading: boolean;
  refetch: () => void;
  canSetDeadline: boolean;
}) {
  const { data } = p;
  const childWord = data?.items.length && data.items.length < 40 ? 'tỉnh, thành phố' : 'xã, phường';
  return (
    <ReportCard
      size="small"
      style={{ marginBottom: 16 }}
      title={p.adhoc ? 'Tình hình gửi báo cáo đột xuất của cấp dưới' : `Tình hình gửi báo cáo năm ${p.year} của cấp dưới`}
      extra={p.canSetDeadline && !p.adhoc && data && <DeadlineEditor year={p.year} deadline={data.deadline} />}
    >
      {Boolean(p.error) && <QueryError error={p.error} onRetry={p.refetch} />}
      {data && (
        <>
          <Typography.Paragraph>
            Hạn gửi: <strong>{formatDateVi(data.deadline)}</strong>. Đã gửi {num(data.counts.submitted + data.counts.accepted)}/
            {num(data.counts.total)} {childWord} (đã tiếp nhận {num(data.counts.accepted)}, bị trả lại {num(data.counts.returned)}); chưa
            gửi {num(data.counts.missing)}
            {data.counts.overdue > 0 && <Typography.Text type="danger"> — {num(data.counts.overdue)} đơn vị quá hạn</Typography.Text>}.
          </Typography.Paragraph>
          <Table
            scroll={{ x: 480 }}
            rowKey="code"
            size="small"
            dataSource={data.items}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={(r) => (r.overdue ? { style: { background: '#fff1f0' } } : {})}
            columns={[
              {
                title: 'Đơn vị',
                dataIndex: 'name',
                render: (n: string, r) => (r.reportId ? <Link to={`/bao-cao/${r.reportId}`}>{n}</Link> : n),
              },
              { title: 'Trạng thái', width: 190, render: (_, r) => <ReportStatusTag status={r.status} overdue={r.overdue} /> },
              { title: 'Ngày gửi', dataIndex: 'submittedOn', width: 120, render: (d: string | null) => formatDateVi(d) || '–' },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
            Tổng hợp số liệu từ {num(data.consolidatedFrom.length)} báo cáo đã gửi
          </Typography.Title>
          {data.consolidated ? (
            <Table
              scroll={{ x: 560 }}
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={data.consolidated.indicators}
              columns={[
                { title: 'Chỉ tiêu', render: (_, i) => `${i.code}. ${i.label}` },
                { title: 'Đạt được', dataIndex: 'numerator', align: 'right', width: 110, render: num },
                { title: 'Tổng số', dataIndex: 'denominator', align: 'right', width: 110, render: num },
                { title: 'Tỷ lệ', dataIndex: 'percent', align: 'right', width: 90, render: pct },
              ]}
            />
          ) : (
            <Typography.Text type="secondary">Chưa có báo cáo nào được gửi.</Typography.Text>
          )}
          {data.missing.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              Chưa có số liệu của: {data.missing.slice(0, 30).join(', ')}
              {data.missing.length > 30 ? ` và ${num(data.missing.length - 30)} đơn vị khác` : ''}.
            </Typography.Paragraph>
          )}
        </>
      )}
    </ReportCard>
  );
}

function DeadlineEditor({ year, deadline }: { year: number; deadline: string | null }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [value, setValue] = useState(deadline ? dayjs(deadline) : null);
  const save = useMutation({
    mutationFn: () => api.put('/api/reports/deadline', { year, deadline: value!.format('YYYY-MM-DD') }),
    onSuccess: () => {
      void message.success('Đã lưu hạn gửi báo cáo của các xã');
      void qc.invalidateQueries({ queryKey: ['reports'] });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Space wrap>
      <label htmlFor="commune-deadline">Hạn xã gửi:</label>
      <DatePicker id="commune-deadline" format="DD/MM/YYYY" value={value} onChange={setValue} allowClear={false} />
      <Button size="small" onClick={() => save.mutate()} loading={save.isPending} disabled={!value}>
        Lưu hạn
      </Button>
    </Space>
  );
}

function AdhocCard(p: { items: AdhocRequestItem[]; canRequest: boolean; canAnswer: boolean; onAnswer: (r: AdhocRequestItem) => void }) {
  const [open, setOpen] = useState(false);
  if (!p.items.length && !p.canRequest) return null;
  return (
    <ReportCard
      size="small"
      title="Báo cáo đột xuất"
      extra={
        p.canRequest && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            Yêu cầu báo cáo đột xuất
          </Button>
        )
      }
    >
      <Table<AdhocRequestItem>
        scroll={{ x: 620 }}
        rowKey="id"
        size="small"
        dataSource={p.items}
        pagination={false}
        locale={{ emptyText: 'Chưa có yêu cầu báo cáo đột xuất' }}
        columns={[
          { title: 'Nội dung yêu cầu', dataIndex: 'title' },
          { title: 'Cấp yêu cầu', width: 150, render: (_, r) => (r.requesterLevel === 'nation' ? 'Bộ Nội vụ' : 'Ủy ban nhân dân tỉnh') },
          { title: 'Hạn gửi', dataIndex: 'deadline', width: 110, render: (d: string) => formatDateVi(d) },
          {
            title: '',
            width: 160,
            render: (_, r) =>
              p.canAnswer &&
              ((r.requesterLevel === 'nation' && !p.canRequest) || r.requesterLevel === 'province') &&
              !isMine(r, p.canRequest) ? (
                <Button size="small" onClick={() => p.onAnswer(r)}>
                  {r.myReportId ? 'Mở báo cáo' : 'Lập báo cáo'}
                </Button>
              ) : (
                <Link to={`/bao-cao?year=${r.year}&requestId=${r.id}`}>Xem tình hình gửi</Link>
              ),
          },
        ]}
      />
      <AdhocModal open={open} onClose={() => setOpen(false)} />
    </ReportCard>
  );
}

/** A request the caller made itself (a province looking at the ones it sent to its communes). */
function isMine(r: AdhocRequestItem, canRequest: boolean): boolean {
  return canRequest && r.requesterLevel === 'province';
}

function AdhocModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; deadline: dayjs.Dayjs; sections?: string; note?: string }>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { title: string; deadline: dayjs.Dayjs; sections?: string; note?: string }) =>
      api.post('/api/report-requests', {
        title: v.title,
        year: v.deadline.year(),
        deadline: v.deadline.format('YYYY-MM-DD'),
        sections: (v.sections ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        note: v.note,
      }),
    onSuccess: () => {
      void message.success('Đã gửi yêu cầu báo cáo tới cấp dưới');
      void qc.invalidateQueries({ queryKey: ['reports'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Modal
      open={open}
      title="Yêu cầu cấp dưới báo cáo đột xuất"
      okText="Gửi yêu cầu"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label="Nội dung yêu cầu báo cáo" rules={[{ required: true, message: 'Hãy nhập nội dung yêu cầu' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="deadline" label="Hạn gửi" rules={[{ required: true, message: 'Hãy chọn hạn gửi' }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="sections" label="Các mục cần báo cáo (mỗi dòng một mục; để trống dùng mẫu chuẩn)">
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
