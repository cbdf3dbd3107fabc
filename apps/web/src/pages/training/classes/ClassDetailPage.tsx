/** One class: header with status moves, and tabs Thông tin · Buổi học · Cử đi học · Điểm danh và kết quả · Chứng chỉ. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Breadcrumb, Result, Skeleton, Space, Tabs } from 'antd';
import { CLASS_MODE_LABELS, SCHEDULE_TYPE_LABELS } from '@app/shared';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import { PageLoading } from '../../../components/PageLoading.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { PageTitle } from '../common.tsx';
import { ClassStatusTag, dateRangeVi, SeatsCell } from '../labels.tsx';
import { useClass } from '../trainingApi.ts';
import { InfoTab } from './InfoTab.tsx';
import { StatusActions } from './StatusActions.tsx';

const SessionsTab = lazy(() => import('./SessionsTab.tsx'));
const NominationsTab = lazy(() => import('../nominations/NominationsTab.tsx'));
const ResultsTab = lazy(() => import('../results/ResultsTab.tsx'));
const CertificatesTab = lazy(() => import('../certificates/CertificatesTab.tsx'));

const TABS = ['thong-tin', 'buoi-hoc', 'cu-di-hoc', 'diem-danh', 'chung-chi'] as const;
type Tab = (typeof TABS)[number];

export default function ClassDetailPage() {
  const id = Number(useParams().id ?? 0);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'thong-tin';
  const { data: c, isPending, error, refetch } = useClass(id);

  if (isPending) return <Skeleton active />;
  if (error instanceof ApiError && error.statusCode === 404) {
    return (
      <Result
        status="404"
        title="Không tìm thấy lớp"
        subTitle="Lớp không tồn tại hoặc nằm ngoài phạm vi của bạn."
        extra={<Link to="/lop-boi-duong">Về danh sách lớp</Link>}
      />
    );
  }
  if (error || !c) return <QueryError error={error} onRetry={() => void refetch()} />;

  const lazyTab = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/lop-boi-duong">Lớp bồi dưỡng</Link> }, { title: c.code }]} />
      <PageTitle>{c.name}</PageTitle>
      <Space wrap size={[12, 4]} style={{ marginBottom: 8, color: '#5b6472' }}>
        <ClassStatusTag status={c.status} />
        <span>Mã lớp {c.code}</span>
        <span>{dateRangeVi(c.startDate, c.endDate)}</span>
        <span>
          {CLASS_MODE_LABELS[c.mode]}, {SCHEDULE_TYPE_LABELS[c.scheduleType].toLowerCase()}
        </span>
        <span>{c.organiserName}</span>
        <span>
          Đã cử / chỉ tiêu: <SeatsCell c={c} />
        </span>
      </Space>
      <StatusActions cls={c} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams((p) => {
          const n = new URLSearchParams(p);
          if (k === 'thong-tin') n.delete('tab');
          else n.set('tab', k);
          return n;
        })}
        destroyOnHidden
        items={[
          { key: 'thong-tin', label: 'Thông tin', children: <InfoTab cls={c} /> },
          { key: 'buoi-hoc', label: `Buổi học (${c.sessions.length})`, children: lazyTab(<SessionsTab cls={c} />) },
          { key: 'cu-di-hoc', label: 'Cử đi học', children: lazyTab(<NominationsTab cls={c} />) },
          { key: 'diem-danh', label: 'Điểm danh và kết quả', children: lazyTab(<ResultsTab cls={c} />) },
          { key: 'chung-chi', label: 'Chứng chỉ', children: lazyTab(<CertificatesTab cls={c} />) },
        ]}
      />
    </>
  );
}
