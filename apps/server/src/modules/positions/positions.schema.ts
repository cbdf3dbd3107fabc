import { z } from 'zod';
export { CreatePositionRequest, PositionItem, PositionListQuery, PositionListResponse, UpdatePositionRequest } from '@app/shared';
export const PositionIdParams = z.object({ id: z.coerce.number().int().positive() });
