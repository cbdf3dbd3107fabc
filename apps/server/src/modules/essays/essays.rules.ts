/** Pure rules of essays (bài thu hoạch): who must write one, when, and what the tags look like. */

export function essayProblem(f: {
  enrolmentStatus: string;
  classStatus: string;
  classStartDate: string;
  requiresEssay: boolean;
  today: string;
}): string | null {
  if (f.enrolmentStatus !== 'nominated' || f.classStatus === 'cancelled')
    return 'Bạn không có tên chính thức trong lớp này nên không nộp bài thu hoạch.';
  if (!f.requiresEssay) return 'Chương trình của lớp này không yêu cầu bài thu hoạch.';
  if (f.today < f.classStartDate) return 'Lớp chưa bắt đầu; bài thu hoạch nộp từ khi lớp khai giảng.';
  return null;
}

/** Topics must be topics of the class's sessions (when the class lists any). */
export function unknownTopics(chosen: string[], classTopics: string[]): string[] {
  if (classTopics.length === 0) return [];
  const known = new Set(classTopics.map((t) => t.normalize('NFC').trim()));
  return chosen.filter((t) => !known.has(t.normalize('NFC').trim()));
}

/** Tags: trimmed, NFC, case-insensitively unique, in the order given. */
export function normaliseTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const v = t.normalize('NFC').trim().replace(/\s+/g, ' ');
    const key = v.toLocaleLowerCase('vi');
    if (v && !seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
