/** "Danh sách lớp": classes in the user's reach, server-paged, filters above (SPEC §5). */
import { useEffect, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select, Table } from 'antd';
import {
  CLASS_MODE_LABELS,
  CLASS_STATUS_LABELS,
  CLASS_STATUSES,
  PROGRAMME_TYPES,
  SCHEDULE_TYPE_LABELS,
  type ClassListItem,
  type ClassStatus,
  type ProgrammeType,
} from '@app/shared';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { hasPermission, useCurrentUser } from '../../../api/auth.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { totalText } from '../../../components/TableFooter.tsx';
import { Hint, PageTitle } from '../common.tsx';
import { ClassStatusTag, dateRangeVi, options, PROGRAMME_TYPE_OPTIONS, ProgrammeTypeTag, SeatsCell } from '../labels.tsx';
import { DATE_FORMAT, fromIso, isoOrUndefined, oneOf, patchParams, positiveInt, toIso, useClasses, useTrainingOrgs } from '../trainingApi.ts';
import { ClassFormDrawer } from './ClassFormDrawer.tsx';

export default function ClassesPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const update = patchParams(setParams);
  const q = params.get('q') ?? '';
  const status = oneOf(CLASS_STATUSES, params.get('status'));
  const programmeType = oneOf(PROGRAMME_TYPES, params.get('programmeType'));
  const organiserId = positiveInt(params.get('organiserId'), 0) || undefined;
  const from = isoOrUndefined(params.get('from'));
  const to = isoOrUndefined(params.get('to'));
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 20);
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  const orgs = useTrainingOrgs();
  const canCreate = hasPermission(me, 'classes.manage');
  const { data, isPending, isFetching, error, refetch } = useClasses({ q: q || undefined, status, programmeType, organiserId, from, to, page, pageSize });

  useEffect(() => setText((t) => (t.trim() === q ? t : q)), [q]);
  useEffect(() => {
    if (text.trim() === q) return;
    const t = setTimeout(() => update({ q: text.trim() || undefined, page: undefined }, true), 350);
    return () => clearTimeout(t);
  }, [text]); // only the typed text restarts the timer

  const filtered = Boolean(q || status || programmeType || organiserId || from || to);
  return (
    <>
      <PageTitle
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Tạo lớp
            </Button>
          )
        }
      >
        Lớp bồi dưỡng
      </PageTitle>
      <Hint>Các lớp trong phạm vi của bạn. Chọn tên lớp để xem buổi học, danh sách cử đi học, điểm danh, kết quả và chứng chỉ.</Hint>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div className="table-toolbar">
        <Input.Search
          placeholder="Tìm theo mã, tên lớp…"
          aria-label="Tìm lớp"
          allowClear
          className="toolbar-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined, page: undefined })}
        />
        <Select<ClassStatus>
          aria-label="Lọc theo trạng thái"
          placeholder="Trạng thái: tất cả"
          allowClear
          style={{ width: 200, maxWidth: '100%' }}
          value={status}
          onChange={(v) => update({ status: v, page: undefined })}
          options={options(CLASS_STATUSES, CLASS_STATUS_LABELS)}
        />
        <Select<ProgrammeType>
          aria-label="Lọc theo loại chương trình"
          placeholder="Loại chương trình: tất cả"
          allowClear
          style={{ width: 280, maxWidth: '100%' }}
          value={programmeType}
          onChange={(v) => update({ programmeType: v, page: undefined })}
          options={PROGRAMME_TYPE_OPTIONS}
        />
        <DatePicker.RangePicker
          aria-label="Khoảng thời gian học"
          format={DATE_FORMAT}
          placeholder={['Từ ngày', 'Đến ngày']}
          style={{ maxWidth: '100%' }}
          value={[fromIso(from), fromIso(to)]}
          allowEmpty={[true, true]}
          onChange={(r) => update({ from: toIso(r?.[0]), to: toIso(r?.[1]), page: undefined })}
        />
        {me.role !== 'training_org' && (
          <Select<number>
            aria-label="Lọc theo đơn vị tổ chức"
            placeholder="Đơn vị tổ chức: tất cả"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 280, maxWidth: '100%' }}
            value={organiserId}
            onChange={(v) => update({ organiserId: v ? String(v) : undefined, page: undefined })}
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
      </div>
      <Table<ClassListItem>
        rowKey="id"
        size="middle"
        loading={isPending || isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1340 }}
        title={() => totalText(data?.total ?? 0)}
        onRow={(c) => ({ onDoubleClick: () => void navigate(`/lop-boi-duong/${c.id}`) })}
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
            ? 'Không có lớp nào khớp điều kiện lọc. Hãy bỏ bớt bộ lọc hoặc đổi khoảng thời gian.'
            : canCreate
              ? 'Chưa có lớp nào. Bấm “Tạo lớp” để mở lớp theo một chương trình đã phê duyệt.'
              : 'Chưa có lớp nào trong phạm vi của bạn. Lớp do Sở Nội vụ hoặc cơ sở đào tạo mở sẽ hiện ở đây.',
        }}
        columns={[
          { title: 'Mã lớp', dataIndex: 'code', width: 140 },
          { title: 'Tên lớp', dataIndex: 'name', width: 260, render: (_, c) => <Link to={`/lop-boi-duong/${c.id}`}>{c.name}</Link> },
          {
            title: 'Chương trình',
            key: 'programme',
            render: (_, c) => (
              <>
                <ProgrammeTypeTag type={c.programmeType} />
                <div style={{ fontSize: 12, color: '#5b6472' }}>{c.programmeName}</div>
              </>
            ),
          },
          { title: 'Đơn vị tổ chức', dataIndex: 'organiserName', width: 170 },
          {
            title: 'Hình thức',
            key: 'mode',
            width: 140,
            render: (_, c) => (
              <>
                {CLASS_MODE_LABELS[c.mode]}
                <div style={{ fontSize: 12, color: '#5b6472' }}>{SCHEDULE_TYPE_LABELS[c.scheduleType]}</div>
              </>
            ),
          },
          { title: 'Thời gian', key: 'dates', width: 190, render: (_, c) => dateRangeVi(c.startDate, c.endDate) },
          { title: 'Đã cử / chỉ tiêu', key: 'seats', width: 90, render: (_, c) => <SeatsCell c={c} /> },
          { title: 'Trạng thái', dataIndex: 'status', width: 140, render: (s: ClassStatus) => <ClassStatusTag status={s} /> },
        ]}
      />
      {canCreate && <ClassFormDrawer open={creating} cls={null} onClose={() => setCreating(false)} onSaved={(c) => void navigate(`/lop-boi-duong/${c.id}`)} />}
    </>
  );
}
