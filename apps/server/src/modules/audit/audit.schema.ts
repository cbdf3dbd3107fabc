export { AuditListQuery, AuditListResponse } from '@app/shared';
