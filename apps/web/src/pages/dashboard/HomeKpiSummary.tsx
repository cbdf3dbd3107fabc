/** The staff home's KPI strip: the reader's own scope, today, phase of today; links to the dashboard and warnings. */
import { ArrowRightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { KPI_SHORT_LABELS, KPI_STATUS_COLORS, formatDateVi, formatNumberVi, type WarningsListResponse } from '@app/shared';
import { useCurrentUser, useServerToday } from '../../api/auth.ts';
import { api } from '../../api/client.ts';
import { useKpis } from './dashboardApi.ts';
import { pct } from './format.ts';

const SHOWN = ['K1', 'K2', 'K3', 'K6', 'K7', 'P1'] as const;

export default function HomeKpiSummary() {
  const me = useCurrentUser();
  const today = useServerToday();
  const scope = me.scope.communeCode
    ? `commune:${me.scope.communeCode}`
    : me.scope.provinceCode
      ? `province:${me.scope.provinceCode}`
      : 'nation';
  const asOf = today < '2026-01-01' ? '2026-01-01' : today > '2031-12-31' ? '2031-12-31' : today;
  const kpis = useKpis({ scope, phase: asOf > '2028-12-31' ? 2 : 1, asOf });
  const warnings = useQuery({ queryKey: ['warnings', undefined], queryFn: () => api.get<WarningsListResponse>('/api/warnings') });
  const total = warnings.data?.groups.reduce((s, g) => s + g.count, 0);
  return (
    <Card
      style={{ marginTop: 16 }}
      title={`Chỉ tiêu bồi dưỡng đến ngày ${formatDateVi(asOf)}`}
      extra={
        <Space size="large">
          {total !== undefined && <Link to="/canh-bao">{formatNumberVi(total)} cảnh báo</Link>}
          <Link to="/tong-quan">
            Xem chi tiết <ArrowRightOutlined />
          </Link>
        </Space>
      }
      loading={kpis.isPending}
    >
      <Row gutter={[16, 12]}>
        {SHOWN.map((code) => {
          const i = kpis.data?.indicators.find((x) => x.code === code);
          return (
            <Col key={code} xs={12} md={8} xl={4}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {code} · {KPI_SHORT_LABELS[code]}
              </Typography.Text>
              <div style={{ fontSize: 22, fontWeight: 600, color: i ? KPI_STATUS_COLORS[i.status] : undefined }}>
                {i ? pct(i.percent) : '–'}
              </div>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
