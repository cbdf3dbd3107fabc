/**
 * Demo data of reports and key tasks (issue 6 §4): Đắk Lắk's (66) annual report 2026 in draft; of its
 * demo communes, Buôn Ma Thuột (24133) has sent its report, Ea Kar's neighbour 24235 has had it accepted,
 * 22015 had it returned with a comment, 24373 is still writing, 24211 has not started; a few of the
 * province's and a commune's own key tasks. Numbers of the sent reports are frozen snapshots computed
 * by the KPI engine. Runs once (skipped when the province report exists).
 */
import { sql } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { keyTasks, keyTaskUpdates, reportEvents, reports } from '../../db/schema/index.ts';
import { buildReportData } from './report-data.service.ts';
import { asOfFor, defaultTitle } from './reports.rules.ts';
import { scopeName } from './report-data.repository.ts';

const PROVINCE = '66';
const YEAR = 2026;

const TEXTS = {
  results:
    'Xã đã rà soát đội ngũ, lập danh sách cán bộ, công chức cần bồi dưỡng theo vị trí việc làm và cử người tham gia các lớp do tỉnh và Học viện tổ chức, ưu tiên người chưa đạt chuẩn và người chịu tác động của việc sắp xếp bộ máy.',
  difficulties:
    'Một số công chức kiêm nhiệm nhiều việc nên khó bố trí thời gian học tập trung; đường truyền tại điểm cầu xã có lúc chưa ổn định khi học trực tuyến.',
  proposals: 'Đề nghị tỉnh tăng số lớp học buổi tối và cuối tuần, hỗ trợ thiết bị cho điểm cầu cấp xã.',
};

type CommuneState = 'submitted' | 'accepted' | 'returned' | 'draft';
const COMMUNES: [string, CommuneState][] = [
  ['24133', 'submitted'],
  ['24235', 'accepted'],
  ['22015', 'returned'],
  ['24373', 'draft'],
];

export async function seedDemoReports(deps: { db: Db; clock: Clock }): Promise<number> {
  const { db, clock } = deps;
  await seedDemoKeyTasks(deps);
  const exists = await db.execute(
    sql`select 1 from reports where scope_key = ${`province:${PROVINCE}`} and year = ${YEAR} and kind = 'annual'`,
  );
  if (exists.rows.length) return 0;
  const today = clock.today();
  const now = clock.now();
  const asOf = asOfFor(YEAR, today);
  // numbers first (outside the transaction: the KPI engine reads with its own connection)
  const snapshots = new Map<string, Awaited<ReturnType<typeof buildReportData>>>();
  for (const [code, state] of COMMUNES) {
    if (state !== 'draft')
      snapshots.set(code, await buildReportData(db, { level: 'commune', provinceCode: PROVINCE, communeCode: code }, YEAR, asOf));
  }
  const provinceName = await scopeName(db, { level: 'province', provinceCode: PROVINCE, communeCode: null });
  await db.transaction(async (tx) => {
    const [p] = await tx
      .insert(reports)
      .values({
        kind: 'annual',
        year: YEAR,
        level: 'province',
        provinceCode: PROVINCE,
        scopeKey: `province:${PROVINCE}`,
        title: defaultTitle('annual', YEAR, provinceName),
        sections: {
          results:
            'Ủy ban nhân dân tỉnh đã ban hành kế hoạch triển khai Đề án trên địa bàn, giao chỉ tiêu cho từng xã, phường và phối hợp với Học viện Chính trị quốc gia Hồ Chí Minh mở các lớp trực tuyến kết nối tới điểm cầu cấp xã.',
        },
        placeName: 'Đắk Lắk',
        signerTitle: 'Phó Chủ tịch',
        createdBy: 'sonoivu.66',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(reportEvents).values({ reportId: p!.id, action: 'created', actorName: 'Lê Văn Thành', at: now });
    for (const [code, state] of COMMUNES) {
      const name = await scopeName(tx, { level: 'commune', provinceCode: PROVINCE, communeCode: code });
      const admin =
        (await tx.execute<{ full_name: string }>(sql`select full_name from users where username = ${`xa.${code}`}`)).rows[0]?.full_name ??
        'Quản trị xã';
      const sent = state !== 'draft';
      const [r] = await tx
        .insert(reports)
        .values({
          kind: 'annual',
          year: YEAR,
          level: 'commune',
          provinceCode: PROVINCE,
          communeCode: code,
          scopeKey: `commune:${code}`,
          title: defaultTitle('annual', YEAR, name),
          status: state,
          sections: state === 'draft' ? { results: TEXTS.results } : TEXTS,
          signerTitle: 'Phó Chủ tịch',
          snapshot: sent ? snapshots.get(code) : null,
          snapshotAsOf: sent ? asOf : null,
          submittedOn: sent ? today : null,
          submittedAt: sent ? now : null,
          submittedBy: sent ? admin : null,
          submitCount: sent ? 1 : 0,
          reviewedAt: state === 'accepted' || state === 'returned' ? now : null,
          reviewedBy: state === 'accepted' || state === 'returned' ? 'Lê Văn Thành' : null,
          reviewComment:
            state === 'returned'
              ? 'Đề nghị bổ sung số liệu kinh phí đã chi và nêu rõ nguyên nhân chưa cử đủ người chưa đạt chuẩn đi học.'
              : null,
          createdBy: `xa.${code}`,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const events: (typeof reportEvents.$inferInsert)[] = [{ reportId: r!.id, action: 'created', actorName: admin, at: now }];
      if (sent) events.push({ reportId: r!.id, action: 'submitted', actorName: admin, at: now });
      if (state === 'accepted') events.push({ reportId: r!.id, action: 'accepted', actorName: 'Lê Văn Thành', at: now });
      if (state === 'returned')
        events.push({ reportId: r!.id, action: 'returned', actorName: 'Lê Văn Thành', at: now, comment: r!.reviewComment });
      await tx.insert(reportEvents).values(events);
    }
  });
  return COMMUNES.length + 1;
}

/** Own key tasks of Đắk Lắk and of one of its communes (independent of the KPI engine). */
async function seedDemoKeyTasks({ db, clock }: { db: Db; clock: Clock }): Promise<void> {
  const exists = await db.execute(sql`select 1 from key_tasks where level = 'province' and province_code = ${PROVINCE} limit 1`);
  if (exists.rows.length) return;
  const now = clock.now();
  const today = clock.today();
  await db.transaction(async (tx) => {
    const tasks = await tx
      .insert(keyTasks)
      .values([
        {
          level: 'province',
          provinceCode: PROVINCE,
          orderNo: 1,
          name: 'Mở 3 lớp bồi dưỡng quản lý nhà nước cho công chức chuyên môn cấp xã theo hình thức trực tuyến',
          personInCharge: 'Giám đốc Sở Nội vụ',
          leadAgency: 'Sở Nội vụ',
          cooperatingAgencies: 'Trường Chính trị tỉnh; UBND các xã, phường',
          expectedOutput: '03 lớp, khoảng 600 lượt công chức',
          deadline: '2026-12-15',
          authority: 'Chủ tịch UBND tỉnh',
          status: 'dang_thuc_hien',
          progress: 60,
          lastNote: 'Đã mở 2 lớp, lớp thứ ba khai giảng tháng 12',
          createdBy: 'sonoivu.66',
        },
        {
          level: 'province',
          provinceCode: PROVINCE,
          orderNo: 2,
          name: 'Tổng hợp kết quả rà soát đội ngũ cán bộ, công chức cấp xã chưa đạt chuẩn vị trí việc làm',
          personInCharge: 'Phó Giám đốc Sở Nội vụ phụ trách công tác cán bộ',
          leadAgency: 'Sở Nội vụ',
          cooperatingAgencies: 'UBND các xã, phường',
          expectedOutput: 'Báo cáo tổng hợp trình UBND tỉnh',
          deadline: '2026-10-31',
          authority: 'Chủ tịch UBND tỉnh',
          status: 'dang_thuc_hien',
          progress: 80,
          createdBy: 'sonoivu.66',
        },
        {
          level: 'commune',
          provinceCode: PROVINCE,
          communeCode: '24133',
          orderNo: 1,
          name: 'Cử công chức chưa đạt chuẩn tham gia lớp bồi dưỡng chuyên môn chuyên ngành của tỉnh',
          personInCharge: 'Chánh Văn phòng HĐND và UBND phường',
          leadAgency: 'Văn phòng HĐND và UBND phường',
          expectedOutput: 'Quyết định cử đi học; danh sách học viên',
          deadline: '2026-12-05',
          authority: 'Chủ tịch UBND phường',
          createdBy: 'xa.24133',
        },
      ])
      .returning();
    await tx.insert(keyTaskUpdates).values(
      tasks.map((t) => ({
        taskId: t.id,
        at: now,
        onDate: today,
        actorName: 'Dữ liệu mẫu',
        status: t.status,
        progress: t.progress,
        note: t.lastNote,
      })),
    );
  });
}
