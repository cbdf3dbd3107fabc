/** Request/response schemas of the Excel endpoints (shared with the web client). */
export {
  CreateOfficialAccountsRequest,
  RosterExportQuery,
  RosterImportJobAccepted,
  RosterImportJobList,
  RosterImportJobParams,
  RosterImportJobStatus,
  RosterImportQuery,
  RosterImportResult,
  RosterTemplateQuery,
} from '@app/shared';
