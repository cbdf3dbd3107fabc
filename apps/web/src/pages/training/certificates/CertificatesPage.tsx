/** "Chứng chỉ": certificates in the user's scope, filter by status and class, look up a number's public page. */
import { useState } from 'react';
import { Input, Segmented } from 'antd';
import { certificateVerifyPath, type CertificateListResponse } from '@app/shared';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError.tsx';
import { Hint, PageTitle } from '../common.tsx';
import { keys, patchParams, positiveInt, useList } from '../trainingApi.ts';
import { CertificatesTable } from './CertificatesTable.tsx';

type Status = 'all' | 'valid' | 'revoked';

export default function CertificatesPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const update = patchParams(setParams);
  const status: Status = params.get('status') === 'valid' || params.get('status') === 'revoked' ? (params.get('status') as Status) : 'all';
  const classId = positiveInt(params.get('classId'), 0) || undefined;
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 20);
  const [lookup, setLookup] = useState('');
  const { data, isPending, isFetching, error, refetch } = useList<CertificateListResponse>(keys.certificates, '/api/certificates', {
    revoked: status === 'all' ? undefined : String(status === 'revoked'),
    classId,
    page,
    pageSize,
  });
  return (
    <>
      <PageTitle>Giấy chứng nhận, chứng chỉ</PageTitle>
      <Hint>
        Giấy chứng nhận đã cấp trong phạm vi của bạn. Mỗi giấy có mã QR dẫn tới trang xác thực công khai; giấy được ký số nên có thể kiểm tra cả khi
        không có mạng.
      </Hint>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div className="table-toolbar">
        <Segmented<Status>
          value={status}
          onChange={(v) => update({ status: v === 'all' ? undefined : v, page: undefined })}
          options={[
            { value: 'all', label: 'Tất cả' },
            { value: 'valid', label: 'Còn hiệu lực' },
            { value: 'revoked', label: 'Đã thu hồi' },
          ]}
        />
        <Input.Search
          className="toolbar-search"
          aria-label="Tra cứu số giấy chứng nhận"
          placeholder="Tra cứu số giấy, ví dụ TCT.66/2026/000001"
          enterButton="Xác thực"
          value={lookup}
          onChange={(e) => setLookup(e.target.value)}
          onSearch={(v) => v.trim() && void navigate(certificateVerifyPath(v.trim()))}
        />
      </div>
      <CertificatesTable
        items={data?.items ?? []}
        loading={isPending || isFetching}
        total={data?.total ?? 0}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          onChange: (p, s) => update({ page: p > 1 ? String(p) : undefined, pageSize: s !== 20 ? String(s) : undefined }),
        }}
        emptyText={
          status !== 'all' || classId
            ? 'Không có giấy chứng nhận nào khớp bộ lọc.'
            : 'Chưa có giấy chứng nhận nào. Giấy được cấp ở tab “Chứng chỉ” của lớp đã kết thúc.'
        }
      />
    </>
  );
}
