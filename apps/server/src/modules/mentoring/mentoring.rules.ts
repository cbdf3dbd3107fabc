/** Pure rules of mentoring pairs (SPEC §12). */

export interface PairPerson {
  id: string;
  communeCode: string;
  status: string;
}

/** Why a pair cannot be created, with the field at fault, or null. */
export function pairProblem(
  mentor: PairPerson | null,
  mentee: PairPerson | null,
  communeCode: string,
): { field: string; message: string } | null {
  if (!mentor) return { field: 'mentorId', message: 'không tìm thấy cán bộ trong xã' };
  if (!mentee) return { field: 'menteeId', message: 'không tìm thấy cán bộ trong xã' };
  if (mentor.id === mentee.id) return { field: 'menteeId', message: 'phải là người khác với người kèm cặp' };
  if (mentor.communeCode !== communeCode) return { field: 'mentorId', message: 'phải là cán bộ, công chức của xã' };
  if (mentee.communeCode !== communeCode) return { field: 'menteeId', message: 'phải là cán bộ, công chức của xã' };
  if (mentor.status !== 'dang_cong_tac') return { field: 'mentorId', message: 'không còn đang công tác' };
  if (mentee.status !== 'dang_cong_tac') return { field: 'menteeId', message: 'không còn đang công tác' };
  return null;
}

/** Who may add goals and meeting notes: the two people of an active pair, and the commune admin. */
export function mayWrite(f: {
  actorOfficialId: string | null;
  mentorId: string;
  menteeId: string;
  status: string;
  isManager: boolean;
}): boolean {
  if (f.status !== 'active') return false;
  if (f.isManager) return true;
  return f.actorOfficialId !== null && (f.actorOfficialId === f.mentorId || f.actorOfficialId === f.menteeId);
}
