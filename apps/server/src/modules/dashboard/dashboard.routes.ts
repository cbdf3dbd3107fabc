/**
 * Dashboard routes (SPEC §9): forecasts and the .xlsx exports. Thin: parse, check the scope with
 * the KPI module's scope rule (kpis.read + area), call the service.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DashboardExportQuery, ForecastResponse, KpiQuery } from '@app/shared';
import { requireActor } from '../../http/context.ts';
import { resolveScope } from '../kpis/kpis.access.ts';
import * as service from './dashboard.service.ts';
import { XLSX_MIME } from './dashboard-workbook.ts';
import { contentDisposition as attachment } from '../../http/download.ts';

const tags = ['Bảng điều khiển'];

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
};
