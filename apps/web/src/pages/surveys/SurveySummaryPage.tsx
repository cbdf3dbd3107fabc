/** Organisers and admins: the course survey of a finished class — aggregates only, from 5 answers. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Progress, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateVi, formatNumberVi, SURVEY_OBJECTS, SURVEY_QUESTIONS, type ClassListResponse, type SurveySummary } from '@app/shared';
import { api } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';

export default function SurveySummaryPage() {
  const classes = useQuery({
    queryKey: ['classes', 'finished-for-survey'],
    queryFn: () => api.get<ClassListResponse>('/api/classes', { status: 'finished', pageSize: 200 }),
  });
  const [classId, setClassId] = useState<number | null>(null);
  const summary = useQuery({
    queryKey: ['surveys', 'summary', classId],
    queryFn: () => api.get<SurveySummary>(`/api/surveys/classes/${classId}/summary`),
    enabled: classId !== null,
  });
  const s = summary.data;
  return (
    <>
      <Typography.Title level={1} className="page-title">
        Khảo sát khóa học
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Học viên chấm từ 1 đến 5 cho chương trình, giảng viên, cơ sở vật chất, công tác tổ chức và điều bản thân thu nhận được. Phiếu không
        ghi tên; kết quả chỉ hiện khi lớp có từ 5 phiếu trở lên.
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: '100%', maxWidth: 640 }}
          placeholder="Chọn lớp đã kết thúc"
          aria-label="Lớp"
          loading={classes.isPending}
          value={classId ?? undefined}
          onChange={setClassId}
          options={(classes.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.name} (${formatDateVi(c.startDate)} – ${formatDateVi(c.endDate)})`,
          }))}
        />
      </Card>
      {classes.error && <QueryError error={classes.error} />}
      {summary.error && <QueryError error={summary.error} />}
      {classId === null ? (
        <Empty description="Chọn một lớp để xem kết quả khảo sát." />
      ) : s && s.summary === null ? (
        <Alert
          type="info"
          showIcon
          message={`Lớp mới có ${formatNumberVi(s.answers)} phiếu; kết quả được hiện khi có từ ${s.minimum} phiếu trở lên để giữ kín người trả lời.`}
        />
      ) : s && s.summary ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card size="small" title={`${s.className} · ${formatNumberVi(s.answers)} phiếu`}>
            {SURVEY_OBJECTS.map((o) => (
              <div key={o} style={{ marginBottom: 10 }}>
                <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                  <span>{SURVEY_QUESTIONS[o].label}</span>
                  <strong>{formatNumberVi(s.summary!.averages[o], 2)} / 5</strong>
                </div>
                <Progress percent={Math.round((s.summary!.averages[o] / 5) * 100)} showInfo={false} size="small" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.summary!.distribution[o].map((n, i) => `${i + 1} điểm: ${n}`).join(' · ')}
                </Typography.Text>
              </div>
            ))}
          </Card>
          <Card size="small" title="Ý kiến của học viên">
            {s.summary.comments.length === 0 ? (
              <Empty description="Chưa có ý kiến." />
            ) : (
              <List
                dataSource={s.summary.comments}
                renderItem={(c) => (
                  <List.Item>
                    <div>
                      <Tag>{SURVEY_QUESTIONS[c.object].label}</Tag>
                      <span style={{ whiteSpace: 'pre-wrap' }}>{c.text}</span>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Space>
      ) : null}
    </>
  );
}
