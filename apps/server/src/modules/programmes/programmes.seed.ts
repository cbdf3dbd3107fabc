/**
 * The national default catalogue of programmes under Decision 700/QĐ-TTg (SPEC §5), approved,
 * version 1. Idempotent: an entry whose code exists (any version) is left alone, so admins' later
 * versions and edits survive every start. Descriptions are our own summaries.
 */
import type { ProgrammeOwner, ProgrammeType, TrainingField } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { insertProgrammeIfMissing } from './programmes.repository.ts';

interface CatalogueEntry {
  code: string;
  name: string;
  type: ProgrammeType;
  owner: ProgrammeOwner;
  fields: TrainingField[];
  targetAudience: string;
  durationDays: number;
  totalHours: number;
  practiceHours: number;
  requiresEssay?: boolean;
  certificateMeetsRequirement?: boolean;
  description: string;
}

export const NATIONAL_CATALOGUE: readonly CatalogueEntry[] = [
  {
    code: 'BNV.CMCN.1',
    name: 'Bồi dưỡng kiến thức chuyên môn chuyên ngành cho cán bộ, công chức cấp xã chưa đạt chuẩn vị trí việc làm',
    type: 'CMCN',
    owner: 'ministry',
    fields: [],
    targetAudience:
      'Cán bộ, công chức cấp xã chưa đáp ứng yêu cầu trình độ chuyên môn của vị trí việc làm; ưu tiên người chịu tác động của sắp xếp bộ máy',
    durationDays: 60,
    totalHours: 480,
    practiceHours: 300,
    certificateMeetsRequirement: true,
    description:
      'Khóa học ba tháng bù phần kiến thức chuyên ngành còn thiếu so với vị trí việc làm đang đảm nhiệm. Phần lớn thời lượng dành cho thực hành hồ sơ, xử lý tình huống và thực tập tại cơ quan. Người hoàn thành được cấp chứng chỉ, được coi là đáp ứng yêu cầu chuyên môn của vị trí.',
  },
  {
    code: 'BNV.QLNN_CHUNG.1',
    name: 'Kiến thức chung về quản lý nhà nước trong mô hình chính quyền địa phương hai cấp',
    type: 'QLNN_CHUNG',
    owner: 'ministry',
    fields: ['phap_luat', 'thu_tuc_hanh_chinh', 'phoi_hop_lien_nganh'],
    targetAudience: 'Công chức chuyên môn cấp xã (không giữ chức vụ lãnh đạo, quản lý)',
    durationDays: 10,
    totalHours: 80,
    practiceHours: 32,
    description:
      'Hai tuần học về tổ chức và vận hành chính quyền cấp xã sau khi bỏ cấp huyện: phân cấp, phân quyền, thẩm quyền mới của xã, phối hợp giữa các cơ quan và quy trình giải quyết công việc cho người dân.',
  },
  {
    code: 'HVCTQG.QLNN_LANHDAO.1',
    name: 'Quản lý nhà nước dành cho lãnh đạo, quản lý cấp xã',
    type: 'QLNN_LANHDAO',
    owner: 'hcma',
    fields: ['ra_quyet_dinh', 'quan_tri_rui_ro_xa_hoi', 'phap_luat'],
    targetAudience: 'Cán bộ, công chức giữ chức vụ lãnh đạo, quản lý ở cấp xã',
    durationDays: 20,
    totalHours: 160,
    practiceHours: 64,
    requiresEssay: true,
    description:
      'Chương trình theo khung của Học viện Chính trị quốc gia Hồ Chí Minh, bốn tuần: điều hành chính quyền cấp xã, hoạch định và tổ chức thực hiện chính sách ở địa bàn, ra quyết định và chịu trách nhiệm, quản lý rủi ro. Kết thúc bằng bài thu hoạch gắn với thực tiễn địa phương.',
  },
  {
    code: 'BNV.CMNV.DAT_DAI',
    name: 'Nghiệp vụ quản lý đất đai cấp xã',
    type: 'CMNV',
    owner: 'ministry',
    fields: ['dat_dai'],
    targetAudience: 'Công chức địa chính – xây dựng, công chức Phòng Kinh tế cấp xã',
    durationDays: 3,
    totalHours: 24,
    practiceHours: 16,
    description:
      'Thực hành các việc đất đai mà xã nay trực tiếp làm: đăng ký biến động, hòa giải tranh chấp, xử lý vi phạm, cập nhật cơ sở dữ liệu đất đai; học qua bộ hồ sơ mẫu và tình huống có thật đã ẩn danh.',
  },
  {
    code: 'BNV.CMNV.TTHC',
    name: 'Giải quyết thủ tục hành chính tại Trung tâm phục vụ hành chính công cấp xã',
    type: 'CMNV',
    owner: 'ministry',
    fields: ['thu_tuc_hanh_chinh', 'du_lieu_cong_cu_so'],
    targetAudience: 'Công chức làm việc tại Trung tâm phục vụ hành chính công và các phòng chuyên môn cấp xã',
    durationDays: 2,
    totalHours: 16,
    practiceHours: 10,
    description:
      'Hai ngày thao tác trên hệ thống một cửa điện tử: tiếp nhận, số hóa hồ sơ, luân chuyển, trả kết quả, xử lý hồ sơ quá hạn; đóng vai tiếp công dân để luyện các tình huống thường gặp.',
  },
  {
    code: 'BNV.CMNV.TCNS',
    name: 'Quản lý tài chính – ngân sách xã theo mô hình mới',
    type: 'CMNV',
    owner: 'ministry',
    fields: ['tai_chinh_ngan_sach', 'dau_thau'],
    targetAudience: 'Công chức tài chính – kế toán, lãnh đạo Phòng Kinh tế cấp xã',
    durationDays: 4,
    totalHours: 32,
    practiceHours: 12,
    description:
      'Lập, chấp hành và quyết toán ngân sách xã; quản lý tài sản công và mua sắm nhỏ. Phiên bản này còn nặng lý thuyết (thực hành dưới 60% thời lượng) và cần được biên soạn lại.',
  },
  {
    code: 'BNV.KNBT.CDS',
    name: 'Kỹ năng chuyển đổi số cho cán bộ, công chức cấp xã',
    type: 'KNBT',
    owner: 'ministry',
    fields: ['chuyen_doi_so', 'du_lieu_cong_cu_so'],
    targetAudience: 'Mọi cán bộ, công chức cấp xã',
    durationDays: 3,
    totalHours: 24,
    practiceHours: 18,
    description:
      'Làm việc trên môi trường số: văn bản điện tử và chữ ký số, khai thác cơ sở dữ liệu dân cư, dùng công cụ cộng tác, an toàn thông tin cơ bản. Học chủ yếu trên máy với bài tập theo công việc hằng ngày.',
  },
  {
    code: 'BNV.KNBT.GTHC',
    name: 'Kỹ năng giao tiếp hành chính và văn hóa công sở',
    type: 'KNBT',
    owner: 'ministry',
    fields: ['giao_tiep_hanh_chinh', 'dao_duc_cong_vu', 'giai_quyet_mau_thuan'],
    targetAudience: 'Mọi cán bộ, công chức cấp xã, nhất là người trực tiếp tiếp dân',
    durationDays: 2,
    totalHours: 16,
    practiceHours: 11,
    description:
      'Tiếp nhận phản ánh, giải thích chính sách, xử lý tình huống căng thẳng với người dân và doanh nghiệp; chuẩn mực ứng xử nơi công sở. Học qua đóng vai và phân tích băng hình tình huống.',
  },
  {
    code: 'BNV.CAPNHAT.1',
    name: 'Cập nhật kiến thức pháp luật mới và kỹ năng số giai đoạn 2029–2031',
    type: 'CAPNHAT',
    owner: 'ministry',
    fields: ['phap_luat', 'chuyen_doi_so'],
    targetAudience: 'Mọi cán bộ, công chức cấp xã (giai đoạn 2)',
    durationDays: 2,
    totalHours: 16,
    practiceHours: 10,
    description:
      'Lớp ngắn cho giai đoạn 2: những văn bản pháp luật mới ban hành ảnh hưởng trực tiếp đến công việc ở xã và các công cụ số mới được đưa vào sử dụng, học qua tình huống áp dụng.',
  },
  {
    // Seed 004: the academy's online class with bridge points. Type KNBT: it trains a skill
    // (handling real situations) in two days, fits the 2–5-day skills courses of Decision 700 §IV,
    // and therefore counts toward K3/K4 ("professional or skills training for everyone").
    code: 'HVCTQG.KNBT.XLTH',
    name: 'Nâng cao năng lực, xử lý tình huống thực tiễn cho cán bộ cơ sở',
    type: 'KNBT',
    owner: 'hcma',
    fields: ['ra_quyet_dinh', 'giai_quyet_mau_thuan', 'dan_van'],
    targetAudience: 'Cán bộ, công chức cấp xã theo điểm cầu trực tuyến của Học viện, các tỉnh và các xã',
    durationDays: 2,
    totalHours: 16,
    practiceHours: 10,
    requiresEssay: true,
    description:
      'Lớp trực tuyến hai ngày do Học viện tổ chức với nhiều điểm cầu: giảng viên trình bày các tình huống điển hình ở cơ sở, học viên thảo luận theo điểm cầu và nộp bài thu hoạch đề xuất cách xử lý ở địa phương mình.',
  },
  {
    code: 'BNV.KHAC.QPAN',
    name: 'Bồi dưỡng kiến thức quốc phòng và an ninh cho cán bộ cấp xã',
    type: 'KHAC',
    owner: 'ministry',
    fields: ['quoc_phong_an_ninh'],
    targetAudience: 'Cán bộ, công chức cấp xã thuộc đối tượng bồi dưỡng kiến thức quốc phòng và an ninh',
    durationDays: 5,
    totalHours: 40,
    practiceHours: 12,
    description:
      'Nhóm nội dung quốc phòng – an ninh của bồi dưỡng thường xuyên theo Nghị định 171/2025/NĐ-CP: xây dựng thế trận lòng dân, phòng thủ dân sự và giữ gìn an ninh trật tự ở cơ sở.',
  },
];

/** Inserts the national catalogue (approved, version 1) where missing; returns how many were added. */
export async function seedProgrammes(tx: DbOrTx): Promise<number> {
  let added = 0;
  for (const e of NATIONAL_CATALOGUE) {
    const inserted = await insertProgrammeIfMissing(tx, {
      code: e.code,
      name: e.name,
      type: e.type,
      owner: e.owner,
      ownerProvinceCode: null,
      fields: e.fields,
      targetAudience: e.targetAudience,
      durationDays: e.durationDays,
      totalHours: e.totalHours,
      practiceHours: e.practiceHours,
      minAttendancePct: 100,
      maxExcusedPct: 20,
      passScore: 5,
      requiresEssay: e.requiresEssay ?? false,
      certificateMeetsRequirement: e.certificateMeetsRequirement ?? false,
      approvalStatus: 'approved',
      versionNo: 1,
      previousId: null,
      description: e.description,
      createdBy: null,
    });
    if (inserted) added++;
  }
  return added;
}
