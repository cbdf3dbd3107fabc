/**
 * Pure rules of the instructor and speaker pool (SPEC §12): what a valid entry needs, and which
 * taught sessions a reader may see listed (classes inside its scope, SPEC §0).
 */
import type { Scope } from '@app/shared';

export interface FieldIssue {
  field: string;
  message: string;
}

/** Someone in the pool belongs to a training organisation's pool or at least names where they work. */
export function placementIssue(orgId: number | null, organisation: string | null): FieldIssue | null {
  if (orgId === null && !organisation) {
    return { field: 'organisation', message: 'cần chọn cơ sở đào tạo hoặc ghi cơ quan công tác của giảng viên, báo cáo viên' };
  }
  return null;
}

/** Classes whose sessions a reader sees listed on an instructor's page. */
export type ClassReader =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'commune'; communeCode: string }
  | { kind: 'organiser'; orgId: number }
  | { kind: 'none' };

export function classReaderOf(scope: Scope): ClassReader {
  switch (scope.level) {
    case 'nation':
      return { kind: 'all' };
    case 'province':
      return scope.provinceCode ? { kind: 'province', provinceCode: scope.provinceCode } : { kind: 'none' };
    case 'commune':
      return scope.communeCode ? { kind: 'commune', communeCode: scope.communeCode } : { kind: 'none' };
    case 'training_org':
      return scope.trainingOrgId !== undefined ? { kind: 'organiser', orgId: scope.trainingOrgId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}
