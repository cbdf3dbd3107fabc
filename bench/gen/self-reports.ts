/**
 * Generator stage: learners' self-reports (`self_reports`, contract 2). For every nominated enrolment
 * whose class has ended: 92% report within the grace period (SELF_REPORT_GRACE_DAYS after the class
 * end), 5% late (up to two months), 3% never. Nothing is dated after --today: a report whose date
 * would fall later simply does not exist yet. submitted_on is the first submission and never moves.
 */

import { SELF_REPORT_GRACE_DAYS } from '@app/shared';
import type { Rng } from '../../apps/server/src/seed/names.ts';
import { CopyBuffer, addDays, type CopyQueue } from './copy.ts';
import type { GenEnrolment } from './training.ts';

const APPLY_AT_WORK = [
  'Áp dụng quy trình mới vào việc tiếp nhận hồ sơ tại bộ phận một cửa, rút ngắn thời gian trả kết quả.',
  'Đã hướng dẫn lại cho đồng nghiệp trong phòng cách lập biên bản và lưu trữ hồ sơ điện tử.',
  'Vận dụng kỹ năng đối thoại khi giải quyết kiến nghị của người dân ở thôn, buôn.',
  'Sử dụng thành thạo hơn phần mềm quản lý văn bản và chữ ký số trong công việc hằng ngày.',
  'Rà soát lại các thủ tục thuộc lĩnh vực được giao và đề xuất cắt giảm giấy tờ không cần thiết.',
  'Lập kế hoạch công tác quý rõ ràng hơn, có chỉ tiêu và mốc thời gian cụ thể.',
];

export function selfReportBuffer(queue: CopyQueue) {
  return new CopyBuffer(queue, 'self_reports', [
    'enrolment_id',
    'official_id',
    'province_code',
    'commune_code',
    'unit_id',
    'class_id',
    'submitted_on',
    'last_submitted_on',
    'status',
    'completed',
    'score',
    'certificate_no',
    'apply_at_work',
    'reviewed_by',
    'reviewed_at',
    'created_at',
  ]);
}

export function generateSelfReport(buf: CopyBuffer, rng: Rng, e: GenEnrolment, today: string): void {
  if (e.status !== 'nominated' || e.classEndDate > today) return;
  const r = rng();
  if (r >= 0.97) return; // never reports
  const submitted =
    r < 0.92
      ? addDays(e.classEndDate, Math.floor(rng() * (SELF_REPORT_GRACE_DAYS + 1)))
      : addDays(e.classEndDate, SELF_REPORT_GRACE_DAYS + 1 + Math.floor(rng() * 60));
  if (submitted > today) return;
  const reviewDay = addDays(submitted, 1 + Math.floor(rng() * 10));
  const reviewed = reviewDay <= today;
  const status = reviewed ? (rng() < 0.015 ? 'returned' : 'confirmed') : 'submitted';
  buf.push([
    e.id,
    e.official.id,
    e.official.province_code,
    e.official.commune_code,
    e.official.unit_id,
    e.classId,
    submitted,
    submitted,
    status,
    e.result === 'completed',
    e.finalScore,
    e.programmeType === 'CMCN' && e.result === 'completed' ? `CMCN-${e.official.province_code}-${String(e.id).padStart(7, '0')}` : null,
    APPLY_AT_WORK[Math.floor(rng() * APPLY_AT_WORK.length)]!,
    reviewed ? 'sinh-du-lieu' : null,
    reviewed ? `${reviewDay} 09:00:00+07` : null,
    `${submitted} 20:00:00+07`,
  ]);
}
