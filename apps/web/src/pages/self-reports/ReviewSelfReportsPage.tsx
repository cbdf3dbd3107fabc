/** Commune admins and unit heads: self-reports of their scope (confirm or return), and who is overdue. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Input, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  formatDateVi,
  formatNumberVi,
  SELF_REPORT_STATUS_LABELS,
  type SelfReportItem,
  type SelfReportListResponse,
  type SelfReportStatus,
} from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';

interface OverdueResponse {
  asOf: string;
  graceDays: number;
  items: { enrolmentId: number; fullName: string; className: string; classEndDate: string; daysOverdue: number }[];
}
const STATUS_COLORS: Record<SelfReportStatus, string> = { submitted: 'blue', confirmed: 'green', returned: 'orange' };

function ReportDrawer({ report, onClose }: { report: SelfReportItem | null; onClose: () => void }) {
  const [comment, setComment] = useState('');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const review = useMutation({
    mutationFn: (decision: 'confirm' | 'return') =>
      api.post<SelfReportItem>(`/api/self-reports/${report!.id}/review`, {
        decision,
        comment: comment || undefined,
        version: report!.version,
      }),
    onSuccess: async (r) => {
      void message.success(r.status === 'confirmed' ? 'Đã xác nhận báo cáo.' : 'Đã trả lại báo cáo cho học viên.');
      setComment('');
      await qc.invalidateQueries({ queryKey: ['self-reports'] });
      onClose();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Drawer open={Boolean(report)} onClose={onClose} title="Báo cáo kết quả học tập" width={Math.min(520, window.innerWidth)}>
      {report && (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'n', label: 'Học viên', children: report.fullName },
              { key: 'u', label: 'Đơn vị', children: report.unitName ?? '—' },
              { key: 'c', label: 'Lớp', children: report.className },
              { key: 'e', label: 'Lớp kết thúc', children: formatDateVi(report.classEndDate) },
              { key: 's', label: 'Nộp lần đầu', children: formatDateVi(report.submittedOn) },
              { key: 'k', label: 'Kết quả', children: report.completed ? 'Đã hoàn thành' : 'Chưa hoàn thành' },
              { key: 'd', label: 'Điểm', children: report.score === null ? '—' : formatNumberVi(report.score, 2) },
              { key: 'g', label: 'Số chứng chỉ', children: report.certificateNo ?? '—' },
              {
                key: 'f',
                label: 'Bản chụp',
                children: report.scan ? <a href={`/api/self-reports/${report.id}/scan`}>{report.scan.fileName}</a> : 'Không có',
              },
              { key: 'a', label: 'Sẽ áp dụng', children: <span style={{ whiteSpace: 'pre-wrap' }}>{report.applyAtWork}</span> },
              {
                key: 't',
                label: 'Trạng thái',
                children: <Tag color={STATUS_COLORS[report.status]}>{SELF_REPORT_STATUS_LABELS[report.status]}</Tag>,
              },
              ...(report.reviewComment ? [{ key: 'r', label: 'Ý kiến đã gửi', children: report.reviewComment }] : []),
            ]}
          />
          {report.canReview && (
            <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
              <Input.TextArea
                rows={3}
                placeholder="Ý kiến (bắt buộc khi trả lại)"
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                maxLength={2000}
                aria-label="Ý kiến"
              />
              <Space wrap>
                <Button type="primary" onClick={() => review.mutate('confirm')} loading={review.isPending}>
                  Xác nhận
                </Button>
                <Button danger onClick={() => review.mutate('return')} loading={review.isPending}>
                  Trả lại để bổ sung
                </Button>
              </Space>
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}

export default function ReviewSelfReportsPage() {
  const [status, setStatus] = useState<SelfReportStatus | 'all'>('submitted');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<SelfReportItem | null>(null);
  const list = useQuery({
    queryKey: ['self-reports', 'list', status, page],
    queryFn: () =>
      api.get<SelfReportListResponse>('/api/self-reports', { status: status === 'all' ? undefined : status, page, pageSize: 20 }),
  });
  const overdue = useQuery({ queryKey: ['self-reports', 'overdue'], queryFn: () => api.get<OverdueResponse>('/api/self-reports/overdue') });
  return (
    <>
      <Typography.Title level={1} className="page-title">
        Báo cáo kết quả học tập
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'list',
            label: 'Báo cáo đã nộp',
            children: (
              <Card size="small">
                <Segmented<SelfReportStatus | 'all'>
                  style={{ marginBottom: 12 }}
                  value={status}
                  onChange={(v) => {
                    setStatus(v);
                    setPage(1);
                  }}
                  options={[
                    { value: 'submitted', label: 'Chờ xác nhận' },
                    { value: 'returned', label: 'Đã trả lại' },
                    { value: 'confirmed', label: 'Đã xác nhận' },
                    { value: 'all', label: 'Tất cả' },
                  ]}
                />
                {list.error ? (
                  <QueryError error={list.error} />
                ) : (
                  <Table<SelfReportItem>
                    size="small"
                    rowKey="id"
                    loading={list.isPending}
                    dataSource={list.data?.items ?? []}
                    scroll={{ x: 720 }}
                    pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
                    onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
                    columns={[
                      { title: 'Học viên', dataIndex: 'fullName', render: (v: string, r) => <a onClick={() => setOpen(r)}>{v}</a> },
                      { title: 'Lớp', dataIndex: 'className', ellipsis: true },
                      { title: 'Nộp ngày', dataIndex: 'lastSubmittedOn', width: 110, render: (v: string) => formatDateVi(v) },
                      {
                        title: 'Điểm',
                        dataIndex: 'score',
                        width: 70,
                        align: 'right',
                        render: (v: number | null) => (v === null ? '—' : formatNumberVi(v, 2)),
                      },
                      {
                        title: 'Trạng thái',
                        dataIndex: 'status',
                        width: 140,
                        render: (v: SelfReportStatus) => <Tag color={STATUS_COLORS[v]}>{SELF_REPORT_STATUS_LABELS[v]}</Tag>,
                      },
                    ]}
                  />
                )}
              </Card>
            ),
          },
          {
            key: 'overdue',
            label: `Quá hạn chưa nộp${overdue.data ? ` (${overdue.data.items.length})` : ''}`,
            children: (
              <Card size="small">
                <Typography.Paragraph type="secondary">
                  Báo cáo phải nộp trong {overdue.data?.graceDays ?? 15} ngày kể từ ngày lớp kết thúc. Học viên quá hạn được nhắc hằng tuần
                  qua thông báo.
                </Typography.Paragraph>
                {overdue.error ? (
                  <QueryError error={overdue.error} />
                ) : (
                  <Table
                    size="small"
                    rowKey="enrolmentId"
                    loading={overdue.isPending}
                    dataSource={overdue.data?.items ?? []}
                    scroll={{ x: 600 }}
                    columns={[
                      { title: 'Học viên', dataIndex: 'fullName' },
                      { title: 'Lớp', dataIndex: 'className', ellipsis: true },
                      { title: 'Lớp kết thúc', dataIndex: 'classEndDate', width: 110, render: (v: string) => formatDateVi(v) },
                      {
                        title: 'Quá hạn',
                        dataIndex: 'daysOverdue',
                        width: 90,
                        align: 'right',
                        render: (v: number) => `${formatNumberVi(v)} ngày`,
                      },
                    ]}
                  />
                )}
              </Card>
            ),
          },
        ]}
      />
      <ReportDrawer report={open} onClose={() => setOpen(null)} />
    </>
  );
}
