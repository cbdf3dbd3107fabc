/**
 * Demo data of the learner side (runs after the demo classes and the account links, only when the
 * training demo is seeded; idempotent): self-reports of the finished classes — most confirmed or
 * waiting, one returned, some left overdue — anonymous survey answers (enough for the aggregates to
 * show), essays for the HCMA online class with a few proposals tagged by the province's reviewer, and
 * two mentoring pairs. hocvien.22015.1 keeps every task open (the browser test does them) and has a
 * seat in the HCMA class so the essay form can be tried; hocvien.24133.1's report is the returned one;
 * about one nomination in four stays overdue.
 * Texts are written for this demo.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { addDays } from './files.rules.ts';

const MARKER = 'seed.demo.learner';
/** Learner accounts whose tasks stay open (browser test) or overdue (warnings). */
const OPEN_LEARNER = 'hocvien.22015.1';
const OVERDUE_LEARNER = 'hocvien.22015.2';
const RETURNED_LEARNER = 'hocvien.24133.1';

const APPLY = [
  'Rút ngắn thời gian trả kết quả hồ sơ đất đai bằng cách kiểm tra thành phần hồ sơ ngay khi tiếp nhận.',
  'Lập sổ theo dõi các kiến nghị của người dân và báo cáo lãnh đạo xã hằng tuần.',
  'Dùng mẫu biên bản hòa giải đã học để chuẩn hóa cách ghi chép ở thôn, buôn.',
  'Hướng dẫn đồng nghiệp trong bộ phận cách ký số và lưu hồ sơ điện tử.',
  'Soạn lại quy trình nội bộ về tiếp công dân theo các bước đã thực hành ở lớp.',
  'Áp dụng cách phân tích tình huống để chuẩn bị phương án trước các buổi đối thoại với dân.',
];
const COMMENTS = {
  programme: ['Nên có thêm tài liệu in để mang về xã tham khảo.', 'Nội dung sát với việc hằng ngày ở bộ phận một cửa.'],
  instructors: ['Giảng viên lấy ví dụ gần với công việc ở cơ sở, dễ hiểu.', 'Mong giảng viên dành thêm thời gian trả lời câu hỏi.'],
  facilities: ['Phòng học hơi nóng vào buổi chiều.', 'Đường truyền ở điểm cầu xã có lúc bị ngắt.'],
  organisation: ['Lịch học buổi tối phù hợp, không ảnh hưởng công việc ban ngày.', 'Thông báo lịch học nên gửi sớm hơn một tuần.'],
};
const ESSAY_TITLES = [
  'Xử lý khiếu nại về ranh giới đất giữa hai hộ ở thôn',
  'Vận động người dân tham gia chuyển đổi số ở buôn đồng bào',
  'Giải quyết tranh chấp lối đi chung trong khu dân cư',
  'Phối hợp giữa các bộ phận khi tiếp nhận phản ánh qua mạng xã hội',
  'Tổ chức đối thoại với hộ kinh doanh về trật tự vỉa hè',
];
const ESSAY_PROPOSALS = [
  'Đề xuất Sở Nội vụ tổ chức thêm lớp ngắn ngày về kỹ năng đối thoại cho công chức địa chính.',
  'Đề xuất bố trí kinh phí cho điểm cầu xã để đường truyền ổn định hơn.',
  'Đề xuất xây dựng bộ tình huống mẫu dùng chung cho các xã vùng đồng bào dân tộc thiểu số.',
];

/** Deterministic 0..n-1 from a number (no randomness: re-seeding gives the same demo). */
const pick = (i: number, n: number) => ((i * 2654435761) >>> 0) % n;

export async function seedDemoLearner(
  tx: DbOrTx,
  today: string,
): Promise<{ seeded: boolean; reports: number; answers: number; essays: number; pairs: number }> {
  const done = await tx.execute(sql`select 1 from audit_log where action = ${MARKER} limit 1`);
  if (done.rows.length) return { seeded: false, reports: 0, answers: 0, essays: 0, pairs: 0 };

  const accounts = (
    await tx.execute<{ username: string; officialId: string }>(
      sql`select username, official_id as "officialId" from users where official_id is not null`,
    )
  ).rows;
  const officialOf = new Map(accounts.map((a) => [a.username, a.officialId]));
  const openId = officialOf.get(OPEN_LEARNER) ?? null;
  const overdueId = officialOf.get(OVERDUE_LEARNER) ?? null;

  // The demo seed links these accounts to people who already sit in the right classes (seed/demo.ts
  // linkDemoAccounts), so on `npm start` nothing is added here. Only a database whose accounts were linked
  // before the classes were made (the test template + seedDemoTraining) gets the missing seats: one in the
  // HCMA online class (requires an essay), with attendance and a score, for the open learner, and for the
  // learner whose report is returned when they have no finished class of their own.
  const hcma = (
    await tx.execute<{ id: number; endDate: string; programmeType: string }>(sql`
      select c.id, c.end_date as "endDate", c.programme_type as "programmeType" from classes c join programmes p on p.id = c.programme_id
      where p.requires_essay and c.status = 'finished' and c.end_date < ${today} order by c.end_date desc limit 1`)
  ).rows[0];
  const returnedId = officialOf.get(RETURNED_LEARNER) ?? null;
  const hasFinished = async (officialId: string) =>
    (
      await tx.execute(sql`
        select 1 from enrolments e join classes c on c.id = e.class_id
        where e.official_id = ${officialId} and e.status = 'nominated' and c.status = 'finished' and c.end_date < ${today} limit 1`)
    ).rows.length > 0;
  const seats = [openId, returnedId && !(await hasFinished(returnedId)) ? returnedId : null].filter((x): x is string => x !== null);
  for (const officialId of hcma ? seats : []) {
    const e = await tx.execute<{ id: number }>(sql`
      insert into enrolments (class_id, official_id, province_code, commune_code, unit_id, programme_type, class_end_date, decision_no, decision_date, status, result, final_score, result_recorded_at, nominated_by)
      select ${hcma!.id}, o.id, o.province_code, o.commune_code, o.unit_id, ${hcma!.programmeType}, ${hcma!.endDate}, 'QĐ bổ sung', c.start_date, 'nominated', 'completed', 8, (c.end_date + time '17:30') at time zone 'Asia/Ho_Chi_Minh', 'he-thong'
      from officials o, classes c where o.id = ${officialId} and c.id = ${hcma!.id}
        and not exists (select 1 from enrolments x where x.class_id = c.id and x.official_id = o.id and x.status <> 'cancelled')
      returning id`);
    const enrolmentId = e.rows[0]?.id;
    if (enrolmentId) {
      await tx.execute(sql`
        insert into attendance (enrolment_id, session_id, status, bridge_point_id, recorded_by)
        select ${enrolmentId}, s.id, 'present',
          (select b.id from bridge_points b join officials o on o.id = ${officialId} where b.class_id = s.class_id and b.commune_code = o.commune_code limit 1), 'truong.hvctqg'
        from class_sessions s where s.class_id = ${hcma!.id}`);
      await tx.execute(
        sql`insert into scores (enrolment_id, assessment_no, score, recorded_by) values (${enrolmentId}, 1, 8, 'truong.hvctqg')`,
      );
    }
  }

  // Nominations of finished classes (the open learner's and the overdue learner's are left alone).
  const enrolled = (
    await tx.execute<{
      enrolmentId: number;
      officialId: string;
      provinceCode: string;
      communeCode: string;
      unitId: number | null;
      classId: number;
      endDate: string;
      startDate: string;
      result: string | null;
      finalScore: string | null;
      requiresEssay: boolean;
    }>(sql`
      select e.id as "enrolmentId", e.official_id as "officialId", e.province_code as "provinceCode", e.commune_code as "communeCode",
             coalesce(e.unit_id, o.unit_id) as "unitId", c.id as "classId", c.end_date as "endDate", c.start_date as "startDate",
             e.result, e.final_score::text as "finalScore", p.requires_essay as "requiresEssay"
      from enrolments e join classes c on c.id = e.class_id join officials o on o.id = e.official_id join programmes p on p.id = c.programme_id
      where e.status = 'nominated' and c.status = 'finished' and c.end_date < ${today}
      order by c.end_date, e.id`)
  ).rows.filter((r) => r.officialId !== openId);

  let reports = 0;
  let returnedDone = false;
  for (const r of enrolled) {
    if (r.officialId === overdueId) continue;
    const forceReturn = !returnedDone && r.officialId === returnedId;
    // About three in four report; the rest stay overdue (warnings and reminders have something to show).
    if (!forceReturn && pick(r.enrolmentId, 4) === 0) continue;
    const submittedOn = [addDays(r.endDate, 1 + pick(r.enrolmentId + 7, 20)), today].sort()[0]!;
    const status = forceReturn ? 'returned' : pick(r.enrolmentId + 3, 10) < 7 ? 'confirmed' : 'submitted';
    if (forceReturn) returnedDone = true;
    await tx.execute(sql`
      insert into self_reports (enrolment_id, official_id, province_code, commune_code, unit_id, class_id, submitted_on, last_submitted_on, status,
        completed, score, certificate_no, apply_at_work, review_comment, reviewed_by, reviewed_at)
      values (${r.enrolmentId}, ${r.officialId}, ${r.provinceCode}, ${r.communeCode}, ${r.unitId}, ${r.classId}, ${submittedOn}, ${submittedOn}, ${status},
        ${r.result === 'completed'}, ${r.finalScore}, null, ${APPLY[pick(r.enrolmentId, APPLY.length)]!},
        ${forceReturn ? 'Điểm ghi trong báo cáo chưa khớp bảng điểm của lớp; đề nghị kiểm tra và gửi kèm bản chụp giấy chứng nhận.' : null},
        ${status === 'submitted' ? null : `xa.${r.communeCode}`},
        ${status === 'submitted' ? null : sql`(${addDays(submittedOn, 2)}::date + time '09:00') at time zone 'Asia/Ho_Chi_Minh'`})
      on conflict (enrolment_id) do nothing`);
    reports++;
  }

  // Survey answers: most learners of each finished class (no link to who answered).
  let answers = 0;
  for (const r of enrolled) {
    if (r.officialId === overdueId || pick(r.enrolmentId + 11, 5) === 0) continue;
    const s = (k: number) => 3 + pick(r.enrolmentId + k, 3);
    await tx.execute(sql`insert into survey_markers (class_id, official_id) values (${r.classId}, ${r.officialId}) on conflict do nothing`);
    await tx.execute(sql`
      insert into survey_answers (class_id, programme, instructors, facilities, organisation, own_gain,
        programme_comment, instructors_comment, facilities_comment, organisation_comment)
      values (${r.classId}, ${s(1)}, ${s(2)}, ${s(3)}, ${s(4)}, ${s(5)},
        ${pick(r.enrolmentId, 4) === 0 ? COMMENTS.programme[pick(r.enrolmentId, 2)]! : null},
        ${pick(r.enrolmentId + 1, 4) === 0 ? COMMENTS.instructors[pick(r.enrolmentId + 2, 2)]! : null},
        ${pick(r.enrolmentId + 3, 5) === 0 ? COMMENTS.facilities[pick(r.enrolmentId + 4, 2)]! : null},
        ${pick(r.enrolmentId + 5, 5) === 0 ? COMMENTS.organisation[pick(r.enrolmentId + 6, 2)]! : null})`);
    answers++;
  }

  // Essays of the classes that require one, a few flagged as proposals by the reviewer.
  let essays = 0;
  for (const r of enrolled.filter((x) => x.requiresEssay)) {
    const topics = (
      await tx.execute<{ topic: string }>(
        sql`select distinct topic from class_sessions where class_id = ${r.classId} and topic is not null order by topic limit 1`,
      )
    ).rows.map((x) => x.topic);
    const n = pick(r.enrolmentId, ESSAY_TITLES.length);
    const proposal = pick(r.enrolmentId + 5, 3) === 0;
    const body = `${ESSAY_TITLES[n]!}.\n\nTình hình ở địa phương: vụ việc kéo dài, nhiều bên liên quan. Cách xử lý đã áp dụng sau khóa học: gặp riêng từng bên, lập biên bản, mời trưởng thôn cùng tham gia.\n\n${ESSAY_PROPOSALS[pick(r.enrolmentId, ESSAY_PROPOSALS.length)]!}`;
    const topicsSql = topics.length
      ? sql`array[${sql.join(
          topics.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`
      : sql`'{}'::text[]`;
    await tx.execute(sql`
      insert into essays (enrolment_id, class_id, official_id, province_code, commune_code, title, topics, body, submitted_on, tags, is_proposal, reviewed_by, reviewed_at)
      values (${r.enrolmentId}, ${r.classId}, ${r.officialId}, ${r.provinceCode}, ${r.communeCode}, ${ESSAY_TITLES[n]!}, ${topicsSql}, ${body},
        ${[addDays(r.endDate, 5), today].sort()[0]!}, ${proposal ? sql`array['Đào tạo', 'Cơ sở vật chất']::text[]` : sql`'{}'::text[]`}, ${proposal},
        ${proposal ? 'bantochuc.66' : null}, ${proposal ? sql`(${addDays(r.endDate, 12)}::date + time '10:00') at time zone 'Asia/Ho_Chi_Minh'` : null})
      on conflict (enrolment_id) do nothing`);
    essays++;
  }

  // Two mentoring pairs: a unit head's official guides a learner of the same commune.
  let pairs = 0;
  for (const [mentorUser, menteeUser, goal, meeting] of [
    [
      'donvi.22015.2',
      OVERDUE_LEARNER,
      'Tự thẩm định được hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu',
      'Cùng rà soát ba hồ sơ tồn; chỉ ra các lỗi thường gặp khi đo vẽ.',
    ],
    [
      'donvi.24133.3',
      RETURNED_LEARNER,
      'Chủ trì được một buổi tuyên truyền pháp luật ở khu phố',
      'Dự buổi tuyên truyền do người kèm cặp chủ trì, ghi lại cách mở đầu và trả lời câu hỏi.',
    ],
  ] as const) {
    const mentor = officialOf.get(mentorUser);
    const mentee = officialOf.get(menteeUser);
    if (!mentor || !mentee) continue;
    const from = addDays(today, -60);
    const p = await tx.execute<{ id: number }>(sql`
      insert into mentoring_pairs (province_code, commune_code, mentor_id, mentee_id, from_date, created_by)
      select o.province_code, o.commune_code, ${mentor}, ${mentee}, ${from}, ${`xa.${mentorUser.split('.')[1]}`}
      from officials o where o.id = ${mentee} and exists (select 1 from officials m where m.id = ${mentor} and m.commune_code = o.commune_code)
      on conflict do nothing returning id`);
    const id = p.rows[0]?.id;
    if (!id) continue;
    await tx.execute(sql`
      insert into mentoring_entries (pair_id, kind, on_date, text, author_username) values
        (${id}, 'goal', ${from}, ${goal}, ${`xa.${mentorUser.split('.')[1]}`}),
        (${id}, 'meeting', ${addDays(from, 21)}, ${meeting}, ${mentorUser})`);
    pairs++;
  }

  await tx.execute(
    sql`insert into audit_log (action, entity_type, after) values (${MARKER}, 'system', ${JSON.stringify({ reports, answers, essays, pairs })}::jsonb)`,
  );
  return { seeded: true, reports, answers, essays, pairs };
}
