/** A commune's needs register: run the review, summary cards, filters, the table, manual needs. */
import { useEffect, useState } from 'react';
import { PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Select } from 'antd';
import {
  formatNumberVi,
  NEED_PRIORITIES,
  NEED_PRIORITY_LABELS,
  NEED_STATUS_LABELS,
  NEED_STATUSES,
  PROGRAMME_TYPE_LABELS,
  PROGRAMME_TYPES,
  type NeedsRegisterResponse,
  type ReviewNeedsResponse,
} from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { totalText } from '../../components/TableFooter.tsx';
import { AddNeedDrawer } from './AddNeedDrawer.tsx';
import { needKeys, PROGRAMME_SHORT, type RegisterFilters } from './needsApi.ts';
import { ProgrammeCards, TotalsCards } from './RegisterSummary.tsx';
import { RegisterTable } from './RegisterTable.tsx';

interface Props {
  data: NeedsRegisterResponse;
  phase: 1 | 2;
  filters: RegisterFilters;
  fetching: boolean;
  onFilter: (patch: Partial<Record<keyof RegisterFilters, string | undefined>>) => void;
}

function reviewText(r: ReviewNeedsResponse): string {
  const n = formatNumberVi;
  return `Đã rà soát ${n(r.officials)} cán bộ, công chức đang công tác: thêm ${n(r.created)} nhu cầu mới, bỏ ${n(r.removed)} đề xuất không còn phù hợp, cập nhật ${n(r.updated)}, giữ nguyên ${n(r.unchanged)}.`;
}

export function NeedsRegister({ data, phase, filters, fetching, onFilter }: Props) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState(filters.q ?? '');
  const [lastReview, setLastReview] = useState<ReviewNeedsResponse | null>(null);

  useEffect(() => {
    if (text.trim() === (filters.q ?? '')) return;
    const t = setTimeout(() => onFilter({ q: text.trim() || undefined }), 350);
    return () => clearTimeout(t);
  }, [text]); // only the typed text restarts the timer

  const review = useMutation({
    mutationFn: () => api.post<ReviewNeedsResponse>(`/api/needs/review?commune=${data.commune.code}&phase=${phase}`),
    onSuccess: async (r) => {
      setLastReview(r);
      await qc.invalidateQueries({ queryKey: needKeys.all });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const s = data.summary;
  const filtered = Boolean(filters.status || filters.programmeType || filters.priority || filters.q);
  const empty = filtered
    ? 'Không có nhu cầu nào khớp điều kiện lọc. Hãy bỏ bớt bộ lọc.'
    : data.canReview
      ? 'Chưa có nhu cầu nào trong giai đoạn này. Bấm “Chạy rà soát” để hệ thống đề xuất theo quy tắc của Quyết định 700.'
      : 'Xã chưa rà soát nhu cầu bồi dưỡng trong giai đoạn này.';

  return (
    <>
      <div className="table-toolbar">
        {data.canReview && (
          <Button type="primary" icon={<PlayCircleOutlined />} loading={review.isPending} onClick={() => review.mutate()}>
            Chạy rà soát
          </Button>
        )}
        {data.canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            Thêm nhu cầu
          </Button>
        )}
      </div>
      {lastReview && (
        <Alert
          type="success"
          showIcon
          role="status"
          closable={{ onClose: () => setLastReview(null) }}
          title={reviewText(lastReview)}
          style={{ marginBottom: 12 }}
        />
      )}
      <TotalsCards s={s} />
      <ProgrammeCards summary={s} selected={filters.programmeType} onSelect={(p) => onFilter({ programmeType: p })} />
      <div className="table-toolbar" role="search" aria-label="Lọc sổ nhu cầu">
        <Input.Search
          placeholder="Tìm theo họ tên (không cần dấu)"
          aria-label="Tìm theo họ tên"
          allowClear
          className="toolbar-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => onFilter({ q: v.trim() || undefined })}
        />
        <Select
          aria-label="Lọc theo chương trình"
          placeholder="Chương trình: tất cả"
          allowClear
          style={{ width: 260, maxWidth: '100%' }}
          value={filters.programmeType}
          onChange={(v?: string) => onFilter({ programmeType: v })}
          options={PROGRAMME_TYPES.map((p) => ({ value: p, label: PROGRAMME_SHORT[p], title: PROGRAMME_TYPE_LABELS[p] }))}
        />
        <Select
          aria-label="Lọc theo mức ưu tiên"
          placeholder="Ưu tiên: tất cả"
          allowClear
          style={{ width: 240, maxWidth: '100%' }}
          popupMatchSelectWidth={false}
          value={filters.priority}
          onChange={(v?: string) => onFilter({ priority: v })}
          options={NEED_PRIORITIES.map((p) => ({ value: String(p), label: `${p} — ${NEED_PRIORITY_LABELS[p]}` }))}
        />
        <Select
          aria-label="Lọc theo trạng thái"
          placeholder="Trạng thái: tất cả"
          allowClear
          style={{ width: 180 }}
          value={filters.status}
          onChange={(v?: string) => onFilter({ status: v })}
          options={NEED_STATUSES.map((st) => ({ value: st, label: NEED_STATUS_LABELS[st] }))}
        />
      </div>
      <RegisterTable items={data.items} loading={fetching} canManage={data.canManage} header={totalText(data.total)} emptyText={empty} />
      {data.canManage && <AddNeedDrawer open={adding} commune={data.commune.code} phase={phase} onClose={() => setAdding(false)} />}
    </>
  );
}
