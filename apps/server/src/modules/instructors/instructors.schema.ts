/** Schemas of the instructor pool routes: shared with the web client (packages/shared/src/api-programmes.ts). */
export {
  CreateInstructorRequest,
  InstructorDetail,
  InstructorIdParams,
  InstructorListQuery,
  InstructorListResponse,
  UpdateInstructorRequest,
} from '@app/shared';
