/**
 * KPI routes (SPEC §9, issue 6 "Public API"). Thin: parse, check the scope, call the engine.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { KpiChildrenResponse, KpiPeopleQuery, KpiPeopleResponse, KpiQuery, KpiResult, KpiTrendQuery, KpiTrendResponse } from '@app/shared';
import { requireActor } from '../../http/context.ts';
import { resolveScope } from './kpis.access.ts';
import * as service from './kpis.service.ts';

const tags = ['Chỉ tiêu'];

export const kpisRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  app.get(
    '/api/kpis',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu K1–K8, P1 của một phạm vi, giai đoạn, ngày tính',
        querystring: KpiQuery,
        response: { 200: KpiResult },
      },
    },
    async (req) => {
      const scope = await resolveScope(db(), requireActor(req), req.query.scope, req.query.asOf);
      return service.computeKpis(db(), { scope, phase: req.query.phase, asOf: req.query.asOf });
    },
  );
  app.get(
    '/api/kpis/children',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu của từng đơn vị cấp dưới (toàn quốc → tỉnh → xã → cơ quan, đơn vị)',
        querystring: KpiQuery,
        response: { 200: KpiChildrenResponse },
      },
    },
    async (req) => {
      const scope = await resolveScope(db(), requireActor(req), req.query.scope, req.query.asOf);
      const p = { scope, phase: req.query.phase, asOf: req.query.asOf };
      const prefix = scope.level === 'nation' ? 'province' : scope.level === 'province' ? 'commune' : 'unit';
      const rows = await service.computeChildKpis(db(), p);
      return {
        scope: req.query.scope,
        phase: p.phase,
        asOf: p.asOf,
        items: rows.map((r) => ({ scope: `${prefix}:${r.code}`, code: r.code, name: r.name, indicators: r.indicators })),
      };
    },
  );
  app.get(
    '/api/kpis/people',
    {
      schema: {
        tags,
        summary: 'Danh sách cán bộ (hoặc lượt cử, chương trình) đứng sau tử số, mẫu số hoặc phần còn thiếu',
        querystring: KpiPeopleQuery,
        response: { 200: KpiPeopleResponse },
      },
    },
    async (req) => {
      const q = req.query;
      const scope = await resolveScope(db(), requireActor(req), q.scope, q.asOf);
      return service.kpiPeople(db(), {
        scope,
        phase: q.phase,
        asOf: q.asOf,
        code: q.code,
        part: q.part,
        page: q.page,
        pageSize: q.pageSize,
      });
    },
  );
  app.get(
    '/api/kpis/trend',
    { schema: { tags, summary: 'Diễn biến theo tháng của một chỉ tiêu', querystring: KpiTrendQuery, response: { 200: KpiTrendResponse } } },
    async (req) => {
      const q = req.query;
      const scope = await resolveScope(db(), requireActor(req), q.scope, q.asOf);
      const points = await service.kpiTrend(db(), { scope, phase: q.phase, asOf: q.asOf, code: q.code, from: q.from });
      return { scope: q.scope, phase: q.phase, code: q.code, points };
    },
  );
};
