/**
 * Navigation as data (UX.md "Navigation"): one entry per page with who may see it. Later features
 * add entries here (Cán bộ, công chức; Nhu cầu bồi dưỡng; Kế hoạch; Lớp bồi dưỡng; …) and the
 * menu, the route guards and the home cards follow.
 */
import type { ReactNode } from 'react';
import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  BookOutlined,
  FileExcelOutlined,
  FileSearchOutlined,
  HomeOutlined,
  IdcardOutlined,
  ReadOutlined,
  RobotOutlined,
  SettingOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
// Icons of the training entries (Kế hoạch, Chương trình, Lớp bồi dưỡng).
import {
  CalendarOutlined,
  CheckSquareOutlined,
  FormOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  UserSwitchOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
// Icons of the after-training entries (báo cáo kết quả, bài thu hoạch).
import { FileDoneOutlined, FileTextOutlined } from '@ant-design/icons';
// Icons of the reports and key-task entries (SPEC §10).
import { FlagOutlined } from '@ant-design/icons';
import { DashboardOutlined, WarningOutlined } from '@ant-design/icons';
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
/** Staff who read registers in their scope (officials read only their own record, on their own page). */
const READER_ROLES: readonly Role[] = [...ADMIN_ROLES, 'reviewer'];

export const NAV_ITEMS: NavItem[] = [
  { key: 'home', label: 'Tổng quan', icon: <HomeOutlined />, path: '/' },
  // Dashboard and warnings (SPEC §9).
  {
    key: 'dashboard',
    label: 'Chỉ tiêu, bản đồ',
    icon: <DashboardOutlined />,
    path: '/tong-quan',
    permission: 'kpis.read',
    roles: [...READER_ROLES, 'unit_head'],
    description: 'Chỉ tiêu K1–K8, dự báo, bản đồ và số liệu theo đơn vị cấp dưới',
  },
  {
    key: 'warnings',
    label: 'Cảnh báo',
    icon: <WarningOutlined />,
    path: '/canh-bao',
    permission: 'kpis.read',
    roles: [...READER_ROLES, 'unit_head'],
    description: 'Việc cần xử lý: chưa cử học, quá hạn báo cáo, đánh giá, lớp thiếu học viên',
  },
  {
    key: 'officials-group',
    label: 'Cán bộ, công chức',
    icon: <IdcardOutlined />,
    children: [
      {
        key: 'officials',
        label: 'Danh sách',
        icon: <UnorderedListOutlined />,
        path: '/can-bo',
        permission: 'officials.read',
        roles: [...READER_ROLES, 'unit_head'],
        description: 'Hồ sơ cán bộ, công chức: lọc, tìm không dấu, xuất Excel',
      },
      {
        key: 'officials-import',
        label: 'Nhập từ Excel',
        icon: <FileExcelOutlined />,
        path: '/can-bo/nhap-excel',
        permission: 'officials.manage',
        roles: ADMIN_ROLES,
        description: 'Tải tệp mẫu, kiểm tra thử rồi nhập danh sách từ tệp .xlsx',
      },
      {
        key: 'positions',
        label: 'Vị trí việc làm',
        icon: <ApartmentOutlined />,
        path: '/vi-tri-viec-lam',
        permission: 'officials.read',
        roles: READER_ROLES,
        description: 'Danh mục vị trí việc làm và yêu cầu chuyên môn',
      },
    ],
  },
  {
    key: 'needs-group',
    label: 'Nhu cầu bồi dưỡng',
    icon: <AimOutlined />,
    children: [
      {
        key: 'needs',
        label: 'Rà soát nhu cầu',
        icon: <FileSearchOutlined />,
        path: '/nhu-cau',
        permission: 'needs.read',
        roles: READER_ROLES,
        description: 'Rà soát, xác nhận nhu cầu bồi dưỡng; tổng hợp theo xã, tỉnh',
      },
      {
        key: 'needs-urgent',
        label: 'Cần bồi dưỡng ngay',
        icon: <ThunderboltOutlined />,
        path: '/nhu-cau/can-boi-duong-ngay',
        permission: 'needs.read',
        roles: READER_ROLES,
        description: 'Chưa đạt chuẩn vị trí việc làm, chưa được cử đi học',
      },
      {
        key: 'needs-warnings',
        label: 'Cảnh báo thiếu chuẩn',
        icon: <AlertOutlined />,
        path: '/nhu-cau/canh-bao',
        permission: 'needs.read',
        roles: READER_ROLES,
        description: 'Danh sách cảnh báo thiếu chuẩn vị trí việc làm',
      },
    ],
  },
  // Training (SPEC §5–§6, §12): plans, the programme catalogue, classes and what happens in them.
  {
    key: 'plans',
    label: 'Kế hoạch',
    icon: <CalendarOutlined />,
    path: '/ke-hoach',
    permission: 'plans.read',
    roles: READER_ROLES,
    description: 'Kế hoạch theo giai đoạn, năm: chỉ tiêu số lớp, số lượt người học và thực hiện',
  },
  {
    key: 'programmes',
    label: 'Chương trình',
    icon: <ProfileOutlined />,
    path: '/chuong-trinh',
    permission: 'programmes.read',
    roles: [...READER_ROLES, 'training_org'],
    description: 'Danh mục chương trình bồi dưỡng, tỷ lệ thực hành, phiên bản',
  },
  {
    key: 'classes-group',
    label: 'Lớp bồi dưỡng',
    icon: <SolutionOutlined />,
    children: [
      {
        key: 'classes',
        label: 'Danh sách lớp',
        icon: <ScheduleOutlined />,
        path: '/lop-boi-duong',
        permission: 'classes.read',
        roles: [...READER_ROLES, 'training_org', 'unit_head'],
        description: 'Lớp bồi dưỡng: buổi học, cử đi học, điểm danh, kết quả, chứng chỉ',
      },
      {
        key: 'nominate',
        label: 'Cử đi học',
        icon: <UsergroupAddOutlined />,
        path: '/lop-boi-duong/cu-di-hoc',
        permission: 'enrolments.nominate',
        roles: ['commune_admin'],
        description: 'Cử cán bộ, công chức của xã vào các lớp đang nhận cử học',
      },
      {
        key: 'nomination-approvals',
        label: 'Phê duyệt cử đi học',
        icon: <UserSwitchOutlined />,
        path: '/lop-boi-duong/phe-duyet',
        permission: 'enrolments.approve',
        roles: ['unit_head'],
        description: 'Duyệt cử đi học đối với người của đơn vị',
      },
      {
        key: 'class-records',
        label: 'Điểm danh, kết quả',
        icon: <CheckSquareOutlined />,
        path: '/lop-boi-duong/diem-danh',
        permission: 'classes.record',
        roles: ['training_org'],
        description: 'Điểm danh từng buổi, nhập điểm, tính kết quả',
      },
      {
        key: 'certificates',
        label: 'Chứng chỉ',
        icon: <SafetyCertificateOutlined />,
        path: '/lop-boi-duong/chung-chi',
        permission: 'certificates.read',
        roles: [...READER_ROLES, 'training_org', 'unit_head'],
        description: 'Giấy chứng nhận đã cấp: bản PDF, trang xác thực công khai, thu hồi',
      },
      {
        key: 'instructors',
        label: 'Giảng viên',
        icon: <FormOutlined />,
        path: '/giang-vien',
        permission: 'instructors.read',
        roles: [...READER_ROLES, 'training_org'],
        description: 'Giảng viên, báo cáo viên: đội ngũ và các buổi đã giảng',
      },
    ],
  },
  {
    key: 'after-training-group',
    label: 'Sau khóa học',
    icon: <FileDoneOutlined />,
    children: [
      {
        key: 'self-reports',
        label: 'Báo cáo kết quả học tập',
        icon: <FileDoneOutlined />,
        path: '/bao-cao-ket-qua',
        permission: 'selfReports.read',
        roles: ['national_admin', 'province_admin', 'commune_admin', 'unit_head'],
        description: 'Báo cáo của học viên sau lớp: xác nhận, trả lại, danh sách quá hạn',
      },
      {
        key: 'essays',
        label: 'Bài thu hoạch',
        icon: <FileTextOutlined />,
        path: '/bai-thu-hoach',
        permission: 'essays.read',
        description: 'Đọc, gắn nhãn bài thu hoạch và xuất các đề xuất ra Excel',
      },
      {
        key: 'survey-summaries',
        label: 'Khảo sát khóa học',
        icon: <FileDoneOutlined />,
        path: '/khao-sat-lop',
        permission: 'surveys.readSummary',
        description: 'Kết quả khảo sát học viên của từng lớp (từ 5 phiếu trở lên)',
      },
      {
        key: 'mentoring',
        label: 'Kèm cặp, hướng dẫn',
        icon: <TeamOutlined />,
        path: '/kem-cap',
        permission: 'mentoring.read',
        roles: ['national_admin', 'province_admin', 'commune_admin', 'unit_head'],
        description: 'Cặp kèm cặp trong xã: mục tiêu và các buổi gặp',
      },
      {
        key: 'evaluations',
        label: 'Đánh giá sau bồi dưỡng',
        icon: <FileDoneOutlined />,
        path: '/danh-gia-sau-boi-duong',
        permission: 'evaluations.read',
        roles: ['national_admin', 'province_admin', 'commune_admin', 'unit_head', 'reviewer'],
        description: 'Đánh giá hiệu quả sau 3 tháng: đến hạn, quá hạn, thủ trưởng đánh giá, mức hài lòng',
      },
      {
        key: 'ratings',
        label: 'Xếp loại hằng năm',
        icon: <FileDoneOutlined />,
        path: '/xep-loai',
        permission: 'evaluations.read',
        roles: ['national_admin', 'province_admin', 'commune_admin', 'unit_head', 'reviewer'],
        description: 'Xếp loại chất lượng theo Nghị định 335/2025, đặt cạnh kết quả đánh giá sau bồi dưỡng',
      },
      {
        key: 'effects',
        label: 'Phân tích tác động',
        icon: <FileDoneOutlined />,
        path: '/phan-tich-tac-dong',
        permission: 'effects.read',
        roles: ['national_admin', 'province_admin', 'reviewer'],
        description: 'Thay đổi điểm xếp loại của người đã học so với người chưa học tương đồng',
      },
    ],
  },
  // Reports and key tasks (SPEC §10).
  {
    key: 'reports-group',
    label: 'Báo cáo, nhiệm vụ',
    icon: <FileSearchOutlined />,
    children: [
      {
        key: 'reports',
        label: 'Báo cáo Đề án',
        icon: <FileSearchOutlined />,
        path: '/bao-cao',
        permission: 'reports.read',
        roles: READER_ROLES,
        description: 'Báo cáo định kỳ, đột xuất: lập, gửi, tiếp nhận, trả lại; tổng hợp của cấp dưới',
      },
      {
        key: 'key-tasks',
        label: 'Nhiệm vụ trọng tâm',
        icon: <FlagOutlined />,
        path: '/nhiem-vu-trong-tam',
        permission: 'keyTasks.read',
        roles: READER_ROLES,
        description: 'Nhiệm vụ theo Phụ lục Quyết định 700 và của từng cấp, đủ “6 rõ”, tiến độ',
      },
    ],
  },
  // Digital learning library and the assistant (SPEC §11).
  {
    key: 'library-group',
    label: 'Học liệu số',
    icon: <BookOutlined />,
    children: [
      {
        key: 'library-staff',
        label: 'Thư viện học liệu',
        icon: <BookOutlined />,
        path: '/hoc-lieu',
        permission: 'library.read',
        description: 'Tài liệu, video mô phỏng, tình huống điển hình dùng chung toàn quốc',
      },
      {
        key: 'assistant-staff',
        label: 'Trợ lý tra cứu',
        icon: <RobotOutlined />,
        path: '/tro-ly',
        permission: 'library.read',
        description: 'Hỏi đáp quy định, trả lời có trích dẫn văn bản',
      },
      {
        key: 'library-manage',
        label: 'Quản lý học liệu',
        icon: <BookOutlined />,
        path: '/quan-ly-hoc-lieu',
        permission: 'library.read',
        roles: ['national_admin', 'province_admin', 'training_org', 'reviewer'],
        description: 'Đăng, duyệt, công bố học liệu; lịch sử phiên bản',
      },
    ],
  },
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
