/** Nominations of a class in the user's reach: status (waiting list with position), decision, result; cancel, approve, reject. */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Segmented, Space, Table, Tooltip } from 'antd';
import { formatDateVi, formatNumberVi, type ClassDetail, type EnrolmentChangeResponse, type EnrolmentItem, type EnrolmentStatus } from '@app/shared';
import { api, errorMessage } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { EnrolmentStatusTag, ResultTag } from '../labels.tsx';
import { keys, useNominations } from '../trainingApi.ts';
import { ReasonModal } from './ReasonModal.tsx';

type Filter = 'all' | EnrolmentStatus;

export function promotedText(r: EnrolmentChangeResponse): string {
  return r.promoted ? ` ${r.promoted.fullName} ở đầu danh sách chờ đã được vào lớp.` : '';
}

export function useEnrolmentActions() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: keys.enrolments }), qc.invalidateQueries({ queryKey: keys.classes })]);
  const approve = useMutation({
    mutationFn: (e: EnrolmentItem) => api.post<EnrolmentChangeResponse>(`/api/enrolments/${e.id}/approve`, { version: e.version }),
    onSuccess: async (r) => {
      message.success(`Đã duyệt cử ${r.enrolment.fullName} đi học.`);
      await refresh();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const act = async (e: EnrolmentItem, kind: 'cancel' | 'reject', reason: string) => {
    const r = await api.post<EnrolmentChangeResponse>(`/api/enrolments/${e.id}/${kind}`, { reason, version: e.version });
    message.success(`${kind === 'cancel' ? 'Đã hủy cử' : 'Đã không duyệt'} ${r.enrolment.fullName}.${promotedText(r)}`, 6);
    await refresh();
  };
  return { approve, act };
}

export function NominationsList({ cls }: { cls: ClassDetail }) {
  const { data, isPending, error, refetch } = useNominations(cls.id);
  const [filter, setFilter] = useState<Filter>('all');
  const [pending, setPending] = useState<{ e: EnrolmentItem; kind: 'cancel' | 'reject' } | null>(null);
  const { approve, act } = useEnrolmentActions();
  const items = (data?.items ?? []).filter((i) => filter === 'all' || i.status === filter);
  const c = data?.counts ?? cls.counts;
  const ended = cls.status === 'finished' || cls.status === 'closed';
  const count = (s: EnrolmentStatus) => (data?.items ?? []).filter((i) => i.status === s).length;

  return (
    <>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <p style={{ margin: '0 0 8px' }}>
        Sức chứa {formatNumberVi(cls.capacity)} · đã cử {formatNumberVi(c.nominated)} · chờ duyệt {formatNumberVi(c.pendingApproval)} · danh sách chờ{' '}
        {formatNumberVi(c.waitlisted)} · đã hủy {formatNumberVi(c.cancelled)}
      </p>
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 8, maxWidth: '100%', overflowX: 'auto' }}
        options={[
          { value: 'all', label: `Tất cả (${data?.items.length ?? 0})` },
          { value: 'nominated', label: `Đã cử (${count('nominated')})` },
          { value: 'pending_approval', label: `Chờ duyệt (${count('pending_approval')})` },
          { value: 'waitlisted', label: `Danh sách chờ (${count('waitlisted')})` },
          { value: 'cancelled', label: `Đã hủy (${count('cancelled')})` },
        ]}
      />
      <Table<EnrolmentItem>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={filter === 'waitlisted' ? [...items].sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0)) : items}
        scroll={{ x: 1060 }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        title={() => `Tổng số: ${formatNumberVi(items.length)}`}
        locale={{
          emptyText: cls.actions.canNominate
            ? 'Chưa cử ai vào lớp này. Chọn người ở khung “Cử cán bộ, công chức của xã đi học” phía trên.'
            : 'Chưa có người nào được cử vào lớp trong phạm vi của bạn.',
        }}
        columns={[
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            render: (_, e) => (
              <>
                {e.fullName}
                <div style={{ fontSize: 12, color: '#5b6472' }}>{[e.unitName, e.communeName].filter(Boolean).join(', ')}</div>
              </>
            ),
          },
          {
            title: 'Quyết định cử',
            key: 'd',
            width: 160,
            render: (_, e) => `${e.decisionNo ?? '—'}, ngày ${formatDateVi(e.decisionDate)}`,
          },
          { title: 'Trạng thái', key: 's', width: 190, render: (_, e) => <EnrolmentStatusTag status={e.status} position={e.waitlistPosition} /> },
          { title: 'Kết quả', key: 'r', width: 130, render: (_, e) => (e.status === 'nominated' && (e.result || ended) ? <ResultTag result={e.result} /> : '—') },
          {
            title: 'Ghi chú',
            key: 'n',
            width: 230,
            render: (_, e) => (
              <>
                {e.guardOverrideReason && <div>Vẫn cử khi đơn vị thiếu người: {e.guardOverrideReason}</div>}
                {e.cancelReason && <div>Lý do hủy: {e.cancelReason}</div>}
                {e.approvedBy && e.status === 'nominated' && <div style={{ color: '#5b6472' }}>Duyệt: {e.approvedBy}</div>}
              </>
            ),
          },
          {
            title: 'Thao tác',
            key: 'a',
            width: 150,
            render: (_, e) => (
              <Space size={4} wrap>
                {e.canApprove && (
                  <>
                    <Button size="small" type="primary" loading={approve.isPending && approve.variables?.id === e.id} onClick={() => approve.mutate(e)} aria-label={`Duyệt ${e.fullName}`}>
                      Duyệt
                    </Button>
                    <Button size="small" onClick={() => setPending({ e, kind: 'reject' })} aria-label={`Không duyệt ${e.fullName}`}>
                      Không duyệt
                    </Button>
                  </>
                )}
                {e.canCancel && (
                  <Tooltip title="Người đầu danh sách chờ sẽ được vào thay">
                    <Button size="small" danger onClick={() => setPending({ e, kind: 'cancel' })} aria-label={`Hủy cử ${e.fullName}`}>
                      Hủy cử
                    </Button>
                  </Tooltip>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ReasonModal
        open={pending !== null}
        title={pending?.kind === 'cancel' ? `Hủy cử ${pending.e.fullName}?` : `Không duyệt cử ${pending?.e.fullName ?? ''}?`}
        description={
          pending?.kind === 'cancel'
            ? 'Người này không còn trong lớp; nếu đang giữ chỗ, người đầu danh sách chờ được vào thay. Hồ sơ cử vẫn được lưu.'
            : 'Cử học này bị hủy với lý do của thủ trưởng đơn vị; xã có thể cử người khác.'
        }
        label={pending?.kind === 'cancel' ? 'Lý do hủy' : 'Lý do không duyệt'}
        okText={pending?.kind === 'cancel' ? 'Hủy cử' : 'Không duyệt'}
        danger
        onCancel={() => setPending(null)}
        onSubmit={async (reason) => {
          if (!pending) return;
          await act(pending.e, pending.kind, reason);
          setPending(null);
        }}
      />
    </>
  );
}
