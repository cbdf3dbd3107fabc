/** Schemas of the plan routes: shared with the web client (packages/shared/src/api-programmes.ts). */
export {
  CreatePlanRequest,
  PlanDetail,
  PlanDetailQuery,
  PlanIdParams,
  PlanListQuery,
  PlanListResponse,
  UpdatePlanRequest,
} from '@app/shared';
