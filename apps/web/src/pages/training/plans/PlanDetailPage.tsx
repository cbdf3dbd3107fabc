/** One plan: targets and plan vs actual per programme type, child plans, edit targets (SPEC §5, §9 P1). */
import { useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Descriptions, Result, Row, Skeleton, Table } from 'antd';
import { formatDateVi, PLAN_LEVEL_LABELS, PROGRAMME_TYPE_LABELS, type PlanDetail, type PlanProgressRow } from '@app/shared';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { PageTitle } from '../common.tsx';
import { keys } from '../trainingApi.ts';
import { PlanFormDrawer } from './PlanFormDrawer.tsx';
import { ElapsedNote, PaceTag, ProgressBar, rowPace } from './PlanProgressBar.tsx';
import { elapsedOf, periodOf, placeOf } from './planUtils.ts';

type Row = PlanProgressRow & { key: string };

export default function PlanDetailPage() {
  const id = Number(useParams().id ?? 0);
  const [editing, setEditing] = useState(false);
  const { data: p, isPending, error, refetch } = useQuery({
    queryKey: [...keys.plans, 'detail', id],
    queryFn: () => api.get<PlanDetail>(`/api/plans/${id}`),
    enabled: id > 0,
  });
  if (isPending) return <Skeleton active />;
  if (error instanceof ApiError && error.statusCode === 404) {
    return <Result status="404" title="Không tìm thấy kế hoạch" subTitle="Kế hoạch không tồn tại hoặc nằm ngoài phạm vi của bạn." extra={<Link to="/ke-hoach">Về danh sách kế hoạch</Link>} />;
  }
  if (error || !p) return <QueryError error={error} onRetry={() => void refetch()} />;

  const pr = p.progress;
  const rows: Row[] = [...pr.byProgrammeType.map((r) => ({ ...r, key: r.programmeType })), { ...pr.overall, key: 'ALL' }];
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/ke-hoach">Kế hoạch</Link> }, { title: p.title }]} />
      <PageTitle
        extra={
          p.canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              Sửa chỉ tiêu
            </Button>
          )
        }
      >
        {p.title}
      </PageTitle>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'level', label: 'Cấp', children: `${PLAN_LEVEL_LABELS[p.level]} — ${placeOf(p)}` },
          { key: 'period', label: 'Kỳ kế hoạch', children: `${periodOf(p)} (${formatDateVi(pr.periodStart)} – ${formatDateVi(pr.periodEnd)})` },
          { key: 'doc', label: 'Văn bản', children: p.documentNo ? `${p.documentNo}${p.documentDate ? ` ngày ${formatDateVi(p.documentDate)}` : ''}` : 'Chưa ghi' },
          { key: 'parent', label: 'Kế hoạch cấp trên', children: p.parentPlanId ? <Link to={`/ke-hoach/${p.parentPlanId}`}>{p.parentTitle}</Link> : 'Không có' },
          { key: 'asof', label: 'Số liệu tính đến', children: formatDateVi(pr.countedUntil) },
        ]}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <Card size="small" title="Số lớp">
            <ProgressBar actual={pr.overall.actualClasses} planned={pr.overall.plannedClasses} pct={pr.overall.classesPct} elapsedPct={pr.elapsedPct} unit="lớp" />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title="Số lượt người học">
            <ProgressBar
              actual={pr.overall.actualAttendances}
              planned={pr.overall.plannedAttendances}
              pct={pr.overall.attendancesPct}
              elapsedPct={pr.elapsedPct}
              unit="lượt"
            />
          </Card>
        </Col>
      </Row>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <h2 style={{ fontSize: 17, margin: 0, flex: '1 1 auto' }}>Theo loại chương trình</h2>
        <ElapsedNote elapsedPct={pr.elapsedPct} />
      </div>
      <Table<Row>
        rowKey="key"
        size="middle"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 900 }}
        columns={[
          { title: 'Loại chương trình', key: 't', render: (_, r) => (r.key === 'ALL' ? <strong>Tổng cộng</strong> : PROGRAMME_TYPE_LABELS[r.programmeType as keyof typeof PROGRAMME_TYPE_LABELS]) },
          { title: 'Số lớp', key: 'c', width: 240, render: (_, r) => <ProgressBar actual={r.actualClasses} planned={r.plannedClasses} pct={r.classesPct} elapsedPct={pr.elapsedPct} unit="lớp" /> },
          {
            title: 'Số lượt người học',
            key: 'a',
            width: 260,
            render: (_, r) => <ProgressBar actual={r.actualAttendances} planned={r.plannedAttendances} pct={r.attendancesPct} elapsedPct={pr.elapsedPct} unit="lượt" />,
          },
          { title: 'Tiến độ', key: 'p', width: 140, render: (_, r) => <PaceTag status={rowPace(r, pr.elapsedPct)} /> },
        ]}
      />
      <h2 style={{ fontSize: 17, margin: '20px 0 8px' }}>Kế hoạch cấp dưới</h2>
      <Table
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={p.children}
        scroll={{ x: 900 }}
        locale={{ emptyText: 'Chưa có kế hoạch cấp dưới nào gắn với kế hoạch này.' }}
        columns={[
          {
            title: 'Kế hoạch',
            key: 't',
            render: (_, c) => (
              <>
                <Link to={`/ke-hoach/${c.id}`}>{c.title}</Link>
                <div style={{ color: '#5b6472', fontSize: 12 }}>{PLAN_LEVEL_LABELS[c.level]}{c.year ? ` · Năm ${c.year}` : ''}</div>
              </>
            ),
          },
          {
            title: 'Số lớp',
            key: 'c',
            width: 240,
            render: (_, c) => (
              <ProgressBar actual={c.overall.actualClasses} planned={c.overall.plannedClasses} pct={c.overall.classesPct} elapsedPct={elapsedOf({ phase: p.phase, year: c.year }, pr.asOf)} unit="lớp" />
            ),
          },
          {
            title: 'Số lượt người học',
            key: 'a',
            width: 260,
            render: (_, c) => (
              <ProgressBar
                actual={c.overall.actualAttendances}
                planned={c.overall.plannedAttendances}
                pct={c.overall.attendancesPct}
                elapsedPct={elapsedOf({ phase: p.phase, year: c.year }, pr.asOf)}
                unit="lượt"
              />
            ),
          },
          { title: 'Tiến độ', key: 'p', width: 140, render: (_, c) => <PaceTag status={rowPace(c.overall, elapsedOf({ phase: p.phase, year: c.year }, pr.asOf))} /> },
        ]}
      />
      <PlanFormDrawer open={editing} plan={p} onClose={() => setEditing(false)} onSaved={() => void refetch()} />
    </>
  );
}
