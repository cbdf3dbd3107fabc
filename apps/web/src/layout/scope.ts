/** Human-readable scope of a user, with real unit names from /api/auth/me. */
import type { MeResponse } from '@app/shared';

export function scopeLabel(me: MeResponse): string {
  const n = me.scopeNames;
  switch (me.scope.level) {
    case 'nation':
      return 'Bộ Nội vụ — Toàn quốc';
    case 'province':
      return n.provinceName ?? 'Cấp tỉnh';
    case 'commune':
      return [n.communeName, n.provinceName].filter(Boolean).join(', ') || 'Cấp xã';
    case 'unit':
      return [n.unitName, n.communeName].filter(Boolean).join(' — ') || 'Đơn vị';
    case 'training_org':
      return n.trainingOrgName ?? 'Cơ sở đào tạo, bồi dưỡng';
    case 'self':
      return [n.unitName, n.communeName, n.provinceName].filter(Boolean).join(', ');
  }
}
