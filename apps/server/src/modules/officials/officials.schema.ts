import { z } from 'zod';
export {
  ChangeStatusRequest,
  CreateOfficialRequest,
  OfficialDetail,
  OfficialListQuery,
  OfficialListResponse,
  SensitiveData,
  TransferRequest,
  UpdateOfficialRequest,
  UpdateSensitiveRequest,
} from '@app/shared';
export const OfficialIdParams = z.object({ id: z.string().max(64) });
