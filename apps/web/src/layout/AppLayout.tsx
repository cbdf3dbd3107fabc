/**
 * Staff layout: header with the user, left menu from navigation.tsx; below 768 px the menu moves
 * into a drawer opened by a hamburger button.
 */
import { useState, type ReactNode } from 'react';
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../api/auth.ts';
import { Brand } from './Brand.tsx';
import { FALLBACK_ICON, selectedNavKey, visibleNav, type NavItem } from './navigation.tsx';
import { UserMenu } from './UserMenu.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { useIsNarrow } from './useMediaQuery.ts';

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItems(items: NavItem[]): MenuItem[] {
  return items.map((i) =>
    i.children
      ? { key: i.key, label: i.label, icon: i.icon ?? FALLBACK_ICON, children: toMenuItems(i.children) }
      : { key: i.key, label: i.label, icon: i.icon },
  );
}

function pathOf(key: string, items: NavItem[]): string | undefined {
  for (const i of items) {
    if (i.key === key) return i.path;
    const p = i.children && pathOf(key, i.children);
    if (p) return p;
  }
  return undefined;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  const narrow = useIsNarrow();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const nav = me.mustChangePassword ? [] : visibleNav(me);
  const selected = selectedNavKey(pathname);
  const groupKeys = nav.filter((i) => i.children).map((i) => i.key);

  const menu = nav.length > 0 && (
    <Menu
      mode="inline"
      aria-label="Trình đơn chính"
      items={toMenuItems(nav)}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={groupKeys}
      style={{ borderInlineEnd: 0 }}
      onClick={({ key }) => {
        const path = pathOf(key, nav);
        if (path) void navigate(path);
        setDrawerOpen(false);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        {narrow && menu && (
          <Button type="text" size="large" icon={<MenuOutlined />} aria-label="Mở trình đơn" onClick={() => setDrawerOpen(true)} />
        )}
        <Brand compact={narrow} />
        {!me.mustChangePassword && <NotificationBell />}
        <UserMenu compact={narrow} />
      </Layout.Header>
      <Layout hasSider={!narrow && !!menu}>
        {!narrow && menu && (
          <Layout.Sider
            width={248}
            theme="light"
            style={{ position: 'sticky', top: 56, height: 'calc(100vh - 56px)', overflow: 'auto', borderRight: '1px solid #e3e7ee' }}
          >
            <nav>{menu}</nav>
          </Layout.Sider>
        )}
        {/* Layout.Content renders the page's <main> landmark. */}
        <Layout.Content className="app-content">{children}</Layout.Content>
      </Layout>
      {narrow && menu && (
        <Drawer
          title="Trình đơn"
          placement="left"
          size={280}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          <nav>{menu}</nav>
        </Drawer>
      )}
    </Layout>
  );
}
