/** A small card on the official's detail page: annual ratings and post-training evaluations side by side (SPEC §8). */
import { Card, Descriptions, Empty, Tag } from 'antd';
import { EVALUATION_LEVEL_LABELS, RATING_LEVEL_LABELS, formatDateVi } from '@app/shared';
import { useIsNarrow } from '../../layout/useMediaQuery.ts';
import { fmtScore, LEVEL_COLORS, useEvaluations, useRatings } from './evaluationsApi.ts';

export function OfficialEvaluationsCard({ officialId }: { officialId: string }) {
  const narrow = useIsNarrow();
  const ratings = useRatings({ officialId });
  const evals = useEvaluations({ officialId });
  const done = (evals.data?.items ?? []).filter((e) => e.status === 'da_danh_gia');
  const items = [
    ...(ratings.data?.items ?? []).map((r) => ({
      key: `r${r.id}`,
      label: `Xếp loại năm ${r.year}`,
      children: (
        <Tag
          color={LEVEL_COLORS[r.level]}
          style={{ whiteSpace: 'normal' }}
        >{`${RATING_LEVEL_LABELS[r.level]} (${fmtScore(r.score)} điểm)`}</Tag>
      ),
    })),
    ...done.map((e) => ({
      key: `e${e.enrolmentId}`,
      label: `Hiệu quả sau khóa “${e.programmeName}”`,
      children: (
        <span>
          <Tag color={LEVEL_COLORS[e.level ?? '']} style={{ whiteSpace: 'normal' }}>
            {e.level ? `${EVALUATION_LEVEL_LABELS[e.level]} · ${fmtScore(e.score)}` : '—'}
          </Tag>{' '}
          ngày {formatDateVi(e.evaluatedOn)}
        </span>
      ),
    })),
  ];
  return (
    <Card size="small" title="Xếp loại và hiệu quả sau bồi dưỡng" style={{ marginTop: 12 }} loading={ratings.isLoading || evals.isLoading}>
      {items.length ? (
        // On phones the labels go above the values: long programme names must not widen the page.
        <Descriptions size="small" column={1} layout={narrow ? 'vertical' : 'horizontal'} items={items} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có xếp loại, đánh giá" />
      )}
    </Card>
  );
}
