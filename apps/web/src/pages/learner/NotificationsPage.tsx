/** "Thông báo": the learner's notifications (contract 1), newest first; opening one marks it read. */
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Empty, List, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTimeVi } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { learnerKeys, useNotifications } from './learnerApi.ts';

export default function NotificationsPage() {
  const q = useNotifications();
  const qc = useQueryClient();
  const nav = useNavigate();
  const { message } = App.useApp();
  const readOne = useMutation({
    mutationFn: (id: number) => api.post(`/api/notifications/${id}/read`),
    onSettled: () => qc.invalidateQueries({ queryKey: learnerKeys.notifications }),
  });
  const readAll = useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSuccess: () => void qc.invalidateQueries({ queryKey: learnerKeys.notifications }),
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (q.isPending) return <PageLoading />;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 20 }}>
        Thông báo {q.data.unread > 0 && <Badge count={q.data.unread} style={{ marginLeft: 4 }} />}
      </Typography.Title>
      <Card
        size="small"
        extra={
          q.data.unread > 0 && (
            <Button size="small" onClick={() => readAll.mutate()} loading={readAll.isPending}>
              Đánh dấu đã đọc hết
            </Button>
          )
        }
      >
        {q.data.items.length === 0 ? (
          <Empty
            image={<BellOutlined style={{ fontSize: 40, color: '#9aa7b5' }} />}
            styles={{ image: { height: 44 } }}
            description="Chưa có thông báo nào."
          />
        ) : (
          <List
            dataSource={q.data.items}
            rowKey="id"
            renderItem={(n) => (
              <List.Item
                style={{ cursor: n.link ? 'pointer' : 'default', background: n.readAt ? undefined : '#f0f6ff', padding: '10px 8px' }}
                onClick={() => {
                  if (!n.readAt) readOne.mutate(n.id);
                  if (n.link) void nav(n.link);
                }}
              >
                <div style={{ minWidth: 0 }}>
                  <div style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</div>
                  {n.body && <div style={{ color: '#4a5563', fontSize: 13, whiteSpace: 'pre-wrap' }}>{n.body}</div>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTimeVi(n.createdAt)}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
