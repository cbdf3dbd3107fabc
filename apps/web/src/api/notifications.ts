/** The signed-in user's notifications (GET /api/notifications), polled gently for the bell. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationListResponse } from '@app/shared';
import { api } from './client.ts';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function useNotifications(opts: { unreadOnly?: boolean; limit?: number } = {}) {
  const qs = new URLSearchParams();
  if (opts.unreadOnly) qs.set('unreadOnly', 'true');
  if (opts.limit) qs.set('limit', String(opts.limit));
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, opts.unreadOnly ?? false, opts.limit ?? 50],
    queryFn: () => api.get<NotificationListResponse>(`/api/notifications?${qs.toString()}`),
    // A slow connection should not be kept busy: once a minute, and only while the tab is visible.
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
  });
}

export function useNotificationActions() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  return {
    markRead: async (id: number) => {
      await api.post(`/api/notifications/${id}/read`);
      await refresh();
    },
    markAllRead: async () => {
      await api.post('/api/notifications/read-all');
      await refresh();
    },
  };
}
