/** Data access of the learner pages: overview, forms with a file (multipart), notifications, record. */
import { useQuery } from '@tanstack/react-query';
import type { CertificateItem, EssayItem, LearnerOverview, MentoringPairListResponse, NotificationListResponse } from '@app/shared';
import { ApiError, api } from '../../api/client.ts';
import { sendForm, type FormFields } from '../../api/upload.ts';

export const learnerKeys = {
  overview: ['learner', 'overview'] as const,
  notifications: ['notifications'] as const,
  mentoring: ['mentoring', 'mine'] as const,
};

export function useOverview() {
  return useQuery({ queryKey: learnerKeys.overview, queryFn: () => api.get<LearnerOverview>('/api/learner/overview') });
}

export function useMyCertificates() {
  return useQuery({
    queryKey: ['certificates', 'mine'],
    queryFn: () => api.get<{ items: CertificateItem[]; total: number }>('/api/certificates', { pageSize: 100 }),
  });
}

export function useMyMentoring() {
  return useQuery({ queryKey: learnerKeys.mentoring, queryFn: () => api.get<MentoringPairListResponse>('/api/mentoring/mine') });
}

export function useMyEssays() {
  return useQuery({
    queryKey: ['essays', 'mine'],
    queryFn: () => api.get<{ items: EssayItem[]; total: number }>('/api/essays', { pageSize: 100 }),
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: learnerKeys.notifications,
    queryFn: () => api.get<NotificationListResponse>('/api/notifications', { limit: 100 }),
  });
}

export interface LibraryProgressItem {
  materialId: string | number;
  title: string;
  type: string;
  status: 'opened' | 'in_progress' | 'completed';
  progressPercent: number;
  lastOpenedAt: string | null;
  quizBestScore: number | null;
}

/** The library module's progress (contract 5); nothing when that module is not there. */
export function useLibraryProgress() {
  return useQuery({
    queryKey: ['library', 'progress', 'mine'],
    queryFn: async () => {
      try {
        return await api.get<{ items: LibraryProgressItem[] }>('/api/library/progress/mine');
      } catch (err) {
        if (err instanceof ApiError && (err.statusCode === 404 || err.statusCode === 403)) return { items: [] };
        throw err;
      }
    },
    retry: false,
  });
}

/**
 * Post-training evaluations of the learner (H3's `GET /api/evaluations/mine`), shown only when that
 * module answers; any item counts as something to look at on "Đánh giá của tôi".
 */
export function useMyEvaluations() {
  return useQuery({
    queryKey: ['evaluations', 'mine'],
    queryFn: async () => {
      try {
        const r = await api.get<{ items?: unknown[] }>('/api/evaluations/mine');
        return { count: Array.isArray(r?.items) ? r.items.length : 0 };
      } catch {
        return { count: 0 };
      }
    },
    retry: false,
  });
}

/** POST multipart/form-data: text fields and an optional file (field "file"), with upload progress. */
export function postForm<T>(path: string, fields: FormFields, file?: File | null, onProgress?: (percent: number) => void): Promise<T> {
  return sendForm<T>(path, { fields, file, onProgress, tooLargeMessage: 'Tệp quá lớn (tối đa 5 MB).' });
}

export const TASK_LABELS = {
  self_report: 'Báo cáo kết quả học tập',
  survey: 'Phiếu khảo sát khóa học',
  essay: 'Bài thu hoạch',
} as const;

export function taskPath(t: { kind: keyof typeof TASK_LABELS; enrolmentId: number; classId: number }): string {
  if (t.kind === 'self_report') return `/bao-cao-ket-qua/${t.enrolmentId}`;
  if (t.kind === 'survey') return `/khao-sat/${t.classId}`;
  return `/bai-thu-hoach/${t.enrolmentId}`;
}
