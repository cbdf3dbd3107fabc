import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { RouterProvider } from 'react-router-dom';
import { ApiError, setUnauthenticatedHandler } from './api/client.ts';
import { ME_KEY } from './api/auth.ts';
import { router } from './routes.tsx';

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.statusCode < 500) && count < 2,
    },
  },
});

// A session that expired mid-work: forget the user and go to the login page.
setUnauthenticatedHandler(() => {
  queryClient.setQueryData(ME_KEY, null);
  if (!window.location.pathname.startsWith('/dang-nhap')) {
    const next = window.location.pathname + window.location.search;
    void router.navigate(`/dang-nhap?next=${encodeURIComponent(next)}`, { replace: true });
  }
});

export function App() {
  return (
    <ConfigProvider
      locale={viVN}
      theme={{
        components: {
          Menu: { itemSelectedBg: '#e3ecf7', itemSelectedColor: '#1d4e89', subMenuItemBg: 'transparent' },
        },
        token: {
          colorPrimary: '#1d4e89',
          borderRadius: 6,
          fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
