import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, requireActor } from '../../http/context.ts';
import {
  ChangeStatusRequest,
  CreateOfficialRequest,
  OfficialDetail,
  OfficialIdParams,
  OfficialListQuery,
  OfficialListResponse,
  SensitiveData,
  TransferRequest,
  UpdateOfficialRequest,
  UpdateSensitiveRequest,
} from './officials.schema.ts';
import * as service from './officials.service.ts';

export const officialsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Hồ sơ cán bộ, công chức'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.get(
    '/api/officials',
    { schema: { tags, summary: 'Danh sách CBCC trong phạm vi (lọc, tìm không dấu, sắp theo tên)', querystring: OfficialListQuery, response: { 200: OfficialListResponse } } },
    (req) => service.listOfficials(deps(), requireActor(req), req.query),
  );
  app.post('/api/officials', { schema: { tags, summary: 'Thêm hồ sơ', body: CreateOfficialRequest, response: { 201: OfficialDetail } } }, async (req, reply) =>
    reply.status(201).send(await service.createOfficial(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.get('/api/officials/:id', { schema: { tags, summary: 'Hồ sơ và lịch sử', params: OfficialIdParams, response: { 200: OfficialDetail } } }, (req) =>
    service.getOfficial(deps(), requireActor(req), req.params.id),
  );
  app.patch(
    '/api/officials/:id',
    { schema: { tags, summary: 'Sửa hồ sơ (kèm phiên bản để tránh ghi đè)', params: OfficialIdParams, body: UpdateOfficialRequest, response: { 200: OfficialDetail } } },
    (req) => service.updateOfficial(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.post(
    '/api/officials/:id/status',
    { schema: { tags, summary: 'Đổi trạng thái công tác', params: OfficialIdParams, body: ChangeStatusRequest, response: { 200: OfficialDetail } } },
    (req) => service.changeStatus(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.post(
    '/api/officials/:id/transfer',
    { schema: { tags, summary: 'Chuyển sang xã khác (giữ nguyên lịch sử)', params: OfficialIdParams, body: TransferRequest, response: { 200: OfficialDetail } } },
    (req) => service.transferOfficial(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.get(
    '/api/officials/:id/sensitive',
    { schema: { tags, summary: 'Dữ liệu nhạy cảm (chỉ quản trị trong phạm vi; mỗi lần xem được ghi nhật ký)', params: OfficialIdParams, response: { 200: SensitiveData } } },
    (req) => service.getSensitive(deps(), requireActor(req), req.params.id, metaOf(req)),
  );
  app.put(
    '/api/officials/:id/sensitive',
    { schema: { tags, summary: 'Cập nhật dữ liệu nhạy cảm', params: OfficialIdParams, body: UpdateSensitiveRequest, response: { 200: SensitiveData } } },
    (req) => service.updateSensitive(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
};
