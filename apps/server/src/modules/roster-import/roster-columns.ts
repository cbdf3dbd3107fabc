/**
 * The columns of the roster template (SPEC §3): Vietnamese headers, the other headers people write
 * for the same thing, code lists behind the drop-downs, and how to fill each one. Template, import
 * and export all read this one list, so an exported file can be edited and imported back.
 */
import {
  BLOC_LABELS,
  EDU_LEVEL_LABELS,
  GENDER_LABELS,
  OFFICIAL_TYPE_LABELS,
  POLITICAL_THEORY_LABELS,
  STATE_MGMT_LABELS,
  STUDY_FIELD_LABELS,
} from '@app/shared';

export type FieldKey =
  | 'fullName'
  | 'birthDate'
  | 'gender'
  | 'cccd'
  | 'officialType'
  | 'isLeader'
  | 'leaderTitle'
  | 'bloc'
  | 'unitId'
  | 'positionId'
  | 'eduLevel'
  | 'studyField'
  | 'studyFieldName'
  | 'politicalTheory'
  | 'stateMgmtLevel'
  | 'itLevel'
  | 'foreignLanguage'
  | 'joinedAt'
  | 'affectedByReorg'
  | 'email'
  | 'phone';

export type ColumnKind =
  | { kind: 'text'; min?: number; max: number }
  | { kind: 'date' }
  | { kind: 'code'; labels: Record<string, string>; aliases?: Record<string, string[]>; list: string }
  | { kind: 'bool'; list: string }
  | { kind: 'cccd' }
  | { kind: 'email' }
  | { kind: 'phone' }
  | { kind: 'unit'; list: string }
  | { kind: 'position'; list: string };

export interface ColumnDef {
  key: FieldKey;
  /** Header as written in the template (without the required mark). */
  header: string;
  /** Other headers accepted for the same column. */
  aliases: string[];
  required: boolean;
  type: ColumnKind;
  width: number;
  /** How to fill it (Hướng dẫn sheet). */
  help: string;
  /** Example value (Hướng dẫn sheet); for unit/position the template puts a real name of the commune. */
  example: string;
}

export const YES = 'Có';
export const NO = 'Không';

/** Names of the lists on the hidden "Danh mục" sheet (one column each). */
export const LIST_NAMES = {
  gender: 'Giới tính',
  officialType: 'Loại',
  yesNo: 'Có/Không',
  bloc: 'Khối',
  eduLevel: 'Trình độ chuyên môn',
  studyField: 'Chuyên ngành',
  politicalTheory: 'Lý luận chính trị',
  stateMgmtLevel: 'Quản lý nhà nước',
  unit: 'Cơ quan, đơn vị',
  position: 'Vị trí việc làm',
} as const;

export const COLUMNS: readonly ColumnDef[] = [
  {
    key: 'fullName',
    header: 'Họ và tên',
    aliases: ['Họ tên', 'Họ và tên cán bộ', 'Họ và tên CBCC', 'Tên cán bộ'],
    required: true,
    type: { kind: 'text', min: 2, max: 120 },
    width: 28,
    help: 'Họ, tên đệm và tên, viết có dấu, cách nhau một dấu cách. Ví dụ người dân tộc: "H’Linh Niê".',
    example: 'Nguyễn Thị Minh Anh',
  },
  {
    key: 'birthDate',
    header: 'Ngày sinh',
    aliases: ['Ngày, tháng, năm sinh', 'Ngày tháng năm sinh', 'Sinh ngày'],
    required: true,
    type: { kind: 'date' },
    width: 13,
    help: 'Ngày/tháng/năm (dd/mm/yyyy), năm đủ 4 chữ số. Có thể gõ 15/03/1985 hoặc để ô kiểu Ngày của Excel.',
    example: '15/03/1985',
  },
  {
    key: 'gender',
    header: 'Giới tính',
    aliases: ['Phái'],
    required: true,
    type: { kind: 'code', labels: GENDER_LABELS, aliases: { nam: ['M', 'Male'], nu: ['F', 'Female'] }, list: LIST_NAMES.gender },
    width: 10,
    help: 'Chọn Nam hoặc Nữ trong danh sách thả xuống.',
    example: 'Nữ',
  },
  {
    key: 'cccd',
    header: 'Số CCCD',
    aliases: ['CCCD', 'Số căn cước', 'Số căn cước công dân', 'Số định danh', 'Số định danh cá nhân', 'CCCD/CMND', 'Số CCCD/CMND'],
    required: false,
    type: { kind: 'cccd' },
    width: 16,
    help: 'Không bắt buộc. Đủ 12 chữ số (kể cả số 0 ở đầu); nên gõ dấu nháy đơn trước số hoặc để ô kiểu Văn bản. Dùng để nhận ra người đã có khi nhập lại.',
    example: '066185001234',
  },
  {
    key: 'officialType',
    header: 'Loại cán bộ, công chức',
    aliases: ['Loại', 'Cán bộ/Công chức', 'Cán bộ, công chức', 'Loại CBCC', 'Đối tượng'],
    required: true,
    type: { kind: 'code', labels: OFFICIAL_TYPE_LABELS, aliases: { can_bo: ['CB'], cong_chuc: ['CC'] }, list: LIST_NAMES.officialType },
    width: 14,
    help: 'Chọn Cán bộ hoặc Công chức.',
    example: 'Công chức',
  },
  {
    key: 'isLeader',
    header: 'Lãnh đạo, quản lý',
    aliases: ['Lãnh đạo quản lý', 'Là lãnh đạo, quản lý', 'Lãnh đạo'],
    required: false,
    type: { kind: 'bool', list: LIST_NAMES.yesNo },
    width: 12,
    help: 'Có hoặc Không. Để trống được hiểu là Không.',
    example: 'Không',
  },
  {
    key: 'leaderTitle',
    header: 'Chức vụ',
    aliases: ['Chức vụ lãnh đạo', 'Chức danh'],
    required: false,
    type: { kind: 'text', max: 120 },
    width: 22,
    help: 'Chức vụ lãnh đạo, quản lý (nếu có), ví dụ: Phó Chủ tịch Ủy ban nhân dân.',
    example: '',
  },
  {
    key: 'bloc',
    header: 'Khối',
    aliases: ['Khối cơ quan', 'Thuộc khối'],
    required: true,
    type: {
      kind: 'code',
      labels: BLOC_LABELS,
      aliases: {
        dang: ['Đảng', 'Khối Đảng ủy'],
        hdnd: ['HĐND', 'Hội đồng nhân dân'],
        ubnd: ['UBND', 'Ủy ban nhân dân', 'Chính quyền'],
        mttq: ['MTTQ', 'MTTQ và đoàn thể', 'MTTQ - đoàn thể', 'Mặt trận Tổ quốc', 'Đoàn thể'],
      },
      list: LIST_NAMES.bloc,
    },
    width: 18,
    help: 'Khối Đảng, Khối HĐND, Khối UBND hoặc Khối MTTQ và đoàn thể.',
    example: 'Khối UBND',
  },
  {
    key: 'unitId',
    header: 'Cơ quan, đơn vị',
    aliases: ['Cơ quan đơn vị', 'Đơn vị', 'Cơ quan', 'Đơn vị công tác', 'Phòng, ban'],
    required: false,
    type: { kind: 'unit', list: LIST_NAMES.unit },
    width: 30,
    help: 'Chọn trong danh sách các cơ quan, đơn vị của xã (đúng tên như trong hệ thống).',
    example: '',
  },
  {
    key: 'positionId',
    header: 'Vị trí việc làm',
    aliases: ['VTVL', 'Vị trí', 'Chức danh công chức'],
    required: false,
    type: { kind: 'position', list: LIST_NAMES.position },
    width: 36,
    help: 'Chọn trong danh sách vị trí việc làm dùng ở xã. Hệ thống dùng vị trí để tính "đáp ứng yêu cầu chuyên môn".',
    example: '',
  },
  {
    key: 'eduLevel',
    header: 'Trình độ chuyên môn',
    aliases: ['Trình độ', 'Trình độ đào tạo', 'Trình độ chuyên môn cao nhất'],
    required: false,
    type: {
      kind: 'code',
      labels: EDU_LEVEL_LABELS,
      aliases: { dai_hoc: ['Cử nhân', 'Kỹ sư', 'ĐH'], thac_si: ['ThS'], tien_si: ['TS'] },
      list: LIST_NAMES.eduLevel,
    },
    width: 16,
    help: 'Trung cấp, Cao đẳng, Đại học, Thạc sĩ hoặc Tiến sĩ (bậc cao nhất).',
    example: 'Đại học',
  },
  {
    key: 'studyField',
    header: 'Chuyên ngành',
    aliases: ['Ngành', 'Ngành đào tạo', 'Chuyên ngành đào tạo', 'Nhóm chuyên ngành'],
    required: false,
    type: { kind: 'code', labels: STUDY_FIELD_LABELS, list: LIST_NAMES.studyField },
    width: 30,
    help: 'Nhóm ngành được đào tạo, chọn trong danh sách; ghi tên ngành cụ thể ở cột sau.',
    example: 'Luật',
  },
  {
    key: 'studyFieldName',
    header: 'Tên chuyên ngành cụ thể',
    aliases: ['Tên chuyên ngành', 'Chuyên ngành cụ thể', 'Tên ngành'],
    required: false,
    type: { kind: 'text', max: 200 },
    width: 24,
    help: 'Ghi đúng tên ngành trên văn bằng, ví dụ: Luật kinh tế.',
    example: 'Luật kinh tế',
  },
  {
    key: 'politicalTheory',
    header: 'Lý luận chính trị',
    aliases: ['Trình độ lý luận chính trị', 'LLCT'],
    required: false,
    type: { kind: 'code', labels: POLITICAL_THEORY_LABELS, list: LIST_NAMES.politicalTheory },
    width: 14,
    help: 'Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân; để trống nếu chưa có.',
    example: 'Trung cấp',
  },
  {
    key: 'stateMgmtLevel',
    header: 'Quản lý nhà nước',
    aliases: ['Trình độ quản lý nhà nước', 'QLNN'],
    required: false,
    type: {
      kind: 'code',
      labels: STATE_MGMT_LABELS,
      aliases: { chuyen_vien: ['CV'], chuyen_vien_chinh: ['CVC'], chuyen_vien_cao_cap: ['CVCC'] },
      list: LIST_NAMES.stateMgmtLevel,
    },
    width: 18,
    help: 'Chương trình quản lý nhà nước đã học: Chuyên viên, Chuyên viên chính hoặc Chuyên viên cao cấp; để trống nếu chưa có.',
    example: 'Chuyên viên',
  },
  {
    key: 'itLevel',
    header: 'Tin học',
    aliases: ['Trình độ tin học'],
    required: false,
    type: { kind: 'text', max: 100 },
    width: 14,
    help: 'Ghi tự do, ví dụ: Ứng dụng CNTT cơ bản.',
    example: 'Ứng dụng CNTT cơ bản',
  },
  {
    key: 'foreignLanguage',
    header: 'Ngoại ngữ',
    aliases: ['Trình độ ngoại ngữ'],
    required: false,
    type: { kind: 'text', max: 100 },
    width: 14,
    help: 'Ghi tự do, ví dụ: Tiếng Anh B1.',
    example: 'Tiếng Anh B1',
  },
  {
    key: 'joinedAt',
    header: 'Ngày vào cơ quan',
    aliases: ['Ngày tuyển dụng', 'Ngày vào làm', 'Ngày bắt đầu công tác'],
    required: false,
    type: { kind: 'date' },
    width: 14,
    help: 'Ngày/tháng/năm bắt đầu làm việc ở cơ quan (dd/mm/yyyy).',
    example: '01/08/2010',
  },
  {
    key: 'affectedByReorg',
    header: 'Chịu tác động sắp xếp',
    aliases: ['Chịu tác động của sắp xếp bộ máy', 'Chịu tác động sắp xếp bộ máy', 'Chịu tác động của sắp xếp', 'Chịu tác động'],
    required: false,
    type: { kind: 'bool', list: LIST_NAMES.yesNo },
    width: 13,
    help: 'Có nếu người này chịu tác động của việc sắp xếp tổ chức bộ máy; để trống được hiểu là Không.',
    example: 'Không',
  },
  {
    key: 'email',
    header: 'Thư điện tử',
    aliases: ['Email', 'E-mail', 'Địa chỉ email', 'Hộp thư'],
    required: false,
    type: { kind: 'email' },
    width: 26,
    help: 'Không bắt buộc, ví dụ: ntmanh@daklak.gov.vn.',
    example: 'ntmanh@daklak.gov.vn',
  },
  {
    key: 'phone',
    header: 'Điện thoại',
    aliases: ['Số điện thoại', 'SĐT', 'Điện thoại di động'],
    required: false,
    type: { kind: 'phone' },
    width: 14,
    help: 'Không bắt buộc; 10 chữ số, gõ dấu nháy đơn trước số để giữ số 0 ở đầu.',
    example: '0912345678',
  },
];

/** A leading "STT" (row number) column: ignored, and a row with only it filled counts as empty. */
export const ROW_NUMBER_HEADERS = ['STT', 'TT', 'Số thứ tự'];

export const COLUMN_BY_KEY: ReadonlyMap<FieldKey, ColumnDef> = new Map(COLUMNS.map((c) => [c.key, c]));

export function headerText(c: ColumnDef): string {
  return c.required ? `${c.header} *` : c.header;
}
