/**
 * "Nhu cầu bồi dưỡng › Rà soát nhu cầu": a commune's register (commune admins, or a commune opened
 * from above), or the aggregation of a province / the nation with its children to drill into.
 */
import { Breadcrumb, Select, Skeleton, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentUser, useServerToday } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useProvinces } from '../units/unitsApi.ts';
import { NeedsAggregation } from './NeedsAggregation.tsx';
import { NeedsRegister } from './NeedsRegister.tsx';
import { ownScope, PHASE_OPTIONS, phaseFrom, registerFiltersFrom, useNeeds, validScope } from './needsApi.ts';

export default function NeedsPage() {
  const me = useCurrentUser();
  const today = useServerToday();
  const [params, setParams] = useSearchParams();
  const own = ownScope(me);
  const scope = validScope(params.get('scope')) ?? own;
  const phase = phaseFrom(params, today);
  const filters = registerFiltersFrom(params);
  const { data, isPending, isFetching, error, refetch } = useNeeds(scope, phase, scope.startsWith('commune:') ? filters : {});
  const provinces = useProvinces(me.scope.level === 'nation');

  const href = (s: string) => {
    const next = new URLSearchParams();
    if (s !== own) next.set('scope', s);
    if (params.get('phase')) next.set('phase', String(phase));
    const q = next.toString();
    return q ? `/nhu-cau?${q}` : '/nhu-cau';
  };
  const update = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: 'q' in patch },
    );

  // Breadcrumb from the user's own level down to the place shown.
  const crumbs: Array<{ title: React.ReactNode }> = [];
  if (data && scope !== own) {
    const provinceCode = data.level === 'commune' ? data.commune.provinceCode : data.level === 'province' ? scope.slice(9) : undefined;
    const provinceName =
      data.level === 'province'
        ? data.name
        : provinceCode === me.scope.provinceCode
          ? me.scopeNames.provinceName
          : provinces.data?.items.find((p) => p.code === provinceCode)?.fullName;
    if (me.scope.level === 'nation') crumbs.push({ title: <Link to={href('nation')}>Toàn quốc</Link> });
    if (provinceCode && data.level === 'commune')
      crumbs.push({ title: <Link to={href(`province:${provinceCode}`)}>{provinceName ?? `Tỉnh ${provinceCode}`}</Link> });
    crumbs.push({ title: data.level === 'commune' ? data.commune.name : data.name });
  }

  return (
    <>
      {crumbs.length > 0 && <Breadcrumb style={{ marginBottom: 8 }} items={crumbs} />}
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22, marginBottom: 4 }}>
        Rà soát nhu cầu bồi dưỡng
        {data && <span style={{ fontWeight: 400 }}> — {data.level === 'commune' ? data.commune.name : data.name}</span>}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        Hệ thống đề xuất nhu cầu của từng người theo quy tắc của Quyết định 700 (chưa đạt chuẩn vị trí việc làm; quản lý nhà nước; chuyên
        môn, kỹ năng mỗi giai đoạn); quản trị cấp xã xác nhận, bổ sung hoặc bỏ (có lý do). Sổ nhu cầu của xã được tổng hợp lên tỉnh và toàn
        quốc để lập kế hoạch.
      </Typography.Paragraph>
      <div className="table-toolbar">
        <Select
          aria-label="Giai đoạn"
          style={{ width: 240 }}
          value={phase}
          onChange={(v: number) => update({ phase: String(v) })}
          options={PHASE_OPTIONS}
        />
      </div>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {isPending && <Skeleton active />}
      {data?.level === 'commune' && (
        <NeedsRegister data={data} phase={phase} filters={filters} fetching={isFetching} onFilter={(p) => update(p)} />
      )}
      {data && data.level !== 'commune' && (
        <NeedsAggregation data={data} childHref={(code) => href(data.level === 'province' ? `commune:${code}` : `province:${code}`)} />
      )}
    </>
  );
}
