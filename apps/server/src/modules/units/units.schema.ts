import { z } from 'zod';
export {
  CommuneDetailResponse,
  CommuneItem,
  CommuneListQuery,
  CommuneListResponse,
  CreateTrainingOrgRequest,
  CreateUnitRequest,
  ProvinceItem,
  ProvinceListResponse,
  TrainingOrgItem,
  TrainingOrgListResponse,
  UnitItem,
  UpdateCommuneRequest,
  UpdateTrainingOrgRequest,
  UpdateUnitRequest,
} from '@app/shared';

export const ProvinceCodeParams = z.object({ code: z.string().regex(/^\d{2}$/, 'gồm 2 chữ số') });
export const CommuneCodeParams = z.object({ code: z.string().regex(/^\d{5}$/, 'gồm 5 chữ số') });
export const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
