/** The bell in the header: unread count, a link to the notifications page. */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useNotifications } from '../api/notifications.ts';

export function NotificationBell() {
  const navigate = useNavigate();
  const { data } = useNotifications({ limit: 1 });
  const unread = data?.unread ?? 0;
  const label = unread > 0 ? `Thông báo: ${unread.toLocaleString('vi-VN')} chưa đọc` : 'Thông báo';
  return (
    <div className="app-bell">
      <Tooltip title={label}>
        <Badge count={unread} size="small" overflowCount={99}>
          <Button type="text" icon={<BellOutlined />} aria-label={label} onClick={() => void navigate('/thong-bao')} />
        </Badge>
      </Tooltip>
    </div>
  );
}
