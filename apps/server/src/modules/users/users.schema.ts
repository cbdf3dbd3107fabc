import { z } from 'zod';
export {
  CreateUserRequest,
  CreateUserResponse,
  OkResponse,
  ResetPasswordResponse,
  UpdateUserRequest,
  UserItem,
  UserListQuery,
  UserListResponse,
} from '@app/shared';
export const UserIdParams = z.object({ id: z.string().max(64) });
