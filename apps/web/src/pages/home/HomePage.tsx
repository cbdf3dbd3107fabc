/** "Tổng quan": greeting, the user's scope with real names, and shortcuts to what the role may use. */
import { ArrowRightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Skeleton, Statistic, Typography } from 'antd';
import { formatNumberVi, ROLE_LABELS, type MeResponse } from '@app/shared';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth.ts';
import { api } from '../../api/client.ts';
import type { ProvinceList } from '../../api/types.ts';
import { visibleLeaves } from '../../layout/navigation.tsx';
import LearnerHome from '../learner/LearnerHome.tsx';
import { CommuneAdminCards, MyRecordCard } from '../officials/HomeCards.tsx';
import HomeKpiSummary from '../dashboard/HomeKpiSummary.tsx';

function scopeRows(me: MeResponse) {
  const n = me.scopeNames;
  const rows: Array<{ key: string; label: string; children: string }> = [];
  if (me.scope.level === 'nation') rows.push({ key: 'nation', label: 'Phạm vi', children: 'Toàn quốc (Bộ Nội vụ)' });
  if (n.provinceName) rows.push({ key: 'p', label: 'Tỉnh, thành phố', children: n.provinceName });
  if (n.communeName) rows.push({ key: 'c', label: 'Xã, phường, đặc khu', children: n.communeName });
  if (n.unitName) rows.push({ key: 'u', label: 'Cơ quan, đơn vị', children: n.unitName });
  if (n.trainingOrgName) rows.push({ key: 't', label: 'Cơ sở đào tạo, bồi dưỡng', children: n.trainingOrgName });
  return rows;
}

function ProvinceCommuneCount({ provinceCode }: { provinceCode: string }) {
  const { data, isPending } = useQuery({
    queryKey: ['units', 'provinces'],
    queryFn: () => api.get<ProvinceList>('/api/units/provinces'),
  });
  const province = data?.items.find((p) => p.code === provinceCode);
  return (
    <Card>
      {isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Statistic
          title={`Số xã, phường, đặc khu của ${province?.name ?? 'tỉnh'}`}
          value={province ? formatNumberVi(province.communeCount) : '—'}
        />
      )}
      <Link to={`/quan-tri/don-vi/tinh/${provinceCode}`}>
        Xem danh sách <ArrowRightOutlined />
      </Link>
    </Card>
  );
}

export default function HomePage() {
  const me = useCurrentUser();
  if (me.role === 'official') {
    return (
      <>
        <LearnerHome />
        <MyRecordCard />
      </>
    );
  }

  const shortcuts = visibleLeaves(me).filter((i) => i.key !== 'home');
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        Xin chào, {me.fullName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Bạn đang làm việc với vai trò <strong>{ROLE_LABELS[me.role]}</strong>.
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={me.role === 'province_admin' ? 16 : 24}>
          <Card title="Phạm vi công việc">
            <Descriptions column={1} size="small" items={scopeRows(me)} />
          </Card>
        </Col>
        {me.role === 'province_admin' && me.scope.provinceCode && (
          <Col xs={24} lg={8}>
            <ProvinceCommuneCount provinceCode={me.scope.provinceCode} />
          </Col>
        )}
      </Row>
      {me.permissions.includes('kpis.read') && me.role !== 'training_org' && <HomeKpiSummary />}
      {me.role === 'commune_admin' && <CommuneAdminCards />}
      {shortcuts.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            Truy cập nhanh
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {shortcuts.map((item) => (
              <Col key={item.key} xs={24} sm={12} xl={8}>
                <Link to={item.path ?? '/'} style={{ display: 'block', height: '100%' }}>
                  <Card hoverable style={{ height: '100%' }}>
                    <Card.Meta
                      avatar={<span style={{ fontSize: 24, color: '#1d4e89' }}>{item.icon}</span>}
                      title={item.label}
                      description={item.description}
                    />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </>
      )}
      {shortcuts.length === 0 && (
        <Card style={{ marginTop: 24 }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            Các chức năng theo dõi, đánh giá bồi dưỡng dành cho vai trò của bạn đang được xây dựng và sẽ xuất hiện tại đây.
          </Typography.Paragraph>
        </Card>
      )}
    </>
  );
}
