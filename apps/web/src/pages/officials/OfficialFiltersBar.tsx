/** Filters above the officials table (UX.md "Tables: filters above"); every change goes to the URL. */
import { useEffect, useState } from 'react';
import { FilterOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import type { MeResponse } from '@app/shared';
import { useIsNarrow } from '../../layout/useMediaQuery.ts';
import { CommunePicker, communeOf } from './CommunePicker.tsx';
import { filterOption, OPTIONS } from './labels.tsx';
import { useCommuneUnits, usePositions, type OfficialFilters } from './officialsApi.ts';

type Patch = Partial<Record<keyof OfficialFilters | 'page', string | undefined>>;

interface Props {
  me: MeResponse;
  filters: OfficialFilters;
  onChange: (patch: Patch) => void;
}

const selectStyle = { width: 230, maxWidth: '100%' };

export function OfficialFiltersBar({ me, filters, onChange }: Props) {
  const [text, setText] = useState(filters.q ?? '');
  const narrow = useIsNarrow();
  const [showAll, setShowAll] = useState(false);
  const active = Object.entries(filters).filter(([k, v]) => v !== undefined && k !== 'q').length;
  const commune = communeOf(me, filters.commune);
  const units = useCommuneUnits(commune);
  const positions = usePositions(commune, Boolean(commune));

  useEffect(() => {
    setText((t) => (t.trim() === (filters.q ?? '') ? t : (filters.q ?? '')));
  }, [filters.q]);
  useEffect(() => {
    if (text.trim() === (filters.q ?? '')) return;
    const t = setTimeout(() => onChange({ q: text.trim() || undefined, page: undefined }), 350);
    return () => clearTimeout(t);
  }, [text]); // only the typed text restarts the timer

  const set = (key: keyof OfficialFilters) => (v?: string | number) =>
    onChange({ [key]: v === undefined ? undefined : String(v), page: undefined });
  return (
    <div className="table-toolbar" role="search" aria-label="Lọc danh sách cán bộ, công chức">
      <Input.Search
        placeholder="Tìm theo họ tên (không cần dấu) hoặc số CCCD"
        aria-label="Tìm theo họ tên (không cần dấu) hoặc số CCCD"
        allowClear
        className="toolbar-search"
        style={{ maxWidth: 420 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => onChange({ q: v.trim() || undefined, page: undefined })}
      />
      {narrow && (
        <Button icon={<FilterOutlined />} aria-expanded={showAll} onClick={() => setShowAll((x) => !x)}>
          {showAll ? 'Ẩn bộ lọc' : `Bộ lọc${active ? ` (${active})` : ''}`}
        </Button>
      )}
      {(!narrow || showAll) && (
        <>
          <CommunePicker
            me={me}
            value={{ province: filters.province, commune: filters.commune }}
            onChange={(p) =>
              onChange({ province: p.province, commune: p.commune, unitId: undefined, positionId: undefined, page: undefined })
            }
          />
          {commune && (
            <Select
              aria-label="Lọc theo đơn vị"
              placeholder="Đơn vị: tất cả"
              allowClear
              showSearch={{ filterOption }}
              style={{ width: 240, maxWidth: '100%' }}
              value={filters.unitId ? Number(filters.unitId) : undefined}
              onChange={set('unitId')}
              loading={units.isPending}
              options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          )}
          {commune && (
            <Select
              aria-label="Lọc theo vị trí việc làm"
              placeholder="Vị trí việc làm: tất cả"
              allowClear
              showSearch={{ filterOption }}
              style={{ width: 260, maxWidth: '100%' }}
              popupMatchSelectWidth={false}
              value={filters.positionId ? Number(filters.positionId) : undefined}
              onChange={set('positionId')}
              loading={positions.isPending}
              options={(positions.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          )}
          <Select
            aria-label="Lọc theo loại"
            placeholder="Loại: tất cả"
            allowClear
            style={{ width: 150 }}
            value={filters.type}
            onChange={set('type')}
            options={OPTIONS.type}
          />
          <Select
            aria-label="Lọc theo khối"
            placeholder="Khối: tất cả"
            allowClear
            style={selectStyle}
            value={filters.bloc}
            onChange={set('bloc')}
            options={OPTIONS.bloc}
          />
          <Select
            aria-label="Lọc theo lãnh đạo, quản lý"
            placeholder="Lãnh đạo, quản lý: tất cả"
            allowClear
            style={selectStyle}
            value={filters.leader}
            onChange={set('leader')}
            options={[
              { value: 'true', label: 'Lãnh đạo, quản lý' },
              { value: 'false', label: 'Không giữ chức vụ' },
            ]}
          />
          <Select
            aria-label="Lọc theo đạt chuẩn vị trí việc làm"
            placeholder="Đạt chuẩn VTVL: tất cả"
            allowClear
            style={selectStyle}
            value={filters.belowStandard}
            onChange={set('belowStandard')}
            options={[
              { value: 'true', label: 'Chưa đạt chuẩn' },
              { value: 'false', label: 'Đạt chuẩn hoặc chưa xác định' },
            ]}
          />
          <Select
            aria-label="Lọc theo chịu tác động sắp xếp"
            placeholder="Sắp xếp bộ máy: tất cả"
            allowClear
            style={selectStyle}
            value={filters.affectedByReorg}
            onChange={set('affectedByReorg')}
            options={[
              { value: 'true', label: 'Chịu tác động sắp xếp' },
              { value: 'false', label: 'Không chịu tác động' },
            ]}
          />
          <Select
            aria-label="Lọc theo trạng thái"
            placeholder="Trạng thái: tất cả"
            allowClear
            style={{ width: 170 }}
            value={filters.status}
            onChange={set('status')}
            options={OPTIONS.status}
          />
        </>
      )}
    </div>
  );
}
