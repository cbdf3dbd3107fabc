/**
 * Effect analysis (issue 5 item 7) for province and national admins: per programme or training
 * organisation, the change of the annual rating score of officials trained in the year vs comparable
 * untrained officials (same commune type and position group). Below the minimum group size: no claim.
 */
import { useState } from 'react';
import { Alert, Flex, Segmented, Select, Table, Typography } from 'antd';
import type { EffectRow } from '@app/shared';
import { useServerToday } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { Hint, PageTitle } from '../training/common.tsx';
import { fmtScore, useEffects } from './evaluationsApi.ts';

const signed = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${fmtScore(n)}`);

export default function EffectsPage() {
  const today = useServerToday();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [by, setBy] = useState<'programme' | 'organiser'>('programme');
  const q = useEffects({ year, by });
  const min = q.data?.minGroupSize ?? 10;
  return (
    <div>
      <PageTitle
        extra={
          <Flex gap={8} wrap>
            <Segmented
              value={by}
              onChange={(v) => setBy(v as 'programme' | 'organiser')}
              options={[
                { value: 'programme', label: 'Theo chương trình' },
                { value: 'organiser', label: 'Theo cơ sở đào tạo' },
              ]}
            />
            <Select
              aria-label="Năm"
              value={year}
              onChange={setYear}
              options={[thisYear, thisYear - 1].map((y) => ({ value: y, label: `Năm ${y}` }))}
              style={{ width: 130 }}
            />
          </Flex>
        }
      >
        Phân tích tác động của bồi dưỡng
      </PageTitle>
      <Hint>
        So sánh mức thay đổi điểm xếp loại năm {year} so với năm {year - 1} của người đã học xong khóa trong năm với người chưa học có cùng
        loại xã, phường và cùng nhóm vị trí (lãnh đạo, cán bộ, công chức). Nhóm so sánh được cân theo cơ cấu của nhóm đã học. Khi một nhóm
        dưới {min} người, hệ thống không đưa ra kết luận.
      </Hint>
      {q.error ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && q.data.rows.length === 0 ? (
        <Alert type="info" showIcon title="Chưa có người nào vừa học xong vừa có xếp loại của cả hai năm." />
      ) : null}
      <Table<EffectRow>
        rowKey="key"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: by === 'programme' ? 'Chương trình' : 'Cơ sở đào tạo', dataIndex: 'name', width: 280 },
          { title: 'Số người đã học', align: 'right', width: 100, render: (_: unknown, r) => r.trained.n.toLocaleString('vi-VN') },
          { title: 'Thay đổi điểm (đã học)', align: 'right', width: 120, render: (_: unknown, r) => signed(r.trained.meanChange) },
          { title: 'Số người so sánh', align: 'right', width: 100, render: (_: unknown, r) => r.comparison.n.toLocaleString('vi-VN') },
          { title: 'Thay đổi điểm (chưa học)', align: 'right', width: 120, render: (_: unknown, r) => signed(r.comparison.meanChange) },
          {
            title: 'Chênh lệch',
            align: 'right',
            width: 120,
            render: (_: unknown, r) =>
              r.enough ? <strong>{signed(r.difference)}</strong> : <Typography.Text type="secondary">chưa đủ dữ liệu</Typography.Text>,
          },
          {
            title: 'Mức hài lòng của người dân (đã học)',
            align: 'right',
            width: 150,
            render: (_: unknown, r) =>
              r.satisfaction.mean === null ? (
                <Typography.Text type="secondary">{r.satisfaction.n ? `chưa đủ dữ liệu (${r.satisfaction.n})` : '—'}</Typography.Text>
              ) : (
                `${fmtScore(r.satisfaction.mean)}% (${r.satisfaction.n})`
              ),
          },
        ]}
      />
    </div>
  );
}
