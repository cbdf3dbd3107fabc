/** "Chương trình": the programme catalogue, server-paged, with filters and the practice-share warning (SPEC §5). */
import { useEffect, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Switch, Table, Typography } from 'antd';
import {
  APPROVAL_STATUS_LABELS,
  APPROVAL_STATUSES,
  formatNumberVi,
  PROGRAMME_OWNER_LABELS,
  PROGRAMME_OWNERS,
  PROGRAMME_TYPES,
  type ApprovalStatus,
  type ProgrammeItem,
  type ProgrammeListResponse,
  type ProgrammeOwner,
  type ProgrammeType,
} from '@app/shared';
import { useSearchParams } from 'react-router-dom';
import { hasPermission, useCurrentUser } from '../../../api/auth.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { totalText } from '../../../components/TableFooter.tsx';
import { Hint, PageTitle } from '../common.tsx';
import { ApprovalTag, options, PracticeShare, PROGRAMME_TYPE_OPTIONS, ProgrammeTypeTag } from '../labels.tsx';
import { keys, oneOf, patchParams, positiveInt, useList } from '../trainingApi.ts';
import { ProgrammeDrawer } from './ProgrammeDrawer.tsx';
import { ProgrammeFormDrawer } from './ProgrammeFormDrawer.tsx';

export default function ProgrammesPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const update = patchParams(setParams);
  const type = oneOf(PROGRAMME_TYPES, params.get('type'));
  const status = oneOf(APPROVAL_STATUSES, params.get('status'));
  const owner = oneOf(PROGRAMME_OWNERS, params.get('owner'));
  const lowPractice = params.get('lowPractice') === 'true';
  const q = params.get('q') ?? '';
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 20);
  const openId = positiveInt(params.get('id'), 0);
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  const canManage = hasPermission(me, 'programmes.manage');
  const { data, isPending, isFetching, error, refetch } = useList<ProgrammeListResponse>(keys.programmes, '/api/programmes', {
    type,
    status,
    owner,
    lowPractice: lowPractice || undefined,
    q: q || undefined,
    page,
    pageSize,
  });

  useEffect(() => setText((t) => (t.trim() === q ? t : q)), [q]);
  useEffect(() => {
    if (text.trim() === q) return;
    const t = setTimeout(() => update({ q: text.trim() || undefined, page: undefined }, true), 350);
    return () => clearTimeout(t);
  }, [text]); // only the typed text restarts the timer

  const filtered = Boolean(type || status || owner || lowPractice || q);
  return (
    <>
      <PageTitle
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Thêm chương trình
            </Button>
          )
        }
      >
        Chương trình bồi dưỡng
      </PageTitle>
      <Hint>
        Danh mục chương trình theo Quyết định 700/QĐ-TTg. Chương trình chuyên môn, kỹ năng cần ít nhất 60% thời lượng thực hành, tình huống, mô
        phỏng. Chọn tên chương trình để xem chi tiết và các phiên bản.
      </Hint>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div className="table-toolbar">
        <Input.Search
          placeholder="Tìm theo mã, tên chương trình…"
          aria-label="Tìm chương trình"
          allowClear
          className="toolbar-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined, page: undefined })}
        />
        <Select<ProgrammeType>
          aria-label="Lọc theo loại chương trình"
          placeholder="Loại: tất cả"
          allowClear
          style={{ width: 300, maxWidth: '100%' }}
          value={type}
          onChange={(v) => update({ type: v, page: undefined })}
          options={PROGRAMME_TYPE_OPTIONS}
        />
        <Select<ApprovalStatus>
          aria-label="Lọc theo trạng thái"
          placeholder="Trạng thái: tất cả"
          allowClear
          style={{ width: 180, maxWidth: '100%' }}
          value={status}
          onChange={(v) => update({ status: v, page: undefined })}
          options={options(APPROVAL_STATUSES, APPROVAL_STATUS_LABELS)}
        />
        <Select<ProgrammeOwner>
          aria-label="Lọc theo cơ quan chủ quản"
          placeholder="Cơ quan chủ quản: tất cả"
          allowClear
          style={{ width: 260, maxWidth: '100%' }}
          value={owner}
          onChange={(v) => update({ owner: v, page: undefined })}
          options={options(PROGRAMME_OWNERS, PROGRAMME_OWNER_LABELS)}
        />
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          <Switch size="small" checked={lowPractice} onChange={(v) => update({ lowPractice: v ? 'true' : undefined, page: undefined })} />
          Chỉ chương trình dưới 60% thực hành
        </label>
      </div>
      <Table<ProgrammeItem>
        rowKey="id"
        size="middle"
        loading={isPending || isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        title={() => totalText(data?.total ?? 0)}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          onChange: (p, s) => update({ page: p > 1 ? String(p) : undefined, pageSize: s !== 20 ? String(s) : undefined }),
        }}
        locale={{
          emptyText: filtered
            ? 'Không có chương trình nào khớp điều kiện lọc. Hãy bỏ bớt bộ lọc.'
            : canManage
              ? 'Chưa có chương trình nào. Bấm “Thêm chương trình” để tạo chương trình đầu tiên.'
              : 'Chưa có chương trình nào được phê duyệt.',
        }}
        columns={[
          {
            title: 'Chương trình',
            dataIndex: 'name',
            render: (_, p) => (
              <>
                <Typography.Link onClick={() => update({ id: String(p.id) })}>{p.name}</Typography.Link>
                <div style={{ color: '#5b6472', fontSize: 12 }}>Mã {p.code}</div>
              </>
            ),
          },
          { title: 'Loại', dataIndex: 'type', width: 180, render: (t: ProgrammeType) => <ProgrammeTypeTag type={t} /> },
          {
            title: 'Cơ quan chủ quản',
            key: 'owner',
            width: 170,
            render: (_, p) => (p.owner === 'province' && p.ownerProvinceName ? p.ownerProvinceName : PROGRAMME_OWNER_LABELS[p.owner]),
          },
          {
            title: 'Thời lượng',
            key: 'duration',
            width: 110,
            render: (_, p) => `${formatNumberVi(p.durationDays)} ngày · ${formatNumberVi(p.totalHours)} giờ`,
          },
          {
            title: 'Tỷ lệ thực hành',
            dataIndex: 'practiceSharePct',
            width: 150,
            render: (_, p) => <PracticeShare type={p.type} pct={p.practiceSharePct} />,
          },
          {
            title: 'Trạng thái',
            key: 'status',
            width: 130,
            render: (_, p) => (
              <>
                <ApprovalTag status={p.approvalStatus} />
                <div style={{ color: '#5b6472', fontSize: 12 }}>Phiên bản {p.versionNo}</div>
              </>
            ),
          },
        ]}
      />
      <ProgrammeDrawer id={openId || null} onClose={() => update({ id: undefined })} onOpenVersion={(id) => update({ id: String(id) })} />
      {canManage && <ProgrammeFormDrawer open={creating} programme={null} onClose={() => setCreating(false)} onSaved={(p) => update({ id: String(p.id) })} />}
    </>
  );
}
