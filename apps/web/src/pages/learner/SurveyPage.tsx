/** The course survey (Circular 10/2017 objects), answered once per class; the answer carries no name. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { SURVEY_OBJECTS, SURVEY_QUESTIONS, SURVEY_SCALE_LABELS, type SurveyAnswerRequest } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { learnerKeys, useOverview } from './learnerApi.ts';

export default function SurveyPage() {
  const classId = Number(useParams().classId);
  const overview = useOverview();
  const [form] = Form.useForm<SurveyAnswerRequest>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const nav = useNavigate();
  const send = useMutation({
    mutationFn: (v: SurveyAnswerRequest) => api.post(`/api/surveys/classes/${classId}`, v),
    onSuccess: async () => {
      void message.success('Cảm ơn bạn đã trả lời phiếu khảo sát.');
      await qc.invalidateQueries({ queryKey: learnerKeys.overview });
      void nav('/');
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
    },
  });
  if (overview.isPending) return <PageLoading />;
  if (overview.error) return <QueryError error={overview.error} />;
  const c = overview.data.classes.find((x) => x.classId === classId);
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 20 }}>
        Phiếu khảo sát khóa học
      </Typography.Title>
      {!c ? (
        <Alert type="warning" showIcon message="Không tìm thấy lớp này trong danh sách lớp của bạn." />
      ) : c.surveyAnswered ? (
        <Alert type="success" showIcon message="Bạn đã trả lời phiếu khảo sát của lớp này. Cảm ơn bạn!" />
      ) : (
        <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{c.className}</span>}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="Phiếu không ghi tên"
            description="Câu trả lời được lưu tách khỏi tên của bạn; đơn vị tổ chức chỉ xem kết quả tổng hợp khi lớp có từ 5 phiếu trở lên."
          />
          <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} requiredMark={false}>
            {SURVEY_OBJECTS.map((o) => (
              <div key={o} style={{ borderBottom: '1px solid #eef0f3', marginBottom: 12 }}>
                <Form.Item
                  name={o}
                  label={<strong>{SURVEY_QUESTIONS[o].label}</strong>}
                  extra={SURVEY_QUESTIONS[o].help}
                  rules={[{ required: true, message: 'Chọn một mức từ 1 đến 5' }]}
                >
                  <Radio.Group optionType="button" buttonStyle="solid" aria-label={SURVEY_QUESTIONS[o].label}>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <Radio.Button key={n} value={n} title={SURVEY_SCALE_LABELS[n]}>
                        {n}
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                </Form.Item>
                <Form.Item name={`${o}Comment`} label="Ý kiến thêm (không bắt buộc)">
                  <Input.TextArea rows={2} maxLength={2000} aria-label={`Ý kiến về ${SURVEY_QUESTIONS[o].label.toLowerCase()}`} />
                </Form.Item>
              </div>
            ))}
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              1 = {SURVEY_SCALE_LABELS[1]}, 3 = {SURVEY_SCALE_LABELS[3]}, 5 = {SURVEY_SCALE_LABELS[5]}.
            </Typography.Paragraph>
            <Button type="primary" htmlType="submit" loading={send.isPending} block>
              Gửi phiếu khảo sát
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
