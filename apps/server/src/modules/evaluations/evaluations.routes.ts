/** Post-training evaluations (SPEC §8). Thin: parse, call one service function, shape the reply. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CitizenScoreRequest,
  EnrolmentIdParams,
  EvaluationConfigResponse,
  EvaluationDetail,
  EvaluationListQuery,
  EvaluationListResponse,
  MyEvaluationsResponse,
  PeersRequest,
  SubmitAssessmentRequest,
  UpdateEvaluationConfigRequest,
} from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import * as service from './evaluations.service.ts';

export const evaluationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Đánh giá hiệu quả sau bồi dưỡng'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.get(
    '/api/evaluations/config',
    { schema: { tags, summary: 'Cấu hình trọng số, ngưỡng xếp mức và số ngày quá hạn', response: { 200: EvaluationConfigResponse } } },
    async (req) => {
      requireActor(req);
      return service.getConfig(deps());
    },
  );
  app.put(
    '/api/evaluations/config',
    {
      schema: {
        tags,
        summary: 'Sửa cấu hình (Bộ Nội vụ)',
        body: UpdateEvaluationConfigRequest,
        response: { 200: EvaluationConfigResponse },
      },
    },
    (req) => service.updateConfig(deps(), requireActor(req), req.body, metaOf(req)),
  );
  app.get(
    '/api/evaluations',
    {
      schema: {
        tags,
        summary: 'Học viên đã hoàn thành khóa học và tình trạng đánh giá trong phạm vi',
        querystring: EvaluationListQuery,
        response: { 200: EvaluationListResponse },
      },
    },
    (req) => service.listEvaluations(deps(), requireActor(req), req.query),
  );
  app.get(
    '/api/evaluations/mine',
    { schema: { tags, summary: 'Đánh giá của tôi và các đồng nghiệp tôi được mời đánh giá', response: { 200: MyEvaluationsResponse } } },
    (req) => service.mine(deps(), requireActor(req)),
  );
  app.get(
    '/api/evaluations/:enrolmentId',
    { schema: { tags, summary: 'Chi tiết đánh giá của một lượt học', params: EnrolmentIdParams, response: { 200: EvaluationDetail } } },
    (req) => service.getEvaluation(deps(), requireActor(req), req.params.enrolmentId),
  );
  const assessment = { tags, params: EnrolmentIdParams, body: SubmitAssessmentRequest, response: { 200: EvaluationDetail } };
  app.put('/api/evaluations/:enrolmentId/self', { schema: { ...assessment, summary: 'Học viên tự đánh giá' } }, (req) =>
    service.submitSelf(deps(), requireActor(req), req.params.enrolmentId, req.body, metaOf(req)),
  );
  app.put(
    '/api/evaluations/:enrolmentId/unit-head',
    { schema: { ...assessment, summary: 'Thủ trưởng đơn vị đánh giá (bắt buộc)' } },
    (req) => service.submitUnitHead(deps(), requireActor(req), req.params.enrolmentId, req.body, metaOf(req)),
  );
  app.put('/api/evaluations/:enrolmentId/peer', { schema: { ...assessment, summary: 'Đồng nghiệp đánh giá' } }, (req) =>
    service.submitPeer(deps(), requireActor(req), req.params.enrolmentId, req.body, metaOf(req)),
  );
  app.put(
    '/api/evaluations/:enrolmentId/citizen',
    {
      schema: {
        tags,
        summary: 'Điểm hài lòng của người dân, doanh nghiệp (UBND xã nhập)',
        params: EnrolmentIdParams,
        body: CitizenScoreRequest,
        response: { 200: EvaluationDetail },
      },
    },
    (req) => service.submitCitizen(deps(), requireActor(req), req.params.enrolmentId, req.body, metaOf(req)),
  );
  app.put(
    '/api/evaluations/:enrolmentId/peers',
    {
      schema: {
        tags,
        summary: 'Chọn đồng nghiệp đánh giá',
        params: EnrolmentIdParams,
        body: PeersRequest,
        response: { 200: EvaluationDetail },
      },
    },
    (req) => service.setPeers(deps(), requireActor(req), req.params.enrolmentId, req.body.officialIds, metaOf(req)),
  );
};
