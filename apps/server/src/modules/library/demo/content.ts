/**
 * Demo library content, written for this product (not copied from any publication). The
 * "regulations" are teaching texts labelled as samples; their structure (Chương, Điều, khoản) is
 * what the assistant cites. Facts come from SPEC (Decision 700, Decree 335/2025/NĐ-CP ratings).
 */
import type { LibraryMaterialInput } from '@app/shared';

export type DemoMaterial = Omit<LibraryMaterialInput, 'provinceCode'> & {
  provinceCode?: string | null;
  /** File in this folder uploaded as the material's file / poster. */
  file?: string;
  poster?: string;
};

const QUY_CHE_BOI_DUONG = `QUY CHẾ MẪU VỀ BỒI DƯỠNG CÁN BỘ, CÔNG CHỨC CẤP XÃ
(Tài liệu mẫu dùng cho học tập và tra cứu trong phần mềm)

Chương I. QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
1. Quy chế này hướng dẫn việc tổ chức bồi dưỡng, cử đi học, báo cáo kết quả và đánh giá hiệu quả sau bồi dưỡng đối với cán bộ, công chức làm việc tại xã, phường, đặc khu.
2. Việc đào tạo trình độ trung cấp, cao đẳng, đại học, sau đại học không thuộc phạm vi của Quy chế này.

Điều 2. Đối tượng áp dụng
1. Cán bộ, công chức cấp xã đang giữ vị trí việc làm tại Ủy ban nhân dân, Hội đồng nhân dân, cơ quan Đảng và Mặt trận Tổ quốc cấp xã.
2. Người được bố trí làm việc tại xã sau sắp xếp đơn vị hành chính, chưa đạt chuẩn theo vị trí việc làm, được ưu tiên cử đi bồi dưỡng trước.

Chương II. CHƯƠNG TRÌNH VÀ THỜI GIAN BỒI DƯỠNG

Điều 3. Các loại chương trình bồi dưỡng
1. Chương trình bồi dưỡng kiến thức chuyên môn chuyên ngành dành cho người làm việc trái ngành, thời gian khoảng ba tháng.
2. Chương trình bồi dưỡng kiến thức chung về quản lý nhà nước, thời gian khoảng hai tuần.
3. Chương trình bồi dưỡng quản lý nhà nước dành cho người giữ chức vụ lãnh đạo, quản lý.
4. Các khóa chuyên môn, nghiệp vụ theo lĩnh vực và các khóa kỹ năng bổ trợ, thời gian từ hai đến năm ngày.

Điều 4. Hình thức tổ chức lớp học
1. Lớp học được tổ chức trực tiếp, trực tuyến hoặc kết hợp trực tiếp với trực tuyến.
2. Lớp học trực tuyến có thể mở nhiều điểm cầu tại các xã; mỗi điểm cầu có người phụ trách điểm danh học viên.
3. Lớp học có thể xếp trong giờ hành chính, ngoài giờ, buổi tối hoặc cuối tuần để không ảnh hưởng việc tiếp dân.

Chương III. CỬ ĐI HỌC VÀ BÁO CÁO KẾT QUẢ

Điều 5. Cử cán bộ, công chức đi bồi dưỡng
1. Ủy ban nhân dân cấp xã lập danh sách cử đi học căn cứ nhu cầu bồi dưỡng đã được rà soát theo vị trí việc làm.
2. Người đứng đầu đơn vị thuộc xã xác nhận việc cử người của đơn vị mình và bố trí người làm thay trong thời gian học.
3. Người chưa đạt chuẩn chuyên môn theo vị trí việc làm được xếp vào danh sách ưu tiên.

Điều 6. Báo cáo kết quả sau khóa học
1. Sau khi khóa học kết thúc, học viên tự báo cáo kết quả học tập trên phần mềm: hoàn thành hay chưa hoàn thành, điểm, số giấy chứng nhận, bản chụp giấy chứng nhận và nội dung dự kiến áp dụng vào công việc.
2. Toàn bộ học viên được cử đi học đều phải báo cáo kết quả; trường hợp quá hạn, phần mềm gửi nhắc nhở cho học viên và người quản lý.
3. Cán bộ phụ trách của xã kiểm tra báo cáo, xác nhận hoặc trả lại để học viên bổ sung.

Chương IV. ĐÁNH GIÁ HIỆU QUẢ SAU BỒI DƯỠNG

Điều 7. Thời điểm đánh giá
1. Việc đánh giá hiệu quả sau bồi dưỡng được thực hiện sớm nhất là ba tháng sau khi khóa học kết thúc.
2. Phần mềm chỉ mở phiếu đánh giá khi đã đủ thời gian quy định tại khoản 1 Điều này và từ chối việc đánh giá sớm hơn.

Điều 8. Nguồn thông tin đánh giá
1. Đánh giá được thực hiện đa chiều: học viên tự đánh giá, người đứng đầu đơn vị đánh giá, có thể có ý kiến của đồng nghiệp.
2. Kết quả khảo sát mức độ hài lòng của người dân, doanh nghiệp tại bộ phận một cửa của xã được dùng làm một nguồn thông tin đánh giá.

Điều 9. Tiêu chí và mức đánh giá
1. Mỗi tiêu chí được chấm từ 1 đến 5 điểm kèm minh chứng: vận dụng kiến thức vào công việc, kết quả thực thi công vụ, chất lượng tham mưu, sự hài lòng của người dân, phối hợp liên ngành, kỷ luật kỷ cương, liêm chính công vụ và tinh thần trách nhiệm.
2. Kết quả đánh giá được xếp một trong bốn mức: rất hiệu quả, hiệu quả, ít hiệu quả, không hiệu quả.
3. Trọng số của từng tiêu chí do Bộ Nội vụ cấu hình thống nhất trên toàn quốc.

Điều 10. Sử dụng kết quả đánh giá
1. Kết quả đánh giá sau bồi dưỡng được dùng khi đánh giá, xếp loại chất lượng hằng năm.
2. Kết quả được hiển thị cùng hồ sơ của cán bộ, công chức để tham khảo khi quy hoạch, bổ nhiệm, luân chuyển hoặc tinh giản biên chế.
`;

const TRANH_CHAP_DAT_DAI = `HƯỚNG DẪN MẪU VỀ HÒA GIẢI TRANH CHẤP ĐẤT ĐAI TẠI CẤP XÃ
(Tài liệu mẫu dùng cho học tập; khi giải quyết việc cụ thể phải đối chiếu văn bản pháp luật hiện hành)

Điều 1. Tiếp nhận đơn yêu cầu hòa giải
1. Khi các bên không tự hòa giải được, một bên hoặc các bên gửi đơn yêu cầu hòa giải tranh chấp đất đai đến Ủy ban nhân dân cấp xã nơi có đất.
2. Công chức địa chính ghi sổ tiếp nhận, hẹn ngày và thông báo cho các bên liên quan.

Điều 2. Thời hạn hòa giải
1. Việc hòa giải tại Ủy ban nhân dân cấp xã được thực hiện trong thời hạn không quá 30 ngày kể từ ngày nhận được đơn yêu cầu.
2. Trường hợp một bên vắng mặt lần thứ hai không có lý do chính đáng thì coi như hòa giải không thành.

Điều 3. Thành phần hội đồng hòa giải
1. Chủ tịch hoặc Phó Chủ tịch Ủy ban nhân dân cấp xã làm chủ tịch hội đồng.
2. Thành viên gồm đại diện Ủy ban Mặt trận Tổ quốc cấp xã, công chức địa chính, công chức tư pháp, trưởng thôn hoặc tổ trưởng dân phố nơi có đất và người có uy tín trong cộng đồng.

Điều 4. Chuẩn bị hòa giải
1. Công chức địa chính thu thập hồ sơ địa chính, bản đồ, giấy tờ về quyền sử dụng đất của các bên và nguồn gốc thửa đất.
2. Khi cần, tổ chức xem xét hiện trạng và đo đạc ranh giới thửa đất có sự chứng kiến của các bên.

Điều 5. Biên bản hòa giải
1. Kết quả hòa giải được lập thành biên bản có chữ ký của các bên và xác nhận hòa giải thành hoặc không thành của Ủy ban nhân dân cấp xã.
2. Biên bản được gửi cho các bên và lưu tại Ủy ban nhân dân cấp xã.

Điều 6. Sau khi hòa giải
1. Nếu hòa giải thành mà có thay đổi hiện trạng ranh giới hoặc người sử dụng đất, các bên làm thủ tục đăng ký biến động đất đai theo quy định.
2. Nếu hòa giải không thành, Ủy ban nhân dân cấp xã hướng dẫn các bên gửi đơn đến cơ quan có thẩm quyền giải quyết tiếp theo.
`;

const HUONG_DAN_CHUONG_TRINH = `CẨM NANG: CÁC LOẠI CHƯƠNG TRÌNH BỒI DƯỠNG THEO QUYẾT ĐỊNH 700/QĐ-TTg
(Cẩm nang tóm tắt dành cho công chức phụ trách bồi dưỡng ở xã)

1. Mục tiêu của đề án
Đề án đặt mục tiêu bồi dưỡng lại đội ngũ cán bộ, công chức cấp xã sau sắp xếp đơn vị hành chính để mỗi người đạt chuẩn theo vị trí việc làm, làm việc được ngay trong chính quyền địa phương hai cấp.

2. Ai được ưu tiên học trước
Ưu tiên người làm việc trái ngành, người chưa đạt chuẩn trình độ chuyên môn theo vị trí việc làm, người mới được điều động về xã và người giữ chức vụ lãnh đạo chưa qua bồi dưỡng quản lý nhà nước.

3. Chương trình chuyên môn chuyên ngành
Dành cho người làm trái ngành với vị trí việc làm. Thời gian khoảng ba tháng, học theo mô-đun, có kiểm tra cuối khóa và cấp giấy chứng nhận.

4. Chương trình kiến thức chung về quản lý nhà nước
Thời gian khoảng hai tuần, giúp công chức nắm tổ chức bộ máy chính quyền địa phương, thủ tục hành chính và kỹ năng phục vụ người dân.

5. Khóa chuyên môn, nghiệp vụ và kỹ năng bổ trợ
Các khóa ngắn từ hai đến năm ngày theo lĩnh vực như đất đai, tài chính – ngân sách, đấu thầu, chuyển đổi số, giao tiếp hành chính, giải quyết mâu thuẫn.

6. Cập nhật kiến thức ở giai đoạn sau
Giai đoạn sau của đề án tập trung cập nhật kiến thức, kỹ năng mới theo thay đổi của pháp luật và yêu cầu nhiệm vụ.

7. Học liệu số và tự học
Ngoài lớp học, cán bộ, công chức tự học trên thư viện học liệu số dùng chung; phần mềm ghi nhận việc mở, tiến độ, hoàn thành và điểm trắc nghiệm vào hồ sơ học tập.
`;

const HUONG_DAN_XEP_LOAI = `HƯỚNG DẪN TÓM TẮT VỀ XẾP LOẠI CHẤT LƯỢNG HẰNG NĂM
(Tài liệu học tập, tóm tắt theo Nghị định 335/2025/NĐ-CP có hiệu lực từ ngày 01/01/2026)

1. Thang điểm
Công chức được chấm trên thang 100 điểm, trong đó nhóm tiêu chí chung tối đa 30 điểm và kết quả thực hiện nhiệm vụ tối đa 70 điểm.

2. Các mức xếp loại
Hoàn thành xuất sắc nhiệm vụ (HTXSNV) từ 90 điểm trở lên; hoàn thành tốt nhiệm vụ (HTTNV) từ 70 đến dưới 90 điểm; hoàn thành nhiệm vụ (HTNV) từ 50 đến dưới 70 điểm; không hoàn thành nhiệm vụ (KHTNV) dưới 50 điểm.

3. Trường hợp bị kỷ luật
Công chức bị kỷ luật trong năm đánh giá thì xếp loại không hoàn thành nhiệm vụ.

4. Giới hạn tỷ lệ xuất sắc
Số người được xếp loại hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số người được xếp loại hoàn thành tốt nhiệm vụ trong cùng cơ quan; phần mềm cảnh báo khi vượt.

5. Liên hệ với bồi dưỡng
Kết quả xếp loại trước và sau khi học được so sánh để phân tích hiệu quả của từng chương trình và từng cơ sở đào tạo.
`;

const TINH_HUONG = `TÌNH HUỐNG: TRANH CHẤP RANH GIỚI THỬA ĐẤT GIỮA HAI HỘ LIỀN KỀ

Bối cảnh
Hộ ông A và hộ bà B ở thôn 3 có hai thửa đất vườn liền kề. Năm nay hộ bà B xây tường rào mới, hộ ông A cho rằng tường lấn sang đất nhà mình khoảng nửa mét và làm đơn gửi Ủy ban nhân dân xã.

Diễn biến
Công chức địa chính mới được điều động về xã, chưa từng chủ trì việc hòa giải. Trưởng thôn đề nghị tạm dừng thi công tường rào. Hai bên đều giữ giấy tờ cũ có số đo khác nhau.

Câu hỏi thảo luận
1. Xã cần làm gì trong mấy ngày đầu sau khi nhận đơn?
2. Ai tham gia hội đồng hòa giải và vì sao cần có người có uy tín trong cộng đồng?
3. Cần chuẩn bị những tài liệu, chứng cứ nào trước buổi hòa giải?
4. Nếu bà B vắng mặt hai lần không có lý do thì xử lý thế nào?

Gợi ý cách làm
Ghi sổ tiếp nhận và hẹn ngày; thu thập bản đồ địa chính, giấy tờ của hai bên; tổ chức xem xét hiện trạng, đo đạc có sự chứng kiến của hai hộ; mời đại diện Mặt trận, trưởng thôn và người có uy tín tham gia; lập biên bản hòa giải; hoàn thành trong thời hạn không quá 30 ngày.
`;

const CAM_NANG_DAN_VAN = `CẨM NANG DÂN VẬN Ở VÙNG ĐỒNG BÀO DÂN TỘC THIỂU SỐ (DÙNG TRONG TỈNH ĐẮK LẮK)

1. Tôn trọng phong tục
Trước khi họp dân ở buôn, cán bộ trao đổi với già làng, người có uy tín để chọn thời điểm phù hợp, tránh ngày lễ của buôn.

2. Nói ngắn, dễ hiểu
Dùng ví dụ gần với sản xuất cà phê, hồ tiêu, chăn nuôi; khi cần, nhờ người phiên dịch tiếng Ê Đê hoặc M'nông.

3. Lắng nghe và phản hồi
Ghi lại ý kiến của bà con, trả lời những việc thuộc thẩm quyền của xã ngay tại buổi họp và hẹn thời gian trả lời những việc còn lại.
`;

export const DEMO_MATERIALS: DemoMaterial[] = [
  {
    type: 'document',
    title: 'Quy chế mẫu về bồi dưỡng cán bộ, công chức cấp xã',
    summary:
      'Văn bản mẫu có cấu trúc chương, điều, khoản về chương trình bồi dưỡng, cử đi học, báo cáo kết quả và đánh giá hiệu quả sau bồi dưỡng.',
    fields: ['phap_luat', 'thu_tuc_hanh_chinh'],
    positions: [],
    regionTypes: [],
    programmeTypes: ['QLNN_CHUNG', 'QLNN_LANHDAO'],
    licence: 'Tài liệu mẫu của phần mềm, được sao chép tự do cho mục đích học tập',
    bodyText: QUY_CHE_BOI_DUONG,
    quiz: [],
  },
  {
    type: 'document',
    title: 'Hướng dẫn mẫu về hòa giải tranh chấp đất đai tại cấp xã',
    summary: 'Các bước tiếp nhận đơn, thời hạn, thành phần hội đồng, chuẩn bị và lập biên bản hòa giải tranh chấp đất đai.',
    fields: ['dat_dai', 'giai_quyet_mau_thuan', 'khieu_nai_to_cao'],
    positions: [],
    regionTypes: ['nong_thon', 'mien_nui_dtts'],
    programmeTypes: ['CMNV', 'CMCN'],
    licence: 'Tài liệu mẫu của phần mềm, được sao chép tự do cho mục đích học tập',
    bodyText: TRANH_CHAP_DAT_DAI,
    quiz: [],
  },
  {
    type: 'handbook',
    title: 'Cẩm nang các loại chương trình bồi dưỡng theo Quyết định 700',
    summary: 'Tóm tắt các chương trình, thời lượng và đối tượng ưu tiên của đề án bồi dưỡng cán bộ, công chức cấp xã.',
    fields: [],
    positions: [],
    regionTypes: [],
    programmeTypes: ['CMCN', 'QLNN_CHUNG', 'CMNV', 'KNBT', 'CAPNHAT'],
    licence: 'Tài liệu mẫu của phần mềm',
    bodyText: HUONG_DAN_CHUONG_TRINH,
    quiz: [],
  },
  {
    type: 'document',
    title: 'Hướng dẫn tóm tắt về xếp loại chất lượng hằng năm',
    summary: 'Thang điểm 100, bốn mức xếp loại và giới hạn tỷ lệ hoàn thành xuất sắc nhiệm vụ.',
    fields: ['dao_duc_cong_vu'],
    positions: [],
    regionTypes: [],
    programmeTypes: ['QLNN_LANHDAO'],
    licence: 'Tài liệu mẫu của phần mềm',
    bodyText: HUONG_DAN_XEP_LOAI,
    quiz: [],
  },
  {
    type: 'case',
    title: 'Tình huống: tranh chấp ranh giới thửa đất giữa hai hộ liền kề',
    summary: 'Tình huống điển hình cho công chức địa chính mới về xã, kèm câu hỏi thảo luận và bài trắc nghiệm có giải thích.',
    fields: ['dat_dai', 'giai_quyet_mau_thuan'],
    positions: [],
    regionTypes: ['nong_thon', 'mien_nui_dtts'],
    programmeTypes: ['CMNV'],
    licence: 'Tài liệu mẫu của phần mềm',
    bodyText: TINH_HUONG,
    quiz: [
      {
        question: 'Việc hòa giải tranh chấp đất đai tại Ủy ban nhân dân cấp xã phải xong trong thời hạn bao lâu?',
        options: ['Không quá 15 ngày', 'Không quá 30 ngày', 'Không quá 45 ngày', 'Không giới hạn'],
        answer: 1,
        explanation: 'Theo hướng dẫn mẫu, hòa giải được thực hiện trong thời hạn không quá 30 ngày kể từ ngày nhận đơn yêu cầu.',
      },
      {
        question: 'Ai làm chủ tịch hội đồng hòa giải?',
        options: ['Trưởng thôn nơi có đất', 'Công chức địa chính', 'Chủ tịch hoặc Phó Chủ tịch Ủy ban nhân dân xã', 'Bí thư chi bộ thôn'],
        answer: 2,
        explanation: 'Chủ tịch hoặc Phó Chủ tịch Ủy ban nhân dân cấp xã chủ trì; công chức địa chính là thành viên.',
      },
      {
        question: 'Bà B vắng mặt lần thứ hai không có lý do chính đáng. Xã xử lý thế nào?',
        options: [
          'Hoãn vô thời hạn',
          'Coi như hòa giải không thành',
          'Ra quyết định buộc bà B tháo dỡ tường',
          'Chuyển ngay cho công an xã',
        ],
        answer: 1,
        explanation:
          'Vắng mặt lần thứ hai không có lý do chính đáng thì coi như hòa giải không thành; xã hướng dẫn các bên gửi đơn đến cơ quan có thẩm quyền.',
      },
    ],
  },
  {
    type: 'video',
    title: 'Video mô phỏng: tiếp nhận và trả kết quả hồ sơ tại bộ phận một cửa',
    summary: 'Video ngắn mô phỏng ba bước: tiếp nhận hồ sơ, kiểm tra thành phần hồ sơ và trả kết quả đúng hẹn.',
    fields: ['thu_tuc_hanh_chinh', 'giao_tiep_hanh_chinh'],
    positions: [],
    regionTypes: [],
    programmeTypes: ['KNBT', 'CMNV'],
    licence: 'Tài liệu mẫu của phần mềm',
    bodyText: '',
    quiz: [],
    file: 'demo-video.mp4',
    poster: 'demo-poster.png',
  },
  {
    type: 'quiz',
    title: 'Trắc nghiệm nhanh: xếp loại chất lượng hằng năm',
    summary: 'Năm câu hỏi ôn tập về thang điểm và các mức xếp loại.',
    fields: ['dao_duc_cong_vu'],
    positions: [],
    regionTypes: [],
    programmeTypes: ['QLNN_CHUNG', 'QLNN_LANHDAO'],
    licence: 'Tài liệu mẫu của phần mềm',
    bodyText: '',
    quiz: [
      {
        question: 'Điểm tối đa của nhóm tiêu chí chung là bao nhiêu?',
        options: ['20 điểm', '30 điểm', '50 điểm', '70 điểm'],
        answer: 1,
        explanation: 'Nhóm tiêu chí chung tối đa 30 điểm; kết quả thực hiện nhiệm vụ tối đa 70 điểm.',
      },
      {
        question: 'Đạt 85 điểm thì xếp loại gì?',
        options: ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'],
        answer: 1,
        explanation: 'Từ 70 đến dưới 90 điểm là hoàn thành tốt nhiệm vụ.',
      },
      {
        question: 'Công chức bị kỷ luật trong năm thì xếp loại gì?',
        options: ['HTNV', 'Giữ nguyên theo điểm', 'KHTNV', 'Không xếp loại'],
        answer: 2,
        explanation: 'Bị kỷ luật trong năm đánh giá thì xếp loại không hoàn thành nhiệm vụ.',
      },
    ],
  },
  {
    type: 'handbook',
    title: 'Cẩm nang dân vận ở vùng đồng bào dân tộc thiểu số (Đắk Lắk)',
    summary: 'Kinh nghiệm họp dân ở buôn: tôn trọng phong tục, nói ngắn, lắng nghe và phản hồi.',
    fields: ['dan_van', 'truyen_thong_chinh_sach'],
    positions: [],
    regionTypes: ['mien_nui_dtts'],
    programmeTypes: ['KNBT'],
    licence: 'Tài liệu mẫu của phần mềm',
    bodyText: CAM_NANG_DAN_VAN,
    quiz: [],
    provinceCode: '66',
  },
];
