/**
 * Annual ratings in Excel (Decree 335/2025, SPEC §8 and §3 "Excel is how these users work"): the
 * template of a commune (its officials, any rating they already have), and the import — every row
 * checked first (row, column, Vietnamese reason), nothing saved if any row fails, only officials of
 * the caller's scope, an upsert per (official, year) with an audit entry per change, and a summary.
 */
import { RATING_IMPORT_MAX_ROWS, type RatingImportError, type RatingImportResponse, type RatingWarning } from '@app/shared';
import { assertCan, can, type Actor } from '../../authz/policy.ts';
import { badField, notFound } from '../../http/errors.ts';
import { auditEntry, type RequestMeta } from '../audit/audit.service.ts';
import { readXlsxSheet, XlsxReadError } from '../roster-import/xlsx-reader.ts';
import { textOf } from '../roster-import/roster-cells.rules.ts';
import * as repo from './ratings.repository.ts';
import {
  changeKind,
  headerOf,
  isUnfilled,
  mapHeader,
  parseRatingRow,
  RATINGS_SHEET,
  sameName,
  type ParsedRating,
} from './ratings-import.rules.ts';
import { htxsOverLimit, htxsWarningMessage } from './ratings.rules.ts';
import { buildRatingsTemplate } from './ratings-workbook.ts';
import type { Deps } from './ratings.service.ts';

const MAX_ERRORS = 2000;
const OUT_OF_SCOPE = 'Không tìm thấy cán bộ, công chức này trong phạm vi quản lý của bạn (không thuộc phạm vi, hoặc sai số CCCD/mã hồ sơ).';

export async function ratingsTemplate(
  deps: Deps,
  actor: Actor,
  q: { year?: number; communeCode?: string },
): Promise<{ buffer: Buffer; fileName: string }> {
  assertCan(actor, 'ratings.manage');
  const thisYear = Number(deps.clock.today().slice(0, 4));
  const year = q.year ?? thisYear;
  if (year > thisYear) throw badField('year', `chưa đến năm ${year} nên chưa thể xếp loại`);
  const communeCode = q.communeCode ?? actor.communeCode ?? null;
  if (!communeCode) {
    const buffer = await buildRatingsTemplate({ year, placeName: null, rows: [] });
    return { buffer, fileName: `xep-loai-${year}.xlsx` };
  }
  const commune = await repo.communeForTemplate(deps.db, communeCode);
  if (!commune) throw notFound('Không tìm thấy xã, phường này.');
  assertCan(actor, 'ratings.manage', { provinceCode: commune.province_code, communeCode: commune.code });
  const rows = await repo.templateRows(deps.db, commune.code, year);
  const buffer = await buildRatingsTemplate({
    year,
    placeName: commune.name,
    rows: rows.map((r) => ({
      officialId: r.official_id,
      fullName: r.full_name,
      generalScore: r.general_score,
      taskScore: r.task_score,
      disciplined: r.disciplined,
      note: r.note,
    })),
  });
  return { buffer, fileName: `xep-loai-${year}-${commune.code}.xlsx` };
}

interface Checked {
  rating: ParsedRating;
  official: repo.OfficialForImport;
}

/** Reads and checks the whole file; returns the rows ready to save, or every problem found. */
async function checkFile(
  deps: Deps,
  actor: Actor,
  file: Buffer,
): Promise<{ rows: number; skipped: number; ok: Checked[]; errors: RatingImportError[] }> {
  let sheet;
  try {
    sheet = readXlsxSheet(file, { maxRows: RATING_IMPORT_MAX_ROWS, preferSheet: RATINGS_SHEET, maxColumns: 50 });
  } catch (err) {
    if (err instanceof XlsxReadError) throw badField('file', err.message);
    throw err;
  }
  const errors: RatingImportError[] = [];
  const headerRow = sheet.rows.slice(0, 10).find((r) => mapHeader(r.cells).missing.length < 3);
  if (!headerRow) {
    errors.push({
      row: 1,
      column: headerOf('key'),
      message: `Không thấy dòng tiêu đề có các cột "${headerOf('key')}", "${headerOf('fullName')}", "${headerOf('year')}"…; hãy dùng tệp mẫu tải từ hệ thống.`,
    });
    return { rows: 0, skipped: 0, ok: [], errors };
  }
  const { columns, missing } = mapHeader(headerRow.cells);
  for (const k of missing) errors.push({ row: headerRow.r, column: headerOf(k), message: `Thiếu cột "${headerOf(k)}"; hãy dùng tệp mẫu.` });
  if (missing.length) return { rows: 0, skipped: 0, ok: [], errors };

  const thisYear = Number(deps.clock.today().slice(0, 4));
  const parsed: ParsedRating[] = [];
  let rows = 0;
  let skipped = 0;
  for (const r of sheet.rows) {
    if (r.r <= headerRow.r || r.cells.every((c) => !c || textOf(c) === '')) continue;
    rows++;
    if (isUnfilled(r.cells, columns)) {
      skipped++;
      continue;
    }
    const p = parseRatingRow(r.r, r.cells, columns, thisYear);
    if (p.ok) parsed.push(p.value);
    else errors.push(...p.problems);
  }
  if (rows > RATING_IMPORT_MAX_ROWS) {
    throw badField(
      'file',
      `tệp có ${rows.toLocaleString('vi-VN')} dòng; mỗi tệp tối đa ${RATING_IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng`,
    );
  }

  const ids = [...new Set(parsed.filter((p) => p.key.kind === 'id').map((p) => p.key.value))];
  const cccds = [...new Set(parsed.filter((p) => p.key.kind === 'cccd').map((p) => p.key.value))];
  const found = await repo.officialsByKeys(deps.db, ids, cccds);
  const byId = new Map(found.map((o) => [o.id, o]));
  const byCccd = new Map(found.filter((o) => o.cccd).map((o) => [o.cccd!, o]));
  const seen = new Map<string, number>();
  const ok: Checked[] = [];
  const keyColumn = headerOf('key');
  for (const p of parsed) {
    const o = p.key.kind === 'id' ? byId.get(p.key.value) : byCccd.get(p.key.value);
    // Out of scope and unknown read alike, so a file cannot probe other provinces' records.
    if (!o || !can(actor, 'ratings.manage', { provinceCode: o.province_code, communeCode: o.commune_code })) {
      errors.push({ row: p.row, column: keyColumn, message: OUT_OF_SCOPE });
      continue;
    }
    if (!sameName(p.fullName, o.full_name)) {
      errors.push({
        row: p.row,
        column: headerOf('fullName'),
        message: `Họ tên "${p.fullName}" không khớp hồ sơ (${o.full_name}); kiểm tra lại số CCCD/mã hồ sơ của dòng này.`,
      });
      continue;
    }
    const dupKey = `${o.id}:${p.year}`;
    const first = seen.get(dupKey);
    if (first !== undefined) {
      errors.push({ row: p.row, column: keyColumn, message: `${o.full_name} đã có xếp loại năm ${p.year} ở dòng ${first} của tệp.` });
      continue;
    }
    seen.set(dupKey, p.row);
    ok.push({ rating: p, official: o });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, skipped, ok, errors };
}

async function warningsAfter(deps: Deps, checked: Checked[]): Promise<RatingWarning[]> {
  const years = [...new Set(checked.map((c) => c.rating.year))].slice(0, 5);
  const communes = [...new Set(checked.map((c) => c.official.commune_code))];
  const units = new Set(checked.map((c) => c.official.unit_id));
  if (communes.length === 0 || communes.length > 200) return [];
  const out: RatingWarning[] = [];
  for (const year of years) {
    const rows = await repo.levelCountsByUnit(deps.db, { communeCodes: communes, year });
    for (const r of rows) {
      if (!units.has(r.unit_id) || !htxsOverLimit(r)) continue;
      out.push({
        unitId: r.unit_id,
        unitName: r.unit_name,
        htxs: r.htxs,
        htt: r.htt,
        message: `Năm ${year}: ${htxsWarningMessage(r.unit_name, r.htxs, r.htt)}`,
      });
    }
  }
  return out.slice(0, 100);
}

export async function importRatings(
  deps: Deps,
  actor: Actor,
  input: { file: Buffer; dryRun: boolean },
  meta: RequestMeta,
): Promise<RatingImportResponse> {
  assertCan(actor, 'ratings.manage');
  const checked = await checkFile(deps, actor, input.file);
  const base = {
    dryRun: input.dryRun,
    rows: checked.rows,
    skipped: checked.skipped,
    created: 0,
    updated: 0,
    unchanged: 0,
    warnings: [] as RatingWarning[],
  };
  if (checked.errors.length > 0) return { ...base, ok: false, errors: checked.errors.slice(0, MAX_ERRORS) };

  const summary = await deps.db.transaction(async (tx) => {
    const officialIds = [...new Set(checked.ok.map((c) => c.official.id))];
    const years = [...new Set(checked.ok.map((c) => c.rating.year))];
    const existing = new Map((await repo.existingRatings(tx, officialIds, years)).map((e) => [`${e.official_id}:${e.year}`, e]));
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const writes: repo.RatingWrite[] = [];
    const changes: { c: Checked; before: repo.ExistingRating | undefined }[] = [];
    for (const c of checked.ok) {
      const r = c.rating;
      const before = existing.get(`${c.official.id}:${r.year}`);
      const kind = changeKind(
        before && { generalScore: before.general_score, taskScore: before.task_score, disciplined: before.disciplined, note: before.note },
        r,
      );
      counts[kind]++;
      if (kind === 'unchanged') continue;
      changes.push({ c, before });
      writes.push({
        official_id: c.official.id,
        year: r.year,
        general_score: r.generalScore,
        task_score: r.taskScore,
        score: r.score,
        level: r.level,
        disciplined: r.disciplined,
        province_code: c.official.province_code,
        commune_code: c.official.commune_code,
        unit_id: c.official.unit_id,
        note: r.note,
      });
    }
    if (input.dryRun || writes.length === 0) return counts;
    const ids = new Map((await repo.upsertRatings(tx, writes, actor.username)).map((w) => [`${w.official_id}:${w.year}`, w.id]));
    const entries = changes.map(({ c, before }) =>
      auditEntry(actor, meta, {
        action: before ? 'annualRating.update' : 'annualRating.create',
        entityType: 'annual_rating',
        entityId: ids.get(`${c.official.id}:${c.rating.year}`) ?? null,
        provinceCode: c.official.province_code,
        communeCode: c.official.commune_code,
        before: before
          ? {
              generalScore: before.general_score,
              taskScore: before.task_score,
              level: before.level,
              disciplined: before.disciplined,
              note: before.note,
            }
          : null,
        after: {
          officialId: c.official.id,
          year: c.rating.year,
          generalScore: c.rating.generalScore,
          taskScore: c.rating.taskScore,
          level: c.rating.level,
          disciplined: c.rating.disciplined,
          note: c.rating.note,
          source: 'excel',
        },
      }),
    );
    entries.push(
      auditEntry(actor, meta, {
        action: 'annualRating.import',
        entityType: 'annual_rating',
        after: { rows: checked.rows, skipped: checked.skipped, ...counts },
      }),
    );
    await repo.insertAuditEntries(tx, entries);
    return counts;
  });
  const warnings = input.dryRun ? [] : await warningsAfter(deps, checked.ok);
  return { ...base, ...summary, warnings, ok: true, errors: [] };
}
