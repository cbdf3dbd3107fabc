/** "Lớp của tôi": every class the learner was nominated to, with sessions, result and the follow-up tasks. */
import { Button, Card, Collapse, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import {
  CLASS_MODE_LABELS,
  CLASS_STATUS_LABELS,
  formatDateVi,
  formatNumberVi,
  SELF_REPORT_STATUS_LABELS,
  type ClassMode,
  type ClassStatus,
  type LearnerClassItem,
} from '@app/shared';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useOverview } from './learnerApi.ts';

function ClassCard({ c, today }: { c: LearnerClassItem; today: string }) {
  const ended = today >= c.endDate;
  const report = c.selfReport;
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={<span style={{ whiteSpace: 'normal' }}>{c.className}</span>}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{c.programmeName}</Typography.Text>
        <div>
          {formatDateVi(c.startDate)} – {formatDateVi(c.endDate)} · {CLASS_MODE_LABELS[c.mode as ClassMode] ?? c.mode}
        </div>
        <div>Tổ chức: {c.organiserName}</div>
        <Space wrap size={4}>
          <Tag>{CLASS_STATUS_LABELS[c.classStatus as ClassStatus] ?? c.classStatus}</Tag>
          {c.result === 'completed' && (
            <Tag color="green">Hoàn thành{c.finalScore !== null ? ` · ${formatNumberVi(c.finalScore, 2)} điểm` : ''}</Tag>
          )}
          {c.result === 'failed' && <Tag color="red">Chưa hoàn thành</Tag>}
          {report && (
            <Tag color={report.status === 'confirmed' ? 'green' : report.status === 'returned' ? 'orange' : 'blue'}>
              Báo cáo: {SELF_REPORT_STATUS_LABELS[report.status]}
            </Tag>
          )}
          {c.surveyAnswered && <Tag color="green">Đã khảo sát</Tag>}
          {c.essay && <Tag color="green">Đã nộp bài thu hoạch</Tag>}
        </Space>
        {c.sessions.length > 0 && (
          <Collapse
            size="small"
            items={[
              {
                key: 's',
                label: `Lịch học (${c.sessions.length} buổi)`,
                children: (
                  <ul style={{ paddingLeft: 18, margin: 0 }}>
                    {c.sessions.map((s, i) => (
                      <li key={i} style={{ marginBottom: 4 }}>
                        {formatDateVi(s.date)} {s.startTime}–{s.endTime}
                        {s.topic ? ` · ${s.topic}` : ''}
                        {s.place ? ` · ${s.place}` : ''}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )}
        <Space wrap>
          {ended && (!report || report.status !== 'confirmed') && (
            <Link to={`/bao-cao-ket-qua/${c.enrolmentId}`}>
              <Button type={report ? 'default' : 'primary'}>{report ? 'Xem báo cáo kết quả' : 'Báo cáo kết quả'}</Button>
            </Link>
          )}
          {ended && !c.surveyAnswered && (
            <Link to={`/khao-sat/${c.classId}`}>
              <Button>Khảo sát khóa học</Button>
            </Link>
          )}
          {c.essayRequired && !c.essay && today >= c.startDate && (
            <Link to={`/bai-thu-hoach/${c.enrolmentId}`}>
              <Button>Nộp bài thu hoạch</Button>
            </Link>
          )}
        </Space>
      </Space>
    </Card>
  );
}

export default function MyClassesPage() {
  const q = useOverview();
  if (q.isPending) return <PageLoading />;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 20 }}>
        Lớp của tôi
      </Typography.Title>
      {q.data.classes.length === 0 ? (
        <Empty description="Bạn chưa được cử đi học lớp nào." />
      ) : (
        q.data.classes.map((c) => <ClassCard key={c.enrolmentId} c={c} today={q.data.today} />)
      )}
    </>
  );
}
