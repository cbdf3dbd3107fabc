/**
 * Navigation as data (UX.md "Navigation"): one entry per page with who may see it. Later features
 * add entries here (Cán bộ, công chức; Nhu cầu bồi dưỡng; Kế hoạch; Lớp bồi dưỡng; …) and the
 * menu, the route guards and the home cards follow.
 */
import type { ReactNode } from 'react';
import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  BookOutlined,
  HomeOutlined,
  ReadOutlined,
  RobotOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MeResponse, Permission, Role } from '@app/shared';

export interface NavItem {
  key: string;
  label: string;
  icon?: ReactNode;
  path?: string;
  /** Roles that may use it; absent = every role. */
  roles?: readonly Role[];
  /** Permission the server must have granted; absent = none needed. */
  permission?: Permission;
  /** One-line description, used on the home page cards. */
  description?: string;
  children?: NavItem[];
}

const ADMIN_ROLES: readonly Role[] = ['national_admin', 'province_admin', 'commune_admin'];

export const NAV_ITEMS: NavItem[] = [
  { key: 'home', label: 'Tổng quan', icon: <HomeOutlined />, path: '/' },
  {
    key: 'admin',
    label: 'Quản trị',
    icon: <SettingOutlined />,
    children: [
      {
        key: 'units',
        label: 'Đơn vị hành chính',
        icon: <BankOutlined />,
        path: '/quan-tri/don-vi',
        permission: 'units.read',
        roles: ADMIN_ROLES,
        description: 'Tỉnh, xã, phường, đặc khu và các cơ quan, đơn vị trong xã',
      },
      {
        key: 'users',
        label: 'Tài khoản',
        icon: <TeamOutlined />,
        path: '/quan-tri/tai-khoan',
        permission: 'users.read',
        description: 'Tạo tài khoản, đặt lại mật khẩu, mở khóa',
      },
      {
        key: 'audit',
        label: 'Nhật ký hệ thống',
        icon: <AuditOutlined />,
        path: '/quan-tri/nhat-ky',
        permission: 'audit.read',
        description: 'Ai đã thay đổi gì, khi nào',
      },
    ],
  },
];

/** Learners' bottom bar (UX.md): phone-first, five tabs. */
export const LEARNER_TABS: NavItem[] = [
  { key: 'home', label: 'Trang của tôi', icon: <HomeOutlined />, path: '/' },
  { key: 'classes', label: 'Lớp của tôi', icon: <ReadOutlined />, path: '/lop-cua-toi' },
  { key: 'library', label: 'Học liệu', icon: <BookOutlined />, path: '/hoc-lieu' },
  { key: 'assistant', label: 'Trợ lý', icon: <RobotOutlined />, path: '/tro-ly' },
  { key: 'notifications', label: 'Thông báo', icon: <BellOutlined />, path: '/thong-bao' },
];

export const FALLBACK_ICON = <AppstoreOutlined />;

export function canUse(item: NavItem, me: MeResponse): boolean {
  if (item.roles && !item.roles.includes(me.role)) return false;
  if (item.permission && !me.permissions.includes(item.permission)) return false;
  return true;
}

/** The menu tree for this user: forbidden leaves removed, then groups left empty removed. */
export function visibleNav(me: MeResponse, items: NavItem[] = NAV_ITEMS): NavItem[] {
  const out: NavItem[] = [];
  for (const item of items) {
    if (!canUse(item, me)) continue;
    if (item.children) {
      const children = visibleNav(me, item.children);
      if (children.length > 0) out.push({ ...item, children });
    } else {
      out.push(item);
    }
  }
  return out;
}

export function findNav(key: string, items: NavItem[] = NAV_ITEMS): NavItem | undefined {
  for (const item of items) {
    if (item.key === key) return item;
    const found = item.children && findNav(key, item.children);
    if (found) return found;
  }
  return undefined;
}

/** Leaf entries the user may open (for home cards). */
export function visibleLeaves(me: MeResponse): NavItem[] {
  const leaves: NavItem[] = [];
  const walk = (items: NavItem[]) => {
    for (const i of items) {
      if (i.children) walk(i.children);
      else leaves.push(i);
    }
  };
  walk(visibleNav(me));
  return leaves;
}

/** Key of the menu entry a URL belongs to (longest matching path prefix). */
export function selectedNavKey(pathname: string, items: NavItem[] = NAV_ITEMS): string | undefined {
  let best: { key: string; len: number } | undefined;
  const walk = (list: NavItem[]) => {
    for (const i of list) {
      if (i.path) {
        const match = i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`);
        if (match && (!best || i.path.length > best.len)) best = { key: i.key, len: i.path.length };
      }
      if (i.children) walk(i.children);
    }
  };
  walk(items);
  return best?.key;
}
