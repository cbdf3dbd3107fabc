/**
 * The assessment form (SPEC §8): the eight criteria, each 1–5 with evidence. `?nguon=` chooses the
 * source: thu-truong (unit head), tu-danh-gia (the learner), dong-nghiep (a chosen peer).
 * Phone-first: one criterion per block, big tap targets.
 */
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Radio, Typography } from 'antd';
import {
  EVALUATION_CRITERIA,
  EVALUATION_CRITERION_LABELS,
  formatDateVi,
  type EvaluationDetail,
  type EvaluationCriterion,
} from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { PageTitle } from '../training/common.tsx';
import { evalKeys } from './evaluationsApi.ts';

const SOURCES = {
  'thu-truong': { path: 'unit-head', source: 'unit_head', title: 'Thủ trưởng đơn vị đánh giá', back: '/danh-gia-sau-boi-duong' },
  'tu-danh-gia': { path: 'self', source: 'self', title: 'Tự đánh giá hiệu quả sau khóa học', back: '/danh-gia-cua-toi' },
  'dong-nghiep': { path: 'peer', source: 'peer', title: 'Đánh giá đồng nghiệp', back: '/danh-gia-cua-toi' },
} as const;
type Key = keyof typeof SOURCES;
type Answers = Partial<Record<EvaluationCriterion, { score?: number; evidence: string }>>;

export default function AssessPage() {
  const { enrolmentId } = useParams();
  const [params] = useSearchParams();
  const key = (params.get('nguon') ?? 'thu-truong') as Key;
  const src = SOURCES[key] ?? SOURCES['thu-truong'];
  const id = Number(enrolmentId);
  const q = useQuery({
    queryKey: [...evalKeys.all, 'assess', id, key],
    queryFn: async () => {
      if (key === 'thu-truong') return api.get<EvaluationDetail>(`/api/evaluations/${id}`);
      const mine = await api.get<{ items: EvaluationDetail[]; peerRequests: EvaluationDetail[] }>('/api/evaluations/mine');
      const found = [...mine.items, ...mine.peerRequests].find((i) => i.enrolmentId === id);
      if (!found) throw new Error('Không tìm thấy khóa học cần đánh giá');
      return { ...found, responses: found.responses ?? [] };
    },
  });
  const [answers, setAnswers] = useState<Answers>({});
  useEffect(() => {
    const prev = q.data?.responses?.find((r) => r.source === src.source);
    if (prev) setAnswers(prev.criteria as Answers);
  }, [q.data, src.source]);
  const qc = useQueryClient();
  const nav = useNavigate();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: () =>
      api.put<EvaluationDetail>(`/api/evaluations/${id}/${src.path}`, {
        criteria: Object.fromEntries(
          Object.entries(answers)
            .filter(([, a]) => a?.score)
            .map(([k, a]) => [k, { score: a!.score, evidence: a!.evidence ?? '' }]),
        ),
      }),
    onSuccess: async () => {
      message.success('Đã lưu đánh giá');
      await qc.invalidateQueries({ queryKey: evalKeys.all });
      void nav(src.back);
    },
  });
  if (q.isLoading) return <PageLoading />;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data!;
  const missing = EVALUATION_CRITERIA.filter((c) => !answers[c]?.score).length;
  return (
    <div style={{ maxWidth: 760 }}>
      <PageTitle>{src.title}</PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Text strong>{d.officialName}</Typography.Text>
        <div style={{ fontSize: 13 }}>
          {d.programmeName} — lớp kết thúc {formatDateVi(d.classEndDate)}
          {d.unitName ? ` · ${d.unitName}` : ''}
        </div>
        {d.status === 'chua_mo' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            title={`Chưa đến kỳ đánh giá: được đánh giá từ ngày ${formatDateVi(d.opensOn)}.`}
          />
        ) : null}
      </Card>
      <Typography.Paragraph type="secondary">
        Chấm mỗi tiêu chí từ 1 (rất thấp) đến 5 (rất tốt) và ghi minh chứng ngắn gọn (việc cụ thể, số liệu, văn bản).
      </Typography.Paragraph>
      <Flex vertical gap={10}>
        {EVALUATION_CRITERIA.map((c, n) => (
          <Card key={c} size="small" title={<span style={{ whiteSpace: 'normal' }}>{`${n + 1}. ${EVALUATION_CRITERION_LABELS[c]}`}</span>}>
            <Radio.Group
              aria-label={`Điểm tiêu chí ${n + 1}`}
              value={answers[c]?.score}
              onChange={(e) => setAnswers((a) => ({ ...a, [c]: { evidence: a[c]?.evidence ?? '', score: e.target.value as number } }))}
              optionType="button"
              buttonStyle="solid"
              options={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) }))}
              style={{ marginBottom: 8 }}
            />
            <Input.TextArea
              aria-label={`Minh chứng tiêu chí ${n + 1}`}
              placeholder="Minh chứng"
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={2000}
              value={answers[c]?.evidence ?? ''}
              onChange={(e) => setAnswers((a) => ({ ...a, [c]: { ...a[c], evidence: e.target.value } }))}
            />
          </Card>
        ))}
      </Flex>
      {save.error ? <Alert type="error" role="alert" showIcon title={errorMessage(save.error)} style={{ marginTop: 12 }} /> : null}
      <Flex gap={8} wrap style={{ marginTop: 12, marginBottom: 24 }}>
        <Button
          type="primary"
          size="large"
          loading={save.isPending}
          disabled={missing > 0 || d.status === 'chua_mo'}
          onClick={() => save.mutate()}
        >
          {missing > 0 ? `Còn ${missing} tiêu chí chưa chấm` : 'Lưu đánh giá'}
        </Button>
        <Link to={src.back}>
          <Button size="large">Quay lại</Button>
        </Link>
      </Flex>
    </div>
  );
}
