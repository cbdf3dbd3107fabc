/** The learner's self-report of one class (SPEC §7): completed or not, score, certificate, scan, what to apply. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { formatDateVi, LEARNER_UPLOAD_MAX_BYTES, SELF_REPORT_STATUS_LABELS, type SelfReportItem } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { FileField, useFileField } from '../../components/FileField.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { learnerKeys, postForm, useMyCertificates, useOverview } from '../learner/learnerApi.ts';

interface Values {
  completed: boolean;
  score?: number | null;
  certificateNo?: string;
  applyAtWork: string;
}

export default function SelfReportPage() {
  const enrolmentId = Number(useParams().enrolmentId);
  const overview = useOverview();
  const certificates = useMyCertificates();
  const c = overview.data?.classes.find((x) => x.enrolmentId === enrolmentId);
  const reportId = c?.selfReport?.id;
  const report = useQuery({
    queryKey: ['self-reports', reportId],
    queryFn: () => api.get<SelfReportItem>(`/api/self-reports/${reportId}`),
    enabled: Boolean(reportId),
  });
  const [form] = Form.useForm<Values>();
  const upload = useFileField(LEARNER_UPLOAD_MAX_BYTES);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const nav = useNavigate();
  const send = useMutation({
    mutationFn: (v: Values) =>
      postForm<SelfReportItem>(
        '/api/self-reports',
        {
          enrolmentId,
          completed: v.completed,
          score: v.score ?? '',
          certificateNo: v.certificateNo ?? '',
          applyAtWork: v.applyAtWork,
          version: report.data?.version,
        },
        upload.file,
        upload.onProgress,
      ),
    onSuccess: async () => {
      upload.done();
      void message.success('Đã gửi báo cáo kết quả học tập.');
      await qc.invalidateQueries({ queryKey: learnerKeys.overview });
      await qc.invalidateQueries({ queryKey: ['self-reports'] });
      void nav('/');
    },
    onError: (e) => {
      upload.done(e);
      if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
    },
  });

  if (overview.isPending || certificates.isPending || (reportId && report.isPending)) return <PageLoading />;
  if (overview.error) return <QueryError error={overview.error} />;
  if (!c) return <Alert type="warning" showIcon message="Không tìm thấy lớp này trong danh sách lớp của bạn." />;
  const r = report.data;
  const locked = r?.status === 'confirmed';
  const notYet = overview.data.today < c.endDate;
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 20 }}>
        Báo cáo kết quả học tập
      </Typography.Title>
      <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{c.className}</span>} style={{ marginBottom: 12 }}>
        <div>
          Học từ {formatDateVi(c.startDate)} đến {formatDateVi(c.endDate)}
        </div>
        <div>
          Hạn nộp báo cáo: <strong>{formatDateVi(c.reportOverdueAfter)}</strong>
          {!r && overview.data.today > c.reportOverdueAfter && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              Quá hạn
            </Tag>
          )}
        </div>
        {r && (
          <div style={{ marginTop: 4 }}>
            Trạng thái:{' '}
            <Tag color={r.status === 'confirmed' ? 'green' : r.status === 'returned' ? 'orange' : 'blue'}>
              {SELF_REPORT_STATUS_LABELS[r.status]}
            </Tag>{' '}
            · nộp lần đầu {formatDateVi(r.submittedOn)}
          </div>
        )}
      </Card>
      {r?.status === 'returned' && r.reviewComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="Báo cáo được trả lại để bổ sung"
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.reviewComment}</span>}
        />
      )}
      {notYet ? (
        <Alert type="info" showIcon message={`Lớp kết thúc ngày ${formatDateVi(c.endDate)}; bạn nộp báo cáo từ ngày đó.`} />
      ) : locked ? (
        <Alert
          type="success"
          showIcon
          message="Báo cáo đã được xác nhận."
          description={`Điểm: ${r.score ?? '—'} · Áp dụng vào công việc: ${r.applyAtWork}`}
        />
      ) : (
        <Card size="small">
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={
              r
                ? { completed: r.completed, score: r.score, certificateNo: r.certificateNo ?? undefined, applyAtWork: r.applyAtWork }
                : {
                    completed: c.result !== 'failed',
                    score: c.finalScore,
                    certificateNo: certificates.data?.items.find((x) => x.enrolmentId === enrolmentId)?.number,
                  }
            }
            onFinish={(v) => send.mutate(v)}
          >
            <Form.Item name="completed" label="Kết quả khóa học" rules={[{ required: true, message: 'Chọn kết quả' }]}>
              <Radio.Group>
                <Radio value={true}>Đã hoàn thành</Radio>
                <Radio value={false}>Chưa hoàn thành</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="score" label="Điểm (thang 10, nếu có)">
              <InputNumber min={0} max={10} step={0.1} decimalSeparator="," style={{ width: 140 }} aria-label="Điểm" />
            </Form.Item>
            <Form.Item name="certificateNo" label="Số chứng chỉ, giấy chứng nhận (nếu có)">
              <Input maxLength={100} />
            </Form.Item>
            <FileField
              state={upload}
              label="Bản chụp chứng chỉ hoặc giấy chứng nhận"
              extra={`PDF, JPG hoặc PNG, tối đa ${Math.round(LEARNER_UPLOAD_MAX_BYTES / 1024 / 1024)} MB.`}
              accept=".pdf,.jpg,.jpeg,.png"
            >
              {r?.scan && !upload.file && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  Đã có: {r.scan.fileName}
                </Typography.Text>
              )}
            </FileField>
            <Form.Item
              name="applyAtWork"
              label="Những điều bạn sẽ áp dụng vào công việc"
              rules={[{ required: true, whitespace: true, message: 'Nhập nội dung sẽ áp dụng' }]}
            >
              <Input.TextArea rows={4} maxLength={4000} showCount />
            </Form.Item>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Button type="primary" htmlType="submit" loading={send.isPending} block>
                {r ? 'Nộp lại báo cáo' : 'Gửi báo cáo'}
              </Button>
            </Space>
          </Form>
        </Card>
      )}
    </>
  );
}
