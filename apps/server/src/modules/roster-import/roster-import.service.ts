/**
 * Importing a roster from Excel (SPEC §3): read the file, check every row in memory with reference
 * data loaded once, match people already registered, then write everything in one transaction with
 * a few bulk statements — or nothing at all: a dry run, or a file with any problem. The same
 * function serves the request and the background worker (import-worker.ts).
 */
import crypto from 'node:crypto';
import { ROSTER_IMPORT_MAX_LISTED_ERRORS, ROSTER_IMPORT_MAX_ROWS, type RosterImportResult } from '@app/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { assertCan, type Actor } from '../../authz/policy.ts';
import { AppError, badField, conflict, postgresErrorCode } from '../../http/errors.ts';
import type { RequestMeta } from '../audit/audit.service.ts';
import { recordFlagChange } from '../officials/officials.service.ts';
import { computeMeetsRequirement, dayBefore, givenNameOf, isBelowStandard } from '../officials/officials.rules.ts';
import { COLUMNS, type FieldKey } from './roster-columns.ts';
import * as repo from './roster-import.repository.ts';
import { buildNameIndex } from './roster-cells.rules.ts';
import {
  isEmptyRow,
  matchHeaders,
  mergedCellProblems,
  missingColumnsMessage,
  parseRow,
  type ParsedRow,
  type RowError,
  type RowValues,
} from './roster-import.rules.ts';
import { changedFields, duplicatesInFile, matchRows } from './roster-matching.rules.ts';
import { DATA_SHEET } from './roster-workbook.ts';
import { readXlsxSheet, tooManyRowsMessage, XlsxReadError } from './xlsx-reader.ts';

export interface RosterDeps {
  db: Db;
  clock: Clock;
}

const SOURCE = 'Nhập từ tệp Excel';

export type Commune = NonNullable<Awaited<ReturnType<typeof repo.findCommune>>>;

/** The commune an Excel operation is about: `?commune=` or, for a commune-level account, its own. */
export async function resolveCommune(
  db: DbOrTx,
  actor: Actor,
  commune: string | undefined,
  permission: 'officials.manage' | 'officials.read' = 'officials.manage',
): Promise<Commune> {
  const code = commune ?? actor.communeCode ?? undefined;
  if (!code) throw badField('commune', 'cần chọn xã, phường (tham số commune)');
  const c = await repo.findCommune(db, code);
  if (!c) throw badField('commune', `không có xã, phường mã ${code}`);
  assertCan(actor, permission, { provinceCode: c.provinceCode, communeCode: c.code });
  return c;
}

// ---------------------------------------------------------------- import

export interface ImportInput {
  file: Buffer;
  fileName: string | null;
  dryRun: boolean;
}

export interface ImportHooks {
  /** progress 0–100, and the number of data rows once known */
  onProgress?: (progress: number, totalRows: number | null) => void;
  /** checked between phases; aborting before the commit leaves nothing written */
  signal?: AbortSignal;
  /** background job id, written into the audit entries */
  jobId?: string;
}

/** A problem with the file as a whole (not one row): 400 with a Vietnamese message naming the file. */
export function fileProblem(message: string): AppError {
  return new AppError(400, 'VALIDATION_ERROR', message, [{ field: 'file', message }]);
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportAborted();
}
export class ImportAborted extends Error {}

interface Prepared {
  sheetName: string;
  ignoredColumns: string[];
  present: Set<FieldKey>;
  rows: ParsedRow[];
  errors: RowError[];
  positions: Map<number, repo.PositionRow>;
}

/** Reads and checks the file (no database writes). Problems of the whole file throw a 400. */
async function prepare(db: DbOrTx, commune: Commune, input: ImportInput, today: string, hooks: ImportHooks): Promise<Prepared> {
  let sheet;
  try {
    sheet = readXlsxSheet(input.file, { maxRows: ROSTER_IMPORT_MAX_ROWS, preferSheet: DATA_SHEET });
  } catch (err) {
    if (err instanceof XlsxReadError) throw fileProblem(err.message);
    throw err;
  }
  hooks.onProgress?.(10, null);
  checkAborted(hooks.signal);
  if (sheet.rows.length === 0) {
    throw fileProblem(
      `Trang tính "${sheet.name}" không có dữ liệu. Hãy điền danh sách vào trang "${DATA_SHEET}" của tệp mẫu (mỗi người một dòng, từ dòng 2).`,
    );
  }
  const header = matchHeaders(sheet.rows);
  if (!header) {
    throw fileProblem(
      `Không tìm thấy dòng tiêu đề cột (Họ và tên, Ngày sinh, Giới tính, …) trong ${10} dòng đầu của trang "${sheet.name}". Hãy dùng tệp mẫu tải từ hệ thống và giữ nguyên dòng tiêu đề.`,
    );
  }
  if (header.missingRequired.length) throw fileProblem(missingColumnsMessage(header.missingRequired, sheet.name));
  const dataRows = sheet.rows.slice(header.headerIndex + 1).filter((r) => !isEmptyRow(r, header));
  if (dataRows.length > ROSTER_IMPORT_MAX_ROWS) throw fileProblem(tooManyRowsMessage(ROSTER_IMPORT_MAX_ROWS, sheet.name));
  if (dataRows.length === 0) {
    throw fileProblem(
      `Trang "${sheet.name}" chưa có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${header.headerRow}). Hãy điền mỗi người một dòng rồi tải lên lại.`,
    );
  }
  hooks.onProgress?.(15, dataRows.length);

  const [units, usable] = await Promise.all([
    repo.activeUnits(db, commune.code),
    repo.usablePositions(db, commune.provinceCode, commune.code),
  ]);
  const ctx = { today, date1904: sheet.date1904, units: buildNameIndex(units), positions: buildNameIndex(usable) };
  const merged = mergedCellProblems(sheet.merges, header);
  const errors: RowError[] = [...merged.errors];
  const rows: ParsedRow[] = [];
  for (let i = 0; i < dataRows.length; i++) {
    const raw = dataRows[i]!;
    const { parsed, errors: rowErrors } = parseRow(raw, header, ctx, merged.covered.get(raw.r));
    rows.push(parsed);
    for (const e of rowErrors) errors.push(e);
    if (i % 2000 === 1999) {
      hooks.onProgress?.(15 + Math.round((45 * i) / dataRows.length), dataRows.length);
      checkAborted(hooks.signal);
    }
  }
  for (const e of duplicatesInFile(rows)) errors.push(e);
  hooks.onProgress?.(60, dataRows.length);
  return {
    sheetName: sheet.name,
    ignoredColumns: header.ignored,
    present: new Set(header.columns.keys()),
    rows,
    errors,
    positions: new Map(usable.map((p) => [p.id, p])),
  };
}

const COLUMN_ORDER = new Map(COLUMNS.map((c, i) => [c.header, i]));
function sortErrors(errors: RowError[]): RowError[] {
  return errors.sort((a, b) => a.row - b.row || (COLUMN_ORDER.get(a.column) ?? 99) - (COLUMN_ORDER.get(b.column) ?? 99));
}

function result(
  p: Prepared,
  dryRun: boolean,
  counts: { created: number; updated: number; unchanged: number },
  errors: RowError[],
): RosterImportResult {
  const sorted = sortErrors(errors);
  const ok = sorted.length === 0;
  return {
    ok,
    dryRun,
    ...(ok || dryRun ? counts : { created: 0, updated: 0, unchanged: 0 }),
    totalRows: p.rows.length,
    errors: sorted.slice(0, ROSTER_IMPORT_MAX_LISTED_ERRORS),
    errorCount: sorted.length,
    sheetName: p.sheetName,
    ignoredColumns: p.ignoredColumns,
  };
}

/** Current values of a registered person, keyed like the template's fields. */
function currentValues(o: repo.OfficialRow): Record<FieldKey, unknown> {
  return {
    fullName: o.fullName,
    birthDate: o.birthDate,
    gender: o.gender,
    cccd: o.cccd,
    officialType: o.officialType,
    isLeader: o.isLeader,
    leaderTitle: o.leaderTitle,
    bloc: o.bloc,
    unitId: o.unitId,
    positionId: o.positionId,
    eduLevel: o.eduLevel,
    studyField: o.studyField,
    studyFieldName: o.studyFieldName,
    politicalTheory: o.politicalTheory,
    stateMgmtLevel: o.stateMgmtLevel,
    itLevel: o.itLevel,
    foreignLanguage: o.foreignLanguage,
    joinedAt: o.joinedAt,
    affectedByReorg: o.affectedByReorg,
    email: o.email,
    phone: o.phone,
  };
}

interface Plan {
  creates: repo.NewOfficial[];
  updates: { before: repo.OfficialRow; patch: Partial<RowValues>; row: repo.UpdatedOfficial }[];
  unchanged: number;
  errors: RowError[];
}

/** Values of a new person: what the row gives, the rest empty (optional columns may be absent from the file). */
function withDefaults(v: Partial<RowValues>): RowValues {
  const out = {} as Record<FieldKey, unknown>;
  for (const c of COLUMNS) out[c.key] = (v as Record<string, unknown>)[c.key] ?? (c.type.kind === 'bool' ? false : null);
  return out as unknown as RowValues;
}

/** The stored columns of a person (snake_case, as the bulk statements read them). */
function record(
  v: RowValues,
  place: { id: string; province_code: string; commune_code: string },
  computed: boolean | null,
  override: boolean | null,
) {
  return {
    ...place,
    unit_id: v.unitId,
    position_id: v.positionId,
    full_name: v.fullName,
    given_name: givenNameOf(v.fullName),
    birth_date: v.birthDate,
    gender: v.gender,
    cccd: v.cccd,
    email: v.email,
    phone: v.phone,
    official_type: v.officialType,
    is_leader: v.isLeader,
    leader_title: v.leaderTitle,
    bloc: v.bloc,
    edu_level: v.eduLevel,
    study_field: v.studyField,
    study_field_name: v.studyFieldName,
    political_theory: v.politicalTheory,
    state_mgmt_level: v.stateMgmtLevel,
    it_level: v.itLevel,
    foreign_language: v.foreignLanguage,
    joined_at: v.joinedAt,
    meets_requirement_computed: computed,
    below_standard: isBelowStandard(computed, override),
    affected_by_reorg: v.affectedByReorg,
  };
}

/** Matches rows with registered people and decides, per row, create / update / nothing. */
async function plan(db: DbOrTx, commune: Commune, p: Prepared, today: string): Promise<Plan> {
  const cccds = [...new Set(p.rows.flatMap((r) => (r.values.cccd ? [r.values.cccd] : [])))];
  const [holders, inCommune] = await Promise.all([repo.officialsByCccds(db, cccds), repo.communeOfficials(db, commune.code)]);
  const byCccd = new Map(holders.map((h) => [h.cccd!, h]));
  const { matches, errors } = matchRows(p.rows, commune.code, byCccd, inCommune);
  const byId = new Map(inCommune.map((o) => [o.id, o]));
  const rowsByNumber = new Map(p.rows.map((r) => [r.row, r]));
  // Requirements of positions people hold today even if no longer offered in the commune.
  const missing = [...new Set(inCommune.flatMap((o) => (o.positionId !== null && !p.positions.has(o.positionId) ? [o.positionId] : [])))];
  for (const pos of await repo.positionsByIds(db, missing)) p.positions.set(pos.id, pos);
  const meets = (v: RowValues) =>
    computeMeetsRequirement(
      { eduLevel: v.eduLevel, studyField: v.studyField },
      v.positionId === null ? null : (p.positions.get(v.positionId) ?? null),
    );

  const out: Plan = { creates: [], updates: [], unchanged: 0, errors };
  for (const m of matches) {
    const r = rowsByNumber.get(m.row)!;
    if (!r.valid) continue;
    if (m.kind === 'create') {
      const v = withDefaults(r.values);
      const place = { id: crypto.randomUUID(), province_code: commune.provinceCode, commune_code: commune.code };
      out.creates.push({ ...record(v, place, meets(v), null), start_date: v.joinedAt && v.joinedAt <= today ? v.joinedAt : today });
      continue;
    }
    const before = byId.get(m.officialId)!;
    const patch = changedFields(currentValues(before), r.values, p.present);
    if (Object.keys(patch).length === 0) {
      out.unchanged++;
      continue;
    }
    const merged = { ...currentValues(before), ...patch } as RowValues;
    const place = { id: before.id, province_code: before.provinceCode, commune_code: before.communeCode };
    out.updates.push({
      before,
      patch,
      row: { ...record(merged, place, meets(merged), before.meetsRequirementOverride), version: before.version },
    });
  }
  return out;
}

function auditBase(actor: Actor, meta: RequestMeta) {
  return { actor_id: actor.id, actor_username: actor.username, actor_role: actor.role, ip: meta.ip, request_id: meta.requestId };
}

/** Writes a plan inside the caller's transaction: bulk inserts/updates, history, flags, audit. */
async function write(
  tx: DbOrTx,
  actor: Actor,
  meta: RequestMeta,
  commune: Commune,
  pl: Plan,
  input: ImportInput,
  clock: Clock,
  jobId?: string,
): Promise<void> {
  const now = clock.now();
  const today = clock.today();
  const by = actor.username;
  await repo.insertOfficials(tx, pl.creates, by, now, today, {
    assignment: SOURCE,
    below: 'Chưa đáp ứng yêu cầu chuyên môn của vị trí việc làm (tính khi nhập hồ sơ)',
    reorg: 'Khai báo khi nhập hồ sơ',
  });

  const written = await repo.updateOfficials(
    tx,
    pl.updates.map((u) => u.row),
    by,
    now,
  );
  if (written.length !== pl.updates.length) {
    throw conflict('Một số hồ sơ vừa được người khác sửa trong lúc nhập; không có gì được lưu. Hãy nhập lại tệp.');
  }
  // Assignment history when unit or position changed (same rule as editing one record).
  const moved = pl.updates.filter((u) => 'unitId' in u.patch || 'positionId' in u.patch);
  if (moved.length) {
    const open = new Map(
      (
        await repo.openAssignmentsOf(
          tx,
          moved.map((u) => u.before.id),
        )
      ).map((a) => [a.official_id, a]),
    );
    const inPlace: { id: number; unit_id: number | null; position_id: number | null }[] = [];
    const start: repo.AssignmentChange[] = [];
    for (const u of moved) {
      const a = open.get(u.before.id);
      if (a && a.from_date === today) inPlace.push({ id: a.id, unit_id: u.row.unit_id, position_id: u.row.position_id });
      else
        start.push({
          official_id: u.before.id,
          province_code: u.row.province_code,
          commune_code: u.row.commune_code,
          unit_id: u.row.unit_id,
          position_id: u.row.position_id,
        });
    }
    await repo.applyAssignmentChanges(tx, inPlace, start, start, dayBefore(today), today, `${SOURCE}: điều động, bố trí lại`, by, now);
  }
  for (const u of pl.updates) {
    const o = { id: u.before.id, provinceCode: u.before.provinceCode, communeCode: u.before.communeCode };
    await recordFlagChange(tx, o, 'below_standard', u.before.belowStandard, u.row.below_standard, today, by, SOURCE, now);
    await recordFlagChange(tx, o, 'affected_by_reorg', u.before.affectedByReorg, u.row.affected_by_reorg, today, by, SOURCE, now);
  }

  const base = auditBase(actor, meta);
  const source = { source: 'excel', fileName: input.fileName, ...(jobId ? { jobId } : {}) };
  const entries: repo.AuditRow[] = [
    ...pl.creates.map((c) => {
      const { start_date: _start, ...after } = c;
      return {
        ...base,
        action: 'official.create',
        entity_type: 'official',
        entity_id: c.id,
        province_code: c.province_code,
        commune_code: c.commune_code,
        before: null,
        after: { ...after, ...source },
      };
    }),
    ...pl.updates.map((u) => {
      const before: Record<string, unknown> = {};
      const cur = currentValues(u.before);
      for (const k of Object.keys(u.patch)) before[k] = cur[k as FieldKey];
      return {
        ...base,
        action: 'official.update',
        entity_type: 'official',
        entity_id: u.before.id,
        province_code: u.before.provinceCode,
        commune_code: u.before.communeCode,
        before,
        after: { ...u.patch, belowStandard: u.row.below_standard, ...source },
      };
    }),
    {
      ...base,
      action: 'official.import',
      entity_type: 'import',
      entity_id: jobId ?? null,
      province_code: commune.provinceCode,
      commune_code: commune.code,
      before: null,
      after: { ...source, created: pl.creates.length, updated: pl.updates.length, unchanged: pl.unchanged },
    },
  ];
  await repo.insertAuditEntries(tx, entries, now);
}

/**
 * The whole import. dryRun → report only. Otherwise one transaction (imports into one commune run
 * one after the other): nothing is written unless every row is valid.
 */
export async function importRoster(
  deps: RosterDeps,
  actor: Actor,
  communeParam: string | undefined,
  input: ImportInput,
  meta: RequestMeta,
  hooks: ImportHooks = {},
): Promise<RosterImportResult> {
  const commune = await resolveCommune(deps.db, actor, communeParam);
  const today = deps.clock.today();
  const prepared = await prepare(deps.db, commune, input, today, hooks);
  checkAborted(hooks.signal);

  const run = async (db: DbOrTx): Promise<RosterImportResult> => {
    const pl = await plan(db, commune, prepared, today);
    hooks.onProgress?.(70, prepared.rows.length);
    const errors = [...prepared.errors, ...pl.errors];
    const counts = { created: pl.creates.length, updated: pl.updates.length, unchanged: pl.unchanged };
    if (input.dryRun || errors.length) return result(prepared, input.dryRun, counts, errors);
    checkAborted(hooks.signal);
    await write(db, actor, meta, commune, pl, input, deps.clock, hooks.jobId);
    hooks.onProgress?.(95, prepared.rows.length);
    return result(prepared, false, counts, []);
  };
  if (input.dryRun) return run(deps.db);
  try {
    return await deps.db.transaction(async (tx) => {
      await repo.lockCommuneForImport(tx, commune.code);
      return run(tx);
    });
  } catch (err) {
    if (postgresErrorCode(err) === '23505')
      throw conflict(
        'Số CCCD của một dòng vừa được ghi cho hồ sơ khác trong lúc nhập; không có gì được lưu. Hãy kiểm tra thử lại tệp.',
        'cccd',
      );
    throw err;
  }
}
