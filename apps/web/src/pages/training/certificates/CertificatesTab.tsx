/** "Chứng chỉ" of a class: issue for completed learners, list, PDF, .zip, revoke, verification links (SPEC §6). */
import { useState } from 'react';
import { FileZipOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space } from 'antd';
import { formatNumberVi, type CertificateListResponse, type ClassDetail, type IssueClassCertificatesResponse } from '@app/shared';
import { hasPermission, useCurrentUser } from '../../../api/auth.ts';
import { api, errorMessage } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { keys, useList } from '../trainingApi.ts';
import { CertificatesTable } from './CertificatesTable.tsx';

function issueSummary(r: IssueClassCertificatesResponse): string {
  const parts = [`Cấp mới ${formatNumberVi(r.issued.length)} giấy`];
  if (r.alreadyIssued) parts.push(`${formatNumberVi(r.alreadyIssued)} người đã có giấy từ trước`);
  if (r.notEligible.length) parts.push(`${formatNumberVi(r.notEligible.length)} người chưa đủ điều kiện`);
  return `${parts.join('; ')}.`;
}

export default function CertificatesTab({ cls }: { cls: ClassDetail }) {
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [issued, setIssued] = useState<IssueClassCertificatesResponse | null>(null);
  const { data, isPending, error, refetch } = useList<CertificateListResponse>(keys.certificates, '/api/certificates', { classId: cls.id, page, pageSize: 50 });
  const ended = cls.status === 'finished' || cls.status === 'closed';
  const canIssue = hasPermission(me, 'certificates.issue') && ended && (me.role !== 'training_org' || me.scope.trainingOrgId === cls.organiserId);
  const issue = useMutation({
    mutationFn: () => api.post<IssueClassCertificatesResponse>(`/api/classes/${cls.id}/certificates`),
    onSuccess: async (r) => {
      setIssued(r);
      message.success(r.issued.length ? `Đã cấp ${r.issued.length} giấy chứng nhận.` : 'Không có giấy chứng nhận mới nào cần cấp.');
      await qc.invalidateQueries({ queryKey: keys.certificates });
    },
    onError: (err) => message.error(errorMessage(err), 8),
  });
  const total = data?.total ?? 0;
  return (
    <>
      {!ended && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Giấy chứng nhận được cấp sau khi lớp kết thúc, cho học viên có kết quả “Hoàn thành” (tab “Điểm danh và kết quả”)."
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        {canIssue && (
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={issue.isPending} onClick={() => issue.mutate()}>
            Cấp giấy chứng nhận cho học viên hoàn thành
          </Button>
        )}
        {total > 0 && (
          <Button icon={<FileZipOutlined />} href={`/api/classes/${cls.id}/certificates.zip`}>
            Tải tất cả (.zip)
          </Button>
        )}
      </Space>
      {issued && (
        <Alert
          type={issued.notEligible.length ? 'warning' : 'success'}
          showIcon
          role="status"
          closable
          onClose={() => setIssued(null)}
          style={{ marginBottom: 12 }}
          title={issueSummary(issued)}
          description={
            issued.notEligible.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {issued.notEligible.map((n) => (
                  <li key={n.enrolmentId}>
                    <strong>{n.fullName}</strong>: {n.reason}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <CertificatesTable
        items={data?.items ?? []}
        loading={isPending}
        total={total}
        showClass={false}
        pagination={{ current: page, pageSize: 50, total, onChange: setPage, hideOnSinglePage: true }}
        emptyText={
          canIssue
            ? 'Chưa cấp giấy chứng nhận nào. Bấm “Cấp giấy chứng nhận cho học viên hoàn thành”.'
            : ended
              ? 'Chưa có giấy chứng nhận nào của lớp (trong phạm vi của bạn).'
              : 'Lớp chưa kết thúc nên chưa có giấy chứng nhận.'
        }
      />
    </>
  );
}
