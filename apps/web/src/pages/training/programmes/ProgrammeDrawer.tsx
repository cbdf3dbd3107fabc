/** Detail of a programme: content, completion rule, warnings, version history; edit, approve, retire. */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Skeleton, Space, Table, Tag } from 'antd';
import {
  formatDateTimeVi,
  formatNumberVi,
  PROGRAMME_OWNER_LABELS,
  PROGRAMME_TYPE_LABELS,
  TRAINING_FIELD_LABELS,
  type ProgrammeDetail,
} from '@app/shared';
import { api, errorMessage } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useDrawerSize } from '../../../layout/useMediaQuery.ts';
import { ApprovalTag, PracticeShare } from '../labels.tsx';
import { keys } from '../trainingApi.ts';
import { ProgrammeFormDrawer } from './ProgrammeFormDrawer.tsx';

interface Props {
  id: number | null;
  onClose: () => void;
  onOpenVersion: (id: number) => void;
}

export function ProgrammeDrawer({ id, onClose, onOpenVersion }: Props) {
  const size = useDrawerSize(720);
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState(false);
  const { data: p, isPending, error, refetch } = useQuery({
    queryKey: [...keys.programmes, 'detail', id],
    queryFn: () => api.get<ProgrammeDetail>(`/api/programmes/${id ?? 0}`),
    enabled: id !== null,
  });
  const move = useMutation({
    mutationFn: (to: 'approve' | 'retire') => api.post<ProgrammeDetail>(`/api/programmes/${p?.id ?? 0}/${to}`, { version: p?.version }),
    onSuccess: async (r, to) => {
      message.success(to === 'approve' ? `Đã phê duyệt phiên bản ${r.versionNo}.` : 'Đã chuyển chương trình sang ngừng sử dụng.');
      await qc.invalidateQueries({ queryKey: keys.programmes });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const confirm = (to: 'approve' | 'retire') =>
    modal.confirm({
      title: to === 'approve' ? 'Phê duyệt chương trình?' : 'Ngừng sử dụng chương trình?',
      content:
        to === 'approve'
          ? 'Phiên bản đã phê duyệt trước đó (nếu có) chuyển sang "Ngừng sử dụng"; các lớp đã mở vẫn giữ phiên bản cũ.'
          : 'Không mở được lớp mới theo chương trình này nữa; các lớp đã có vẫn giữ nguyên. Dữ liệu không bị xóa.',
      okText: to === 'approve' ? 'Phê duyệt' : 'Ngừng sử dụng',
      okButtonProps: { danger: to === 'retire' },
      cancelText: 'Hủy',
      onOk: () => move.mutateAsync(to).catch(() => undefined),
    });

  return (
    <Drawer
      title={p ? p.name : 'Chương trình bồi dưỡng'}
      open={id !== null}
      onClose={onClose}
      size={size}
      extra={
        p?.canEdit && (
          <Space wrap>
            {p.approvalStatus !== 'retired' && <Button onClick={() => setEditing(true)}>Sửa</Button>}
            {p.approvalStatus === 'draft' && (
              <Button type="primary" loading={move.isPending} onClick={() => confirm('approve')}>
                Phê duyệt
              </Button>
            )}
            {p.approvalStatus === 'approved' && (
              <Button danger loading={move.isPending} onClick={() => confirm('retire')}>
                Ngừng sử dụng
              </Button>
            )}
          </Space>
        )
      }
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {isPending && id !== null && <Skeleton active />}
      {p && (
        <>
          {p.warnings.map((w) => (
            <Alert key={w.code} type="warning" showIcon title={w.message} style={{ marginBottom: 8 }} />
          ))}
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 220 } }}
            items={[
              { key: 'code', label: 'Mã chương trình', children: p.code },
              { key: 'status', label: 'Trạng thái', children: <Space><ApprovalTag status={p.approvalStatus} />Phiên bản {p.versionNo}</Space> },
              { key: 'type', label: 'Loại chương trình', children: PROGRAMME_TYPE_LABELS[p.type] },
              {
                key: 'owner',
                label: 'Cơ quan chủ quản',
                children: p.owner === 'province' && p.ownerProvinceName ? p.ownerProvinceName : PROGRAMME_OWNER_LABELS[p.owner],
              },
              {
                key: 'fields',
                label: 'Lĩnh vực',
                children: p.fields.length ? p.fields.map((f) => <Tag key={f}>{TRAINING_FIELD_LABELS[f]}</Tag>) : 'Không giới hạn lĩnh vực',
              },
              { key: 'aud', label: 'Đối tượng bồi dưỡng', children: p.targetAudience ?? '—' },
              {
                key: 'dur',
                label: 'Thời lượng',
                children: `${formatNumberVi(p.durationDays)} ngày, ${formatNumberVi(p.totalHours)} giờ (thực hành, tình huống, mô phỏng ${formatNumberVi(p.practiceHours)} giờ)`,
              },
              { key: 'share', label: 'Tỷ lệ thực hành', children: <PracticeShare type={p.type} pct={p.practiceSharePct} /> },
              {
                key: 'rule',
                label: 'Điều kiện hoàn thành',
                children: `Tham dự tối thiểu ${p.minAttendancePct}% số buổi (vắng có phép tính tối đa ${p.maxExcusedPct}%); mỗi bài kiểm tra từ ${formatNumberVi(p.passScore, p.passScore % 1 ? 1 : 0)} điểm${p.requiresEssay ? '; có bài thu hoạch' : ''}`,
              },
              {
                key: 'cert',
                label: 'Chứng chỉ',
                children: p.certificateMeetsRequirement ? 'Được tính là đáp ứng yêu cầu chuyên môn của vị trí việc làm' : 'Giấy chứng nhận hoàn thành',
              },
              { key: 'classes', label: 'Số lớp dùng phiên bản này', children: formatNumberVi(p.classCount) },
              { key: 'desc', label: 'Mô tả', children: p.description ?? '—' },
              { key: 'created', label: 'Tạo lúc', children: `${formatDateTimeVi(p.createdAt)}${p.createdBy ? ` bởi ${p.createdBy}` : ''}` },
            ]}
          />
          <h3 style={{ fontSize: 16, margin: '20px 0 8px' }}>Lịch sử phiên bản</h3>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.versions}
            columns={[
              {
                title: 'Phiên bản',
                dataIndex: 'versionNo',
                render: (v: number, r) =>
                  r.id === p.id ? (
                    <strong>{v} (đang xem)</strong>
                  ) : (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpenVersion(r.id)}>
                      Xem phiên bản {v}
                    </Button>
                  ),
              },
              { title: 'Trạng thái', dataIndex: 'approvalStatus', render: (s: ProgrammeDetail['approvalStatus']) => <ApprovalTag status={s} /> },
              { title: 'Người tạo', dataIndex: 'createdBy', render: (v: string | null) => v ?? '—' },
              { title: 'Thời điểm', dataIndex: 'createdAt', render: (v: string) => formatDateTimeVi(v) },
            ]}
          />
          {p.approvalStatus === 'approved' && p.canEdit && (
            <Alert
              style={{ marginTop: 12 }}
              type="info"
              showIcon
              title="Sửa chương trình đã phê duyệt sẽ tạo một phiên bản dự thảo mới; phiên bản hiện tại vẫn dùng cho đến khi bản mới được phê duyệt."
            />
          )}
          <ProgrammeFormDrawer open={editing} programme={p} onClose={() => setEditing(false)} onSaved={(r) => r.id !== p.id && onOpenVersion(r.id)} />
        </>
      )}
    </Drawer>
  );
}
