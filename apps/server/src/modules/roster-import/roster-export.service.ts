/**
 * Export of any filtered list of officials to .xlsx (SPEC §3): the same filters, scope and order as
 * GET /api/officials; CCCD masked unless the caller may read sensitive data of the person;
 * ethnicity and religion only on request, for admins of the scope, and such an export is audited
 * (Law 91/2025/QH15). The columns are the template's, so an exported file can be edited and imported back.
 */
import {
  EDU_LEVEL_LABELS,
  GENDER_LABELS,
  OFFICIAL_STATUS_LABELS,
  OFFICIAL_TYPE_LABELS,
  BLOC_LABELS,
  POLITICAL_THEORY_LABELS,
  STATE_MGMT_LABELS,
  STUDY_FIELD_LABELS,
  maskCccd,
  type RosterExportQuery,
} from '@app/shared';
import { assertCan, can, type Actor } from '../../authz/policy.ts';
import { forbidden } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import type { OfficialFilter } from '../officials/officials.repository.ts';
import { scopedFilter, targetOf } from '../officials/officials.service.ts';
import { NO, YES } from './roster-columns.ts';
import * as repo from './roster-import.repository.ts';
import type { RosterDeps } from './roster-import.service.ts';
import { exportColumns, writeExport, type ExportRow } from './roster-workbook.ts';

/** Rows fetched per query (keyset pages in list order). */
const PAGE = 2000;

const label = <K extends string>(labels: Record<K, string>, v: K | null): string | null =>
  v === null ? null : ((labels as Record<string, string | undefined>)[v] ?? v);
const yesNo = (b: boolean | null) => (b === null ? null : b ? YES : NO);
const asDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

async function* pages(
  deps: RosterDeps,
  actor: Actor,
  filter: OfficialFilter,
  includeSensitive: boolean,
  pageSize: number,
): AsyncGenerator<ExportRow[]> {
  let after: repo.ExportCursor | null = null;
  for (;;) {
    const rows = await repo.exportPage(deps.db, filter, after, pageSize);
    if (rows.length === 0) return;
    const sensitive = includeSensitive
      ? new Map(
          (
            await repo.sensitiveOf(
              deps.db,
              rows.map((r) => r.o.id),
            )
          ).map((s) => [s.officialId, s]),
        )
      : null;
    yield rows.map(({ o, communeName, unitName, positionName }) => {
      const seesSensitive = can(actor, 'officials.readSensitive', targetOf(o));
      const s = sensitive && seesSensitive ? sensitive.get(o.id) : undefined;
      return {
        values: {
          fullName: o.fullName,
          birthDate: asDate(o.birthDate),
          gender: GENDER_LABELS[o.gender],
          cccd: seesSensitive ? o.cccd : maskCccd(o.cccd),
          officialType: OFFICIAL_TYPE_LABELS[o.officialType],
          isLeader: yesNo(o.isLeader),
          leaderTitle: o.leaderTitle,
          bloc: BLOC_LABELS[o.bloc],
          unitId: unitName,
          positionId: positionName,
          eduLevel: label(EDU_LEVEL_LABELS, o.eduLevel),
          studyField: label(STUDY_FIELD_LABELS as Record<string, string>, o.studyField),
          studyFieldName: o.studyFieldName,
          politicalTheory: label(POLITICAL_THEORY_LABELS, o.politicalTheory),
          stateMgmtLevel: label(STATE_MGMT_LABELS, o.stateMgmtLevel),
          itLevel: o.itLevel,
          foreignLanguage: o.foreignLanguage,
          joinedAt: asDate(o.joinedAt),
          affectedByReorg: yesNo(o.affectedByReorg),
          email: o.email,
          phone: o.phone,
          communeName,
          status: OFFICIAL_STATUS_LABELS[o.status],
          meetsRequirement: yesNo(o.meetsRequirementOverride ?? o.meetsRequirementComputed),
          ...(includeSensitive ? { ethnicity: s?.ethnicityCode ?? null, religion: s?.religionCode ?? null } : {}),
          id: o.id,
        },
      };
    });
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!.o;
    after = { givenName: last.givenName, fullName: last.fullName, id: last.id };
  }
}

export async function exportOfficials(
  deps: RosterDeps,
  actor: Actor,
  q: RosterExportQuery,
  meta: RequestMeta,
  opts: { pageSize?: number } = {},
): Promise<{ buffer: Buffer; fileName: string; rows: number }> {
  assertCan(actor, 'officials.read');
  const base = await scopedFilter(deps.db, actor, q);
  const filter: OfficialFilter = {
    ...base,
    q: q.q,
    positionId: q.positionId,
    type: q.type,
    bloc: q.bloc,
    leader: q.leader,
    belowStandard: q.belowStandard,
    affectedByReorg: q.affectedByReorg,
    status: q.status,
  };
  if (q.unitId !== undefined) {
    if (base.unitId !== undefined && base.unitId !== q.unitId) throw forbidden('Đơn vị này nằm ngoài phạm vi của bạn.');
    filter.unitId = q.unitId;
  }
  if (q.includeSensitive && !can(actor, 'officials.readSensitive')) {
    throw forbidden('Bạn không có quyền xuất dữ liệu nhạy cảm (dân tộc, tôn giáo); hãy xuất danh sách không kèm các cột này.');
  }
  const { buffer, rows } = await writeExport(
    exportColumns(q.includeSensitive),
    pages(deps, actor, filter, q.includeSensitive, opts.pageSize ?? PAGE),
  );
  // Personal data leaving the system is logged; with ethnicity/religion it is a view of sensitive data.
  await recordChange(deps.db, actor, meta, {
    action: q.includeSensitive ? 'official.export_sensitive' : 'official.export',
    entityType: 'official',
    provinceCode: filter.provinceCode ?? null,
    communeCode: filter.communeCode ?? null,
    after: { filter: { ...q }, rows, includeSensitive: q.includeSensitive },
  });
  const place = filter.communeCode ?? (filter.provinceCode ? `tinh-${filter.provinceCode}` : 'toan-quoc');
  return { buffer, rows, fileName: `danh-sach-cbcc-${place}-${deps.clock.today()}.xlsx` };
}
