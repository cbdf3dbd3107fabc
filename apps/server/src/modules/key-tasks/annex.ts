/**
 * Reference seed: the key tasks of Decision 700/QĐ-TTg's annex (facts kept: group, lead agency,
 * co-operating agencies, expected output, deadline; task names written in our own words). Idempotent
 * on `seed_key`; national level; progress is then tracked by the ministry.
 */

import type { DbOrTx } from '../../db/client.ts';
import { keyTasks } from '../../db/schema/index.ts';

const AUTHORITY = 'Thủ tướng Chính phủ giao tại Quyết định số 700/QĐ-TTg ngày 20/4/2026';
const PERSON = 'Người đứng đầu cơ quan chủ trì';

export const ANNEX_TASKS = [
  {
    seedKey: 'qd700.I.1',
    groupName: 'I. Xây dựng kế hoạch bồi dưỡng',
    name: 'Rà soát, sắp xếp đội ngũ cán bộ, công chức cấp xã theo trình độ, năng lực và yêu cầu vị trí việc làm; xác định nhu cầu và ban hành kế hoạch bồi dưỡng giai đoạn 2026 - 2031',
    leadAgency: 'Các địa phương',
    cooperatingAgencies: 'Học viện Chính trị quốc gia Hồ Chí Minh, Bộ Nội vụ',
    expectedOutput: 'Báo cáo rà soát; Kế hoạch bồi dưỡng giai đoạn 2026 - 2031',
    deadline: '2026-05-31',
    deadlineText: 'Tháng 5/2026',
  },
  {
    seedKey: 'qd700.II.1',
    groupName: 'II. Chương trình, tài liệu, học liệu số; tổ chức bồi dưỡng',
    name: 'Soạn và phê duyệt chương trình, tài liệu bồi dưỡng quản lý nhà nước cho công chức lãnh đạo, quản lý cấp phòng ở cấp xã',
    leadAgency: 'Học viện Chính trị quốc gia Hồ Chí Minh',
    cooperatingAgencies: 'Bộ Nội vụ',
    expectedOutput: 'Chương trình, tài liệu bồi dưỡng',
    deadline: '2026-04-30',
    deadlineText: 'Tháng 4/2026',
  },
  {
    seedKey: 'qd700.II.7a',
    groupName: 'II. Chương trình, tài liệu, học liệu số; tổ chức bồi dưỡng',
    name: 'Lựa chọn, cử giảng viên của các trường đại học tham gia bồi dưỡng kiến thức chuyên môn chuyên ngành',
    leadAgency: 'Bộ Giáo dục và Đào tạo',
    cooperatingAgencies: 'Cơ sở giáo dục đại học',
    expectedOutput: 'Danh sách giảng viên',
    deadline: '2026-05-31',
    deadlineText: 'Tháng 5/2026',
  },
  {
    seedKey: 'qd700.II.7b',
    groupName: 'II. Chương trình, tài liệu, học liệu số; tổ chức bồi dưỡng',
    name: 'Mở các khóa bồi dưỡng kiến thức chuyên môn chuyên ngành',
    leadAgency: 'Bộ Giáo dục và Đào tạo',
    cooperatingAgencies: 'Cơ sở giáo dục đại học; các địa phương',
    expectedOutput: 'Các khóa bồi dưỡng',
    deadline: '2026-07-31',
    deadlineText: 'Tháng 7/2026',
  },
  {
    seedKey: 'qd700.II.8a',
    groupName: 'II. Chương trình, tài liệu, học liệu số; tổ chức bồi dưỡng',
    name: 'Mở các lớp bồi dưỡng theo những chương trình Đề án giao cho Học viện',
    leadAgency: 'Học viện Chính trị quốc gia Hồ Chí Minh',
    cooperatingAgencies: 'Các bộ quản lý ngành, lĩnh vực; địa phương',
    expectedOutput: 'Các khóa bồi dưỡng',
    deadline: '2031-12-31',
    deadlineText: '2026 - 2031',
  },
  {
    seedKey: 'qd700.II.8b',
    groupName: 'II. Chương trình, tài liệu, học liệu số; tổ chức bồi dưỡng',
    name: 'Bồi dưỡng, tập huấn kỹ năng bổ trợ theo yêu cầu và nhu cầu thực tế của địa phương',
    leadAgency: 'Các địa phương',
    cooperatingAgencies: 'Cơ sở đào tạo, bồi dưỡng',
    expectedOutput: 'Các khóa bồi dưỡng, tập huấn',
    deadline: '2031-12-31',
    deadlineText: '2026 - 2031',
  },
  {
    seedKey: 'qd700.III.1',
    groupName: 'III. Đánh giá và quản lý chất lượng bồi dưỡng',
    name: 'Xây dựng phần mềm quản lý và đánh giá chất lượng bồi dưỡng',
    leadAgency: 'Bộ Nội vụ',
    cooperatingAgencies: 'Các bộ, cơ quan ngang bộ, địa phương',
    expectedOutput: 'Phần mềm',
    deadline: '2026-12-31',
    deadlineText: 'Tháng 12/2026',
  },
  {
    seedKey: 'qd700.III.2',
    groupName: 'III. Đánh giá và quản lý chất lượng bồi dưỡng',
    name: 'Đánh giá chất lượng các khóa bồi dưỡng đã tổ chức',
    leadAgency: 'Các địa phương',
    cooperatingAgencies: 'Bộ Nội vụ; các bộ, cơ quan ngang bộ',
    expectedOutput: 'Báo cáo kết quả đánh giá chất lượng bồi dưỡng',
    deadline: '2031-12-31',
    deadlineText: '2026 - 2031',
  },
  {
    seedKey: 'qd700.IV.1',
    groupName: 'IV. Báo cáo, sơ kết, tổng kết Đề án',
    name: 'Gửi báo cáo định kỳ về kết quả thực hiện Đề án',
    leadAgency: 'Học viện Chính trị quốc gia Hồ Chí Minh; các bộ, cơ quan ngang bộ, địa phương',
    cooperatingAgencies: 'Bộ Nội vụ',
    expectedOutput: 'Báo cáo',
    deadline: '2031-11-30',
    deadlineText: 'Trước ngày 30/11 hằng năm',
  },
  {
    seedKey: 'qd700.IV.2',
    groupName: 'IV. Báo cáo, sơ kết, tổng kết Đề án',
    name: 'Tổ chức hội nghị sơ kết và tổng kết thực hiện Đề án',
    leadAgency: 'Bộ Nội vụ',
    cooperatingAgencies: 'Học viện Chính trị quốc gia Hồ Chí Minh; các bộ, cơ quan ngang bộ, địa phương',
    expectedOutput: 'Báo cáo sơ kết, tổng kết',
    deadline: '2031-12-31',
    deadlineText: 'Sơ kết năm 2029, tổng kết năm 2031',
  },
] as const;

export async function seedKeyTaskAnnex(db: DbOrTx): Promise<void> {
  await db
    .insert(keyTasks)
    .values(
      ANNEX_TASKS.map((t, i) => ({
        ...t,
        level: 'nation' as const,
        orderNo: i + 1,
        personInCharge: PERSON,
        authority: AUTHORITY,
        createdBy: 'he-thong',
      })),
    )
    .onConflictDoNothing({ target: keyTasks.seedKey });
}
