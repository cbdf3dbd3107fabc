/**
 * "Chỉ tiêu" dashboard (SPEC §9, UX dashboards per role): KPI cards with forecast, trend, province
 * map (nation), children table with drill-down (nation → provinces → communes → units) and the
 * people behind every number. All numbers come from the KPI engine's routes.
 */
import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Grid,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  FORECAST_STATUS_LABELS,
  KPI_CODES,
  KPI_LABELS,
  KPI_SHORT_LABELS,
  KPI_STATUS_COLORS,
  KPI_STATUS_LABELS,
  KPI_MAX_AS_OF,
  KPI_MIN_AS_OF,
  formatDateVi,
  formatNumberVi,
  kpiTarget,
  type Forecast,
  type KpiChildRow,
  type KpiCode,
  type KpiIndicator,
  type KpiPeoplePart,
} from '@app/shared';
import { useCurrentUser, useServerToday } from '../../api/auth.ts';
import { errorMessage } from '../../api/client.ts';
import EChart, { MAP_NAME } from './EChart.tsx';
import PeopleDrawer from './PeopleDrawer.tsx';
import { pct } from './format.ts';
import { exportUrl, useChildren, useForecast, useKpis, useTrend, type DashQuery } from './dashboardApi.ts';

const DATE_FORMAT = 'DD/MM/YYYY';

function clampAsOf(d: string): string {
  return d < KPI_MIN_AS_OF ? KPI_MIN_AS_OF : d > KPI_MAX_AS_OF ? KPI_MAX_AS_OF : d;
}

const FORECAST_COLORS: Record<Forecast['status'], string> = {
  da_dat: 'green',
  kip_han: 'blue',
  tre_han: 'red',
  khong_han: 'default',
  khong_du_du_lieu: 'default',
};

function KpiCard({
  ind,
  forecast,
  onPeople,
}: {
  ind: KpiIndicator;
  forecast: Forecast | undefined;
  onPeople: (code: KpiCode, part: KpiPeoplePart) => void;
}) {
  const target = kpiTarget(ind.code, 1);
  const drillable = ind.code !== 'P1';
  return (
    <Card size="small" style={{ height: '100%', borderTop: `3px solid ${KPI_STATUS_COLORS[ind.status]}` }} data-testid={`kpi-${ind.code}`}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Tooltip title={KPI_LABELS[ind.code]}>
          <Typography.Text strong>
            {ind.code} · {KPI_SHORT_LABELS[ind.code]}
          </Typography.Text>
        </Tooltip>
        <Tag color={KPI_STATUS_COLORS[ind.status]} style={{ marginInlineEnd: 0 }}>
          {KPI_STATUS_LABELS[ind.status]}
        </Tag>
      </Space>
      <div style={{ fontSize: 28, fontWeight: 600, color: KPI_STATUS_COLORS[ind.status], lineHeight: 1.3, marginTop: 4 }}>
        {pct(ind.percent)}
      </div>
      <div>
        {drillable ? (
          <>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPeople(ind.code, 'numerator')}>
              {formatNumberVi(ind.numerator)}
            </Button>
            {' / '}
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPeople(ind.code, 'denominator')}>
              {formatNumberVi(ind.denominator)}
            </Button>
            {ind.denominator > ind.numerator && (
              <>
                {' · '}
                <Button type="link" size="small" danger style={{ padding: 0 }} onClick={() => onPeople(ind.code, 'missing')}>
                  còn thiếu {formatNumberVi(ind.denominator - ind.numerator)}
                </Button>
              </>
            )}
          </>
        ) : (
          <Typography.Text>
            {formatNumberVi(ind.numerator)} / {formatNumberVi(ind.denominator)} lượt học viên
          </Typography.Text>
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        Mục tiêu: {ind.target === null ? target.label : `${target.label}`}
      </Typography.Text>
      {forecast && ind.target !== null && (
        <Typography.Text style={{ fontSize: 12, display: 'block' }}>
          Dự báo:{' '}
          <Tag color={FORECAST_COLORS[forecast.status]} style={{ fontSize: 11 }}>
            {FORECAST_STATUS_LABELS[forecast.status]}
          </Tag>
          {forecast.metOn && (
            <span>
              đạt {ind.target}% vào {formatDateVi(forecast.metOn)}
            </span>
          )}
        </Typography.Text>
      )}
    </Card>
  );
}

function childScope(scope: string, code: string): string | null {
  if (scope === 'nation') return `province:${code}`;
  if (scope.startsWith('province:')) return `commune:${code}`;
  return null;
}

export default function DashboardPage() {
  const me = useCurrentUser();
  // on a phone the phase switch shows short labels (the years are in the cards' targets) so it fits 360 px
  const phone = !Grid.useBreakpoint().sm;
  const today = useServerToday();
  const [params, setParams] = useSearchParams();
  const own = me.scope.communeCode
    ? `commune:${me.scope.communeCode}`
    : me.scope.provinceCode
      ? `province:${me.scope.provinceCode}`
      : 'nation';
  const scope = params.get('scope') ?? own;
  const asOf = clampAsOf(params.get('asOf') ?? today);
  const phase = (Number(params.get('phase')) === 2 ? 2 : asOf > '2028-12-31' && !params.get('phase') ? 2 : 1) as 1 | 2;
  const q: DashQuery = { scope, phase, asOf };
  const [trendCode, setTrendCode] = useState<KpiCode>('K1');
  const [mapCode, setMapCode] = useState<KpiCode>('K1');
  const [people, setPeople] = useState<{ code: KpiCode; part: KpiPeoplePart } | null>(null);

  const kpis = useKpis(q);
  const children = useChildren(q);
  const forecast = useForecast(q);
  const trend = useTrend(q, trendCode);

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const crumbs = useMemo(() => {
    const items: { title: React.ReactNode }[] = [];
    const go = (s: string, label: string, name?: string) => (
      <a
        onClick={(e) => {
          e.preventDefault();
          set({ scope: s, ten: name ?? null, tentinh: null });
        }}
        href="#"
      >
        {label}
      </a>
    );
    if (own === 'nation') items.push({ title: scope === 'nation' ? 'Toàn quốc' : go('nation', 'Toàn quốc') });
    const provinceName =
      params.get('tentinh') ?? (scope.startsWith('province:') ? params.get('ten') : null) ?? me.scopeNames.provinceName ?? '';
    if (scope.startsWith('province:')) items.push({ title: provinceName || scope.slice(9) });
    if (scope.startsWith('commune:')) {
      const pCode = me.scope.provinceCode;
      if (!me.scope.communeCode && (own === 'nation' || pCode)) {
        const pc = params.get('tinh') ?? pCode ?? '';
        items.push({ title: pc ? go(`province:${pc}`, provinceName || `Tỉnh ${pc}`, provinceName) : provinceName });
      }
      items.push({ title: params.get('ten') ?? me.scopeNames.communeName ?? scope.slice(8) });
    }
    return items;
  }, [scope, params, own]);

  const childLevel = scope === 'nation' ? 'Tỉnh, thành phố' : scope.startsWith('province:') ? 'Xã, phường' : 'Cơ quan, đơn vị';
  const columns: ColumnsType<KpiChildRow> = [
    {
      title: childLevel,
      dataIndex: 'name',
      fixed: 'left',
      width: 200,
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
      render: (name: string, row) => {
        const next = childScope(scope, row.code);
        return next ? (
          <a
            href="#"
            onClick={(e) => {
              e.preventDefault();
              set({
                scope: next,
                ten: name,
                tinh: scope === 'nation' ? row.code : (params.get('tinh') ?? me.scope.provinceCode ?? null),
                tentinh: scope === 'nation' ? name : (params.get('ten') ?? params.get('tentinh') ?? me.scopeNames.provinceName ?? null),
              });
            }}
          >
            {name}
          </a>
        ) : (
          name
        );
      },
    },
    ...KPI_CODES.map((code) => ({
      title: <Tooltip title={KPI_LABELS[code]}>{code}</Tooltip>,
      key: code,
      align: 'right' as const,
      width: 96,
      sorter: (a: KpiChildRow, b: KpiChildRow) =>
        (a.indicators.find((i) => i.code === code)?.percent ?? -1) - (b.indicators.find((i) => i.code === code)?.percent ?? -1),
      render: (_: unknown, row: KpiChildRow) => {
        const i = row.indicators.find((x) => x.code === code);
        if (!i) return '–';
        return (
          <Tooltip title={`${formatNumberVi(i.numerator)} / ${formatNumberVi(i.denominator)} – ${KPI_STATUS_LABELS[i.status]}`}>
            <span style={{ color: KPI_STATUS_COLORS[i.status], fontWeight: 500 }}>{pct(i.percent)}</span>
          </Tooltip>
        );
      },
    })),
  ];

  const trendOption = useMemo(() => {
    const pts = trend.data?.points ?? [];
    const target = kpiTarget(trendCode, phase).percent;
    return {
      grid: { left: 48, right: 24, top: 36, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '–' : `${formatNumberVi(v, 1)}%`) },
      xAxis: { type: 'category', data: pts.map((p) => formatDateVi(p.asOf)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: KPI_SHORT_LABELS[trendCode],
          type: 'line',
          data: pts.map((p) => p.percent),
          smooth: false,
          symbolSize: 6,
          lineStyle: { width: 2 },
          markLine:
            target === null
              ? undefined
              : {
                  symbol: 'none',
                  data: [{ yAxis: target, name: 'Mục tiêu' }],
                  label: { formatter: `Mục tiêu ${target}%`, position: 'insideEndTop' },
                  lineStyle: { color: '#cf1322', type: 'dashed' },
                },
        },
      ],
    };
  }, [trend.data, trendCode, phase]);

  const mapOption = useMemo(() => {
    const rows = children.data?.items ?? [];
    const values = rows.map((r) => ({ name: r.code, value: r.indicators.find((i) => i.code === mapCode)?.percent ?? null, label: r.name }));
    const byCode = new Map(values.map((v) => [v.name, v]));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number | null }) => {
          const v = byCode.get(p.name);
          return `${v?.label ?? p.name}: ${v && v.value !== null && !Number.isNaN(v.value) ? `${formatNumberVi(v.value, 1)}%` : 'chưa có dữ liệu'}`;
        },
      },
      visualMap: {
        min: 0,
        max: 100,
        left: 8,
        bottom: 8,
        text: ['100%', '0%'],
        calculable: false,
        inRange: { color: ['#fff1f0', '#ffd591', '#95de64', '#237804'] },
        itemHeight: 120,
      },
      geo: {
        map: MAP_NAME,
        nameProperty: 'code',
        roam: false,
        aspectScale: 1,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        itemStyle: { borderColor: '#8c8c8c', borderWidth: 0.5, areaColor: '#f5f5f5' },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffe58f' } },
        tooltip: { show: false },
      },
      series: [
        {
          type: 'map',
          geoIndex: 0,
          data: values.map((v) => ({ name: v.name, value: v.value })),
        },
        {
          // the two archipelagos are small at this scale: name them on the map
          type: 'scatter',
          coordinateSystem: 'geo',
          silent: true,
          symbolSize: 0,
          label: { show: true, formatter: '{b}', color: '#595959', fontSize: 11, position: 'right' },
          data: [
            { name: 'Quần đảo Hoàng Sa', value: [111.2, 17.1] },
            { name: 'Quần đảo Trường Sa', value: [113.0, 10.6] },
          ],
          tooltip: { show: false },
        },
      ],
    };
  }, [children.data, mapCode]);

  const forecastOf = (code: KpiCode) => forecast.data?.items.find((f) => f.code === code);
  const title =
    scope === 'nation'
      ? 'Toàn quốc'
      : (params.get('ten') ?? (scope === own ? (me.scopeNames.communeName ?? me.scopeNames.provinceName) : null) ?? scope);

  return (
    <>
      <Breadcrumb items={crumbs} style={{ marginBottom: 8 }} />
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} align="center">
        <Typography.Title level={1} className="page-title" style={{ fontSize: 24, margin: 0 }}>
          Chỉ tiêu bồi dưỡng – {title}
        </Typography.Title>
        <Space wrap>
          <Segmented
            aria-label="Giai đoạn"
            value={phase}
            options={[
              { label: phone ? 'Giai đoạn 1' : 'Giai đoạn 1 (2026–2028)', value: 1 },
              { label: phone ? 'Giai đoạn 2' : 'Giai đoạn 2 (2029–2031)', value: 2 },
            ]}
            onChange={(v) => set({ phase: String(v) })}
          />
          <DatePicker
            aria-label="Số liệu đến ngày"
            allowClear={false}
            format={DATE_FORMAT}
            value={dayjs(asOf)}
            minDate={dayjs(KPI_MIN_AS_OF)}
            maxDate={dayjs(KPI_MAX_AS_OF)}
            onChange={(d) => d && set({ asOf: d.format('YYYY-MM-DD') })}
          />
          <Button icon={<DownloadOutlined />} href={exportUrl(q, 'kpis')}>
            Xuất Excel
          </Button>
        </Space>
      </Space>
      {kpis.isError && <Alert type="error" showIcon message={errorMessage(kpis.error)} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        Số liệu tính đến ngày {formatDateVi(asOf)}. Bấm vào tử số, mẫu số hoặc số còn thiếu để xem danh sách cán bộ, công chức.
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {(kpis.data?.indicators ?? []).map((ind) => (
          <Col key={ind.code} xs={24} sm={12} lg={8} xxl={6}>
            <KpiCard ind={ind} forecast={forecastOf(ind.code)} onPeople={(code, part) => setPeople({ code, part })} />
          </Col>
        ))}
        {kpis.isPending && (
          <Col span={24}>
            <Card loading />
          </Col>
        )}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={scope === 'nation' ? 12 : 24}>
          <Card
            title="Diễn biến theo tháng"
            extra={
              <Select
                aria-label="Chỉ tiêu của biểu đồ"
                size="small"
                style={{ width: 230 }}
                value={trendCode}
                onChange={setTrendCode}
                options={KPI_CODES.map((c) => ({ value: c, label: `${c} · ${KPI_SHORT_LABELS[c]}` }))}
              />
            }
          >
            <EChart option={trendOption} height={scope === 'nation' ? 420 : 300} testId="trend-chart" />
          </Card>
        </Col>
        {scope === 'nation' && (
          <Col xs={24} xl={12}>
            <Card
              title="Bản đồ theo tỉnh, thành phố"
              extra={
                <Select
                  aria-label="Chỉ tiêu của bản đồ"
                  size="small"
                  style={{ width: 230 }}
                  value={mapCode}
                  onChange={setMapCode}
                  options={KPI_CODES.map((c) => ({ value: c, label: `${c} · ${KPI_SHORT_LABELS[c]}` }))}
                />
              }
            >
              <EChart option={mapOption} height={420} needsMap testId="province-map" />
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                Bản đồ gồm quần đảo Hoàng Sa (thành phố Đà Nẵng) và quần đảo Trường Sa (tỉnh Khánh Hòa). Dữ liệu ranh giới:
                vietnamese-provinces-database (c) 2021 Thang Le Quoc, giấy phép MIT.
              </Typography.Text>
            </Card>
          </Col>
        )}
      </Row>
      <Card
        style={{ marginTop: 16 }}
        title={`Chỉ tiêu theo ${childLevel.toLowerCase()}`}
        extra={
          <Button size="small" icon={<DownloadOutlined />} href={exportUrl(q, 'children')}>
            Xuất Excel
          </Button>
        }
      >
        <Table<KpiChildRow>
          rowKey="code"
          size="small"
          loading={children.isPending}
          columns={columns}
          dataSource={children.data?.items ?? []}
          scroll={{ x: 200 + KPI_CODES.length * 96 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty description="Không có đơn vị cấp dưới" /> }}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        Danh sách cán bộ theo từng đơn vị: <Link to="/can-bo">Cán bộ, công chức</Link>. Cảnh báo cần xử lý:{' '}
        <Link to="/canh-bao">Cảnh báo</Link>.
      </Typography.Paragraph>
      <PeopleDrawer q={q} open={people} onClose={() => setPeople(null)} />
    </>
  );
}
