/** Level 2: communes of a province, searchable (accent-insensitive on the server) and filterable. */
import { useEffect, useState } from 'react';
import { Input, Select, Table, Typography } from 'antd';
import {
  COMMUNE_TYPE_LABELS,
  COMMUNE_TYPES,
  REGION_TYPE_LABELS,
  REGION_TYPES,
  type CommuneItem,
  type CommuneType,
  type RegionType,
} from '@app/shared';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { totalText } from '../../components/TableFooter.tsx';
import { UnitsBreadcrumb } from './UnitsBreadcrumb.tsx';
import { useCommunes, useProvinces } from './unitsApi.ts';

const asCommuneType = (v: string | null) => ((COMMUNE_TYPES as readonly string[]).includes(v ?? '') ? (v as CommuneType) : undefined);
const asRegionType = (v: string | null) => ((REGION_TYPES as readonly string[]).includes(v ?? '') ? (v as RegionType) : undefined);

export default function CommunesPage() {
  const { code = '' } = useParams();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = asCommuneType(params.get('type'));
  const regionType = asRegionType(params.get('regionType'));
  const [text, setText] = useState(q);
  const provinces = useProvinces();
  const { data, isPending, isFetching, error, refetch } = useCommunes(code, q, type, regionType);
  const province = provinces.data?.items.find((p) => p.code === code);

  const setParam = (key: string, value: string | undefined) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key === 'q' },
    );
  };

  // Back/forward changes the URL: show its keyword in the box.
  useEffect(() => {
    setText((t) => (t.trim() === q ? t : q));
  }, [q]);

  // Search as the user types (debounced); Enter searches at once.
  useEffect(() => {
    if (text.trim() === q) return;
    const t = setTimeout(() => setParam('q', text.trim() || undefined), 350);
    return () => clearTimeout(t);
  }, [text]); // only the typed text restarts the timer

  const filtered = Boolean(q || type || regionType);
  const provinceName = province?.name ?? (me.scope.provinceCode === code ? me.scopeNames.provinceName : undefined);
  return (
    <>
      <UnitsBreadcrumb province={{ code, name: provinceName }} />
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {provinceName ?? `Tỉnh, thành phố mã ${code}`}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Các xã, phường, đặc khu trực thuộc. Chọn tên để xem chi tiết và các cơ quan, đơn vị.
      </Typography.Paragraph>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div className="table-toolbar">
        <Input.Search
          placeholder="Tìm xã, phường…"
          aria-label="Tìm xã, phường"
          allowClear
          className="toolbar-search"
          value={text}
          loading={isFetching && Boolean(q)}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setParam('q', v.trim() || undefined)}
        />
        <Select<CommuneType>
          aria-label="Lọc theo loại"
          placeholder="Loại: tất cả"
          allowClear
          style={{ width: 160, maxWidth: '100%' }}
          value={type}
          onChange={(v) => setParam('type', v)}
          options={COMMUNE_TYPES.map((t) => ({ value: t, label: COMMUNE_TYPE_LABELS[t] }))}
        />
        <Select<RegionType>
          aria-label="Lọc theo loại vùng"
          placeholder="Loại vùng: tất cả"
          allowClear
          style={{ width: 300, maxWidth: '100%' }}
          value={regionType}
          onChange={(v) => setParam('regionType', v)}
          options={REGION_TYPES.map((t) => ({ value: t, label: REGION_TYPE_LABELS[t] }))}
        />
      </div>
      <Table<CommuneItem>
        rowKey="code"
        size="middle"
        loading={isPending || (isFetching && !data)}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        title={() => totalText(data?.total ?? 0)}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], hideOnSinglePage: true }}
        locale={{
          emptyText: filtered
            ? 'Không có xã, phường nào khớp điều kiện tìm. Hãy bỏ bớt bộ lọc hoặc thử từ khóa khác.'
            : 'Tỉnh này chưa có dữ liệu xã, phường. Hãy liên hệ quản trị Bộ Nội vụ để nạp danh mục.',
        }}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 80 },
          {
            title: 'Tên',
            dataIndex: 'name',
            sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
            render: (_, c) => <Link to={`/quan-tri/don-vi/xa/${c.code}`}>{c.name}</Link>,
          },
          { title: 'Loại', dataIndex: 'type', render: (t: CommuneType) => COMMUNE_TYPE_LABELS[t] },
          { title: 'Loại vùng', dataIndex: 'regionType', render: (r: RegionType) => REGION_TYPE_LABELS[r] },
          { title: 'Khu vực', dataIndex: 'areaClass', render: (a: string | null) => (a ? `Khu vực ${a}` : '—') },
        ]}
      />
    </>
  );
}
