/**
 * Nominations (SPEC §6): cử đi học with the service-continuity guard, waiting list, the unit head's
 * approval, suggestions from the needs register, and the guard's settings per province. Thin.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, requireActor } from '../../http/context.ts';
import {
  ApproveEnrolmentRequest,
  CancelEnrolmentRequest,
  ClassIdParams,
  ClassNominationsResponse,
  ContinuitySettings,
  EnrolmentChangeResponse,
  EnrolmentIdParams,
  EnrolmentListQuery,
  EnrolmentListResponse,
  NominateRequest,
  NominateResponse,
  ProvinceParams,
  RejectEnrolmentRequest,
  SuggestionsQuery,
  SuggestionsResponse,
  UpdateContinuitySettingsRequest,
} from './enrolments.schema.ts';
import * as continuity from './continuity.service.ts';
import * as service from './enrolments.service.ts';
import * as suggestions from './suggestions.service.ts';

export const enrolmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Cử đi học'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.post(
    '/api/classes/:id/nominations',
    {
      schema: {
        tags,
        summary:
          'Cử cán bộ, công chức của xã vào lớp (quyết định cử); tất cả hoặc không người nào; quá sức chứa vào danh sách chờ; kiểm tra bảo đảm hoạt động của đơn vị',
        params: ClassIdParams,
        body: NominateRequest,
        response: { 201: NominateResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.nominate(deps(), requireActor(req), req.params.id, req.body, metaOf(req))),
  );
  app.get(
    '/api/classes/:id/nominations',
    {
      schema: {
        tags,
        summary: 'Danh sách cử học của lớp (trong phạm vi của người dùng)',
        params: ClassIdParams,
        response: { 200: ClassNominationsResponse },
      },
    },
    (req) => service.classNominations(deps(), requireActor(req), req.params.id),
  );
  app.get(
    '/api/classes/:id/suggestions',
    {
      schema: {
        tags,
        summary: 'Gợi ý người cần cử: nhu cầu đã đề xuất/xác nhận khớp loại chương trình và lĩnh vực, cấp thiết nhất trước',
        params: ClassIdParams,
        querystring: SuggestionsQuery,
        response: { 200: SuggestionsResponse },
      },
    },
    (req) => suggestions.suggestions(deps(), requireActor(req), req.params.id, req.query.commune),
  );
  app.get(
    '/api/enrolments',
    {
      schema: {
        tags,
        summary: 'Cử học trong phạm vi (xã, đơn vị, tỉnh…)',
        querystring: EnrolmentListQuery,
        response: { 200: EnrolmentListResponse },
      },
    },
    (req) => service.listEnrolments(deps(), requireActor(req), req.query),
  );
  app.post(
    '/api/enrolments/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Hủy cử học (có lý do); người đầu danh sách chờ được vào thay',
        params: EnrolmentIdParams,
        body: CancelEnrolmentRequest,
        response: { 200: EnrolmentChangeResponse },
      },
    },
    (req) => service.cancelEnrolment(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.post(
    '/api/enrolments/:id/approve',
    {
      schema: {
        tags,
        summary: 'Thủ trưởng đơn vị duyệt cử học của người thuộc đơn vị mình',
        params: EnrolmentIdParams,
        body: ApproveEnrolmentRequest,
        response: { 200: EnrolmentChangeResponse },
      },
    },
    (req) => service.approveEnrolment(deps(), requireActor(req), req.params.id, req.body ?? {}, metaOf(req)),
  );
  app.post(
    '/api/enrolments/:id/reject',
    {
      schema: {
        tags,
        summary: 'Thủ trưởng đơn vị không duyệt (có lý do)',
        params: EnrolmentIdParams,
        body: RejectEnrolmentRequest,
        response: { 200: EnrolmentChangeResponse },
      },
    },
    (req) => service.rejectEnrolment(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.get(
    '/api/continuity-settings/:provinceCode',
    {
      schema: {
        tags,
        summary: 'Ngưỡng bảo đảm hoạt động của đơn vị khi cử học (tỉnh)',
        params: ProvinceParams,
        response: { 200: ContinuitySettings },
      },
    },
    (req) => continuity.getSettings(deps(), requireActor(req), req.params.provinceCode),
  );
  app.put(
    '/api/continuity-settings/:provinceCode',
    {
      schema: {
        tags,
        summary: 'Đặt ngưỡng: tỷ lệ tối đa được vắng, số người tối thiểu ở Trung tâm phục vụ hành chính công, có cần thủ trưởng duyệt',
        params: ProvinceParams,
        body: UpdateContinuitySettingsRequest,
        response: { 200: ContinuitySettings },
      },
    },
    (req) => continuity.putSettings(deps(), requireActor(req), req.params.provinceCode, req.body, metaOf(req)),
  );
};
