/** "Kế hoạch": plans by phase, year and level with plan vs actual (classes, attendances) (SPEC §5, §9 P1). */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Table } from 'antd';
import { PLAN_LEVEL_LABELS, PLAN_LEVELS, type PlanItem, type PlanLevel, type PlanListResponse } from '@app/shared';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { hasPermission, useCurrentUser } from '../../../api/auth.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { totalText } from '../../../components/TableFooter.tsx';
import { Hint, PageTitle } from '../common.tsx';
import { options } from '../labels.tsx';
import { keys, oneOf, patchParams, useList } from '../trainingApi.ts';
import { ElapsedNote, PaceTag, ProgressBar, rowPace } from './PlanProgressBar.tsx';
import { PlanFormDrawer } from './PlanFormDrawer.tsx';
import { PHASE_OPTIONS, periodOf, placeOf, YEAR_OPTIONS } from './planUtils.ts';

export default function PlansPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const update = patchParams(setParams);
  const phase = oneOf(['1', '2'] as const, params.get('phase'));
  const year = oneOf(['2026', '2027', '2028', '2029', '2030', '2031'] as const, params.get('year'));
  const level = oneOf(PLAN_LEVELS, params.get('level'));
  const [creating, setCreating] = useState(false);
  const canManage = hasPermission(me, 'plans.manage');
  const { data, isPending, isFetching, error, refetch } = useList<PlanListResponse>(keys.plans, '/api/plans', { phase, year, level });
  const filtered = Boolean(phase || year || level);

  return (
    <>
      <PageTitle
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Thêm kế hoạch
            </Button>
          )
        }
      >
        Kế hoạch bồi dưỡng
      </PageTitle>
      <Hint>Chỉ tiêu số lớp và số lượt người học theo giai đoạn, năm; thực hiện tính theo các lớp đã kết thúc trong kỳ.</Hint>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div className="table-toolbar">
        <Select
          aria-label="Lọc theo giai đoạn"
          placeholder="Giai đoạn: tất cả"
          allowClear
          style={{ width: 220, maxWidth: '100%' }}
          value={phase}
          onChange={(v) => update({ phase: v })}
          options={PHASE_OPTIONS}
        />
        <Select
          aria-label="Lọc theo năm"
          placeholder="Năm: tất cả"
          allowClear
          style={{ width: 180, maxWidth: '100%' }}
          value={year}
          onChange={(v) => update({ year: v })}
          options={YEAR_OPTIONS}
        />
        <Select<PlanLevel>
          aria-label="Lọc theo cấp kế hoạch"
          placeholder="Cấp: tất cả"
          allowClear
          style={{ width: 220, maxWidth: '100%' }}
          value={level}
          onChange={(v) => update({ level: v })}
          options={options(PLAN_LEVELS, PLAN_LEVEL_LABELS)}
        />
      </div>
      <Table<PlanItem>
        rowKey="id"
        size="middle"
        loading={isPending || isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        title={() => (
          <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}>
            <span>{totalText(data?.total ?? 0)}</span>
            {data && data.items.length > 0 && <ElapsedNote />}
          </div>
        )}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        onRow={(p) => ({ onDoubleClick: () => void navigate(`/ke-hoach/${p.id}`) })}
        locale={{
          emptyText: filtered
            ? 'Không có kế hoạch nào khớp điều kiện lọc. Hãy bỏ bớt bộ lọc.'
            : canManage
              ? 'Chưa có kế hoạch nào. Bấm “Thêm kế hoạch” để đặt chỉ tiêu cho giai đoạn hoặc năm.'
              : 'Chưa có kế hoạch nào trong phạm vi của bạn.',
        }}
        columns={[
          {
            title: 'Kế hoạch',
            dataIndex: 'title',
            render: (_, p) => (
              <>
                <Link to={`/ke-hoach/${p.id}`}>{p.title}</Link>
                <div style={{ color: '#5b6472', fontSize: 12 }}>
                  {p.level === 'national' ? PLAN_LEVEL_LABELS.national : `${PLAN_LEVEL_LABELS[p.level]} · ${placeOf(p)}`} · {periodOf(p)}
                  {p.documentNo ? ` · Văn bản ${p.documentNo}` : ''}
                </div>
              </>
            ),
          },
          {
            title: 'Số lớp (thực hiện / chỉ tiêu)',
            key: 'classes',
            width: 210,
            render: (_, p) => {
              const o = p.progress.overall;
              return <ProgressBar actual={o.actualClasses} planned={o.plannedClasses} pct={o.classesPct} elapsedPct={p.progress.elapsedPct} unit="lớp" />;
            },
          },
          {
            title: 'Lượt người học (thực hiện / chỉ tiêu)',
            key: 'att',
            width: 230,
            render: (_, p) => {
              const o = p.progress.overall;
              return (
                <ProgressBar actual={o.actualAttendances} planned={o.plannedAttendances} pct={o.attendancesPct} elapsedPct={p.progress.elapsedPct} unit="lượt" />
              );
            },
          },
          {
            title: 'Tiến độ',
            key: 'pace',
            width: 120,
            render: (_, p) => <PaceTag status={rowPace(p.progress.overall, p.progress.elapsedPct)} />,
          },
        ]}
      />
      {canManage && <PlanFormDrawer open={creating} plan={null} onClose={() => setCreating(false)} onSaved={(p) => void navigate(`/ke-hoach/${p.id}`)} />}
    </>
  );
}
