/** "Điểm danh và kết quả" (training org): its classes that are running or finished, straight to the records. */
import { Segmented, Table } from 'antd';
import { formatNumberVi, type ClassListItem } from '@app/shared';
import { Link, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError.tsx';
import { totalText } from '../../../components/TableFooter.tsx';
import { Hint, PageTitle } from '../common.tsx';
import { ClassStatusTag, dateRangeVi, ProgrammeTypeTag } from '../labels.tsx';
import { patchParams, useClasses } from '../trainingApi.ts';

export default function RecordPage() {
  const [params, setParams] = useSearchParams();
  const update = patchParams(setParams);
  const status = params.get('status') === 'finished' ? 'finished' : 'running';
  const { data, isPending, isFetching, error, refetch } = useClasses({ status, pageSize: 200 });
  return (
    <>
      <PageTitle>Điểm danh và kết quả</PageTitle>
      <Hint>Lớp đang học: điểm danh từng buổi, nhập điểm. Lớp đã kết thúc: tính kết quả, rồi cấp giấy chứng nhận.</Hint>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Segmented
        value={status}
        onChange={(v) => update({ status: v === 'running' ? undefined : v })}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'running', label: 'Đang học' },
          { value: 'finished', label: 'Đã kết thúc' },
        ]}
      />
      <Table<ClassListItem>
        rowKey="id"
        size="middle"
        loading={isPending || isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        title={() => totalText(data?.total ?? 0)}
        locale={{
          emptyText:
            status === 'running'
              ? 'Không có lớp nào đang học. Lớp chuyển sang "Đang học" từ ngày khai giảng (nút "Bắt đầu học" ở trang lớp).'
              : 'Không có lớp nào đã kết thúc mà chưa đóng hồ sơ.',
        }}
        columns={[
          {
            title: 'Lớp',
            key: 'n',
            render: (_, c) => (
              <>
                <Link to={`/lop-boi-duong/${c.id}?tab=diem-danh`}>{c.name}</Link>
                <div style={{ fontSize: 12, color: '#5b6472' }}>{c.code}</div>
              </>
            ),
          },
          { title: 'Chương trình', key: 'p', width: 200, render: (_, c) => <ProgrammeTypeTag type={c.programmeType} /> },
          { title: 'Thời gian', key: 'd', width: 200, render: (_, c) => dateRangeVi(c.startDate, c.endDate) },
          { title: 'Học viên', key: 'l', width: 110, render: (_, c) => formatNumberVi(c.counts.nominated) },
          { title: 'Hoàn thành', key: 'r', width: 120, render: (_, c) => `${formatNumberVi(c.counts.completed)}/${formatNumberVi(c.counts.nominated)}` },
          { title: 'Trạng thái', key: 's', width: 150, render: (_, c) => <ClassStatusTag status={c.status} /> },
          {
            title: '',
            key: 'a',
            width: 170,
            render: (_, c) =>
              c.status === 'finished' ? (
                <Link to={`/lop-boi-duong/${c.id}?tab=chung-chi`}>Cấp giấy chứng nhận</Link>
              ) : (
                <Link to={`/lop-boi-duong/${c.id}?tab=diem-danh`}>Điểm danh, nhập điểm</Link>
              ),
          },
        ]}
      />
    </>
  );
}
