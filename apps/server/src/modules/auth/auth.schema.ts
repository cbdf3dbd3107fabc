export { ChangePasswordRequest, LoginRequest, MeResponse, OkResponse } from '@app/shared';
