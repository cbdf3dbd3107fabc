/** Certificates with number, holder, programme, dates; download PDF, verify link, revoke with reason. */
import { useState } from 'react';
import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Table, Tag, type TablePaginationConfig } from 'antd';
import { formatDateVi, type CertificateItem } from '@app/shared';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { ReasonModal } from '../nominations/ReasonModal.tsx';
import { dateRangeVi } from '../labels.tsx';
import { keys } from '../trainingApi.ts';

interface Props {
  items: CertificateItem[];
  loading: boolean;
  total: number;
  pagination: TablePaginationConfig | false;
  emptyText: string;
  showClass?: boolean;
}

export function CertificatesTable({ items, loading, total, pagination, emptyText, showClass = true }: Props) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [revoking, setRevoking] = useState<CertificateItem | null>(null);
  return (
    <>
      <Table<CertificateItem>
        rowKey="number"
        size="middle"
        loading={loading}
        dataSource={items}
        scroll={{ x: showClass ? 1060 : 800 }}
        title={() => `Tổng số: ${total}`}
        pagination={pagination}
        locale={{ emptyText }}
        columns={[
          { title: 'Số giấy chứng nhận', dataIndex: 'number', width: 175 },
          {
            title: 'Người được cấp',
            key: 'h',
            width: 170,
            render: (_, c) => (
              <>
                {c.holderName}
                <div style={{ fontSize: 12, color: '#5b6472' }}>Sinh ngày {formatDateVi(c.holderBirthDate)}</div>
              </>
            ),
          },
          ...(showClass
            ? [
                {
                  title: 'Lớp, chương trình',
                  key: 'c',
                  render: (_: unknown, c: CertificateItem) => (
                    <>
                      <Link to={`/lop-boi-duong/${c.class.id}?tab=chung-chi`}>{c.class.name}</Link>
                      <div style={{ fontSize: 12, color: '#5b6472' }}>
                        {c.programme.name} · {dateRangeVi(c.class.startDate, c.class.endDate)}
                      </div>
                    </>
                  ),
                },
              ]
            : []),
          { title: 'Ngày cấp', dataIndex: 'issuedOn', width: 110, render: (d: string) => formatDateVi(d) },
          {
            title: 'Trạng thái',
            key: 's',
            width: 180,
            render: (_, c) =>
              c.revoked ? (
                <>
                  <Tag color="red">Đã thu hồi</Tag>
                  <div style={{ fontSize: 12 }}>
                    {c.revokedAt ? `${formatDateVi(c.revokedAt)}: ` : ''}
                    {c.revokedReason}
                  </div>
                </>
              ) : (
                <>
                  <Tag color="green">Còn hiệu lực</Tag>
                  {c.meetsRequirement && <Tag color="blue">Đáp ứng yêu cầu chuyên môn</Tag>}
                </>
              ),
          },
          {
            title: 'Thao tác',
            key: 'a',
            width: 140,
            render: (_, c) => (
              <Space size={4} orientation="vertical" align="start">
                <Button size="small" icon={<FilePdfOutlined />} href={c.pdfUrl} aria-label={`Tải PDF giấy chứng nhận số ${c.number}`}>
                  Tải PDF
                </Button>
                <Button size="small" icon={<SafetyCertificateOutlined />} href={c.verifyPath} target="_blank" aria-label={`Trang xác thực giấy chứng nhận số ${c.number}`}>
                  Xác thực
                </Button>
                {c.canRevoke && !c.revoked && (
                  <Button size="small" danger onClick={() => setRevoking(c)} aria-label={`Thu hồi giấy chứng nhận số ${c.number}`}>
                    Thu hồi
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ReasonModal
        open={revoking !== null}
        title={`Thu hồi giấy chứng nhận số ${revoking?.number ?? ''}?`}
        description="Trang xác thực công khai sẽ báo giấy này đã bị thu hồi cùng lý do; bản PDF tải về sau sẽ có dấu “ĐÃ THU HỒI”. Không hoàn tác được."
        label="Lý do thu hồi"
        okText="Thu hồi"
        minLength={5}
        danger
        onCancel={() => setRevoking(null)}
        onSubmit={async (reason) => {
          if (!revoking) return;
          await api.post<CertificateItem>(`/api/certificates/${encodeURIComponent(revoking.slug)}/revoke`, { reason });
          message.success(`Đã thu hồi giấy chứng nhận số ${revoking.number}.`);
          setRevoking(null);
          await qc.invalidateQueries({ queryKey: keys.certificates });
        }}
      />
    </>
  );
}
