/**
 * Dashboard routes (SPEC §9): forecasts and the .xlsx exports. Thin: parse, check the scope with
 * the KPI module's scope rule (kpis.read + area), call the service.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DashboardExportQuery, ForecastResponse, KpiPeopleQuery, KpiQuery } from '@app/shared';
import { requireActor } from '../../http/context.ts';
import { resolveScope } from '../kpis/kpis.access.ts';
import * as service from './dashboard.service.ts';
import { XLSX_MIME } from './dashboard-workbook.ts';
import { contentDisposition as attachment } from '../../http/download.ts';

const tags = ['Bảng điều khiển'];
/** The drawer's query without paging: the export holds every row. */
const PeopleExportQuery = KpiPeopleQuery.omit({ page: true, pageSize: true });

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  app.get(
    '/api/dashboard/forecast',
    {
      schema: {
        tags,
        summary: 'Dự báo thời điểm đạt từng chỉ tiêu theo tốc độ hiện tại',
        querystring: KpiQuery,
        response: { 200: ForecastResponse },
      },
    },
    async (req) => {
      const scope = await resolveScope(db(), requireActor(req), req.query.scope, req.query.asOf);
      return service.forecasts(db(), { scope, phase: req.query.phase, asOf: req.query.asOf });
    },
  );
  app.get(
    '/api/dashboard/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất bảng chỉ tiêu (table=kpis) hoặc bảng cấp dưới (table=children) ra Excel',
        querystring: DashboardExportQuery,
      },
    },
    async (req, reply) => {
      const scope = await resolveScope(db(), requireActor(req), req.query.scope, req.query.asOf);
      const f = await service.exportTable(db(), { scope, phase: req.query.phase, asOf: req.query.asOf }, req.query.table);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(f.fileName)).send(f.content);
    },
  );
  app.get(
    '/api/dashboard/people.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất ra Excel toàn bộ danh sách đứng sau một con số chỉ tiêu (tử số, mẫu số hoặc phần còn thiếu)',
        querystring: PeopleExportQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      const scope = await resolveScope(db(), requireActor(req), q.scope, q.asOf);
      const f = await service.exportPeople(db(), { scope, phase: q.phase, asOf: q.asOf, code: q.code, part: q.part });
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment(f.fileName))
        .header('x-row-count', String(f.rows))
        .send(f.content);
    },
  );
};
