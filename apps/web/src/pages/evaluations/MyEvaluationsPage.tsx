/** The learner's post-training evaluations (contract 5: /danh-gia-cua-toi): self-assessment and results; peer requests. */
import { Link } from 'react-router-dom';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { EVALUATION_LEVEL_LABELS, EVALUATION_STATUS_LABELS, formatDateVi } from '@app/shared';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { PageTitle } from '../training/common.tsx';
import { fmtScore, LEVEL_COLORS, STATUS_COLORS, useMyEvaluations } from './evaluationsApi.ts';

export default function MyEvaluationsPage() {
  const q = useMyEvaluations();
  if (q.isLoading) return <PageLoading />;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const { items, peerRequests } = q.data!;
  return (
    <div style={{ maxWidth: 760 }}>
      <PageTitle>Đánh giá sau khóa học</PageTitle>
      <Typography.Paragraph type="secondary">
        Sau đủ 3 tháng kể từ khi lớp kết thúc, bạn tự đánh giá việc vận dụng kiến thức vào công việc; thủ trưởng đơn vị cũng đánh giá.
      </Typography.Paragraph>
      {items.length === 0 ? <Empty description="Bạn chưa có khóa học nào cần đánh giá" /> : null}
      <Flex vertical gap={8}>
        {items.map((i) => {
          const done = i.responses.some((r) => r.source === 'self');
          return (
            <Card key={i.enrolmentId} size="small">
              <Typography.Text strong>{i.programmeName}</Typography.Text>
              <div style={{ fontSize: 13 }}>
                {i.className} — kết thúc {formatDateVi(i.classEndDate)}; đánh giá từ {formatDateVi(i.opensOn)}
              </div>
              <Flex gap={6} wrap style={{ marginTop: 6 }}>
                <Tag color={STATUS_COLORS[i.status]}>{EVALUATION_STATUS_LABELS[i.status]}</Tag>
                {i.level ? (
                  <Tag color={LEVEL_COLORS[i.level]}>{`${EVALUATION_LEVEL_LABELS[i.level]} · ${fmtScore(i.score)} điểm`}</Tag>
                ) : null}
                {done ? <Tag>Đã tự đánh giá</Tag> : null}
              </Flex>
              {i.status !== 'chua_mo' ? (
                <Link to={`/danh-gia-sau-boi-duong/${i.enrolmentId}?nguon=tu-danh-gia`}>
                  <Button type={done ? 'default' : 'primary'} style={{ marginTop: 8 }}>
                    {done ? 'Sửa phần tự đánh giá' : 'Tự đánh giá'}
                  </Button>
                </Link>
              ) : null}
            </Card>
          );
        })}
      </Flex>
      {peerRequests.length ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
            Đồng nghiệp mời bạn đánh giá
          </Typography.Title>
          <Flex vertical gap={8}>
            {peerRequests.map((p) => (
              <Card key={p.enrolmentId} size="small">
                <Typography.Text strong>{p.officialName}</Typography.Text> — {p.programmeName}
                <div>
                  <Link to={`/danh-gia-sau-boi-duong/${p.enrolmentId}?nguon=dong-nghiep`}>
                    <Button style={{ marginTop: 8 }}>Đánh giá</Button>
                  </Link>
                </div>
              </Card>
            ))}
          </Flex>
        </>
      ) : null}
    </div>
  );
}
