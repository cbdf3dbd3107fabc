/** Home page cards of a commune admin (numbers lead to the people behind them) and an official's link to its record. */
import { ArrowRightOutlined, IdcardOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { formatNumberVi, type UrgentResponse } from '@app/shared';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useOfficials } from './officialsApi.ts';

function NumberCard({ title, value, loading, to, hint }: { title: string; value?: number; loading: boolean; to: string; hint: string }) {
  return (
    <Col xs={24} sm={8}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} loading={loading} value={value === undefined ? '—' : formatNumberVi(value)} />
        <Link to={to}>
          {hint} <ArrowRightOutlined />
        </Link>
      </Card>
    </Col>
  );
}

export function CommuneAdminCards() {
  const all = useOfficials({ status: 'dang_cong_tac' }, 1, 1);
  const below = useOfficials({ status: 'dang_cong_tac', belowStandard: 'true' }, 1, 1);
  const urgent = useQuery({ queryKey: ['needs', 'urgent', 'home'], queryFn: () => api.get<UrgentResponse>('/api/needs/urgent') });
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <NumberCard
        title="Cán bộ trong danh sách (đang công tác)"
        value={all.data?.total}
        loading={all.isPending}
        to="/can-bo?status=dang_cong_tac"
        hint="Xem danh sách"
      />
      <NumberCard
        title="Chưa đạt chuẩn VTVL"
        value={below.data?.total}
        loading={below.isPending}
        to="/can-bo?status=dang_cong_tac&belowStandard=true"
        hint="Xem những người này"
      />
      <NumberCard
        title="Cần bồi dưỡng ngay"
        value={urgent.data?.total}
        loading={urgent.isPending}
        to="/nhu-cau/can-boi-duong-ngay"
        hint="Xem danh sách"
      />
    </Row>
  );
}

export function MyRecordCard() {
  return (
    <Link to="/ho-so-cua-toi" style={{ display: 'block', marginTop: 12 }}>
      <Card size="small" hoverable>
        <Card.Meta
          avatar={<IdcardOutlined style={{ fontSize: 22, color: '#1d4e89' }} />}
          title="Hồ sơ của tôi"
          description="Thông tin cá nhân, trình độ và lịch sử công tác"
        />
      </Card>
    </Link>
  );
}
