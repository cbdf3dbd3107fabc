/** "Nhật ký hệ thống": who changed what and when, server-paged, with before/after on expand. */
import { DatePicker, Input, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { formatDateTimeVi, ROLE_LABELS, type AuditItem, type Role } from '@app/shared';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { AuditList } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { totalText } from '../../components/TableFooter.tsx';
import { AuditDiff } from './AuditDiff.tsx';
import { ACTION_LABELS, actionLabel, ENTITY_TYPE_LABELS, entityLabel } from './auditLabels.ts';

const ISO = 'YYYY-MM-DD';
const asInt = (v: string | null, d: number) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : d);
const asDate = (v: string | null): Dayjs | null => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v, ISO) : null);

export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const actor = params.get('actor') ?? '';
  const entityType = params.get('entityType') ?? undefined;
  const action = params.get('action') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const page = asInt(params.get('page'), 1);
  const pageSize = asInt(params.get('pageSize'), 50);

  const { data, isPending, isFetching, error, refetch } = useQuery({
    queryKey: ['audit', actor, action ?? '', entityType ?? '', from ?? '', to ?? '', page, pageSize],
    queryFn: () => api.get<AuditList>('/api/audit', { actor, action, entityType, from, to, page, pageSize }),
    placeholderData: (prev) => prev,
  });

  const update = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const filtered = Boolean(actor || action || entityType || from || to);
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Nhật ký hệ thống
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Mọi thay đổi dữ liệu và đăng nhập đều được ghi lại. Bấm dấu + ở đầu dòng để xem dữ liệu trước và sau khi thay đổi.
      </Typography.Paragraph>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div className="table-toolbar">
        <Input.Search
          placeholder="Người thực hiện"
          aria-label="Lọc theo người thực hiện"
          allowClear
          defaultValue={actor}
          key={`actor-${actor}`}
          className="toolbar-search"
          onSearch={(v) => update({ actor: v.trim() || undefined, page: undefined })}
        />
        <Select<string>
          aria-label="Lọc theo loại đối tượng"
          placeholder="Đối tượng: tất cả"
          allowClear
          style={{ width: 220, maxWidth: '100%' }}
          value={entityType}
          onChange={(v) => update({ entityType: v, page: undefined })}
          options={Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select<string>
          aria-label="Lọc theo hành động"
          placeholder="Hành động: tất cả"
          allowClear
          style={{ width: 240, maxWidth: '100%' }}
          value={action}
          onChange={(v) => update({ action: v, page: undefined })}
          options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <DatePicker.RangePicker
          aria-label="Khoảng thời gian"
          format="DD/MM/YYYY"
          placeholder={['Từ ngày', 'Đến ngày']}
          style={{ maxWidth: '100%' }}
          value={[asDate(from ?? null), asDate(to ?? null)]}
          onChange={(range) =>
            update({ from: range?.[0]?.format(ISO) ?? undefined, to: range?.[1]?.format(ISO) ?? undefined, page: undefined })
          }
        />
      </div>
      <Table<AuditItem>
        rowKey="id"
        size="middle"
        loading={isPending || isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        title={() => totalText(data?.total ?? 0)}
        expandable={{ expandedRowRender: (item) => <AuditDiff item={item} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          onChange: (p, s) => update({ page: p > 1 ? String(p) : undefined, pageSize: s !== 50 ? String(s) : undefined }),
        }}
        locale={{
          emptyText: filtered
            ? 'Không có mục nhật ký nào khớp điều kiện lọc. Hãy mở rộng khoảng thời gian hoặc bỏ bớt bộ lọc.'
            : 'Chưa có mục nhật ký nào. Các thay đổi dữ liệu sẽ được ghi lại tại đây.',
        }}
        columns={[
          { title: 'Thời gian', dataIndex: 'at', render: (v: string) => formatDateTimeVi(v) },
          {
            title: 'Người thực hiện',
            key: 'actor',
            render: (_, a) =>
              a.actorUsername ? (
                <span>
                  {a.actorUsername}
                  {a.actorRole && a.actorRole in ROLE_LABELS && (
                    <div style={{ color: '#5b6472', fontSize: 12 }}>{ROLE_LABELS[a.actorRole as Role]}</div>
                  )}
                </span>
              ) : (
                'Hệ thống'
              ),
          },
          { title: 'Hành động', dataIndex: 'action', render: (v: string) => actionLabel(v) },
          {
            title: 'Đối tượng',
            key: 'entity',
            render: (_, a) => (
              <span>
                {entityLabel(a.entityType)}
                {a.entityId && (
                  // Long record ids (UUID) are shortened; the full id is in the tooltip.
                  <span title={a.entityId} style={{ color: '#5b6472' }}>
                    {' · '}
                    {a.entityId.length > 12 ? `${a.entityId.slice(0, 8)}…` : a.entityId}
                  </span>
                )}
              </span>
            ),
          },
          { title: 'Địa chỉ IP', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
