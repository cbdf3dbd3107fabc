/**
 * Excel side of the officials registry (SPEC §3 "Excel is how these users work"): template, import
 * (dry run, all-or-nothing, background job), export of a filtered list, bulk accounts for officials.
 */
import { z } from 'zod';
import { OfficialListQuery } from './api-officials.ts';

/** Data rows one file may hold; larger rosters are split into several files. */
export const ROSTER_IMPORT_MAX_ROWS = 20_000;
/** Upload limit of an import file. */
export const ROSTER_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Officials per bulk account request. */
export const OFFICIAL_ACCOUNTS_MAX = 1000;
/** At most this many problems are listed in one answer (`errorCount` tells how many there were). */
export const ROSTER_IMPORT_MAX_LISTED_ERRORS = 5000;

const boolish = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');
const communeCode = z.string().regex(/^\d{5}$/, 'gồm 5 chữ số');

/** `?commune=` may be left out by a commune admin (their own commune); others must give it. */
export const RosterTemplateQuery = z.object({ commune: communeCode.optional() });

export const RosterImportQuery = z.object({
  commune: communeCode.optional(),
  /** true: check the file and report, save nothing. Default false (the import is saved when the file has no problem). */
  dryRun: boolish.default(false),
  /** true: answer 202 {jobId} at once and process the file in the background. */
  async: boolish.default(false),
});
export type RosterImportQuery = z.infer<typeof RosterImportQuery>;

/** One problem of the file: Excel row number, Vietnamese column header, what is wrong and how to fix it. */
export const RosterImportError = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type RosterImportError = z.infer<typeof RosterImportError>;

export const RosterImportResult = z.object({
  /** true when the file has no problem (and, unless dryRun, was saved). */
  ok: z.boolean(),
  dryRun: z.boolean(),
  /** People created (a dry run: who would be created). 0 when the file has problems and dryRun=false. */
  created: z.number().int(),
  /** Matched people whose record changed. */
  updated: z.number().int(),
  /** Matched people whose record was already identical. */
  unchanged: z.number().int(),
  /** Data rows read (empty rows skipped). */
  totalRows: z.number().int(),
  errors: z.array(RosterImportError),
  /** All problems found; `errors` lists at most ROSTER_IMPORT_MAX_LISTED_ERRORS of them. */
  errorCount: z.number().int(),
  sheetName: z.string(),
  /** Headers of the file the import does not use (extra columns are allowed and ignored). */
  ignoredColumns: z.array(z.string()),
});
export type RosterImportResult = z.infer<typeof RosterImportResult>;

export const RosterImportJobAccepted = z.object({ jobId: z.string() });
export const RosterImportJobParams = z.object({ id: z.string().max(64) });

export const ROSTER_IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const RosterImportJobStatus = z.object({
  id: z.string(),
  status: z.enum(ROSTER_IMPORT_JOB_STATUSES),
  /** 0–100 */
  progress: z.number().int(),
  totalRows: z.number().int().nullable(),
  dryRun: z.boolean(),
  communeCode: z.string().nullable(),
  fileName: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** When status is done: the same answer the synchronous import gives. */
  result: RosterImportResult.optional(),
  /** When status is failed: why (e.g. the file is not an .xlsx, or it has no header row). */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type RosterImportJobStatus = z.infer<typeof RosterImportJobStatus>;

/** The caller's recent import jobs (to come back to a long import later); details via GET …/import-jobs/:id. */
export const RosterImportJobList = z.object({ items: z.array(RosterImportJobStatus.omit({ result: true, error: true })) });

/** Same filters as GET /api/officials (no paging), plus the sensitive columns on request. */
export const RosterExportQuery = OfficialListQuery.omit({ page: true, pageSize: true }).extend({
  /** Add ethnicity and religion (needs officials.readSensitive; every such export is audited). */
  includeSensitive: boolish.default(false),
});
export type RosterExportQuery = z.infer<typeof RosterExportQuery>;

export const CreateOfficialAccountsRequest = z.object({
  officialIds: z
    .array(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'không phải mã hồ sơ hợp lệ'))
    .min(1, 'cần chọn ít nhất một người')
    .max(OFFICIAL_ACCOUNTS_MAX, `tối đa ${OFFICIAL_ACCOUNTS_MAX} người mỗi lần`),
});
export type CreateOfficialAccountsRequest = z.infer<typeof CreateOfficialAccountsRequest>;

/**
 * POST /api/officials/accounts answers an .xlsx (sheet "Tài khoản": Họ và tên, Tên đăng nhập,
 * Mật khẩu dùng một lần, Ghi chú) with these headers for the UI's summary.
 */
export const OFFICIAL_ACCOUNTS_HEADERS = { created: 'x-accounts-created', skipped: 'x-accounts-skipped' } as const;
