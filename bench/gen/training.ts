/**
 * Generator stage: classes (province-, cluster- and commune-organised, online with bridge points),
 * sessions, nominations/enrolments with results, a sample of attendance and scores.
 * Rows are written with COPY; ids are assigned here in insertion order (the generator restarts the
 * identity sequences first), so later stages can reference them without reading them back.
 *
 * Volume at scale 1 with --today 2031-12-31: ≈ 3,000,000 enrolments, ≈ 60,000 classes.
 * Attendance is kept sane: per-session rows only for every 25th class (a 4% sample, ≈ 0.5M rows);
 * every other enrolment carries its outcome in the denormalised result/final_score columns.
 */
import type { Rng } from '../../apps/server/src/seed/names.ts';
import { CopyBuffer, addDays, minDate, type Cell, type CopyQueue } from './copy.ts';

export type ProgrammeType = 'CMCN' | 'QLNN_LANHDAO' | 'QLNN_CHUNG' | 'CMNV' | 'KNBT' | 'CAPNHAT' | 'KHAC';

export interface GenOfficial {
  id: string;
  province_code: string;
  commune_code: string;
  unit_id: number | null;
  official_type: 'can_bo' | 'cong_chuc';
  is_leader: boolean;
  below_standard: boolean;
}

export interface GenCommune {
  code: string;
  name: string;
  province_code: string;
}

export interface GenProgramme {
  id: number;
  name: string;
  type: ProgrammeType;
  duration_days: number;
}

/** What later stages (self-reports, evaluations) need to know about one enrolment. */
export interface GenEnrolment {
  id: number;
  classId: number;
  official: GenOfficial;
  programmeType: ProgrammeType;
  classEndDate: string;
  status: 'nominated' | 'cancelled';
  result: 'completed' | 'failed' | null;
  finalScore: number | null;
  resultDate: string | null;
}

export interface TrainingContext {
  today: string;
  programmes: Map<ProgrammeType, GenProgramme[]>;
  /** training org ids: `TCT.<province>` and the national ones by code */
  orgIds: Map<string, number>;
  ids: { class: number; session: number; bridge: number; enrolment: number };
  buffers: TrainingBuffers;
  onEnrolment: (e: GenEnrolment) => void;
}

export type TrainingBuffers = ReturnType<typeof trainingBuffers>;

export function trainingBuffers(queue: CopyQueue) {
  return {
    classes: new CopyBuffer(queue, 'classes', [
      'code',
      'name',
      'programme_id',
      'programme_type',
      'organiser_id',
      'province_code',
      'host_commune_code',
      'mode',
      'schedule_type',
      'start_date',
      'end_date',
      'capacity',
      'status',
      'budget_planned_central',
      'budget_planned_local',
      'budget_actual_central',
      'budget_actual_local',
      'support_per_learner',
      'assessment_count',
      'created_by',
      'created_at',
    ]),
    classCommunes: new CopyBuffer(queue, 'class_communes', ['class_id', 'commune_code', 'province_code']),
    bridgePoints: new CopyBuffer(queue, 'bridge_points', ['class_id', 'name', 'level', 'province_code', 'commune_code', 'address']),
    sessions: new CopyBuffer(queue, 'class_sessions', ['class_id', 'date', 'start_time', 'end_time', 'place', 'link', 'topic']),
    enrolments: new CopyBuffer(queue, 'enrolments', [
      'class_id',
      'official_id',
      'province_code',
      'commune_code',
      'unit_id',
      'programme_type',
      'class_end_date',
      'decision_no',
      'decision_date',
      'status',
      'bridge_point_id',
      'result',
      'final_score',
      'result_recorded_at',
      'cancel_reason',
      'nominated_by',
      'created_at',
    ]),
    attendance: new CopyBuffer(queue, 'attendance', [
      'enrolment_id',
      'session_id',
      'status',
      'bridge_point_id',
      'recorded_by',
      'recorded_at',
    ]),
    scores: new CopyBuffer(queue, 'scores', ['enrolment_id', 'assessment_no', 'score', 'recorded_by', 'recorded_at']),
  };
}

/** Queues every table's rows, in foreign-key order (errors surface through CopyQueue.drain). */
export function flushTraining(b: TrainingBuffers): void {
  for (const buf of [b.classes, b.classCommunes, b.bridgePoints, b.sessions, b.enrolments, b.attendance, b.scores])
    buf.flush().catch(() => {});
}

interface Kind {
  type: ProgrammeType;
  /** who organises and where: a cluster of neighbouring communes (liên xã), the whole province, one commune, or online */
  level: 'cluster' | 'province' | 'commune' | 'online';
  /** share of the eligible officials nominated in a year */
  rate: (year: number) => number;
  eligible: (o: GenOfficial) => boolean;
  /** at most one nomination per official per phase (or over both phases) */
  once?: 'phase' | 'programme';
  cap: [number, number];
}

/**
 * Programme types in plausible proportions per phase (SPEC §5, §9): professional and skills courses
 * every year for everyone, CAPNHAT updates in phase 2, general state management for about 60% of
 * specialists in each phase, state management for leaders once, CMCN for those below standard in
 * phase 1.
 */
const KINDS: Kind[] = [
  { type: 'CMNV', level: 'cluster', rate: () => 0.95, eligible: () => true, cap: [30, 50] },
  { type: 'KNBT', level: 'online', rate: () => 0.55, eligible: () => true, cap: [150, 300] },
  { type: 'KHAC', level: 'commune', rate: () => 0.4, eligible: () => true, cap: [15, 40] },
  { type: 'CAPNHAT', level: 'cluster', rate: (y) => (y >= 2029 ? 0.75 : 0), eligible: () => true, cap: [30, 50] },
  {
    type: 'QLNN_CHUNG',
    level: 'province',
    rate: (y) => [0.25, 0.3, 0.35][(y - 2026) % 3]!,
    eligible: (o) => o.official_type === 'cong_chuc' && !o.is_leader,
    once: 'phase',
    cap: [40, 60],
  },
  {
    type: 'QLNN_LANHDAO',
    level: 'province',
    rate: (y) => (y <= 2028 ? 0.3 : 0.35),
    eligible: (o) => o.is_leader,
    once: 'programme',
    cap: [35, 55],
  },
  {
    type: 'CMCN',
    level: 'province',
    rate: (y) => (y === 2026 ? 0.35 : y === 2027 ? 0.5 : y === 2028 ? 0.6 : 0),
    eligible: (o) => o.below_standard,
    once: 'programme',
    cap: [30, 50],
  },
];

const SCHEDULES = ['trong_gio', 'trong_gio', 'trong_gio', 'ngoai_gio', 'buoi_toi', 'cuoi_tuan'] as const;
const TOPICS = [
  'Khai giảng, giới thiệu chương trình',
  'Chuyên đề lý thuyết',
  'Thảo luận tình huống',
  'Thực hành theo nhóm',
  'Kiểm tra, đánh giá cuối khóa',
];
const CANCEL_REASONS = [
  'Ốm đau, có giấy xác nhận của cơ sở y tế',
  'Được giao nhiệm vụ đột xuất',
  'Đã học lớp cùng nội dung',
  'Nghỉ thai sản',
];

const intIn = (rng: Rng, a: number, b: number) => a + Math.floor(rng() * (b - a + 1));
const ts = (d: string) => `${d} 08:00:00+07`;

function sample<T>(rng: Rng, list: T[], n: number): T[] {
  const a = [...list];
  const k = Math.min(n, a.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

/** Calendar days a programme of `workDays` working days spans. */
const spanDays = (workDays: number) => (workDays <= 5 ? workDays : Math.ceil(workDays * 1.4));

/** Generates one province's six years (up to today + 4 months). */
export function generateProvinceTraining(
  ctx: TrainingContext,
  rng: Rng,
  provinceCode: string,
  communes: GenCommune[],
  officials: GenOfficial[],
): void {
  const byCommune = new Map<string, GenOfficial[]>();
  for (const o of officials) byCommune.set(o.commune_code, [...(byCommune.get(o.commune_code) ?? []), o]);
  const active = communes.filter((c) => byCommune.has(c.code));
  if (active.length === 0) return;
  const communeName = new Map(active.map((c) => [c.code, c.name]));
  // Clusters of 3–5 neighbouring communes (by code order) for liên xã classes.
  const clusters: GenCommune[][] = [];
  for (let i = 0; i < active.length;) {
    const n = Math.min(active.length - i, intIn(rng, 3, 5));
    clusters.push(active.slice(i, i + n));
    i += n;
  }
  const taken = new Map<string, Set<string>>(); // `${type}:${phase|all}` → officials already nominated
  const horizon = addDays(ctx.today, 120);
  const tct = ctx.orgIds.get(`TCT.${provinceCode}`)!;
  for (let year = 2026; year <= 2031; year++) {
    if (`${year}-01-01` > horizon) break;
    const phase = year <= 2028 ? 1 : 2;
    for (const k of KINDS) {
      const rate = k.rate(year);
      if (rate <= 0) continue;
      const progs = ctx.programmes.get(k.type) ?? [];
      if (progs.length === 0) continue;
      const onceKey = k.once === 'phase' ? `${k.type}:${phase}` : `${k.type}:all`;
      const groups: { communes: GenCommune[]; people: GenOfficial[] }[] =
        k.level === 'cluster'
          ? clusters.map((cl) => ({ communes: cl, people: cl.flatMap((c) => byCommune.get(c.code)!) }))
          : k.level === 'commune'
            ? active.map((c) => ({ communes: [c], people: byCommune.get(c.code)! }))
            : [{ communes: active, people: officials }];
      for (const g of groups) {
        let pool = g.people.filter(k.eligible);
        if (k.once) {
          const seen = taken.get(onceKey) ?? new Set<string>();
          taken.set(onceKey, seen);
          pool = pool.filter((o) => !seen.has(o.id));
        }
        const n = Math.round(pool.length * rate * (0.9 + rng() * 0.2));
        if (n === 0) continue;
        const chosen = sample(rng, pool, n);
        if (k.once) for (const o of chosen) taken.get(onceKey)!.add(o.id);
        // Nominees of one class come from the same part of the list: sort by commune so a class serves few communes.
        chosen.sort((a, b) => (a.commune_code < b.commune_code ? -1 : a.commune_code > b.commune_code ? 1 : 0));
        for (let i = 0; i < chosen.length;) {
          const size = Math.min(chosen.length - i, intIn(rng, k.cap[0], k.cap[1]));
          const members = chosen.slice(i, i + size);
          i += size;
          const prog = progs[Math.floor(rng() * progs.length)]!;
          emitClass(ctx, rng, { kind: k, prog, year, provinceCode, tct, group: g.communes, members, communeName, horizon });
        }
      }
    }
  }
}

interface ClassSpec {
  kind: Kind;
  prog: GenProgramme;
  year: number;
  provinceCode: string;
  tct: number;
  group: GenCommune[];
  members: GenOfficial[];
  communeName: Map<string, string>;
  horizon: string;
}

function emitClass(ctx: TrainingContext, rng: Rng, s: ClassSpec): void {
  const b = ctx.buffers;
  const today = ctx.today;
  const span = spanDays(s.prog.duration_days);
  const lastStart = s.kind.type === 'CMCN' ? 250 : 340;
  const start = addDays(`${s.year}-01-05`, Math.floor(rng() * lastStart));
  if (start > s.horizon) return;
  const end = addDays(start, span - 1);
  const cancelledClass = rng() < 0.01;
  const status = cancelledClass
    ? 'cancelled'
    : end < today
      ? addDays(end, 30) < today
        ? 'closed'
        : 'finished'
      : start <= today
        ? 'running'
        : start <= addDays(today, 45)
          ? 'open'
          : 'planned';
  const classId = ctx.ids.class++;
  const online = s.kind.level === 'online';
  const memberCommunes = [...new Set(s.members.map((m) => m.commune_code))];
  const host = s.kind.level === 'commune' || s.kind.level === 'cluster' ? s.group[0]!.code : online ? null : memberCommunes[0]!;
  const organiser =
    s.kind.type === 'QLNN_LANHDAO'
      ? (ctx.orgIds.get('HVCTQG') ?? s.tct)
      : online && rng() < 0.4
        ? (ctx.orgIds.get('DHNV') ?? s.tct)
        : s.tct;
  const where =
    s.kind.level === 'cluster'
      ? `liên xã ${s.group.map((c) => c.name).join(', ')}`
      : s.kind.level === 'commune'
        ? s.group[0]!.name
        : online
          ? 'trực tuyến, các điểm cầu'
          : `tỉnh, đợt ${classId}`;
  const capacity = s.members.length + intIn(rng, 0, 10);
  const perLearner = s.kind.type === 'CMCN' ? 3_000_000 : span > 5 ? 1_200_000 : 250_000;
  const budget = perLearner * capacity;
  const actual = status === 'closed' || status === 'finished' ? Math.round(budget * (0.85 + rng() * 0.15)) : 0;
  const createdOn = minDate(addDays(start, -45), today);
  b.classes.push([
    `${s.provinceCode}-${s.year}-${s.kind.type}-${classId}`,
    `${s.prog.name} (${where})`.slice(0, 300),
    s.prog.id,
    s.kind.type,
    organiser,
    s.provinceCode,
    host,
    online ? 'truc_tuyen' : s.kind.type === 'QLNN_LANHDAO' ? 'ket_hop' : 'truc_tiep',
    online ? 'trong_gio' : SCHEDULES[Math.floor(rng() * SCHEDULES.length)]!,
    start,
    end,
    capacity,
    status,
    Math.round(budget * 0.6),
    Math.round(budget * 0.4),
    Math.round(actual * 0.6),
    Math.round(actual * 0.4),
    perLearner,
    1,
    'sinh-du-lieu',
    ts(createdOn),
  ]);
  const servedCommunes = s.kind.level === 'cluster' || s.kind.level === 'commune' ? s.group.map((c) => c.code) : memberCommunes;
  for (const c of servedCommunes) b.classCommunes.push([classId, c, s.provinceCode]);
  const bridgeOf = new Map<string, number>();
  if (online) {
    ctx.ids.bridge++;
    b.bridgePoints.push([classId, `Điểm cầu tỉnh ${s.provinceCode}`, 'tinh', s.provinceCode, null, 'Hội trường Trường Chính trị tỉnh']);
    for (const c of memberCommunes) {
      bridgeOf.set(c, ctx.ids.bridge++);
      b.bridgePoints.push([classId, `Điểm cầu ${s.communeName.get(c) ?? c}`, 'xa', s.provinceCode, c, 'Hội trường Ủy ban nhân dân xã']);
    }
  }
  const nSessions = span <= 5 ? span : Math.min(12, Math.ceil(span / 7));
  const sessionIds: { id: number; date: string }[] = [];
  for (let i = 0; i < nSessions; i++) {
    const date = span <= 5 ? addDays(start, i) : minDate(addDays(start, i * 7), end);
    sessionIds.push({ id: ctx.ids.session++, date });
    b.sessions.push([
      classId,
      date,
      '07:30',
      '11:30',
      online ? null : 'Hội trường',
      online ? `https://hop.truc-tuyen.example/lop-${classId}` : null,
      TOPICS[Math.min(TOPICS.length - 1, Math.floor((i / nSessions) * TOPICS.length))]!,
    ]);
  }
  if (status === 'planned') return;
  const sampled = classId % 25 === 0 && status !== 'open';
  const decisionBase = status === 'open' ? minDate(addDays(start, -10), today) : addDays(start, -intIn(rng, 7, 25));
  const decisionNo = `${intIn(rng, 10, 999)}/QĐ-UBND`;
  const resultDay = addDays(end, intIn(rng, 1, 10));
  const resultsIn = end < today && resultDay <= today && !cancelledClass;
  for (const o of s.members) {
    const id = ctx.ids.enrolment++;
    const cancelled = cancelledClass || rng() < 0.02;
    let result: 'completed' | 'failed' | null = null;
    let score: number | null = null;
    if (!cancelled && resultsIn) {
      const failed = rng() < 0.035;
      result = failed ? 'failed' : 'completed';
      score = failed ? Math.round((2 + rng() * 2.9) * 100) / 100 : Math.round((5.5 + rng() * 4.3) * 4) / 4;
    }
    const decisionDate = minDate(decisionBase, today);
    b.enrolments.push([
      classId,
      o.id,
      o.province_code,
      o.commune_code,
      o.unit_id,
      s.kind.type,
      end,
      decisionNo,
      decisionDate,
      cancelled ? 'cancelled' : 'nominated',
      bridgeOf.get(o.commune_code) ?? null,
      result,
      score,
      result ? ts(resultDay) : null,
      cancelled ? (cancelledClass ? 'Lớp bị hủy' : CANCEL_REASONS[Math.floor(rng() * CANCEL_REASONS.length)]!) : null,
      'sinh-du-lieu',
      ts(decisionDate),
    ] satisfies Cell[]);
    if (sampled && !cancelled) {
      for (const sess of sessionIds) {
        if (sess.date > today) break;
        const r = rng();
        const st = result === 'failed' ? (r < 0.7 ? 'present' : 'absent') : r < 0.96 ? 'present' : 'excused';
        b.attendance.push([id, sess.id, st, bridgeOf.get(o.commune_code) ?? null, 'sinh-du-lieu', ts(sess.date)]);
      }
      if (result) b.scores.push([id, 1, score, 'sinh-du-lieu', ts(resultDay)]);
    }
    ctx.onEnrolment({
      id,
      classId,
      official: o,
      programmeType: s.kind.type,
      classEndDate: end,
      status: cancelled ? 'cancelled' : 'nominated',
      result,
      finalScore: score,
      resultDate: result ? resultDay : null,
    });
  }
}
