import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, requireActor } from '../../http/context.ts';
import {
  CreateUserRequest,
  CreateUserResponse,
  OkResponse,
  ResetPasswordResponse,
  UpdateUserRequest,
  UserIdParams,
  UserItem,
  UserListQuery,
  UserListResponse,
} from './users.schema.ts';
import * as service from './users.service.ts';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Tài khoản'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.get('/api/users', { schema: { tags, summary: 'Tài khoản trong phạm vi', querystring: UserListQuery, response: { 200: UserListResponse } } }, (req) =>
    service.listUsers(app.deps.db, app.deps.clock, requireActor(req), req.query),
  );
  app.post('/api/users', { schema: { tags, summary: 'Tạo tài khoản', body: CreateUserRequest, response: { 201: CreateUserResponse } } }, async (req, reply) =>
    reply.status(201).send(await service.createUser(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: 'Sửa, khóa hoặc mở tài khoản', params: UserIdParams, body: UpdateUserRequest, response: { 200: UserItem } } },
    (req) => service.updateUser(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags, summary: 'Đặt lại mật khẩu (mật khẩu tạm dùng một lần)', params: UserIdParams, response: { 200: ResetPasswordResponse } } },
    (req) => service.resetPassword(deps(), requireActor(req), req.params.id, metaOf(req)),
  );
  app.post(
    '/api/users/:id/unlock',
    { schema: { tags, summary: 'Mở khóa tài khoản bị tạm khóa do đăng nhập sai', params: UserIdParams, response: { 200: OkResponse } } },
    (req) => service.unlockUser(deps(), requireActor(req), req.params.id, metaOf(req)),
  );
};
