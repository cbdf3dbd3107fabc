/** Schemas of the programme catalogue routes: shared with the web client (packages/shared/src/api-programmes.ts). */
export {
  CreateProgrammeRequest,
  ProgrammeDetail,
  ProgrammeIdParams,
  ProgrammeListQuery,
  ProgrammeListResponse,
  ProgrammeStatusRequest,
  UpdateProgrammeRequest,
} from '@app/shared';
