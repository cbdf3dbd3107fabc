/** Session state: who is logged in (GET /api/auth/me) and the auth actions. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse, Permission } from '@app/shared';
import { ApiError, api } from './client.ts';
import type { Health } from './types.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** The current user, or null when not logged in (401). */
export function useMe() {
  return useQuery<MeResponse | null>({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api.get<MeResponse>('/api/auth/me');
      } catch (err) {
        if (err instanceof ApiError && err.statusCode === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** The logged-in user; only call below the auth guard. */
export function useCurrentUser(): MeResponse {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser called outside an authenticated route');
  return data;
}

export function hasPermission(me: MeResponse, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export function useAuthActions() {
  const qc = useQueryClient();
  return {
    login: async (username: string, password: string) => {
      const me = await api.post<MeResponse>('/api/auth/login', { username, password });
      qc.clear();
      qc.setQueryData(ME_KEY, me);
      return me;
    },
    logout: async () => {
      try {
        await api.post('/api/auth/logout');
      } finally {
        qc.clear();
        qc.setQueryData(ME_KEY, null);
      }
    },
    changePassword: async (currentPassword: string, newPassword: string) => {
      await api.post('/api/auth/change-password', { currentPassword, newPassword });
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
  };
}

/** The server's "today" (APP_TODAY outside production), falling back to the browser's date. */
export function useServerToday(): string {
  const { data } = useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<Health>('/api/health'),
    staleTime: 10 * 60_000,
    retry: false,
  });
  if (data?.today) return data.today;
  const d = new Date(Date.now() + 7 * 3600_000);
  return d.toISOString().slice(0, 10);
}
