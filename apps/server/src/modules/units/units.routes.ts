import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, requireActor } from '../../http/context.ts';
import {
  CommuneCodeParams,
  CommuneDetailResponse,
  CommuneItem,
  CommuneListQuery,
  CommuneListResponse,
  CreateTrainingOrgRequest,
  CreateUnitRequest,
  IdParams,
  ProvinceCodeParams,
  ProvinceItem,
  ProvinceListResponse,
  TrainingOrgItem,
  TrainingOrgListResponse,
  UnitItem,
  UpdateCommuneRequest,
  UpdateTrainingOrgRequest,
  UpdateUnitRequest,
} from './units.schema.ts';
import * as service from './units.service.ts';
import { notFound } from '../../http/errors.ts';

export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Đơn vị hành chính'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  // Public reference data: the administrative map of the country.
  app.get('/api/units/provinces', { schema: { tags, summary: '34 tỉnh, thành phố (công khai)', response: { 200: ProvinceListResponse } } }, () =>
    service.listProvinces(app.deps.db),
  );
  app.get(
    '/api/units/provinces/:code',
    { schema: { tags, summary: 'Một tỉnh, thành phố (công khai)', params: ProvinceCodeParams, response: { 200: ProvinceItem } } },
    async (req) => {
      const { items } = await service.listProvinces(app.deps.db);
      const p = items.find((x) => x.code === req.params.code);
      if (!p) throw notFound(`Không có tỉnh, thành phố mã ${req.params.code}.`);
      return p;
    },
  );
  app.get(
    '/api/units/provinces/:code/communes',
    {
      schema: {
        tags,
        summary: 'Xã, phường, đặc khu của một tỉnh (công khai); tìm không dấu',
        params: ProvinceCodeParams,
        querystring: CommuneListQuery,
        response: { 200: CommuneListResponse },
      },
    },
    (req) => service.listCommunesOfProvince(app.deps.db, req.params.code, req.query),
  );

  app.get(
    '/api/units/communes/:code',
    { schema: { tags, summary: 'Chi tiết xã và các cơ quan, đơn vị trong xã', params: CommuneCodeParams, response: { 200: CommuneDetailResponse } } },
    (req) => service.getCommuneDetail(app.deps.db, requireActor(req), req.params.code),
  );
  app.patch(
    '/api/units/communes/:code',
    { schema: { tags, summary: 'Sửa loại vùng, khu vực của xã', params: CommuneCodeParams, body: UpdateCommuneRequest, response: { 200: CommuneItem } } },
    (req) => service.updateCommune(deps(), requireActor(req), req.params.code, req.body, metaOf(req)),
  );
  app.post(
    '/api/units/communes/:code/units',
    { schema: { tags, summary: 'Thêm cơ quan, đơn vị trong xã', params: CommuneCodeParams, body: CreateUnitRequest, response: { 201: UnitItem } } },
    async (req, reply) => {
      const unit = await service.createUnit(deps(), requireActor(req), req.params.code, req.body, metaOf(req));
      return reply.status(201).send(unit);
    },
  );
  app.patch(
    '/api/units/units/:id',
    { schema: { tags, summary: 'Sửa hoặc ngừng hiệu lực một đơn vị', params: IdParams, body: UpdateUnitRequest, response: { 200: UnitItem } } },
    (req) => service.updateUnit(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );

  const orgTags = ['Cơ sở đào tạo, bồi dưỡng'];
  app.get('/api/training-orgs', { schema: { tags: orgTags, summary: 'Danh sách cơ sở đào tạo, bồi dưỡng', response: { 200: TrainingOrgListResponse } } }, (req) => {
    requireActor(req);
    return service.listTrainingOrgs(app.deps.db);
  });
  app.post(
    '/api/training-orgs',
    { schema: { tags: orgTags, summary: 'Thêm cơ sở đào tạo', body: CreateTrainingOrgRequest, response: { 201: TrainingOrgItem } } },
    async (req, reply) => reply.status(201).send(await service.createTrainingOrg(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.patch(
    '/api/training-orgs/:id',
    { schema: { tags: orgTags, summary: 'Sửa cơ sở đào tạo', params: IdParams, body: UpdateTrainingOrgRequest, response: { 200: TrainingOrgItem } } },
    (req) => service.updateTrainingOrg(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
};
