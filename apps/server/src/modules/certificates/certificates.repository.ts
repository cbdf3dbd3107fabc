/** The only code that queries certificates and their signing keys (SPEC §6). */
import { and, asc, count, desc, eq, isNull, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  certificateSigningKeys,
  certificates,
  classes,
  enrolments,
  officials,
  programmes,
  provinces,
  trainingOrgs,
} from '../../db/schema/index.ts';

export type CertificateRow = typeof certificates.$inferSelect;
export type SigningKeyRow = typeof certificateSigningKeys.$inferSelect;

// ---------- what issuing needs ----------

/** A class with its programme, organiser and the organiser's province (for the place of issue). */
export async function findClassForIssue(db: DbOrTx, classId: number) {
  const [row] = await db
    .select({
      c: {
        id: classes.id,
        code: classes.code,
        name: classes.name,
        status: classes.status,
        provinceCode: classes.provinceCode,
        hostCommuneCode: classes.hostCommuneCode,
        organiserId: classes.organiserId,
        startDate: classes.startDate,
        endDate: classes.endDate,
      },
      p: {
        id: programmes.id,
        code: programmes.code,
        name: programmes.name,
        type: programmes.type,
        approvalStatus: programmes.approvalStatus,
        certificateMeetsRequirement: programmes.certificateMeetsRequirement,
      },
      org: { id: trainingOrgs.id, code: trainingOrgs.code, name: trainingOrgs.name, kind: trainingOrgs.kind },
      orgProvinceName: provinces.name,
    })
    .from(classes)
    .innerJoin(programmes, eq(programmes.id, classes.programmeId))
    .innerJoin(trainingOrgs, eq(trainingOrgs.id, classes.organiserId))
    .leftJoin(provinces, eq(provinces.code, trainingOrgs.provinceCode))
    .where(eq(classes.id, classId))
    .limit(1);
  return row;
}
export type ClassForIssue = NonNullable<Awaited<ReturnType<typeof findClassForIssue>>>;

const learnerColumns = {
  e: {
    id: enrolments.id,
    classId: enrolments.classId,
    officialId: enrolments.officialId,
    status: enrolments.status,
    result: enrolments.result,
  },
  o: {
    id: officials.id,
    fullName: officials.fullName,
    birthDate: officials.birthDate,
    gender: officials.gender,
    provinceCode: officials.provinceCode,
    communeCode: officials.communeCode,
  },
  certificateNumber: certificates.number,
};

/** The class's enrolments that are not cancelled, with the learner and any certificate already issued. */
export async function learnersOfClass(db: DbOrTx, classId: number) {
  return db
    .select(learnerColumns)
    .from(enrolments)
    .innerJoin(officials, eq(officials.id, enrolments.officialId))
    .leftJoin(certificates, eq(certificates.enrolmentId, enrolments.id))
    .where(and(eq(enrolments.classId, classId), ne(enrolments.status, 'cancelled')))
    .orderBy(asc(officials.givenName), asc(officials.fullName), asc(enrolments.id));
}
export type LearnerRow = Awaited<ReturnType<typeof learnersOfClass>>[number];

/** One enrolment with its learner and any certificate; `lock` (inside a transaction) holds it until commit. */
export async function findEnrolment(db: DbOrTx, enrolmentId: number, lock = false): Promise<LearnerRow | undefined> {
  const q = db
    .select(learnerColumns)
    .from(enrolments)
    .innerJoin(officials, eq(officials.id, enrolments.officialId))
    .leftJoin(certificates, eq(certificates.enrolmentId, enrolments.id))
    .where(eq(enrolments.id, enrolmentId));
  const [row] = lock ? await q.for('update', { of: enrolments }).limit(1) : await q.limit(1);
  return row;
}

/**
 * Serialises numbering per organisation and year for the rest of the transaction (concurrent
 * issuers of the same organisation wait; other organisations do not).
 */
export async function lockNumbering(tx: DbOrTx, prefix: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(1128616532, hashtext(${prefix}))`);
}

/** Highest sequence already used under a prefix (`TCT.66/2027/`), 0 when none. */
export async function maxSequence(tx: DbOrTx, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
  // `from <int>` must be typed: an untyped parameter picks substring(text from <regex pattern>).
  const start = sql`${prefix.length + 1}::int`;
  const rows = await tx.execute<{ max: number | null }>(sql`
    select max(substring(${certificates.number} from ${start})::int) as max
    from ${certificates}
    where ${certificates.number} like ${pattern}
      and substring(${certificates.number} from ${start}) ~ '^[0-9]{6}$'`);
  return Number(rows.rows[0]?.max ?? 0);
}

export async function insertCertificate(tx: DbOrTx, row: typeof certificates.$inferInsert): Promise<CertificateRow> {
  const [inserted] = await tx.insert(certificates).values(row).returning();
  return inserted!;
}

// ---------- reading ----------

const detailColumns = {
  cert: certificates,
  o: {
    id: officials.id,
    fullName: officials.fullName,
    birthDate: officials.birthDate,
    gender: officials.gender,
    provinceCode: officials.provinceCode,
    communeCode: officials.communeCode,
    unitId: officials.unitId,
  },
  p: {
    id: programmes.id,
    code: programmes.code,
    name: programmes.name,
    type: programmes.type,
    certificateMeetsRequirement: programmes.certificateMeetsRequirement,
  },
  c: { id: classes.id, code: classes.code, name: classes.name, startDate: classes.startDate, endDate: classes.endDate },
  org: { id: trainingOrgs.id, code: trainingOrgs.code, name: trainingOrgs.name, kind: trainingOrgs.kind },
};

function detailQuery(db: DbOrTx) {
  return db
    .select(detailColumns)
    .from(certificates)
    .innerJoin(officials, eq(officials.id, certificates.officialId))
    .innerJoin(programmes, eq(programmes.id, certificates.programmeId))
    .innerJoin(classes, eq(classes.id, certificates.classId))
    .innerJoin(trainingOrgs, eq(trainingOrgs.id, certificates.issuerId));
}

export async function findCertificate(db: DbOrTx, number: string) {
  const [row] = await detailQuery(db).where(eq(certificates.number, number)).limit(1);
  return row;
}
export type CertificateDetailRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

export async function findCertificatesByIds(db: DbOrTx, ids: number[]): Promise<CertificateDetailRow[]> {
  if (ids.length === 0) return [];
  return detailQuery(db)
    .where(
      sql`${certificates.id} in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    )
    .orderBy(asc(certificates.number));
}

export async function certificatesOfClass(db: DbOrTx, classId: number): Promise<CertificateDetailRow[]> {
  return detailQuery(db).where(eq(certificates.classId, classId)).orderBy(asc(certificates.number));
}

export async function lockCertificate(tx: DbOrTx, id: number): Promise<CertificateRow | undefined> {
  const [row] = await tx.select().from(certificates).where(eq(certificates.id, id)).for('update').limit(1);
  return row;
}

export async function markRevoked(tx: DbOrTx, id: number, at: Date, reason: string, by: string): Promise<CertificateRow> {
  const [row] = await tx
    .update(certificates)
    .set({ revokedAt: at, revokedReason: reason, revokedBy: by })
    .where(and(eq(certificates.id, id), isNull(certificates.revokedAt)))
    .returning();
  return row!;
}

/** Another valid certificate that makes this official meet the requirement (a second CMCN), newest first. */
export async function otherMeetsRequirementCertificate(tx: DbOrTx, officialId: string, exceptId: number): Promise<string | null> {
  const [row] = await tx
    .select({ number: certificates.number })
    .from(certificates)
    .innerJoin(programmes, eq(programmes.id, certificates.programmeId))
    .where(
      and(
        eq(certificates.officialId, officialId),
        ne(certificates.id, exceptId),
        isNull(certificates.revokedAt),
        eq(programmes.certificateMeetsRequirement, true),
      ),
    )
    .orderBy(desc(certificates.issuedOn), desc(certificates.id))
    .limit(1);
  return row?.number ?? null;
}

export interface CertificateFilter {
  /** the holder's current placement (admins, unit heads, the holder) */
  provinceCode?: string;
  communeCode?: string;
  unitId?: number;
  officialId?: string;
  /** the issuing organisation (training orgs see what they issued) */
  issuerId?: number;
  /** request filters, on top of the scope */
  holderId?: string;
  classId?: number;
  revoked?: boolean;
}

export async function listCertificates(db: DbOrTx, f: CertificateFilter, page: number, pageSize: number) {
  const conds: SQL[] = [];
  if (f.provinceCode) conds.push(eq(officials.provinceCode, f.provinceCode));
  if (f.communeCode) conds.push(eq(officials.communeCode, f.communeCode));
  if (f.unitId !== undefined) conds.push(eq(officials.unitId, f.unitId));
  if (f.officialId) conds.push(eq(certificates.officialId, f.officialId));
  if (f.issuerId !== undefined) conds.push(eq(certificates.issuerId, f.issuerId));
  if (f.holderId) conds.push(eq(certificates.officialId, f.holderId));
  if (f.classId !== undefined) conds.push(eq(certificates.classId, f.classId));
  if (f.revoked === true) conds.push(isNotNull(certificates.revokedAt));
  if (f.revoked === false) conds.push(isNull(certificates.revokedAt));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [total]] = await Promise.all([
    detailQuery(db)
      .where(where)
      .orderBy(desc(certificates.issuedOn), desc(certificates.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(certificates).innerJoin(officials, eq(officials.id, certificates.officialId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

// ---------- signing keys ----------

/** Publishes a key's public half the first time it signs (idempotent; several servers may race). */
export async function registerSigningKey(tx: DbOrTx, key: { keyId: string; publicKeyPem: string }, at: Date): Promise<void> {
  await tx
    .insert(certificateSigningKeys)
    .values({ keyId: key.keyId, algorithm: 'Ed25519', publicKeyPem: key.publicKeyPem, firstUsedAt: at })
    .onConflictDoNothing();
}

export async function findSigningKey(db: DbOrTx, keyId: string): Promise<SigningKeyRow | undefined> {
  const [row] = await db.select().from(certificateSigningKeys).where(eq(certificateSigningKeys.keyId, keyId)).limit(1);
  return row;
}

export async function listSigningKeys(db: DbOrTx): Promise<SigningKeyRow[]> {
  return db.select().from(certificateSigningKeys).orderBy(asc(certificateSigningKeys.firstUsedAt), asc(certificateSigningKeys.keyId));
}
