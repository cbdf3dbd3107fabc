/** "Phê duyệt cử đi học" (unit head): nominations of the unit's own staff waiting for approval. */
import { useState } from 'react';
import { Button, Segmented, Space, Table } from 'antd';
import { formatDateVi, type EnrolmentItem, type EnrolmentListResponse } from '@app/shared';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../../api/auth.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { totalText } from '../../../components/TableFooter.tsx';
import { Hint, PageTitle } from '../common.tsx';
import { dateRangeVi, EnrolmentStatusTag, ProgrammeTypeTag } from '../labels.tsx';
import { keys, useList } from '../trainingApi.ts';
import { useEnrolmentActions } from './NominationsList.tsx';
import { ReasonModal } from './ReasonModal.tsx';

export default function ApprovalsPage() {
  const me = useCurrentUser();
  const [view, setView] = useState<'pending' | 'all'>('pending');
  const [page, setPage] = useState(1);
  const { data, isPending, isFetching, error, refetch } = useList<EnrolmentListResponse>(keys.enrolments, '/api/enrolments', {
    status: view === 'pending' ? 'pending_approval' : undefined,
    page,
    pageSize: 20,
  });
  const [rejecting, setRejecting] = useState<EnrolmentItem | null>(null);
  const { approve, act } = useEnrolmentActions();

  return (
    <>
      <PageTitle>Phê duyệt cử đi học{me.scopeNames.unitName ? ` — ${me.scopeNames.unitName}` : ''}</PageTitle>
      <Hint>Xã đã cử những người dưới đây của đơn vị đi học. Duyệt để họ được tính là đã cử; không duyệt thì ghi lý do để xã cử người khác.</Hint>
      <Segmented<'pending' | 'all'>
        value={view}
        onChange={(v) => {
          setView(v);
          setPage(1);
        }}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'pending', label: 'Chờ duyệt' },
          { value: 'all', label: 'Tất cả cử học của đơn vị' },
        ]}
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Table<EnrolmentItem>
        rowKey="id"
        size="middle"
        loading={isPending || isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        title={() => totalText(data?.total ?? 0)}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        locale={{ emptyText: view === 'pending' ? 'Không có cử học nào chờ bạn duyệt. Khi xã cử người của đơn vị đi học, yêu cầu sẽ hiện ở đây.' : 'Chưa có ai của đơn vị được cử đi học.' }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName', width: 170 },
          {
            title: 'Lớp',
            key: 'c',
            render: (_, e) => (
              <>
                <Link to={`/lop-boi-duong/${e.classId}?tab=cu-di-hoc`}>{e.className}</Link>
                <div style={{ fontSize: 12, color: '#5b6472' }}>
                  {e.classCode} · {dateRangeVi(e.classStartDate, e.classEndDate)}
                </div>
              </>
            ),
          },
          { title: 'Chương trình', key: 'p', width: 190, render: (_, e) => <ProgrammeTypeTag type={e.programmeType} /> },
          {
            title: 'Quyết định cử',
            key: 'd',
            width: 220,
            render: (_, e) => (
              <>
                {e.decisionNo}, {formatDateVi(e.decisionDate)}
                {e.guardOverrideReason && <div style={{ fontSize: 12, color: '#d46b08' }}>Xã vẫn cử khi đơn vị thiếu người: {e.guardOverrideReason}</div>}
              </>
            ),
          },
          { title: 'Trạng thái', key: 's', width: 200, render: (_, e) => <EnrolmentStatusTag status={e.status} position={e.waitlistPosition} /> },
          {
            title: 'Thao tác',
            key: 'a',
            width: 190,
            render: (_, e) =>
              e.canApprove && (
                <Space size={4}>
                  <Button size="small" type="primary" loading={approve.isPending && approve.variables?.id === e.id} onClick={() => approve.mutate(e)} aria-label={`Duyệt ${e.fullName}`}>
                    Duyệt
                  </Button>
                  <Button size="small" onClick={() => setRejecting(e)} aria-label={`Không duyệt ${e.fullName}`}>
                    Không duyệt
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <ReasonModal
        open={rejecting !== null}
        title={`Không duyệt cử ${rejecting?.fullName ?? ''}?`}
        description="Cử học này bị hủy với lý do của bạn; xã có thể cử người khác."
        label="Lý do không duyệt"
        okText="Không duyệt"
        danger
        onCancel={() => setRejecting(null)}
        onSubmit={async (reason) => {
          if (!rejecting) return;
          await act(rejecting, 'reject', reason);
          setRejecting(null);
        }}
      />
    </>
  );
}
