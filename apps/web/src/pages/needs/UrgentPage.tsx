/**
 * "Cần bồi dưỡng ngay" (Decision 700 §V.2.a): officials below their position's standard and not yet
 * sent to the specialised programme, those affected by the reorganisation first.
 */
import { Alert, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { formatDateVi, NEED_STATUS_LABELS, type UrgentItem } from '@app/shared';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentUser, useServerToday } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { totalText } from '../../components/TableFooter.tsx';
import { CommunePicker, communeOf } from '../officials/CommunePicker.tsx';
import { PHASE_OPTIONS, phaseFrom, STATUS_COLORS, useUrgent } from './needsApi.ts';

export default function UrgentPage() {
  const me = useCurrentUser();
  const today = useServerToday();
  const [params, setParams] = useSearchParams();
  const commune = communeOf(me, params.get('commune') ?? undefined);
  const phase = phaseFrom(params, today);
  const { data, isPending, isFetching, error, refetch } = useUrgent(commune, phase);

  const update = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const columns: TableProps<UrgentItem>['columns'] = [
    { title: 'STT', key: 'stt', width: 56, render: (_, __, i) => i + 1 },
    {
      title: 'Họ và tên',
      key: 'name',
      width: 200,
      render: (_, u) => (
        <Link to={`/can-bo/${u.officialId}`} style={{ fontWeight: 500 }} title={u.reason}>
          {u.fullName}
        </Link>
      ),
    },
    {
      title: 'Vị trí việc làm, đơn vị',
      key: 'pos',
      width: 280,
      render: (_, u) => (
        <>
          <div>{u.positionName ?? 'Chưa có vị trí việc làm'}</div>
          <div style={{ color: '#5b6472', fontSize: 12 }}>
            {u.unitName}
            {u.isLeader ? ' · Lãnh đạo, quản lý' : ''}
          </div>
        </>
      ),
    },
    {
      title: 'Sắp xếp bộ máy',
      dataIndex: 'affectedByReorg',
      width: 170,
      render: (a: boolean) => (a ? <Tag color="orange">Chịu tác động sắp xếp</Tag> : <span style={{ color: '#5b6472' }}>Không</span>),
    },
    { title: 'Chưa đạt chuẩn từ', dataIndex: 'belowStandardSince', width: 130, render: (d: string | null) => (d ? formatDateVi(d) : '—') },
    {
      title: 'Nhu cầu chuyên môn chuyên ngành',
      key: 'need',
      width: 190,
      render: (_, u) =>
        u.need ? (
          <Tag color={STATUS_COLORS[u.need.status]}>{NEED_STATUS_LABELS[u.need.status]}</Tag>
        ) : (
          <span style={{ color: '#ad4e00' }}>Chưa có — hãy chạy rà soát nhu cầu</span>
        ),
    },
  ];

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22, marginBottom: 4 }}>
        Cần bồi dưỡng ngay{data ? ` — ${data.communeName}` : ''}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        Cán bộ, công chức chưa đáp ứng yêu cầu chuyên môn của vị trí việc làm và chưa được cử đi bồi dưỡng kiến thức chuyên môn chuyên
        ngành. Người chịu tác động của sắp xếp tổ chức bộ máy được xếp trước (Quyết định 700, mục V.2.a).
      </Typography.Paragraph>
      <div className="table-toolbar">
        <CommunePicker
          me={me}
          allowAll={false}
          value={{ province: params.get('province') ?? undefined, commune: params.get('commune') ?? undefined }}
          onChange={(p) => update({ province: p.province, commune: p.commune })}
        />
        <Select
          aria-label="Giai đoạn"
          style={{ width: 240 }}
          value={phase}
          onChange={(v: number) => update({ phase: String(v) })}
          options={PHASE_OPTIONS}
        />
      </div>
      {!commune && <Alert type="info" showIcon title="Chọn tỉnh và xã, phường ở ô phía trên để xem danh sách cần bồi dưỡng ngay." />}
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {commune && (
        <Table<UrgentItem>
          rowKey="officialId"
          size="middle"
          loading={isPending || isFetching}
          dataSource={data?.items ?? []}
          columns={columns}
          scroll={{ x: 1000 }}
          title={() => totalText(data?.total ?? 0)}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: 'Không có ai cần bồi dưỡng ngay: mọi người đều đạt chuẩn vị trí việc làm hoặc đã được cử đi học.' }}
        />
      )}
    </>
  );
}
