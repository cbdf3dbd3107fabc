/**
 * Two ways to choose whom to nominate: the suggestions from the needs register (most urgent
 * first) and the commune's officials in service, filtered by unit and name. Both feed one selection.
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { Input, Select, Table, Tag } from 'antd';
import {
  NEED_STATUS_LABELS,
  TRAINING_FIELD_LABELS,
  type CommuneDetailResponse,
  type OfficialListResponse,
  type SuggestionItem,
  type SuggestionsResponse,
} from '@app/shared';
import { api } from '../../../api/client.ts';
import { keys } from '../trainingApi.ts';

export interface Person {
  officialId: string;
  fullName: string;
  unitName: string | null;
}

interface PickerProps {
  selected: Map<string, Person>;
  /** Already in this class (nominated, waiting for approval or on the waiting list). */
  taken: ReadonlySet<string>;
  onChange: (next: Map<string, Person>) => void;
}

function toggle(selected: Map<string, Person>, rows: Person[], keysNow: string[]): Map<string, Person> {
  const next = new Map(selected);
  for (const r of rows) {
    if (keysNow.includes(r.officialId)) next.set(r.officialId, r);
    else next.delete(r.officialId);
  }
  return next;
}

export function SuggestionsPicker({ classId, selected, taken, onChange }: PickerProps & { classId: number }) {
  const { data, isPending } = useQuery({
    queryKey: [...keys.enrolments, 'suggestions', classId],
    queryFn: () => api.get<SuggestionsResponse>(`/api/classes/${classId}/suggestions`),
  });
  const rows = data?.items ?? [];
  return (
    <Table<SuggestionItem>
      rowKey="officialId"
      size="small"
      loading={isPending}
      dataSource={rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 760 }}
      title={() => `Gợi ý từ nhu cầu bồi dưỡng: ${rows.length} người (cấp thiết nhất trước)`}
      locale={{ emptyText: 'Không có nhu cầu bồi dưỡng nào khớp loại chương trình, lĩnh vực của lớp. Hãy chọn người ở danh sách bên dưới.' }}
      rowSelection={{
        selectedRowKeys: rows.filter((r) => selected.has(r.officialId)).map((r) => r.officialId),
        getCheckboxProps: (r) => ({ disabled: r.busy || taken.has(r.officialId), 'aria-label': `Chọn ${r.fullName}` }),
        onChange: (k) => onChange(toggle(selected, rows, k as string[])),
      }}
      columns={[
        {
          title: 'Họ và tên',
          dataIndex: 'fullName',
          render: (_, r) => (
            <>
              {r.fullName}
              {taken.has(r.officialId) ? (
                <div style={{ fontSize: 12, color: '#389e0d' }}>Đã được cử vào lớp này</div>
              ) : (
                r.busy && <div style={{ fontSize: 12, color: '#d46b08' }}>Đang học lớp khác trùng thời gian</div>
              )}
            </>
          ),
        },
        { title: 'Đơn vị', dataIndex: 'unitName', width: 200, render: (v: string | null) => v ?? '—' },
        { title: 'Vị trí việc làm', dataIndex: 'positionName', width: 180, render: (v: string | null) => v ?? '—' },
        {
          title: 'Nhu cầu',
          key: 'need',
          width: 240,
          render: (_, r) => (
            <>
              <Tag color={r.needStatus === 'confirmed' ? 'green' : 'gold'}>{NEED_STATUS_LABELS[r.needStatus]}</Tag>
              {r.belowStandard && <Tag color="red">Chưa đạt chuẩn</Tag>}
              <div style={{ fontSize: 12, color: '#5b6472' }}>{r.field ? `${TRAINING_FIELD_LABELS[r.field]} · ` : ''}{r.reason}</div>
            </>
          ),
        },
      ]}
    />
  );
}

export function OfficialsPicker({ communeCode, selected, taken, onChange }: PickerProps & { communeCode: string }) {
  const [unitId, setUnitId] = useState<number | undefined>();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => {
    const t = setTimeout(() => {
      setQ(text.trim());
      setPage(1);
    }, 350);
    return () => clearTimeout(t);
  }, [text]);
  const units = useQuery({
    queryKey: ['units', 'commune', communeCode],
    queryFn: () => api.get<CommuneDetailResponse>(`/api/units/communes/${communeCode}`),
    staleTime: 5 * 60_000,
  });
  const { data, isFetching } = useQuery({
    queryKey: ['officials', 'picker', communeCode, unitId, q, page],
    queryFn: () => api.get<z.infer<typeof OfficialListResponse>>('/api/officials', { commune: communeCode, unitId, q: q || undefined, status: 'dang_cong_tac', page, pageSize: 10 }),
    placeholderData: (prev) => prev,
  });
  const rows: Person[] = (data?.items ?? []).map((o) => ({ officialId: o.id, fullName: o.fullName, unitName: o.unitName }));
  return (
    <>
      <div className="table-toolbar">
        <Select<number>
          aria-label="Lọc theo đơn vị"
          placeholder="Đơn vị: tất cả"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 300, maxWidth: '100%' }}
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            setPage(1);
          }}
          options={(units.data?.units ?? []).filter((u) => !u.validTo).map((u) => ({ value: u.id, label: u.name }))}
        />
        <Input.Search className="toolbar-search" placeholder="Tìm theo họ tên…" aria-label="Tìm cán bộ để cử" allowClear value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <Table<Person>
        rowKey="officialId"
        size="small"
        loading={isFetching}
        dataSource={rows}
        scroll={{ x: 480 }}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: 'Không có cán bộ, công chức đang công tác nào khớp bộ lọc.' }}
        rowSelection={{
          selectedRowKeys: rows.filter((r) => selected.has(r.officialId)).map((r) => r.officialId),
          getCheckboxProps: (r) => ({ disabled: taken.has(r.officialId), 'aria-label': `Chọn ${r.fullName}` }),
          onChange: (k) => onChange(toggle(selected, rows, k as string[])),
        }}
        columns={[
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            render: (_, r) => (
              <>
                {r.fullName}
                {taken.has(r.officialId) && <div style={{ fontSize: 12, color: '#389e0d' }}>Đã được cử vào lớp này</div>}
              </>
            ),
          },
          { title: 'Đơn vị', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
