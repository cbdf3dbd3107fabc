/** Request/response schemas of classes (shared with the web client) and this module's path parameters. */
import { z } from 'zod';
export {
  AttendanceRequest,
  BridgePointItem,
  BridgePointRequest,
  ChangeClassStatusRequest,
  ClassDetail,
  ClassListQuery,
  ClassListResponse,
  ClassResultsResponse,
  ClassSessionItem,
  ComputeResultsResponse,
  CreateClassRequest,
  OkResponse,
  ResultsImportQuery,
  ResultsImportResponse,
  ScoresRequest,
  SessionRequest,
  UpdateClassRequest,
  UpdateSessionRequest,
} from '@app/shared';

const id = () => z.coerce.number().int().positive().max(2_147_483_647);
export const ClassIdParams = z.object({ id: id() });
export const SessionParams = z.object({ id: id(), sid: id() });
export const BridgePointParams = z.object({ id: id(), bid: id() });
