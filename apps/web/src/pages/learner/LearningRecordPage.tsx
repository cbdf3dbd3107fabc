/** "Hồ sơ học tập": classes and results, certificates (download, verify), mentoring, library self-study. */
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { certificateVerifyPath, formatDateVi, formatNumberVi } from '@app/shared';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLibraryProgress, useMyCertificates, useMyMentoring, useOverview } from './learnerApi.ts';
import { MentoringPairCard } from '../mentoring/MentoringPairCard.tsx';

const LIBRARY_STATUS = { opened: 'Đã mở', in_progress: 'Đang học', completed: 'Đã học xong' } as const;

export default function LearningRecordPage() {
  const overview = useOverview();
  const certs = useMyCertificates();
  const mentoring = useMyMentoring();
  const library = useLibraryProgress();
  if (overview.isPending) return <PageLoading />;
  if (overview.error) return <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  const classes = overview.data.classes.filter((c) => c.classStatus !== 'cancelled');
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 20 }}>
        Hồ sơ học tập
      </Typography.Title>
      <Card size="small" title="Các lớp đã học" style={{ marginBottom: 12 }}>
        {classes.length === 0 ? (
          <Empty description="Chưa có lớp nào." />
        ) : (
          <List
            dataSource={classes}
            rowKey="enrolmentId"
            renderItem={(c) => (
              <List.Item style={{ display: 'block' }}>
                <div style={{ fontWeight: 600 }}>{c.className}</div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatDateVi(c.startDate)} – {formatDateVi(c.endDate)} · {c.organiserName}
                </Typography.Text>
                <div>
                  {c.result === 'completed' ? (
                    <Tag color="green">Hoàn thành{c.finalScore !== null ? ` · ${formatNumberVi(c.finalScore, 2)} điểm` : ''}</Tag>
                  ) : c.result === 'failed' ? (
                    <Tag color="red">Chưa hoàn thành</Tag>
                  ) : (
                    <Tag>Chưa có kết quả</Tag>
                  )}
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title="Chứng chỉ, giấy chứng nhận" style={{ marginBottom: 12 }}>
        {certs.isPending ? (
          <PageLoading />
        ) : certs.error ? (
          <QueryError error={certs.error} />
        ) : certs.data.items.length === 0 ? (
          <Empty description="Chưa có giấy chứng nhận nào." />
        ) : (
          <List
            dataSource={certs.data.items}
            rowKey="number"
            renderItem={(c) => (
              <List.Item style={{ display: 'block' }}>
                <div style={{ fontWeight: 600 }}>{c.programme.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
                  Số {c.number} · cấp ngày {formatDateVi(c.issuedOn)} {c.revoked && <Tag color="red">Đã thu hồi</Tag>}
                </Typography.Text>
                <Space wrap style={{ marginTop: 4 }}>
                  <a href={c.pdfUrl} download>
                    <DownloadOutlined /> Tải bản PDF
                  </a>
                  <Link to={certificateVerifyPath(c.number)} target="_blank">
                    <SafetyCertificateOutlined /> Trang xác thực
                  </Link>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title="Kèm cặp, hướng dẫn" style={{ marginBottom: 12 }}>
        {mentoring.isPending ? (
          <PageLoading />
        ) : mentoring.error ? (
          <QueryError error={mentoring.error} />
        ) : mentoring.data.items.length === 0 ? (
          <Empty description="Bạn chưa tham gia cặp kèm cặp nào." />
        ) : (
          mentoring.data.items.map((p) => <MentoringPairCard key={p.id} pair={p} />)
        )}
      </Card>
      {library.data && library.data.items.length > 0 && (
        <Card size="small" title="Tự học trên thư viện học liệu">
          <List
            dataSource={library.data.items}
            rowKey={(i) => String(i.materialId)}
            renderItem={(i) => (
              <List.Item style={{ display: 'block' }}>
                <div style={{ fontWeight: 600 }}>{i.title}</div>
                <Progress percent={Math.round(i.progressPercent)} size="small" />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {LIBRARY_STATUS[i.status]}
                  {i.quizBestScore !== null ? ` · điểm bài kiểm tra cao nhất ${formatNumberVi(i.quizBestScore, 1)}` : ''}
                  {i.lastOpenedAt ? ` · mở lần cuối ${formatDateVi(i.lastOpenedAt)}` : ''}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
