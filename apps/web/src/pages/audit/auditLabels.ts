/** Vietnamese names of the audit actions and entity types the server records; unknown codes show as-is. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập sai mật khẩu',
  'auth.logout': 'Đăng xuất',
  'auth.change_password': 'Đổi mật khẩu',
  'user.create': 'Tạo tài khoản',
  'user.create_initial_admin': 'Tạo tài khoản quản trị đầu tiên',
  'user.update': 'Sửa tài khoản',
  'user.disable': 'Khóa tài khoản',
  'user.reset_password': 'Đặt lại mật khẩu',
  'user.unlock': 'Mở khóa tài khoản',
  'commune.update': 'Sửa loại vùng, khu vực của xã',
  'unit.create': 'Thêm cơ quan, đơn vị',
  'unit.update': 'Sửa cơ quan, đơn vị',
  'unit.archive': 'Lưu trữ cơ quan, đơn vị',
  'training_org.create': 'Thêm cơ sở đào tạo',
  'training_org.update': 'Sửa cơ sở đào tạo',
  'seed.demo': 'Nạp dữ liệu mẫu',
};

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  user: 'Tài khoản',
  commune: 'Xã, phường, đặc khu',
  unit: 'Cơ quan, đơn vị',
  training_org: 'Cơ sở đào tạo',
  system: 'Hệ thống',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function entityLabel(entityType: string): string {
  return ENTITY_TYPE_LABELS[entityType] ?? entityType;
}
