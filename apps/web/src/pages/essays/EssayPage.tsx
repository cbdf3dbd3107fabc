/** The learner's essay (bài thu hoạch) of one class: title, class topics, text and/or a PDF/DOCX file; one only. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { formatDateVi, LEARNER_UPLOAD_MAX_BYTES, type EssayItem } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { FileField, useFileField } from '../../components/FileField.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { learnerKeys, postForm, useOverview } from '../learner/learnerApi.ts';

interface Values {
  title: string;
  topics?: string[];
  body?: string;
}

export default function EssayPage() {
  const enrolmentId = Number(useParams().enrolmentId);
  const overview = useOverview();
  const c = overview.data?.classes.find((x) => x.enrolmentId === enrolmentId);
  const topics = useQuery({
    queryKey: ['essays', 'topics', enrolmentId],
    queryFn: () => api.get<{ topics: string[]; requiresEssay: boolean }>(`/api/essays/topics/${enrolmentId}`),
    enabled: Boolean(c),
  });
  const essay = useQuery({
    queryKey: ['essays', c?.essay?.id],
    queryFn: () => api.get<EssayItem>(`/api/essays/${c!.essay!.id}`),
    enabled: Boolean(c?.essay),
  });
  const [form] = Form.useForm<Values>();
  const upload = useFileField(LEARNER_UPLOAD_MAX_BYTES);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const nav = useNavigate();
  const send = useMutation({
    mutationFn: (v: Values) =>
      postForm<EssayItem>(
        '/api/essays',
        { enrolmentId, title: v.title, topics: JSON.stringify(v.topics ?? []), body: v.body ?? '' },
        upload.file,
        upload.onProgress,
      ),
    onSuccess: async () => {
      upload.done();
      void message.success('Đã nộp bài thu hoạch.');
      await qc.invalidateQueries({ queryKey: learnerKeys.overview });
      void nav('/');
    },
    onError: (e) => {
      upload.done(e);
      if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
    },
  });
  if (overview.isPending) return <PageLoading />;
  if (overview.error) return <QueryError error={overview.error} />;
  if (!c) return <Alert type="warning" showIcon message="Không tìm thấy lớp này trong danh sách lớp của bạn." />;
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 20 }}>
        Bài thu hoạch
      </Typography.Title>
      <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{c.className}</span>} style={{ marginBottom: 12 }}>
        Bài thu hoạch gửi Ban Tổ chức của tỉnh đọc và tổng hợp các đề xuất. Mỗi học viên nộp một bài cho mỗi lớp.
      </Card>
      {!c.essayRequired ? (
        <Alert type="info" showIcon message="Chương trình của lớp này không yêu cầu bài thu hoạch." />
      ) : c.essay ? (
        essay.isPending ? (
          <PageLoading />
        ) : essay.data ? (
          <Card size="small" title={essay.data.title}>
            <Typography.Paragraph type="secondary">Đã nộp ngày {formatDateVi(essay.data.submittedOn)}</Typography.Paragraph>
            {essay.data.topics.length > 0 && <Typography.Paragraph>Chuyên đề: {essay.data.topics.join('; ')}</Typography.Paragraph>}
            {essay.data.body && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{essay.data.body}</Typography.Paragraph>}
            {essay.data.file && <a href={`/api/essays/${essay.data.id}/file`}>Tệp: {essay.data.file.fileName}</a>}
          </Card>
        ) : (
          <QueryError error={essay.error} />
        )
      ) : (
        <Card size="small">
          <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => send.mutate(v)}>
            <Form.Item name="title" label="Tiêu đề" rules={[{ required: true, whitespace: true, message: 'Nhập tiêu đề' }]}>
              <Input maxLength={300} />
            </Form.Item>
            {(topics.data?.topics.length ?? 0) > 0 && (
              <Form.Item name="topics" label="Bài viết gắn với chuyên đề nào của lớp">
                <Checkbox.Group
                  style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                  options={topics.data!.topics.map((t) => ({ value: t, label: t }))}
                />
              </Form.Item>
            )}
            <Form.Item name="body" label="Nội dung" extra="Có thể viết trực tiếp ở đây, hoặc đính kèm tệp, hoặc cả hai.">
              <Input.TextArea rows={8} maxLength={100000} />
            </Form.Item>
            <FileField state={upload} label="Tệp bài thu hoạch" extra="PDF hoặc DOCX, tối đa 5 MB." accept=".pdf,.docx" />
            <Button type="primary" htmlType="submit" loading={send.isPending} block>
              Nộp bài thu hoạch
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
