/** HTTP routes of reports (SPEC §10). Permission and scope checks are in the service (authz/policy.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdhocRequestItem,
  AdhocRequestList,
  BuildRequest,
  BuildStatus,
  ChildrenStatusQuery,
  ChildrenStatusResponse,
  CreateAdhocRequest,
  CreateReportRequest,
  DeadlineQuery,
  DeadlineRequest,
  DeadlineResponse,
  ReportDetail,
  ReportIdParams,
  ReportListQuery,
  ReportListResponse,
  ReviewReportRequest,
  SubmitReportRequest,
  UpdateReportRequest,
} from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import * as service from './reports.service.ts';
import * as output from './report-output.service.ts';
import { contentDisposition as attachment } from '../../http/download.ts';

const BuildIdParams = z.object({ buildId: z.string().max(64) });

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Báo cáo'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.get(
    '/api/reports',
    { schema: { tags, summary: 'Báo cáo trong phạm vi của tôi', querystring: ReportListQuery, response: { 200: ReportListResponse } } },
    (req) => service.listReports(deps(), requireActor(req), req.query),
  );
  app.post(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Lập báo cáo (định kỳ, sơ kết, tổng kết, đột xuất) của đơn vị mình',
        body: CreateReportRequest,
        response: { 201: ReportDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createReport(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.get(
    '/api/reports/status',
    {
      schema: {
        tags,
        summary: 'Cấp trên: đơn vị nào đã/chưa gửi, quá hạn; tổng hợp số liệu đã gửi',
        querystring: ChildrenStatusQuery,
        response: { 200: ChildrenStatusResponse },
      },
    },
    (req) => service.childrenStatus(deps(), requireActor(req), req.query),
  );
  app.get(
    '/api/reports/deadline',
    { schema: { tags, summary: 'Hạn xã nộp báo cáo năm cho tỉnh', querystring: DeadlineQuery, response: { 200: DeadlineResponse } } },
    (req) => service.getDeadline(deps(), requireActor(req), req.query),
  );
  app.put(
    '/api/reports/deadline',
    { schema: { tags, summary: 'Tỉnh đặt hạn xã nộp báo cáo năm', body: DeadlineRequest, response: { 200: DeadlineResponse } } },
    (req) => service.setDeadline(deps(), requireActor(req), req.body, metaOf(req)),
  );
  app.get(
    '/api/report-requests',
    { schema: { tags, summary: 'Yêu cầu báo cáo đột xuất (đã gửi đi hoặc gửi tới tôi)', response: { 200: AdhocRequestList } } },
    (req) => service.listAdhocRequests(deps(), requireActor(req)),
  );
  app.post(
    '/api/report-requests',
    { schema: { tags, summary: 'Yêu cầu cấp dưới báo cáo đột xuất', body: CreateAdhocRequest, response: { 201: AdhocRequestItem } } },
    async (req, reply) => reply.status(201).send(await service.createAdhocRequest(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.get(
    '/api/reports/:id',
    {
      schema: { tags, summary: 'Chi tiết báo cáo (số liệu đóng băng khi đã gửi)', params: ReportIdParams, response: { 200: ReportDetail } },
    },
    (req) => service.reportDetail(deps(), requireActor(req), req.params.id),
  );
  app.patch(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: 'Sửa nội dung (lưu tự động; kèm phiên bản)',
        params: ReportIdParams,
        body: UpdateReportRequest,
        response: { 200: ReportDetail },
      },
    },
    (req) => service.updateReport(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.post(
    '/api/reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'Gửi báo cáo lên cấp trên (đóng băng số liệu)',
        params: ReportIdParams,
        body: SubmitReportRequest,
        response: { 200: ReportDetail },
      },
    },
    (req) => service.submitReport(deps(), requireActor(req), req.params.id, req.body.version, metaOf(req)),
  );
  app.post(
    '/api/reports/:id/review',
    {
      schema: {
        tags,
        summary: 'Cấp trên tiếp nhận hoặc trả lại (kèm ý kiến)',
        params: ReportIdParams,
        body: ReviewReportRequest,
        response: { 200: ReportDetail },
      },
    },
    (req) => service.reviewReport(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  for (const format of ['docx', 'xlsx'] as const) {
    app.get(
      `/api/reports/:id/${format}`,
      {
        schema: {
          tags,
          summary: format === 'docx' ? 'Tải văn bản báo cáo (.docx)' : 'Tải các biểu phụ lục (.xlsx)',
          params: ReportIdParams,
        },
      },
      async (req, reply) => {
        const f = await output.renderReport(deps(), requireActor(req), req.params.id, format);
        return reply.type(f.contentType).header('content-disposition', attachment(f.fileName)).send(f.buffer);
      },
    );
  }
  app.post(
    '/api/reports/:id/builds',
    {
      schema: {
        tags,
        summary: 'Lập tệp báo cáo ở nền (theo dõi tiến độ)',
        params: ReportIdParams,
        body: BuildRequest,
        response: { 202: BuildStatus },
      },
    },
    async (req, reply) => reply.status(202).send(await output.startBuild(deps(), requireActor(req), req.params.id, req.body.format)),
  );
  app.get(
    '/api/report-builds/:buildId',
    { schema: { tags, summary: 'Tiến độ lập tệp', params: BuildIdParams, response: { 200: BuildStatus } } },
    (req) => output.buildStatus(deps(), requireActor(req), req.params.buildId),
  );
  app.get(
    '/api/report-builds/:buildId/file',
    { schema: { tags, summary: 'Tải tệp đã lập', params: BuildIdParams } },
    async (req, reply) => {
      const f = await output.buildFile(deps(), requireActor(req), req.params.buildId);
      return reply.type(f.contentType).header('content-disposition', attachment(f.fileName)).send(f.buffer);
    },
  );
};
