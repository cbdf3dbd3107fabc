/**
 * Use cases of certificates (SPEC §6): issuing for completed learners of a finished class, the
 * CMCN effect on "meets the position's requirement", revocation, lists (documents: documents.service.ts).
 * Transactions, authorisation calls and audit entries live here.
 */
import {
  certificateNumberFromSlug,
  certificateSlug,
  certificateVerifyPath,
  type CertificateItem,
  type CertificateListQuery,
  type CertificateListResponse,
  type IssueClassCertificatesResponse,
} from '@app/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { vietnamDate } from '../../clock.ts';
import type { AppConfig } from '../../config.ts';
import { assertCan, can, listScope, type Actor, type Target } from '../../authz/policy.ts';
import { conflict, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import * as officialsRepo from '../officials/officials.repository.ts';
import { recordFlagChange, uniqueViolation } from '../officials/officials.service.ts';
import { isBelowStandard } from '../officials/officials.rules.ts';
import { currentSigningKey, type SigningKey } from './certificate-keys.ts';
import { signPayload } from './certificate-signature.ts';
import * as repo from './certificates.repository.ts';
import {
  buildPayload,
  certificateKindLabel,
  certificateNumberPrefix,
  classRefusal,
  ddmmyyyy,
  enrolmentRefusal,
  formatCertificateNumber,
  MAX_SEQUENCE,
  meetsRequirementReason,
  overrideCameFrom,
  placeOfIssue,
  revocationFlagReason,
} from './certificates.rules.ts';

export interface CertificatesDeps {
  db: Db;
  clock: Clock;
  config: Pick<AppConfig, 'env' | 'dataDir'>;
}

// ---------- authorisation targets ----------

/** A certificate sits with its holder (current placement) and with the organisation that issued it. */
export function certificateTarget(row: repo.CertificateDetailRow): Target {
  return {
    provinceCode: row.o.provinceCode,
    communeCode: row.o.communeCode,
    unitId: row.o.unitId,
    officialId: row.o.id,
    trainingOrgId: row.cert.issuerId,
  };
}

/** A class sits with its organiser (and the province / host commune that runs it). */
function classTarget(c: repo.ClassForIssue['c']): Target {
  return { provinceCode: c.provinceCode, communeCode: c.hostCommuneCode, trainingOrgId: c.organiserId };
}

const ISSUER_ONLY = 'Chỉ cơ sở đào tạo tổ chức lớp (hoặc Bộ Nội vụ) được cấp giấy chứng nhận.';

async function issuableClass(db: Db, actor: Actor, classId: number): Promise<repo.ClassForIssue> {
  if (!can(actor, 'certificates.issue')) throw forbidden(ISSUER_ONLY);
  const cls = await repo.findClassForIssue(db, classId);
  if (!cls) throw notFound('Không tìm thấy lớp học.');
  assertCan(actor, 'certificates.issue', classTarget(cls.c));
  const refusal = classRefusal({ status: cls.c.status, code: cls.c.code, programmeApproval: cls.p.approvalStatus });
  if (refusal) throw conflict(refusal);
  return cls;
}

function toItem(actor: Actor, r: repo.CertificateDetailRow): CertificateItem {
  const revoked = r.cert.revokedAt !== null;
  return {
    number: r.cert.number,
    slug: certificateSlug(r.cert.number),
    enrolmentId: r.cert.enrolmentId,
    officialId: r.cert.officialId,
    holderName: r.o.fullName,
    holderBirthDate: r.o.birthDate,
    provinceCode: r.o.provinceCode,
    communeCode: r.o.communeCode,
    programme: { id: r.p.id, code: r.p.code, name: r.p.name, type: r.p.type },
    class: { id: r.c.id, code: r.c.code, name: r.c.name, startDate: r.c.startDate, endDate: r.c.endDate },
    issuer: { id: r.org.id, code: r.org.code, name: r.org.name },
    issuedOn: r.cert.issuedOn,
    keyId: r.cert.keyId,
    meetsRequirement: r.p.certificateMeetsRequirement,
    revoked,
    revokedAt: r.cert.revokedAt ? r.cert.revokedAt.toISOString() : null,
    revokedReason: r.cert.revokedReason,
    revokedBy: r.cert.revokedBy,
    pdfUrl: `/api/certificates/${encodeURIComponent(certificateSlug(r.cert.number))}/pdf`,
    verifyPath: certificateVerifyPath(r.cert.number),
    canRevoke: !revoked && can(actor, 'certificates.revoke', certificateTarget(r)),
  };
}

// ---------- issuing ----------

interface IssueContext {
  tx: DbOrTx;
  actor: Actor;
  meta: RequestMeta;
  cls: repo.ClassForIssue;
  key: SigningKey;
  today: string;
  now: Date;
}

async function issueOne(ctx: IssueContext, learner: repo.LearnerRow, number: string): Promise<number> {
  const { cls, key } = ctx;
  const payload = buildPayload({
    number,
    holder: { fullName: learner.o.fullName, birthDate: learner.o.birthDate },
    programme: { code: cls.p.code, name: cls.p.name, type: cls.p.type },
    class: { code: cls.c.code, name: cls.c.name, startDate: cls.c.startDate, endDate: cls.c.endDate },
    issuer: { code: cls.org.code, name: cls.org.name, place: placeOfIssue(cls.orgProvinceName) },
    issuedOn: ctx.today,
    keyId: key.keyId,
  });
  const cert = await repo.insertCertificate(ctx.tx, {
    number,
    enrolmentId: learner.e.id,
    officialId: learner.o.id,
    provinceCode: learner.o.provinceCode,
    communeCode: learner.o.communeCode,
    classId: cls.c.id,
    programmeId: cls.p.id,
    issuerId: cls.org.id,
    issuedOn: ctx.today,
    payload,
    signature: signPayload(payload, key.privateKey),
    keyId: key.keyId,
  });
  await recordChange(ctx.tx, ctx.actor, ctx.meta, {
    action: 'certificate.issue',
    entityType: 'certificate',
    entityId: number,
    provinceCode: learner.o.provinceCode,
    communeCode: learner.o.communeCode,
    after: { number, enrolmentId: learner.e.id, officialId: learner.o.id, classId: cls.c.id, programme: cls.p.code, keyId: key.keyId },
  });
  if (cls.p.certificateMeetsRequirement) await clearBelowStandard(ctx, learner.o.id, number);
  return cert.id;
}

/**
 * SPEC §6: a CMCN certificate sets "meets the position's requirement" — an override with the
 * certificate number as its reason — and closes the below-standard flag period (history kept:
 * the person stays in K1's denominator, SPEC §9). An earlier "meets" override is left as it is.
 */
async function clearBelowStandard(ctx: IssueContext, officialId: string, number: string): Promise<void> {
  const before = await officialsRepo.lockOfficial(ctx.tx, officialId);
  if (!before || before.meetsRequirementOverride === true) return;
  const reason = meetsRequirementReason(number);
  const after = await officialsRepo.updateOfficialRow(ctx.tx, officialId, before.version, {
    meetsRequirementOverride: true,
    meetsRequirementReason: reason,
    belowStandard: false,
    updatedAt: ctx.now,
    updatedBy: ctx.actor.username,
  });
  if (!after) throw versionConflict(before.updatedAt);
  await recordFlagChange(ctx.tx, after, 'below_standard', before.belowStandard, false, ctx.today, ctx.actor.username, reason, ctx.now);
  await recordChange(ctx.tx, ctx.actor, ctx.meta, {
    action: 'official.meets_requirement_by_certificate',
    entityType: 'official',
    entityId: officialId,
    provinceCode: after.provinceCode,
    communeCode: after.communeCode,
    before: {
      meetsRequirementOverride: before.meetsRequirementOverride,
      meetsRequirementReason: before.meetsRequirementReason,
      belowStandard: before.belowStandard,
    },
    after: { meetsRequirementOverride: true, meetsRequirementReason: reason, belowStandard: false, certificate: number },
  });
}

/** Numbers come from `<org>/<year>/`: the advisory lock makes concurrent issuers of one organisation take turns. */
async function numbering(tx: DbOrTx, orgCode: string, today: string) {
  const prefix = certificateNumberPrefix(orgCode, Number(today.slice(0, 4)));
  await repo.lockNumbering(tx, prefix);
  let last = await repo.maxSequence(tx, prefix);
  return () => {
    if (last >= MAX_SEQUENCE) throw conflict(`Đã dùng hết số thứ tự giấy chứng nhận của năm (${prefix}…).`);
    last += 1;
    return formatCertificateNumber(orgCode, Number(today.slice(0, 4)), last);
  };
}

const DUPLICATE = 'Học viên này vừa được cấp giấy chứng nhận (có người cấp cùng lúc); hãy tải lại danh sách.';

/** POST /api/classes/:id/certificates — every completed learner of the class without one. */
export async function issueForClass(
  deps: CertificatesDeps,
  actor: Actor,
  classId: number,
  meta: RequestMeta,
): Promise<IssueClassCertificatesResponse> {
  const cls = await issuableClass(deps.db, actor, classId);
  const key = currentSigningKey(deps.config);
  const today = deps.clock.today();
  const now = deps.clock.now();
  try {
    const out = await deps.db.transaction(async (tx) => {
      const next = await numbering(tx, cls.org.code, today);
      await repo.registerSigningKey(tx, key, now);
      const ctx: IssueContext = { tx, actor, meta, cls, key, today, now };
      const issuedIds: number[] = [];
      const notEligible: IssueClassCertificatesResponse['notEligible'] = [];
      let alreadyIssued = 0;
      for (const learner of await repo.learnersOfClass(tx, classId)) {
        if (learner.certificateNumber) {
          alreadyIssued++;
          continue;
        }
        const refusal = enrolmentRefusal(learner.e);
        if (refusal) {
          // Waiting-list and unapproved nominations never were learners of the class: not listed.
          if (learner.e.status === 'nominated')
            notEligible.push({ enrolmentId: learner.e.id, officialId: learner.o.id, fullName: learner.o.fullName, reason: refusal });
          continue;
        }
        issuedIds.push(await issueOne(ctx, learner, next()));
      }
      return { issuedIds, alreadyIssued, notEligible };
    });
    const rows = await repo.findCertificatesByIds(deps.db, out.issuedIds);
    return { classId, issued: rows.map((r) => toItem(actor, r)), alreadyIssued: out.alreadyIssued, notEligible: out.notEligible };
  } catch (err) {
    if (uniqueViolation(err)) throw conflict(DUPLICATE);
    throw err;
  }
}

/** POST /api/enrolments/:id/certificate — one learner. */
export async function issueForEnrolment(
  deps: CertificatesDeps,
  actor: Actor,
  enrolmentId: number,
  meta: RequestMeta,
): Promise<CertificateItem> {
  if (!can(actor, 'certificates.issue')) throw forbidden(ISSUER_ONLY);
  const found = await repo.findEnrolment(deps.db, enrolmentId);
  if (!found) throw notFound('Không tìm thấy lượt cử đi học.');
  const cls = await issuableClass(deps.db, actor, found.e.classId);
  const key = currentSigningKey(deps.config);
  const today = deps.clock.today();
  const now = deps.clock.now();
  try {
    const id = await deps.db.transaction(async (tx) => {
      const next = await numbering(tx, cls.org.code, today);
      const learner = await repo.findEnrolment(tx, enrolmentId, true);
      if (!learner) throw notFound('Không tìm thấy lượt cử đi học.');
      if (learner.certificateNumber) {
        throw conflict(
          `Học viên ${learner.o.fullName} đã được cấp ${certificateKindLabel(cls.p.type)} số ${learner.certificateNumber}; không cấp lại.`,
        );
      }
      const refusal = enrolmentRefusal(learner.e);
      if (refusal) throw conflict(refusal);
      await repo.registerSigningKey(tx, key, now);
      return issueOne({ tx, actor, meta, cls, key, today, now }, learner, next());
    });
    const [row] = await repo.findCertificatesByIds(deps.db, [id]);
    return toItem(actor, row!);
  } catch (err) {
    if (uniqueViolation(err)) throw conflict(DUPLICATE);
    throw err;
  }
}

// ---------- reading ----------

/** A certificate the actor may see; 404 otherwise (existence does not leak). */
export async function visibleCertificate(db: Db, actor: Actor, numberParam: string): Promise<repo.CertificateDetailRow> {
  const number = certificateNumberFromSlug(numberParam);
  const row = await repo.findCertificate(db, number);
  if (!row) throw notFound(`Không tìm thấy giấy chứng nhận số ${number}.`);
  assertCan(actor, 'certificates.read', certificateTarget(row));
  return row;
}

export async function getCertificate(deps: CertificatesDeps, actor: Actor, numberParam: string): Promise<CertificateItem> {
  return toItem(actor, await visibleCertificate(deps.db, actor, numberParam));
}

/** The list filter of the actor's scope: the holder's placement, or the issuer for a training organisation. */
function scopeFilter(actor: Actor): repo.CertificateFilter | null {
  if (actor.role === 'training_org') return actor.trainingOrgId !== null ? { issuerId: actor.trainingOrgId } : null;
  if (actor.role === 'official') return actor.officialId ? { officialId: actor.officialId } : null;
  const scope = listScope(actor);
  if (!scope) return null;
  const f: repo.CertificateFilter = {};
  if (scope.provinceCode) f.provinceCode = scope.provinceCode;
  if (scope.communeCode) f.communeCode = scope.communeCode;
  if (scope.unitId !== undefined) f.unitId = scope.unitId;
  if (scope.officialId) f.officialId = scope.officialId;
  return f;
}

export async function listCertificates(deps: CertificatesDeps, actor: Actor, q: CertificateListQuery): Promise<CertificateListResponse> {
  assertCan(actor, 'certificates.read');
  const scope = scopeFilter(actor);
  if (!scope) return { items: [], total: 0 };
  const filter: repo.CertificateFilter = { ...scope };
  if (q.officialId) filter.holderId = q.officialId;
  if (q.classId !== undefined) filter.classId = q.classId;
  if (q.revoked !== undefined) filter.revoked = q.revoked;
  const { rows, total } = await repo.listCertificates(deps.db, filter, q.page, q.pageSize);
  return { items: rows.map((r) => toItem(actor, r)), total };
}

// ---------- revocation ----------

/**
 * Revokes with a reason (national admin, the issuing organisation, or the province admin of the
 * holder's province). Revoking a CMCN certificate undoes what it set: when the official's
 * "meets the requirement" override still names this certificate, it falls back to another valid
 * CMCN certificate if there is one, otherwise the override is removed and the below-standard
 * flag reopens (a new period, the earlier one stays in the history) if the computed value says so.
 */
export async function revokeCertificate(
  deps: CertificatesDeps,
  actor: Actor,
  numberParam: string,
  input: { reason: string },
  meta: RequestMeta,
): Promise<CertificateItem> {
  const row = await visibleCertificate(deps.db, actor, numberParam);
  assertCan(actor, 'certificates.revoke', certificateTarget(row));
  const kind = certificateKindLabel(row.p.type);
  const alreadyRevoked = (at: Date) =>
    conflict(
      `${kind.charAt(0).toLocaleUpperCase('vi')}${kind.slice(1)} số ${row.cert.number} đã bị thu hồi ngày ${ddmmyyyy(vietnamDate(at))}.`,
    );
  if (row.cert.revokedAt) throw alreadyRevoked(row.cert.revokedAt);
  const reason = input.reason.normalize('NFC').replace(/\s+/g, ' ').trim();
  const today = deps.clock.today();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const locked = await repo.lockCertificate(tx, row.cert.id);
    if (!locked) throw notFound();
    if (locked.revokedAt) throw alreadyRevoked(locked.revokedAt);
    await repo.markRevoked(tx, locked.id, now, reason, actor.username);
    await recordChange(tx, actor, meta, {
      action: 'certificate.revoke',
      entityType: 'certificate',
      entityId: locked.number,
      provinceCode: row.o.provinceCode,
      communeCode: row.o.communeCode,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString(), revokedReason: reason },
    });
    if (row.p.certificateMeetsRequirement) await undoMeetsRequirement(tx, actor, meta, row, reason, today, now);
  });
  return getCertificate(deps, actor, row.cert.number);
}

async function undoMeetsRequirement(
  tx: DbOrTx,
  actor: Actor,
  meta: RequestMeta,
  row: repo.CertificateDetailRow,
  reason: string,
  today: string,
  now: Date,
): Promise<void> {
  const before = await officialsRepo.lockOfficial(tx, row.o.id);
  // Someone decided otherwise since the certificate was issued: that decision stands.
  if (!before || !overrideCameFrom(before.meetsRequirementOverride, before.meetsRequirementReason, row.cert.number)) return;
  const other = await repo.otherMeetsRequirementCertificate(tx, row.o.id, row.cert.id);
  const patch: Partial<officialsRepo.OfficialInsert> = other
    ? { meetsRequirementReason: meetsRequirementReason(other) }
    : {
        meetsRequirementOverride: null,
        meetsRequirementReason: null,
        belowStandard: isBelowStandard(before.meetsRequirementComputed, null),
      };
  const after = await officialsRepo.updateOfficialRow(tx, row.o.id, before.version, {
    ...patch,
    updatedAt: now,
    updatedBy: actor.username,
  });
  if (!after) throw versionConflict(before.updatedAt);
  const why = revocationFlagReason(row.cert.number, reason);
  await recordFlagChange(tx, after, 'below_standard', before.belowStandard, after.belowStandard, today, actor.username, why, now);
  await recordChange(tx, actor, meta, {
    action: 'official.meets_requirement_certificate_revoked',
    entityType: 'official',
    entityId: row.o.id,
    provinceCode: after.provinceCode,
    communeCode: after.communeCode,
    before: {
      meetsRequirementOverride: before.meetsRequirementOverride,
      meetsRequirementReason: before.meetsRequirementReason,
      belowStandard: before.belowStandard,
    },
    after: {
      meetsRequirementOverride: after.meetsRequirementOverride,
      meetsRequirementReason: after.meetsRequirementReason,
      belowStandard: after.belowStandard,
      certificate: row.cert.number,
    },
  });
}
