/**
 * "Cảnh báo" (SPEC §9): what needs action in the reader's scope — counts per kind, then the lists
 * with links to the official, class or report. Province and national readers may pick a scope.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Col, Collapse, Empty, Input, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDateVi, formatNumberVi, type WarningKind, type WarningsListResponse } from '@app/shared';
import { useCurrentUser } from '../../api/auth.ts';
import { api, errorMessage } from '../../api/client.ts';

const KIND_COLORS: Record<WarningKind, string> = {
  chua_cu_hoc: '#cf1322',
  qua_han_tu_bao_cao: '#d46b08',
  den_han_danh_gia: '#d4b106',
  xa_cham_tien_do: '#c41d7f',
  bao_cao_den_han: '#1677ff',
  lop_thieu_hoc_vien: '#531dab',
};

export default function WarningsPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? undefined;
  const { data, isPending, error } = useQuery({
    queryKey: ['warnings', scope],
    queryFn: () => api.get<WarningsListResponse>('/api/warnings', { scope }),
  });
  const canPick = !me.scope.communeCode;
  const scopeTitle = data?.scopeName;

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        Cảnh báo cần xử lý{scopeTitle ? ` – ${scopeTitle}` : ''}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">
          Tính đến ngày {data ? formatDateVi(data.asOf) : '…'}. Nhắc việc được gửi vào hộp thông báo mỗi tuần.
        </Typography.Text>
        {canPick && (
          <Input.Search
            placeholder="Mã xã (5 chữ số) hoặc mã tỉnh (2 chữ số)"
            allowClear
            style={{ width: 320 }}
            onSearch={(v) => {
              const t = v.trim();
              const next = new URLSearchParams(params);
              if (!t) next.delete('scope');
              else next.set('scope', /^\d{5}$/.test(t) ? `commune:${t}` : /^\d{2}$/.test(t) ? `province:${t}` : t);
              setParams(next);
            }}
          />
        )}
      </Space>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Row gutter={[12, 12]}>
        {(data?.groups ?? []).map((g) => (
          <Col key={g.kind} xs={24} sm={12} xl={8}>
            <Card size="small" style={{ borderLeft: `4px solid ${g.count > 0 ? KIND_COLORS[g.kind] : '#d9d9d9'}`, height: '100%' }}>
              <Statistic
                title={g.label}
                value={g.available ? formatNumberVi(g.count) : '–'}
                valueStyle={{ color: g.count > 0 ? KIND_COLORS[g.kind] : undefined }}
              />
              {!g.available && <Typography.Text type="secondary">Chưa có dữ liệu nguồn</Typography.Text>}
            </Card>
          </Col>
        ))}
        {isPending && (
          <Col span={24}>
            <Card loading />
          </Col>
        )}
      </Row>
      {data && (
        <Collapse
          style={{ marginTop: 16 }}
          defaultActiveKey={data.groups.filter((g) => g.count > 0).map((g) => g.kind)}
          items={data.groups.map((g) => ({
            key: g.kind,
            label: (
              <Space>
                <span>{g.label}</span>
                <Badge count={g.count} overflowCount={99999} showZero color={g.count > 0 ? KIND_COLORS[g.kind] : '#bfbfbf'} />
              </Space>
            ),
            children:
              g.items.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có cảnh báo" />
              ) : (
                <List
                  size="small"
                  dataSource={g.items}
                  pagination={g.items.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
                  footer={
                    g.count > g.items.length ? (
                      <Typography.Text type="secondary">
                        Hiển thị {formatNumberVi(g.items.length)} trên {formatNumberVi(g.count)} cảnh báo.
                      </Typography.Text>
                    ) : undefined
                  }
                  renderItem={(i) => (
                    <List.Item extra={i.date ? <Tag>{formatDateVi(i.date)}</Tag> : undefined}>
                      <List.Item.Meta
                        title={
                          i.link ? (
                            <Link to={i.link} style={{ color: '#1677ff' }}>
                              {i.title}
                            </Link>
                          ) : (
                            i.title
                          )
                        }
                        description={
                          <>
                            {i.communeName && i.kind !== 'xa_cham_tien_do' && data.scope !== `commune:${i.communeCode ?? ''}` && (
                              <Tag>{i.communeName}</Tag>
                            )}
                            {i.detail}
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              ),
          }))}
        />
      )}
    </>
  );
}
