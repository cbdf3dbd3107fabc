/** "Cử đi học" tab of a class: the commune admin's nomination panel (when the class takes its people) and the list. */
import { Alert } from 'antd';
import { CLASS_STATUS_LABELS, type ClassDetail } from '@app/shared';
import { useCurrentUser } from '../../../api/auth.ts';
import { NominatePanel } from './NominatePanel.tsx';
import { NominationsList } from './NominationsList.tsx';

export default function NominationsTab({ cls }: { cls: ClassDetail }) {
  const me = useCurrentUser();
  const nominator = me.permissions.includes('enrolments.nominate');
  return (
    <>
      {cls.actions.canNominate && <NominatePanel cls={cls} />}
      {nominator && !cls.actions.canNominate && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            cls.status === 'open'
              ? 'Lớp này không nhận học viên của xã bạn (xã không thuộc danh sách liên xã và không có điểm cầu của lớp).'
              : `Lớp đang ở trạng thái "${CLASS_STATUS_LABELS[cls.status]}"; chỉ cử học được khi lớp "${CLASS_STATUS_LABELS.open}".`
          }
        />
      )}
      <NominationsList cls={cls} />
    </>
  );
}
