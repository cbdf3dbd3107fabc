/** URL routes. Every page is a lazy chunk; guards decide by session and permission. */
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth, RequireNav } from './layout/guards.tsx';
import { PageLoading } from './components/PageLoading.tsx';

const LoginPage = lazy(() => import('./pages/auth/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/auth/ChangePasswordPage.tsx'));
const HomePage = lazy(() => import('./pages/home/HomePage.tsx'));
const ProvincesPage = lazy(() => import('./pages/units/ProvincesPage.tsx'));
const CommunesPage = lazy(() => import('./pages/units/CommunesPage.tsx'));
const CommunePage = lazy(() => import('./pages/units/CommunePage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const ComingSoonPage = lazy(() => import('./pages/learner/ComingSoonPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

const page = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/dang-nhap', element: page(<LoginPage />) },
  {
    path: '/',
    element: <RequireAuth />,
    children: [
      { index: true, element: page(<HomePage />) },
      { path: 'doi-mat-khau', element: page(<ChangePasswordPage />) },
      {
        element: <RequireNav navKey="units" />,
        children: [
          { path: 'quan-tri/don-vi', element: page(<ProvincesPage />) },
          { path: 'quan-tri/don-vi/tinh/:code', element: page(<CommunesPage />) },
          { path: 'quan-tri/don-vi/xa/:code', element: page(<CommunePage />) },
        ],
      },
      {
        element: <RequireNav navKey="users" />,
        children: [{ path: 'quan-tri/tai-khoan', element: page(<UsersPage />) }],
      },
      {
        element: <RequireNav navKey="audit" />,
        children: [{ path: 'quan-tri/nhat-ky', element: page(<AuditPage />) }],
      },
      { path: 'lop-cua-toi', element: page(<ComingSoonPage title="Lớp của tôi" />) },
      { path: 'hoc-lieu', element: page(<ComingSoonPage title="Học liệu" />) },
      { path: 'tro-ly', element: page(<ComingSoonPage title="Trợ lý" />) },
      { path: 'thong-bao', element: page(<ComingSoonPage title="Thông báo" />) },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
]);
