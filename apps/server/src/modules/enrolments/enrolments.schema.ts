/** Request/response schemas of nominations (shared with the web client) and this module's path parameters. */
import { z } from 'zod';
export {
  ApproveEnrolmentRequest,
  CancelEnrolmentRequest,
  ClassNominationsResponse,
  ContinuitySettings,
  EnrolmentChangeResponse,
  EnrolmentListQuery,
  EnrolmentListResponse,
  NominateRequest,
  NominateResponse,
  RejectEnrolmentRequest,
  SuggestionsQuery,
  SuggestionsResponse,
  UpdateContinuitySettingsRequest,
} from '@app/shared';

const id = () => z.coerce.number().int().positive().max(2_147_483_647);
export const ClassIdParams = z.object({ id: id() });
export const EnrolmentIdParams = z.object({ id: id() });
export const ProvinceParams = z.object({ provinceCode: z.string().regex(/^\d{2}$/, 'gồm 2 chữ số') });
