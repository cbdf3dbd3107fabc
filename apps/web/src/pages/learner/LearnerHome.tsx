/** "Trang của tôi": the learner's home; tasks (báo cáo kết quả, khảo sát, bài thu hoạch) will list here. */
import { CheckCircleOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Typography } from 'antd';
import { useCurrentUser } from '../../api/auth.ts';

export default function LearnerHome() {
  const me = useCurrentUser();
  const n = me.scopeNames;
  const rows = [
    n.unitName && { key: 'u', label: 'Cơ quan, đơn vị', children: n.unitName },
    n.communeName && { key: 'c', label: 'Xã, phường', children: n.communeName },
    n.provinceName && { key: 'p', label: 'Tỉnh, thành phố', children: n.provinceName },
  ].filter((r): r is { key: string; label: string; children: string } => Boolean(r));
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
      <Card title="Việc cần làm" size="small">
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
      </Card>
    </>
  );
}
