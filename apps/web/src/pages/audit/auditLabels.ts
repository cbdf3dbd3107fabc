/** Vietnamese names of audit actions and entity types; unknown codes fall back to a generic phrase. */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  user: 'Tài khoản',
  session: 'Phiên đăng nhập',
  auth: 'Đăng nhập',
  commune: 'Xã, phường',
  province: 'Tỉnh, thành phố',
  unit: 'Cơ quan, đơn vị',
  training_org: 'Cơ sở đào tạo',
  trainingOrg: 'Cơ sở đào tạo',
};

const VERB_LABELS: Record<string, string> = {
  create: 'Tạo mới',
  update: 'Cập nhật',
  delete: 'Xóa',
  archive: 'Lưu trữ',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  login_failed: 'Đăng nhập sai',
  loginFailed: 'Đăng nhập sai',
  login_locked: 'Khóa do đăng nhập sai',
  locked: 'Khóa do đăng nhập sai',
  lock: 'Khóa',
  unlock: 'Mở khóa',
  change_password: 'Đổi mật khẩu',
  changePassword: 'Đổi mật khẩu',
  password_change: 'Đổi mật khẩu',
  reset_password: 'Đặt lại mật khẩu',
  resetPassword: 'Đặt lại mật khẩu',
  password_reset: 'Đặt lại mật khẩu',
  import: 'Nhập dữ liệu',
  seed: 'Nạp dữ liệu mẫu',
};

/** "user.create" → "Tạo mới"; "auth.login" → "Đăng nhập"; unknown → the code itself. */
export function actionLabel(action: string): string {
  const verb = action.includes('.') ? action.slice(action.lastIndexOf('.') + 1) : action;
  return VERB_LABELS[action] ?? VERB_LABELS[verb] ?? action;
}

export function entityLabel(entityType: string): string {
  return ENTITY_TYPE_LABELS[entityType] ?? entityType;
}
