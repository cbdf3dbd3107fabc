/** Level 1: the 34 provinces. Province and commune admins start at their own level instead. */
import { useMemo, useState } from 'react';
import { Input, Table, Typography } from 'antd';
import { formatNumberVi, type ProvinceItem } from '@app/shared';
import { Link, Navigate } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { totalText } from '../../components/TableFooter.tsx';
import { UnitsBreadcrumb } from './UnitsBreadcrumb.tsx';
import { useProvinces } from './unitsApi.ts';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

export default function ProvincesPage() {
  const me = useCurrentUser();
  const own = me.scope.level !== 'nation';
  const { data, isPending, error, refetch } = useProvinces(!own);
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const items = data?.items ?? [];
    const needle = fold(q.trim());
    return needle ? items.filter((p) => fold(p.name).includes(needle) || p.code.includes(needle)) : items;
  }, [data, q]);

  if (me.scope.communeCode) return <Navigate to={`/quan-tri/don-vi/xa/${me.scope.communeCode}`} replace />;
  if (own && me.scope.provinceCode) return <Navigate to={`/quan-tri/don-vi/tinh/${me.scope.provinceCode}`} replace />;

  return (
    <>
      <UnitsBreadcrumb />
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Đơn vị hành chính
      </Typography.Title>
      <Typography.Paragraph type="secondary">Chọn một tỉnh, thành phố để xem các xã, phường, đặc khu trực thuộc.</Typography.Paragraph>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div className="table-toolbar">
        <Input.Search
          placeholder="Tìm tỉnh, thành phố…"
          aria-label="Tìm tỉnh, thành phố"
          allowClear
          className="toolbar-search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <Table<ProvinceItem>
        rowKey="code"
        size="middle"
        loading={isPending}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={false}
        title={() => totalText(rows.length)}
        locale={{
          emptyText: q
            ? 'Không có tỉnh, thành phố nào khớp từ khóa. Hãy thử từ khóa khác.'
            : 'Chưa có dữ liệu tỉnh, thành phố. Hãy tải lại trang.',
        }}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 70, sorter: (a, b) => a.code.localeCompare(b.code) },
          {
            title: 'Tên',
            dataIndex: 'name',
            sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
            render: (_, p) => <Link to={`/quan-tri/don-vi/tinh/${p.code}`}>{p.name}</Link>,
          },
          { title: 'Loại', dataIndex: 'type' },
          {
            title: 'Số xã, phường, đặc khu',
            dataIndex: 'communeCount',
            align: 'right',
            sorter: (a, b) => a.communeCount - b.communeCount,
            render: (n: number) => formatNumberVi(n),
          },
        ]}
      />
    </>
  );
}
