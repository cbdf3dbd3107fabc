/** The officials list: a table on wide screens, compact cards on phones (UX.md "phone widths"). */
import { Card, Empty, Pagination, Space, Spin, Table, type TableProps } from 'antd';
import { formatDateVi, OFFICIAL_TYPE_LABELS, type OfficialListItem, type OfficialType } from '@app/shared';
import { Link } from 'react-router-dom';
import { ReorgTag, RequirementTag, StatusTag } from './labels.tsx';

interface Props {
  items: OfficialListItem[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  showCommune: boolean;
  emptyText: string;
  header: React.ReactNode;
  onPage: (page: number, pageSize: number) => void;
  selection?: { keys: string[]; onChange: (keys: string[]) => void };
}

const nameLink = (o: OfficialListItem) => (
  <Link to={`/can-bo/${o.id}`} style={{ fontWeight: 500 }}>
    {o.fullName}
  </Link>
);

export function OfficialsTable(p: Props) {
  const columns: TableProps<OfficialListItem>['columns'] = [
    { title: 'Họ và tên', key: 'name', width: 180, fixed: 'left', render: (_, o) => nameLink(o) },
    { title: 'Ngày sinh', dataIndex: 'birthDate', width: 104, render: (d: string) => formatDateVi(d) },
    ...(p.showCommune ? [{ title: 'Xã, phường', dataIndex: 'communeName', width: 140 }] : []),
    { title: 'Đơn vị', dataIndex: 'unitName', render: (v: string | null) => v ?? <span style={{ color: '#8c8c8c' }}>Chưa có</span> },
    {
      title: 'Vị trí việc làm',
      key: 'position',
      render: (_, o) => (
        <>
          {o.positionName ?? <span style={{ color: '#8c8c8c' }}>Chưa có</span>}
          {o.isLeader && o.leaderTitle && o.leaderTitle !== o.positionName && (
            <div style={{ color: '#5b6472', fontSize: 12 }}>{o.leaderTitle}</div>
          )}
        </>
      ),
    },
    { title: 'Loại', dataIndex: 'officialType', width: 96, render: (t: OfficialType) => OFFICIAL_TYPE_LABELS[t] },
    { title: 'Đạt chuẩn VTVL', key: 'meets', width: 132, render: (_, o) => <RequirementTag meets={o.meetsRequirement} /> },
    { title: 'Sắp xếp bộ máy', key: 'reorg', width: 128, render: (_, o) => <ReorgTag affected={o.affectedByReorg} short /> },
    { title: 'Trạng thái', key: 'status', width: 136, render: (_, o) => <StatusTag status={o.status} /> },
  ];
  return (
    <Table<OfficialListItem>
      rowKey="id"
      size="middle"
      loading={p.loading}
      dataSource={p.items}
      columns={columns}
      scroll={{ x: p.showCommune ? 1180 : 1040 }}
      title={() => p.header}
      rowSelection={
        p.selection && {
          selectedRowKeys: p.selection.keys,
          preserveSelectedRowKeys: true,
          onChange: (keys) => p.selection?.onChange(keys.map(String)),
        }
      }
      locale={{ emptyText: p.emptyText }}
      pagination={{
        current: p.page,
        pageSize: p.pageSize,
        total: p.total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        onChange: p.onPage,
      }}
    />
  );
}

/** Phones: one card per person with what matters most; the whole card opens the record. */
export function OfficialCards(p: Props) {
  return (
    <div>
      <div style={{ margin: '4px 0 8px', color: '#5b6472' }}>{p.header}</div>
      <Spin spinning={p.loading}>
        {p.items.length === 0 && !p.loading && <Empty description={p.emptyText} />}
        {p.items.map((o) => (
          <Card size="small" style={{ marginBottom: 8 }} key={o.id}>
            <div style={{ fontSize: 15 }}>{nameLink(o)}</div>
            <div style={{ color: '#5b6472', fontSize: 13 }}>
              {formatDateVi(o.birthDate)} · {OFFICIAL_TYPE_LABELS[o.officialType]}
              {p.showCommune && o.communeName ? ` · ${o.communeName}` : ''}
            </div>
            <div style={{ fontSize: 13, margin: '4px 0' }}>
              {[o.positionName, o.unitName].filter(Boolean).join(' — ') || 'Chưa có vị trí việc làm'}
            </div>
            <Space size={[4, 4]} wrap>
              <RequirementTag meets={o.meetsRequirement} />
              {o.affectedByReorg && <ReorgTag affected />}
              <StatusTag status={o.status} />
            </Space>
          </Card>
        ))}
      </Spin>
      {p.total > p.pageSize && (
        <Pagination
          simple
          current={p.page}
          pageSize={p.pageSize}
          total={p.total}
          onChange={p.onPage}
          style={{ marginTop: 8, textAlign: 'center' }}
        />
      )}
    </div>
  );
}
