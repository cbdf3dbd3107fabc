/** Queries and labels of the evaluation, rating and effect screens (SPEC §8). */
import { useQuery } from '@tanstack/react-query';
import type {
  EvaluationConfigResponse,
  EvaluationDetail,
  EvaluationListResponse,
  EvaluationStatus,
  MyEvaluationsResponse,
  RatingListResponse,
  EffectsResponse,
} from '@app/shared';
import { api } from '../../api/client.ts';

export const evalKeys = { all: ['evaluations'] as const, ratings: ['ratings'] as const, effects: ['effects'] as const };

export const useEvaluations = (q: { status?: EvaluationStatus | undefined; officialId?: string | undefined }, enabled = true) =>
  useQuery({ queryKey: [...evalKeys.all, 'list', q], queryFn: () => api.get<EvaluationListResponse>('/api/evaluations', q), enabled });
export const useEvaluation = (enrolmentId: number) =>
  useQuery({
    queryKey: [...evalKeys.all, 'one', enrolmentId],
    queryFn: () => api.get<EvaluationDetail>(`/api/evaluations/${enrolmentId}`),
  });
export const useMyEvaluations = () =>
  useQuery({ queryKey: [...evalKeys.all, 'mine'], queryFn: () => api.get<MyEvaluationsResponse>('/api/evaluations/mine') });
export const useEvaluationConfig = () =>
  useQuery({ queryKey: [...evalKeys.all, 'config'], queryFn: () => api.get<EvaluationConfigResponse>('/api/evaluations/config') });
export const useRatings = (q: { year?: number | undefined; officialId?: string | undefined }) =>
  useQuery({ queryKey: [...evalKeys.ratings, q], queryFn: () => api.get<RatingListResponse>('/api/ratings', q) });
export const useEffects = (q: { year: number; by: 'programme' | 'organiser'; provinceCode?: string | undefined }) =>
  useQuery({ queryKey: [...evalKeys.effects, q], queryFn: () => api.get<EffectsResponse>('/api/effects', q) });

export const STATUS_COLORS: Record<EvaluationStatus, string> = {
  chua_mo: 'default',
  den_han: 'blue',
  qua_han: 'red',
  da_danh_gia: 'green',
};
export const LEVEL_COLORS: Record<string, string> = {
  rat_hieu_qua: 'green',
  hieu_qua: 'blue',
  it_hieu_qua: 'orange',
  khong_hieu_qua: 'red',
  HTXSNV: 'green',
  HTTNV: 'blue',
  HTNV: 'orange',
  KHTNV: 'red',
};
export const fmtScore = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
