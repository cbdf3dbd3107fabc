/** "Hồ sơ của tôi" for an official: the list in its own scope holds exactly its record. */
import { Result } from 'antd';
import { Navigate } from 'react-router-dom';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useOfficials } from './officialsApi.ts';

export default function MyRecordPage() {
  const { data, isPending, error, refetch } = useOfficials({}, 1, 1);
  if (isPending) return <PageLoading />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const mine = data.items[0];
  if (!mine) {
    return (
      <Result
        status="info"
        title="Tài khoản chưa gắn với hồ sơ nào"
        subTitle="Quản trị cấp xã cần gắn tài khoản của bạn với hồ sơ cán bộ, công chức trong danh sách của xã."
      />
    );
  }
  return <Navigate to={`/can-bo/${mine.id}`} replace />;
}
