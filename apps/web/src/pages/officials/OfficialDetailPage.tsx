/** One official's record: profile, histories and the admin actions (SPEC §3). */
import { useState } from 'react';
import { EditOutlined, SafetyCertificateOutlined, SwapOutlined, SyncOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Result, Skeleton, Space, Typography } from 'antd';
import { formatDateTimeVi } from '@app/shared';
import { Link, useParams } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { RequirementModal, StatusModal } from './ActionModals.tsx';
import { EditOfficialDrawer } from './EditOfficialDrawer.tsx';
import { ReorgTag, RequirementTag, StatusTag } from './labels.tsx';
import { useOfficial } from './officialsApi.ts';
import { AssignmentsCard, FlagsCard, ProfileCard, QualificationCard, StatusHistoryCard } from './ProfileSections.tsx';
import { SensitivePanel } from './SensitivePanel.tsx';
import { TransferModal } from './TransferModal.tsx';
import { OfficialEvaluationsCard } from '../evaluations/OfficialEvaluationsCard.tsx';

type Action = 'edit' | 'status' | 'requirement' | 'transfer' | null;

export default function OfficialDetailPage() {
  const { id } = useParams();
  const me = useCurrentUser();
  const { data: o, isPending, error, refetch } = useOfficial(id);
  const [action, setAction] = useState<Action>(null);

  if (isPending) return <Skeleton active />;
  if (error instanceof ApiError && error.statusCode === 404) {
    return (
      <Result
        status="404"
        title="Không tìm thấy hồ sơ"
        subTitle="Hồ sơ không tồn tại hoặc nằm ngoài phạm vi của bạn."
        extra={me.role !== 'official' && <Link to="/can-bo">Về danh sách cán bộ, công chức</Link>}
      />
    );
  }
  if (error || !o) return <QueryError error={error} onRetry={() => void refetch()} />;

  const reload = async () => (await refetch()).data;
  const canTransfer = o.canEdit && (me.scope.level === 'province' || me.scope.level === 'nation');
  const modalProps = { official: o, onClose: () => setAction(null), onReload: reload };
  const self = me.role === 'official';

  return (
    <>
      {!self && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[{ title: <Link to="/can-bo">Danh sách cán bộ, công chức</Link> }, { title: o.fullName }]}
        />
      )}
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22, marginBottom: 4 }}>
        {self ? `Hồ sơ của tôi — ${o.fullName}` : o.fullName}
      </Typography.Title>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center', marginBottom: 12 }}>
        <StatusTag status={o.status} />
        <RequirementTag meets={o.meetsRequirement} />
        {o.affectedByReorg && <ReorgTag affected />}
        <span style={{ color: '#5b6472', fontSize: 13 }}>
          Cập nhật {formatDateTimeVi(o.updatedAt)}
          {o.updatedBy ? ` bởi ${o.updatedBy}` : ''}
        </span>
      </div>
      {self && (
        <Typography.Paragraph type="secondary">
          Đây là hồ sơ của bạn trong danh sách của xã. Nếu có thông tin chưa đúng, hãy báo quản trị cấp xã để sửa.
        </Typography.Paragraph>
      )}
      {o.canEdit && (
        <Space wrap style={{ display: 'flex', marginBottom: 16 }}>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setAction('edit')}>
            Sửa
          </Button>
          <Button icon={<SyncOutlined />} onClick={() => setAction('status')}>
            Đổi trạng thái
          </Button>
          <Button icon={<SafetyCertificateOutlined />} onClick={() => setAction('requirement')}>
            Điều chỉnh đáp ứng yêu cầu chuyên môn
          </Button>
          {canTransfer && (
            <Button icon={<SwapOutlined />} onClick={() => setAction('transfer')}>
              Chuyển công tác
            </Button>
          )}
        </Space>
      )}
      <ProfileCard o={o} />
      <QualificationCard o={o} />
      {o.canViewSensitive && <SensitivePanel officialId={o.id} canEdit={o.canEdit} />}
      <AssignmentsCard o={o} />
      <FlagsCard o={o} />
      <StatusHistoryCard o={o} />
      <OfficialEvaluationsCard officialId={o.id} />
      {o.canEdit && (
        <>
          <EditOfficialDrawer official={o} open={action === 'edit'} onClose={() => setAction(null)} onReload={reload} />
          <StatusModal {...modalProps} open={action === 'status'} />
          <RequirementModal {...modalProps} open={action === 'requirement'} />
          {canTransfer && <TransferModal {...modalProps} open={action === 'transfer'} national={me.scope.level === 'nation'} />}
        </>
      )}
    </>
  );
}
