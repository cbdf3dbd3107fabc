/** Client-side types derived from the shared zod schemas (never copied by hand). */
import type { z } from 'zod';
import type {
  AuditListResponse,
  CommuneListResponse,
  CreateUserRequest,
  CreateUserResponse,
  HealthResponse,
  ProvinceListResponse,
  ResetPasswordResponse,
  TrainingOrgListResponse,
  UpdateCommuneRequest,
  UpdateUserRequest,
  UserListResponse,
} from '@app/shared';

export type ProvinceList = z.infer<typeof ProvinceListResponse>;
export type CommuneList = z.infer<typeof CommuneListResponse>;
export type UserList = z.infer<typeof UserListResponse>;
export type AuditList = z.infer<typeof AuditListResponse>;
export type TrainingOrgList = z.infer<typeof TrainingOrgListResponse>;
export type CreateUserBody = z.input<typeof CreateUserRequest>;
export type CreateUserResult = z.infer<typeof CreateUserResponse>;
export type UpdateUserBody = z.input<typeof UpdateUserRequest>;
export type UpdateCommuneBody = z.input<typeof UpdateCommuneRequest>;
export type ResetPasswordResult = z.infer<typeof ResetPasswordResponse>;
export type Health = z.infer<typeof HealthResponse>;
