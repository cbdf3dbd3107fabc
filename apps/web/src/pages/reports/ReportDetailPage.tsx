/**
 * One report (SPEC §10): free-text sections saved automatically (versioned PATCH), the numbers (live
 * while a draft, frozen once sent), the document details for the .docx, sending up, and for the upper
 * level accepting or returning it with comments; files built with a progress bar.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Descriptions, Grid, Form, Input, Modal, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import {
  EVALUATION_LEVEL_LABELS_REPORT,
  EVALUATION_LEVELS,
  formatDateTimeVi,
  formatDateVi,
  PROGRAMME_TYPE_LABELS,
  REPORT_KIND_LABELS,
  type ProgrammeType,
  type ReportDetail,
  type ReportRow,
} from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { PageTitle, SaveError } from '../training/common.tsx';
import { FileBuilder, KPI_STATUS_TEXT, num, pct, ReportCard, ReportStatusTag } from './reportsUi.tsx';

const EVENT_TEXT: Record<string, string> = {
  created: 'Lập báo cáo',
  submitted: 'Gửi lên cấp trên',
  accepted: 'Cấp trên tiếp nhận',
  returned: 'Cấp trên trả lại',
};

export default function ReportDetailPage() {
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['reports', 'detail', id],
    queryFn: () => api.get<ReportDetail>(`/api/reports/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoading />;
  return <ReportView key={q.data.id} report={q.data} />;
}

function ReportView({ report: initial }: { report: ReportDetail }) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [r, setR] = useState(initial);
  const [draft, setDraft] = useState<Record<string, string>>(initial.sections);
  const [docFields, setDocFields] = useState({
    documentNo: initial.documentNo ?? '',
    placeName: initial.placeName ?? '',
    signerName: initial.signerName ?? '',
    signerTitle: initial.signerTitle ?? '',
    recipients: initial.recipients ?? '',
  });
  const [saveState, setSaveState] = useState<{ at?: string; error?: unknown; saving?: boolean }>({});
  const version = useRef(initial.version);
  const dirty = useRef(false);
  const timer = useRef<number | null>(null);

  const apply = (d: ReportDetail) => {
    version.current = d.version;
    setR(d);
    qc.setQueryData(['reports', 'detail', d.id], d);
    void qc.invalidateQueries({ queryKey: ['reports', 'list'] });
    void qc.invalidateQueries({ queryKey: ['reports', 'status'] });
  };

  const saveNow = async (): Promise<boolean> => {
    if (!dirty.current) return true;
    dirty.current = false;
    setSaveState({ saving: true });
    try {
      const d = await api.patch<ReportDetail>(`/api/reports/${r.id}`, {
        version: version.current,
        sections: draft,
        ...Object.fromEntries(Object.entries(docFields).map(([k, v]) => [k, v.trim() === '' ? null : v])),
      });
      version.current = d.version;
      setR((old) => ({ ...old, version: d.version, updatedAt: d.updatedAt }));
      setSaveState({ at: new Date().toISOString() });
      return true;
    } catch (e) {
      dirty.current = true;
      setSaveState({ error: e });
      return false;
    }
  };

  // autosave 1,5 s after the last keystroke
  useEffect(() => {
    if (!dirty.current) return;
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveNow(), 1500);
    return () => {
      if (timer.current) window.clearTimeout(timer.current);
    };
  }, [draft, docFields]);

  const submit = useMutation({
    mutationFn: async () => {
      if (!(await saveNow())) throw new Error('Chưa lưu được nội dung; hãy thử lại.');
      return api.post<ReportDetail>(`/api/reports/${r.id}/submit`, { version: version.current });
    },
    onSuccess: (d) => {
      apply(d);
      void message.success('Đã gửi báo cáo lên cấp trên; số liệu đã được chốt.');
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const review = useMutation({
    mutationFn: (body: { decision: 'accept' | 'return'; comment?: string }) =>
      api.post<ReportDetail>(`/api/reports/${r.id}/review`, { version: version.current, ...body }),
    onSuccess: (d) => {
      apply(d);
      void message.success(d.status === 'accepted' ? 'Đã tiếp nhận báo cáo' : 'Đã trả lại báo cáo kèm ý kiến');
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const [returning, setReturning] = useState(false);
  const phone = !Grid.useBreakpoint().sm;
  const [comment, setComment] = useState('');

  const edit = r.actions.edit;
  const onSection = (key: string, v: string) => {
    dirty.current = true;
    setDraft((d) => ({ ...d, [key]: v }));
  };
  const onDoc = (key: keyof typeof docFields, v: string) => {
    dirty.current = true;
    setDocFields((d) => ({ ...d, [key]: v }));
  };

  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Link to={`/bao-cao?year=${r.year}`}>← Danh sách báo cáo</Link>
      </Typography.Paragraph>
      <PageTitle
        extra={
          <Space wrap>
            {r.actions.submit && (
              <Button
                type="primary"
                loading={submit.isPending}
                onClick={() =>
                  modal.confirm({
                    title: 'Gửi báo cáo lên cấp trên?',
                    content: 'Sau khi gửi, số liệu được chốt và không sửa được nữa, trừ khi cấp trên trả lại.',
                    okText: r.status === 'returned' ? 'Gửi lại' : 'Gửi báo cáo',
                    cancelText: 'Hủy',
                    onOk: () => submit.mutateAsync(),
                  })
                }
              >
                {r.status === 'returned' ? 'Gửi lại báo cáo' : 'Gửi báo cáo'}
              </Button>
            )}
            {r.actions.review && (
              <>
                <Button type="primary" loading={review.isPending} onClick={() => review.mutate({ decision: 'accept' })}>
                  Tiếp nhận
                </Button>
                <Button danger onClick={() => setReturning(true)}>
                  Trả lại
                </Button>
              </>
            )}
          </Space>
        }
      >
        {r.title}
      </PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <ReportStatusTag status={r.status} overdue={r.overdue} />
        <Tag>{REPORT_KIND_LABELS[r.kind]}</Tag>
        <span>Hạn gửi: {formatDateVi(r.deadline) || '–'}</span>
        {r.submittedAt && (
          <span>
            Gửi lúc {formatDateTimeVi(r.submittedAt)} bởi {r.submittedBy}
          </span>
        )}
      </Space>
      {r.status === 'returned' && r.reviewComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Cấp trên trả lại (${r.reviewedBy ?? ''}, ${formatDateTimeVi(r.reviewedAt)}): ${r.reviewComment}`}
        />
      )}
      {r.status === 'accepted' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Đã được ${r.reviewedBy ?? 'cấp trên'} tiếp nhận lúc ${formatDateTimeVi(r.reviewedAt)}.`}
        />
      )}
      <SaveError error={saveState.error} onReload={() => window.location.reload()} />

      <Tabs
        size={phone ? 'small' : undefined}
        tabBarGutter={phone ? 14 : undefined}
        items={[
          {
            key: 'content',
            label: 'Nội dung',
            children: (
              <>
                {r.sectionTitles.map((s) => (
                  <div key={s.id} style={{ marginBottom: 16 }}>
                    <label htmlFor={`section-${s.id}`} style={{ fontWeight: 600, display: 'block', marginBottom: 4 }}>
                      {s.title}
                    </label>
                    {edit ? (
                      <Input.TextArea
                        id={`section-${s.id}`}
                        autoSize={{ minRows: 4, maxRows: 16 }}
                        maxLength={20000}
                        value={draft[s.id] ?? ''}
                        onChange={(e) => onSection(s.id, e.target.value)}
                      />
                    ) : (
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                        {r.sections[s.id] || <Typography.Text type="secondary">(Chưa có nội dung)</Typography.Text>}
                      </Typography.Paragraph>
                    )}
                  </div>
                ))}
                {edit && (
                  <Typography.Text type="secondary" aria-live="polite">
                    {saveState.saving
                      ? 'Đang lưu…'
                      : saveState.at
                        ? `Đã lưu tự động lúc ${formatDateTimeVi(saveState.at)}`
                        : 'Nội dung được lưu tự động khi bạn gõ.'}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            key: 'numbers',
            label: r.frozen && !phone ? 'Số liệu (đã chốt)' : 'Số liệu',
            children: <Numbers data={r.data} frozen={r.frozen} />,
          },
          {
            key: 'document',
            label: 'Văn bản, tệp',
            children: (
              <>
                <Form layout="vertical" style={{ maxWidth: 640 }} disabled={!edit}>
                  <Form.Item label="Số văn bản (phần trước “/BC-UBND”)" htmlFor="doc-no">
                    <Input id="doc-no" value={docFields.documentNo} maxLength={40} onChange={(e) => onDoc('documentNo', e.target.value)} />
                  </Form.Item>
                  <Form.Item label="Địa danh ghi trên văn bản" htmlFor="doc-place">
                    <Input
                      id="doc-place"
                      value={docFields.placeName}
                      maxLength={80}
                      placeholder="Ví dụ: Buôn Ma Thuột"
                      onChange={(e) => onDoc('placeName', e.target.value)}
                    />
                  </Form.Item>
                  <Form.Item label="Chức vụ người ký" htmlFor="doc-title">
                    <Input
                      id="doc-title"
                      value={docFields.signerTitle}
                      maxLength={120}
                      placeholder="Phó Chủ tịch"
                      onChange={(e) => onDoc('signerTitle', e.target.value)}
                    />
                  </Form.Item>
                  <Form.Item label="Họ và tên người ký" htmlFor="doc-signer">
                    <Input
                      id="doc-signer"
                      value={docFields.signerName}
                      maxLength={120}
                      onChange={(e) => onDoc('signerName', e.target.value)}
                    />
                  </Form.Item>
                  <Form.Item label="Nơi nhận (mỗi dòng một nơi; để trống dùng danh sách mặc định)" htmlFor="doc-recipients">
                    <Input.TextArea
                      id="doc-recipients"
                      rows={4}
                      value={docFields.recipients}
                      maxLength={2000}
                      onChange={(e) => onDoc('recipients', e.target.value)}
                    />
                  </Form.Item>
                </Form>
                <FileBuilder reportId={r.id} />
              </>
            ),
          },
          {
            key: 'history',
            label: 'Lịch sử',
            children: (
              <Timeline
                items={r.events.map((e) => ({
                  content: (
                    <>
                      <strong>{EVENT_TEXT[e.action] ?? e.action}</strong> — {e.actorName}, {formatDateTimeVi(e.at)}
                      {e.comment && <div>Ý kiến: {e.comment}</div>}
                    </>
                  ),
                }))}
              />
            ),
          },
        ]}
      />

      <Modal
        open={returning}
        title="Trả lại báo cáo"
        okText="Trả lại"
        okButtonProps={{ danger: true, disabled: !comment.trim() }}
        cancelText="Hủy"
        onCancel={() => setReturning(false)}
        onOk={async () => {
          await review.mutateAsync({ decision: 'return', comment });
          setReturning(false);
          setComment('');
        }}
      >
        <label htmlFor="return-comment">Nội dung cần chỉnh sửa, bổ sung</label>
        <Input.TextArea id="return-comment" rows={4} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={4000} />
      </Modal>
    </>
  );
}

function Numbers({ data, frozen }: { data: ReportDetail['data']; frozen: boolean }) {
  const t = data.total;
  const types = Object.keys(t.classes).filter((k) => k !== 'ALL' && hasAny(t, k));
  return (
    <>
      <Typography.Paragraph type="secondary">
        {frozen ? 'Số liệu đã chốt khi gửi báo cáo' : 'Số liệu hiện tại (sẽ được chốt khi gửi)'}, tính đến ngày {formatDateVi(data.asOf)},
        giai đoạn {data.phase}.
      </Typography.Paragraph>
      <ReportCard size="small" title="Các chỉ tiêu của Đề án (Biểu 2)" style={{ marginBottom: 12 }}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={t.indicators}
          scroll={{ x: 760 }}
          columns={[
            { title: 'Chỉ tiêu', render: (_, i) => `${i.code}. ${i.label}` },
            { title: 'Đạt được', dataIndex: 'numerator', align: 'right', width: 100, render: num },
            { title: 'Tổng số', dataIndex: 'denominator', align: 'right', width: 100, render: num },
            { title: 'Tỷ lệ', dataIndex: 'percent', align: 'right', width: 90, render: pct },
            { title: 'Mục tiêu', dataIndex: 'target', width: 140 },
            {
              title: 'Đánh giá',
              dataIndex: 'status',
              width: 140,
              render: (s: string) => <Tag color={KPI_STATUS_TEXT[s]?.color}>{KPI_STATUS_TEXT[s]?.text ?? s}</Tag>,
            },
          ]}
        />
      </ReportCard>
      <ReportCard size="small" title="Lớp và lượt người bồi dưỡng, kế hoạch - thực hiện (Biểu 1)" style={{ marginBottom: 12 }}>
        <Table
          scroll={{ x: 700 }}
          rowKey="type"
          size="small"
          pagination={false}
          dataSource={[...types, 'ALL'].map((type) => ({ type, ...t.classes[type]! }))}
          columns={[
            {
              title: 'Loại chương trình',
              dataIndex: 'type',
              render: (k: string) => (k === 'ALL' ? <strong>Tổng cộng</strong> : PROGRAMME_TYPE_LABELS[k as ProgrammeType]),
            },
            { title: 'Lớp kế hoạch', dataIndex: 'plannedClasses', align: 'right', render: num },
            { title: 'Lớp đã tổ chức', dataIndex: 'heldClasses', align: 'right', render: num },
            { title: 'Lượt người kế hoạch', dataIndex: 'plannedAttendances', align: 'right', render: num },
            { title: 'Lượt người đã bồi dưỡng', dataIndex: 'heldAttendances', align: 'right', render: num },
          ]}
        />
      </ReportCard>
      <ReportCard size="small" title="Đánh giá sau bồi dưỡng (Biểu 3) và kinh phí (Biểu 4)" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            ...EVALUATION_LEVELS.map((l) => ({ key: l, label: EVALUATION_LEVEL_LABELS_REPORT[l], children: num(t.evaluations[l]) })),
            {
              key: 'bp',
              label: 'Kinh phí dự toán',
              children: `${num(t.budget.plannedCentral + t.budget.plannedLocal + t.budget.plannedSponsor)} đồng`,
            },
            {
              key: 'bs',
              label: 'Kinh phí đã chi',
              children: `${num(t.budget.spentCentral + t.budget.spentLocal + t.budget.spentSponsor)} đồng`,
            },
          ]}
        />
      </ReportCard>
      {data.scope.level === 'commune' && (
        <ReportCard size="small" title={`CBCC chưa đạt chuẩn chưa được cử đi học (Biểu 5): ${num(data.belowStandard.length)} người`}>
          <Table
            scroll={{ x: 720 }}
            rowKey="officialId"
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={data.belowStandard}
            columns={[
              { title: 'Họ và tên', dataIndex: 'fullName' },
              { title: 'Cơ quan, đơn vị', dataIndex: 'unitName' },
              { title: 'Vị trí việc làm', dataIndex: 'positionName' },
            ]}
          />
        </ReportCard>
      )}
    </>
  );
}

function hasAny(r: ReportRow, k: string): boolean {
  const c = r.classes[k];
  return !!c && c.plannedClasses + c.heldClasses + c.plannedAttendances + c.heldAttendances > 0;
}
