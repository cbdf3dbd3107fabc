/**
 * "Cảnh báo thiếu chuẩn VTVL" (Directive §II.4): counts per kind, per commune (province) or province
 * (nation) to drill into, and the people behind them.
 */
import { Breadcrumb, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import {
  formatDateVi,
  formatNumberVi,
  NEED_WARNING_KIND_LABELS,
  NEED_WARNING_KINDS,
  type NeedWarningKind,
  type WarningItem,
  type WarningsResponse,
} from '@app/shared';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { totalText } from '../../components/TableFooter.tsx';
import { positiveInt } from '../officials/officialsApi.ts';
import { ownScope, useWarnings, validScope } from './needsApi.ts';

type Child = WarningsResponse['children'][number];
const KIND_COLORS: Record<NeedWarningKind, string> = { below_standard_not_nominated: 'red', no_training_in_phase: 'gold' };
const asKind = (v: string | null) => ((NEED_WARNING_KINDS as readonly string[]).includes(v ?? '') ? (v as NeedWarningKind) : undefined);

export default function WarningsPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const own = ownScope(me);
  const scope = validScope(params.get('scope')) ?? own;
  const kind = asKind(params.get('kind'));
  const page = positiveInt(params.get('page'), 1);
  const { data, isPending, isFetching, error, refetch } = useWarnings(scope, kind, page, 50);

  const link = (s: string) => (s === own ? '/nhu-cau/canh-bao' : `/nhu-cau/canh-bao?scope=${s}`);
  const setKind = (k?: NeedWarningKind) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (k) next.set('kind', k);
      else next.delete('kind');
      next.delete('page');
      return next;
    });

  const cards: Array<{ key: NeedWarningKind | undefined; title: string; value: number }> = data
    ? [
        { key: undefined, title: 'Tất cả cảnh báo', value: data.counts.total },
        ...NEED_WARNING_KINDS.map((k) => ({ key: k, title: NEED_WARNING_KIND_LABELS[k], value: data.counts[k] })),
      ]
    : [];
  const children = (data?.children ?? []).filter((c) => c.total > 0).sort((a, b) => b.total - a.total);
  const childLabel = data?.level === 'province' ? 'Xã, phường, đặc khu' : 'Tỉnh, thành phố';
  const childScope = (code: string) => (data?.level === 'province' ? `commune:${code}` : `province:${code}`);

  return (
    <>
      {scope !== own && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[{ title: <Link to={link(own)}>Về phạm vi của tôi</Link> }, { title: 'Chi tiết' }]}
        />
      )}
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22, marginBottom: 4 }}>
        Cảnh báo thiếu chuẩn vị trí việc làm
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        Danh sách thường trực: người chưa đạt chuẩn vị trí việc làm mà chưa được cử đi bồi dưỡng, và người chưa được bồi dưỡng trong giai
        đoạn hiện tại{data ? ` (tính đến ${formatDateVi(data.asOf)})` : ''}. Bấm một ô số để xem những người tương ứng.
      </Typography.Paragraph>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {cards.map((c) => {
          const active = kind === c.key;
          return (
            <Col key={c.key ?? 'all'} xs={24} md={8}>
              <Card
                size="small"
                hoverable
                role="button"
                tabIndex={0}
                aria-pressed={active}
                onClick={() => setKind(c.key)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    setKind(c.key);
                  }
                }}
                style={{ height: '100%', borderColor: active ? '#1d4e89' : undefined, boxShadow: active ? '0 0 0 1px #1d4e89' : undefined }}
              >
                <Statistic title={c.title} value={formatNumberVi(c.value)} />
              </Card>
            </Col>
          );
        })}
      </Row>
      {data && data.level !== 'commune' && (
        <Card size="small" title={`Theo ${childLabel.toLowerCase()}`} style={{ marginBottom: 16 }}>
          <Table<Child>
            rowKey="code"
            size="small"
            dataSource={children}
            scroll={{ x: 'max-content' }}
            title={() =>
              `Có cảnh báo: ${formatNumberVi(children.length)} trên ${formatNumberVi(data.children.length)} ${data.level === 'province' ? 'xã, phường, đặc khu' : 'tỉnh, thành phố'}`
            }
            pagination={children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{ emptyText: 'Không có cảnh báo nào.' }}
            columns={[
              { title: childLabel, dataIndex: 'name', render: (name: string, c) => <Link to={link(childScope(c.code))}>{name}</Link> },
              ...NEED_WARNING_KINDS.map((k) => ({
                title: NEED_WARNING_KIND_LABELS[k],
                dataIndex: k,
                align: 'right' as const,
                render: (v: number) => formatNumberVi(v),
              })),
              { title: 'Tổng', dataIndex: 'total', align: 'right', render: (v: number) => formatNumberVi(v) },
            ]}
          />
        </Card>
      )}
      <Table<WarningItem>
        rowKey={(w) => `${w.kind}-${w.officialId}`}
        size="middle"
        loading={isPending || isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: data?.level === 'commune' ? 1000 : 1100 }}
        title={() => totalText(data?.total ?? 0)}
        locale={{
          emptyText: kind
            ? 'Không có cảnh báo loại này.'
            : 'Không có cảnh báo nào: mọi người đều đạt chuẩn và đã được bồi dưỡng trong giai đoạn.',
        }}
        pagination={{
          current: page,
          pageSize: 50,
          total: data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (p) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              if (p > 1) next.set('page', String(p));
              else next.delete('page');
              return next;
            }),
        }}
        columns={[
          {
            title: 'Họ và tên',
            key: 'name',
            width: 180,
            render: (_, w) => (
              <Link to={`/can-bo/${w.officialId}`} style={{ fontWeight: 500 }}>
                {w.fullName}
              </Link>
            ),
          },
          ...(data?.level !== 'commune' ? [{ title: 'Xã, phường', dataIndex: 'communeName', width: 140 }] : []),
          {
            title: 'Vị trí việc làm, đơn vị',
            key: 'pos',
            width: 230,
            render: (_, w) => (
              <>
                <div>{w.positionName ?? 'Chưa có vị trí việc làm'}</div>
                <div style={{ color: '#5b6472', fontSize: 12 }}>{w.unitName}</div>
              </>
            ),
          },
          {
            title: 'Cảnh báo',
            key: 'kind',
            width: 200,
            render: (_, w) => (
              <>
                <Tag color={KIND_COLORS[w.kind]} style={{ whiteSpace: 'normal' }}>
                  {NEED_WARNING_KIND_LABELS[w.kind]}
                </Tag>
                {w.affectedByReorg && <Tag color="orange">Chịu tác động sắp xếp</Tag>}
              </>
            ),
          },
          { title: 'Từ ngày', dataIndex: 'since', width: 100, render: (d: string) => formatDateVi(d) },
          { title: 'Nội dung', dataIndex: 'message', render: (m: string) => <span style={{ whiteSpace: 'normal' }}>{m}</span> },
        ]}
      />
    </>
  );
}
