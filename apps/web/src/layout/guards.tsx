/** Route guards: a session is required; pages listed in navigation.tsx check role/permission. */
import { Button, Result } from 'antd';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { useCurrentUser, useMe } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { AppLayout } from './AppLayout.tsx';
import { LearnerLayout } from './LearnerLayout.tsx';
import { canUse, findNav } from './navigation.tsx';

export const CHANGE_PASSWORD_PATH = '/doi-mat-khau';

export function RequireAuth() {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <PageLoading full />;
  if (error) {
    return (
      <Result
        status="warning"
        title="Không tải được thông tin phiên làm việc"
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            Thử lại
          </Button>
        }
      />
    );
  }
  if (!me) {
    const next = location.pathname + location.search;
    const to = next === '/' ? '/dang-nhap' : `/dang-nhap?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  const Layout = me.role === 'official' ? LearnerLayout : AppLayout;
  return (
    <Layout>
      <Outlet />
    </Layout>
  );
}

export function Forbidden() {
  return (
    <Result
      status="403"
      title="Bạn không có quyền mở trang này"
      subTitle="Trang này dành cho vai trò khác. Hãy chọn một mục trong trình đơn bên trái hoặc quay về trang Tổng quan."
      extra={
        <Link to="/">
          <Button type="primary">Về trang Tổng quan</Button>
        </Link>
      }
    />
  );
}

export function RequireNav({ navKey }: { navKey: string }) {
  const me = useCurrentUser();
  const item = findNav(navKey);
  if (!item || !canUse(item, me)) return <Forbidden />;
  return <Outlet />;
}
