/** Status moves of a class along CLASS_STATUS_FLOW, as the server allows them now (actions.nextStatuses). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Typography } from 'antd';
import { CLASS_STATUS_FLOW, CLASS_STATUS_LABELS, formatDateVi, type ClassDetail, type ClassStatus } from '@app/shared';
import { api, errorMessage } from '../../../api/client.ts';
import { keys } from '../trainingApi.ts';

const MOVE: Record<ClassStatus, { label: string; confirm: string }> = {
  planned: { label: 'Chuyển về dự kiến', confirm: 'Lớp ngừng nhận cử học; các cử học đã có vẫn giữ nguyên.' },
  open: { label: 'Mở nhận cử học', confirm: 'Các xã được lớp phục vụ có thể cử cán bộ, công chức vào lớp.' },
  running: { label: 'Bắt đầu học', confirm: 'Lớp ngừng nhận cử học mới; cơ sở đào tạo bắt đầu điểm danh.' },
  finished: { label: 'Kết thúc lớp', confirm: 'Sau khi kết thúc, hãy tính kết quả và cấp giấy chứng nhận cho học viên hoàn thành.' },
  closed: { label: 'Đóng hồ sơ lớp', confirm: 'Hồ sơ lớp không sửa được nữa (điểm danh, điểm, buổi học, thông tin lớp).' },
  cancelled: { label: 'Hủy lớp', confirm: 'Lớp bị hủy và không mở lại được. Dữ liệu cử học vẫn được lưu để đối chiếu.' },
};

/** Why a move of the flow is not offered now (dates and results the server checks). */
function blockedReason(c: ClassDetail, to: ClassStatus): string | null {
  if (to === 'running') return `Chuyển sang "Đang học" từ ngày khai giảng ${formatDateVi(c.startDate)}.`;
  if (to === 'finished') return `Kết thúc lớp từ ngày bế giảng ${formatDateVi(c.endDate)}.`;
  if (to === 'closed') return 'Đóng hồ sơ khi mọi học viên đã có kết quả (tab "Điểm danh và kết quả").';
  return null;
}

export function StatusActions({ cls }: { cls: ClassDetail }) {
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const move = useMutation({
    mutationFn: (status: ClassStatus) => api.post<ClassDetail>(`/api/classes/${cls.id}/status`, { status, version: cls.version }),
    onSuccess: async (r) => {
      message.success(`Lớp đã chuyển sang "${CLASS_STATUS_LABELS[r.status]}".`);
      qc.setQueryData([...keys.classes, 'detail', r.id], r);
      await qc.invalidateQueries({ queryKey: keys.classes });
    },
    onError: (err) => message.error(errorMessage(err), 8),
  });
  const next = cls.actions.nextStatuses;
  const reopen = (s: ClassStatus) => s === 'running' && cls.status === 'finished';
  const label = (s: ClassStatus) => (reopen(s) ? 'Chuyển lại “Đang học”' : MOVE[s].label);
  if (!cls.actions.canEdit && next.length === 0) return null;
  const blocked = CLASS_STATUS_FLOW[cls.status].filter((s) => !next.includes(s)).map((s) => blockedReason(cls, s)).filter(Boolean);
  return (
    <div style={{ margin: '4px 0 12px' }}>
      <Space wrap>
        {next.map((s) => (
          <Button
            key={s}
            type={s === 'cancelled' || s === 'planned' || reopen(s) ? 'default' : 'primary'}
            danger={s === 'cancelled'}
            loading={move.isPending && move.variables === s}
            onClick={() =>
              modal.confirm({
                title: `${label(s)}?`,
                content: reopen(s) ? 'Lớp trở lại "Đang học" để bổ sung buổi học, điểm danh; sau đó kết thúc lại.' : MOVE[s].confirm,
                okText: label(s),
                okButtonProps: { danger: s === 'cancelled' },
                cancelText: 'Quay lại',
                onOk: () => move.mutateAsync(s).catch(() => undefined),
              })
            }
          >
            {label(s)}
          </Button>
        ))}
      </Space>
      {blocked.length > 0 && cls.actions.canEdit && (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
          {blocked.join(' ')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
