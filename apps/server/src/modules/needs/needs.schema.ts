import { z } from 'zod';
export {
  CreateNeedRequest,
  DecideNeedRequest,
  MyNeedsQuery,
  MyNeedsResponse,
  NeedItem,
  NeedsListQuery,
  NeedsListResponse,
  ReviewNeedsQuery,
  ReviewNeedsResponse,
  UrgentQuery,
  UrgentResponse,
  WarningsQuery,
  WarningsResponse,
} from '@app/shared';
export const NeedIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
