/** "Trang của tôi": the learner's home — what is due now (self-reports, surveys, essays), shortcuts. */
import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  FileTextOutlined,
  FormOutlined,
  IdcardOutlined,
  ReadOutlined,
  StarOutlined,
} from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateVi, type LearnerTask } from '@app/shared';
import { useCurrentUser } from '../../api/auth.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TASK_LABELS, taskPath, useMyEvaluations, useOverview } from './learnerApi.ts';

const TASK_ICONS = { self_report: <FileTextOutlined />, survey: <StarOutlined />, essay: <FormOutlined /> } as const;

function TaskRow({ t }: { t: LearnerTask }) {
  return (
    <List.Item style={{ display: 'block' }}>
      <Space align="start" style={{ width: '100%' }}>
        <span style={{ fontSize: 20, color: t.overdue ? '#c0392b' : '#1d4e89' }}>{TASK_ICONS[t.kind]}</span>
        <div style={{ minWidth: 0, flex: 1 }}>
          <div style={{ fontWeight: 600 }}>
            {TASK_LABELS[t.kind]} {t.overdue && <Tag color="red">Quá hạn</Tag>}
            {t.note && <Tag color="orange">Được trả lại</Tag>}
          </div>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t.className}
          </Typography.Text>
          {t.dueOn && (
            <Typography.Text type={t.overdue ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 13 }}>
              Hạn nộp: {formatDateVi(t.dueOn)}
            </Typography.Text>
          )}
          {t.note && (
            <Typography.Paragraph type="warning" style={{ margin: '4px 0 0', fontSize: 13 }}>
              Ý kiến: {t.note}
            </Typography.Paragraph>
          )}
          <Link to={taskPath(t)}>
            <Button type={t.overdue ? 'primary' : 'default'} size="middle" style={{ marginTop: 8 }}>
              {t.kind === 'survey' ? 'Trả lời phiếu' : t.note ? 'Sửa và nộp lại' : 'Làm ngay'}
            </Button>
          </Link>
        </div>
      </Space>
    </List.Item>
  );
}

export default function LearnerHome() {
  const me = useCurrentUser();
  const overview = useOverview();
  const evaluations = useMyEvaluations();
  const n = me.scopeNames;
  const rows = [
    n.unitName && { key: 'u', label: 'Cơ quan, đơn vị', children: n.unitName },
    n.communeName && { key: 'c', label: 'Xã, phường', children: n.communeName },
    n.provinceName && { key: 'p', label: 'Tỉnh, thành phố', children: n.provinceName },
  ].filter((r): r is { key: string; label: string; children: string } => Boolean(r));
  const tasks = overview.data?.tasks ?? [];
  const overdue = tasks.filter((t) => t.overdue).length;
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 20 }}>
        Xin chào, {me.fullName}
      </Typography.Title>
      {rows.length > 0 && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Descriptions column={1} size="small" items={rows} />
        </Card>
      )}
      <Card
        title={<span>Việc cần làm {tasks.length > 0 && <Tag color={overdue ? 'red' : 'blue'}>{tasks.length}</Tag>}</span>}
        size="small"
        style={{ marginBottom: 12 }}
      >
        {overview.isPending ? (
          <PageLoading />
        ) : overview.error ? (
          <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
        ) : tasks.length === 0 ? (
          <Empty
            image={<CheckCircleOutlined style={{ fontSize: 40, color: '#3f8f5a' }} />}
            styles={{ image: { height: 44 } }}
            description={
              <span>
                Bạn chưa có việc nào cần làm.
                <br />
                Khi được cử đi học, các việc như báo cáo kết quả, khảo sát khóa học và bài thu hoạch sẽ hiện ở đây.
              </span>
            }
          />
        ) : (
          <>
            {overdue > 0 && (
              <Typography.Paragraph type="danger" style={{ marginBottom: 4 }}>
                <ExclamationCircleOutlined /> Có {overdue} việc đã quá hạn, bạn vui lòng hoàn thành sớm.
              </Typography.Paragraph>
            )}
            <List dataSource={tasks} rowKey={(t) => `${t.kind}-${t.enrolmentId}`} renderItem={(t) => <TaskRow t={t} />} />
          </>
        )}
      </Card>
      {(evaluations.data?.count ?? 0) > 0 && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Link to="/danh-gia-cua-toi">
            <StarOutlined /> Đánh giá hiệu quả sau đào tạo: {evaluations.data!.count} mục, xem và tự đánh giá
          </Link>
        </Card>
      )}
      <Card size="small" title="Lối tắt">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Link to="/lop-cua-toi">
            <ReadOutlined /> Lớp của tôi: lịch học, kết quả
          </Link>
          <Link to="/ho-so-hoc-tap">
            <FileTextOutlined /> Hồ sơ học tập: kết quả, chứng chỉ, kèm cặp
          </Link>
          <Link to="/ho-so-cua-toi">
            <IdcardOutlined /> Hồ sơ của tôi và nhu cầu bồi dưỡng
          </Link>
          <Link to="/danh-gia-cua-toi">
            <StarOutlined /> Đánh giá sau đào tạo của tôi
          </Link>
        </Space>
      </Card>
    </>
  );
}
