/** "Cử đi học" (commune admin): classes open to the commune, and the commune's nominations with cancel. */
import { useState } from 'react';
import { Select, Space, Table, Typography } from 'antd';
import {
  ENROLMENT_STATUS_LABELS,
  ENROLMENT_STATUSES,
  formatDateVi,
  type ClassListItem,
  type EnrolmentItem,
  type EnrolmentListResponse,
  type EnrolmentStatus,
} from '@app/shared';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../../api/auth.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { totalText } from '../../../components/TableFooter.tsx';
import { Hint, PageTitle } from '../common.tsx';
import { dateRangeVi, EnrolmentStatusTag, options, ProgrammeTypeTag, ResultTag, SeatsCell } from '../labels.tsx';
import { keys, useClasses, useList } from '../trainingApi.ts';
import { ReasonModal } from './ReasonModal.tsx';
import { useEnrolmentActions } from './NominationsList.tsx';

export default function NominatePage() {
  const me = useCurrentUser();
  const commune = me.scope.communeCode ?? '';
  const open = useClasses({ status: 'open', pageSize: 100 });
  const [status, setStatus] = useState<EnrolmentStatus | undefined>();
  const [page, setPage] = useState(1);
  const mine = useList<EnrolmentListResponse>(keys.enrolments, '/api/enrolments', { commune, status, page, pageSize: 20 });
  const [cancelling, setCancelling] = useState<EnrolmentItem | null>(null);
  const { act } = useEnrolmentActions();

  return (
    <>
      <PageTitle>Cử đi học — {me.scopeNames.communeName}</PageTitle>
      <Hint>Chọn một lớp đang nhận cử học để cử cán bộ, công chức của xã; phần mềm gợi ý người cần bồi dưỡng và kiểm tra để đơn vị không thiếu người làm việc.</Hint>
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        Lớp đang nhận cử học
      </Typography.Title>
      {open.error && <QueryError error={open.error} onRetry={() => void open.refetch()} />}
      <Table<ClassListItem>
        rowKey="id"
        size="middle"
        loading={open.isPending}
        dataSource={open.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        title={() => totalText(open.data?.total ?? 0)}
        locale={{ emptyText: 'Hiện chưa có lớp nào đang nhận cử học của xã. Khi Sở Nội vụ hoặc cơ sở đào tạo mở lớp, lớp sẽ hiện ở đây.' }}
        columns={[
          {
            title: 'Lớp',
            key: 'n',
            render: (_, c) => (
              <>
                <Link to={`/lop-boi-duong/${c.id}?tab=cu-di-hoc`}>{c.name}</Link>
                <div style={{ fontSize: 12, color: '#5b6472' }}>
                  {c.code} · {c.organiserName}
                </div>
              </>
            ),
          },
          { title: 'Chương trình', key: 'p', width: 200, render: (_, c) => <ProgrammeTypeTag type={c.programmeType} /> },
          { title: 'Thời gian', key: 'd', width: 200, render: (_, c) => dateRangeVi(c.startDate, c.endDate) },
          { title: 'Đã cử / chỉ tiêu', key: 's', width: 120, render: (_, c) => <SeatsCell c={c} /> },
          { title: '', key: 'a', width: 110, render: (_, c) => <Link to={`/lop-boi-duong/${c.id}?tab=cu-di-hoc`}>Cử người</Link> },
        ]}
      />
      <Space wrap style={{ display: 'flex', justifyContent: 'space-between', margin: '24px 0 8px' }}>
        <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
          Người của xã đã được cử
        </Typography.Title>
        <Select<EnrolmentStatus>
          aria-label="Lọc theo trạng thái cử học"
          placeholder="Trạng thái: tất cả"
          allowClear
          style={{ width: 260, maxWidth: '100%' }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={options(ENROLMENT_STATUSES, ENROLMENT_STATUS_LABELS)}
        />
      </Space>
      {mine.error && <QueryError error={mine.error} onRetry={() => void mine.refetch()} />}
      <Table<EnrolmentItem>
        rowKey="id"
        size="middle"
        loading={mine.isPending || mine.isFetching}
        dataSource={mine.data?.items ?? []}
        scroll={{ x: 1000 }}
        title={() => totalText(mine.data?.total ?? 0)}
        pagination={{ current: page, pageSize: 20, total: mine.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        locale={{ emptyText: status ? 'Không có cử học nào ở trạng thái này.' : 'Xã chưa cử ai đi học. Chọn một lớp ở bảng trên để cử người.' }}
        columns={[
          { title: 'Họ và tên', key: 'n', render: (_, e) => <>{e.fullName}<div style={{ fontSize: 12, color: '#5b6472' }}>{e.unitName}</div></> },
          { title: 'Lớp', key: 'c', render: (_, e) => <Link to={`/lop-boi-duong/${e.classId}?tab=cu-di-hoc`}>{e.className}</Link> },
          { title: 'Thời gian', key: 'd', width: 190, render: (_, e) => dateRangeVi(e.classStartDate, e.classEndDate) },
          { title: 'Quyết định', key: 'q', width: 170, render: (_, e) => `${e.decisionNo ?? '—'}, ${formatDateVi(e.decisionDate)}` },
          { title: 'Trạng thái', key: 's', width: 200, render: (_, e) => <EnrolmentStatusTag status={e.status} position={e.waitlistPosition} /> },
          { title: 'Kết quả', key: 'r', width: 150, render: (_, e) => (e.status === 'nominated' ? <ResultTag result={e.result} /> : '—') },
          {
            title: '',
            key: 'a',
            width: 90,
            render: (_, e) =>
              e.canCancel && (
                <Typography.Link type="danger" onClick={() => setCancelling(e)} aria-label={`Hủy cử ${e.fullName}`}>
                  Hủy cử
                </Typography.Link>
              ),
          },
        ]}
      />
      <ReasonModal
        open={cancelling !== null}
        title={`Hủy cử ${cancelling?.fullName ?? ''}?`}
        description="Người này không còn trong lớp; nếu đang giữ chỗ, người đầu danh sách chờ được vào thay. Hồ sơ cử vẫn được lưu."
        label="Lý do hủy"
        okText="Hủy cử"
        danger
        onCancel={() => setCancelling(null)}
        onSubmit={async (reason) => {
          if (!cancelling) return;
          await act(cancelling, 'cancel', reason);
          setCancelling(null);
        }}
      />
    </>
  );
}
