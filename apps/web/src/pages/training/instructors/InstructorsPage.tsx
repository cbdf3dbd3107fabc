/** "Giảng viên, báo cáo viên": the instructor and speaker pool, filters by field and organisation (SPEC §12). */
import { useEffect, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Table, Tag, Typography } from 'antd';
import {
  formatNumberVi,
  INSTRUCTOR_KIND_LABELS,
  INSTRUCTOR_KINDS,
  TRAINING_FIELD_LABELS,
  TRAINING_FIELDS,
  type InstructorItem,
  type InstructorKind,
  type InstructorListResponse,
  type TrainingField,
} from '@app/shared';
import { useSearchParams } from 'react-router-dom';
import { hasPermission, useCurrentUser } from '../../../api/auth.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { totalText } from '../../../components/TableFooter.tsx';
import { Hint, PageTitle } from '../common.tsx';
import { FIELD_OPTIONS, options } from '../labels.tsx';
import { keys, oneOf, patchParams, positiveInt, useList, useTrainingOrgs } from '../trainingApi.ts';
import { InstructorDrawer } from './InstructorDrawer.tsx';
import { InstructorFormDrawer } from './InstructorFormDrawer.tsx';

export default function InstructorsPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const update = patchParams(setParams);
  const q = params.get('q') ?? '';
  const field = oneOf(TRAINING_FIELDS, params.get('field'));
  const kind = oneOf(INSTRUCTOR_KINDS, params.get('kind'));
  const orgId = positiveInt(params.get('orgId'), 0) || undefined;
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 20);
  const openId = positiveInt(params.get('id'), 0);
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  const orgs = useTrainingOrgs();
  const canManage = hasPermission(me, 'instructors.manage');
  const { data, isPending, isFetching, error, refetch } = useList<InstructorListResponse>(keys.instructors, '/api/instructors', {
    q: q || undefined,
    field,
    kind,
    orgId,
    page,
    pageSize,
  });

  useEffect(() => setText((t) => (t.trim() === q ? t : q)), [q]);
  useEffect(() => {
    if (text.trim() === q) return;
    const t = setTimeout(() => update({ q: text.trim() || undefined, page: undefined }, true), 350);
    return () => clearTimeout(t);
  }, [text]); // only the typed text restarts the timer

  const filtered = Boolean(q || field || kind || orgId);
  return (
    <>
      <PageTitle
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Thêm giảng viên
            </Button>
          )
        }
      >
        Giảng viên, báo cáo viên
      </PageTitle>
      <Hint>Đội ngũ giảng viên, báo cáo viên của các cơ sở đào tạo, bồi dưỡng; chọn tên để xem các buổi đã giảng.</Hint>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div className="table-toolbar">
        <Input.Search
          placeholder="Tìm theo họ tên, nơi công tác…"
          aria-label="Tìm giảng viên"
          allowClear
          className="toolbar-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined, page: undefined })}
        />
        <Select<TrainingField>
          aria-label="Lọc theo lĩnh vực"
          placeholder="Lĩnh vực: tất cả"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 280, maxWidth: '100%' }}
          value={field}
          onChange={(v) => update({ field: v, page: undefined })}
          options={FIELD_OPTIONS}
        />
        <Select<number>
          aria-label="Lọc theo cơ sở đào tạo"
          placeholder="Cơ sở đào tạo: tất cả"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 300, maxWidth: '100%' }}
          value={orgId}
          onChange={(v) => update({ orgId: v ? String(v) : undefined, page: undefined })}
          options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select<InstructorKind>
          aria-label="Lọc theo loại"
          placeholder="Loại: tất cả"
          allowClear
          style={{ width: 170, maxWidth: '100%' }}
          value={kind}
          onChange={(v) => update({ kind: v, page: undefined })}
          options={options(INSTRUCTOR_KINDS, INSTRUCTOR_KIND_LABELS)}
        />
      </div>
      <Table<InstructorItem>
        rowKey="id"
        size="middle"
        loading={isPending || isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1050 }}
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
            ? 'Không có giảng viên nào khớp điều kiện lọc. Hãy bỏ bớt bộ lọc.'
            : canManage
              ? 'Chưa có giảng viên nào. Bấm “Thêm giảng viên” để lập danh sách.'
              : 'Chưa có giảng viên nào.',
        }}
        columns={[
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            width: 280,
            render: (_, i) => (
              <>
                <Typography.Link onClick={() => update({ id: String(i.id) })}>{i.fullName}</Typography.Link>
                <div style={{ color: '#5b6472', fontSize: 12 }}>{[...new Set([INSTRUCTOR_KIND_LABELS[i.kind], i.jobTitle, i.organisation])].filter(Boolean).join(' · ')}</div>
              </>
            ),
          },
          { title: 'Cơ sở đào tạo', dataIndex: 'orgName', width: 200, render: (v: string | null) => v ?? '—' },
          {
            title: 'Lĩnh vực',
            dataIndex: 'fields',
            render: (f: TrainingField[]) => f.map((x) => <Tag key={x}>{TRAINING_FIELD_LABELS[x]}</Tag>),
          },
          { title: 'Đã giảng', key: 'taught', width: 120, render: (_, i) => `${formatNumberVi(i.sessionCount)} buổi · ${formatNumberVi(i.classCount)} lớp` },
          {
            title: 'Đánh giá của học viên',
            dataIndex: 'averageRating',
            width: 110,
            render: (v: number | null) => (v === null ? 'Chưa có' : `${formatNumberVi(v, 1)}/5`),
          },
          { title: 'Trạng thái', dataIndex: 'active', width: 130, render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? 'Đang mời giảng' : 'Ngừng mời'}</Tag> },
        ]}
      />
      <InstructorDrawer id={openId || null} onClose={() => update({ id: undefined })} />
      {canManage && <InstructorFormDrawer open={creating} instructor={null} onClose={() => setCreating(false)} onSaved={(i) => update({ id: String(i.id) })} />}
    </>
  );
}
