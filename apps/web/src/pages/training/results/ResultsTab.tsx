/** "Điểm danh và kết quả": attendance per session, scores, completion results and the .xlsx round trip (SPEC §6). */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Skeleton, Table, Tabs } from 'antd';
import { formatNumberVi, type BridgePointItem, type ClassDetail, type ComputeResultsResponse, type LearnerResult } from '@app/shared';
import { useServerToday } from '../../../api/auth.ts';
import { api, errorMessage } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { pctVi, ResultTag, scoreVi } from '../labels.tsx';
import { keys, useResults } from '../trainingApi.ts';
import { AttendanceGrid } from './AttendanceGrid.tsx';
import { ResultsImport } from './ResultsImport.tsx';
import { ScoresGrid } from './ScoresGrid.tsx';

function Summary({ learners, sessions, assessments, points }: { learners: LearnerResult[]; sessions: number; assessments: number; points: BridgePointItem[] }) {
  return (
    <Table<LearnerResult>
      rowKey="enrolmentId"
      size="small"
      pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
      dataSource={learners}
      scroll={{ x: 720 }}
      title={() => `Tổng số: ${formatNumberVi(learners.length)} học viên`}
      locale={{ emptyText: 'Chưa có học viên nào (trong phạm vi của bạn) được cử vào lớp.' }}
      columns={[
        {
          title: 'Học viên',
          key: 'n',
          render: (_, l) => (
            <>
              {l.fullName}
              <div style={{ fontSize: 12, color: '#5b6472' }}>{[l.unitName, l.communeName].filter(Boolean).join(', ')}</div>
            </>
          ),
        },
        ...(points.length
          ? [{ title: 'Điểm cầu', key: 'bp', width: 190, render: (_: unknown, l: LearnerResult) => points.find((b) => b.id === l.bridgePointId)?.name ?? '—' }]
          : []),
        {
          title: 'Tham dự',
          key: 'a',
          width: 170,
          render: (_, l) => {
            const p = l.attendance.filter((a) => a.status === 'present').length;
            const e = l.attendance.filter((a) => a.status === 'excused').length;
            return `${p}/${sessions} buổi có mặt${e ? `, ${e} có phép` : ''}`;
          },
        },
        {
          title: 'Điểm',
          key: 's',
          width: 170,
          render: (_, l) =>
            assessments === 0
              ? '—'
              : Array.from({ length: assessments }, (_, i) => {
                  const s = l.scores.find((x) => x.assessmentNo === i + 1);
                  return s ? scoreVi(s.score) : '…';
                }).join(' · '),
        },
        { title: 'Điểm tổng kết', dataIndex: 'finalScore', width: 120, render: (v: number | null) => (v === null ? '—' : scoreVi(v)) },
        { title: 'Kết quả', dataIndex: 'result', width: 150, render: (r: LearnerResult['result']) => <ResultTag result={r} /> },
      ]}
    />
  );
}

export default function ResultsTab({ cls }: { cls: ClassDetail }) {
  const today = useServerToday();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data, isPending, error, refetch } = useResults(cls.id);
  const [computed, setComputed] = useState<ComputeResultsResponse | null>(null);
  const compute = useMutation({
    mutationFn: () => api.post<ComputeResultsResponse>(`/api/classes/${cls.id}/results/compute`),
    onSuccess: async (r) => {
      setComputed(r);
      message.success(`Đã tính kết quả: ${r.completed} hoàn thành, ${r.failed} không hoàn thành.`);
      await Promise.all([qc.invalidateQueries({ queryKey: [...keys.classes, 'results', cls.id] }), qc.invalidateQueries({ queryKey: [...keys.classes, 'detail', cls.id] })]);
    },
    onError: (err) => message.error(errorMessage(err), 8),
  });

  if (isPending) return <Skeleton active />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const rule = `Điều kiện hoàn thành: tham dự ${data.rule.minAttendancePct}% số buổi (vắng có phép tính tối đa ${data.rule.maxExcusedPct}%), mỗi bài kiểm tra từ ${formatNumberVi(data.rule.passScore, data.rule.passScore % 1 ? 1 : 0)} điểm.`;
  const summary = <Summary learners={data.learners} sessions={data.sessions.length} assessments={data.assessmentCount} points={data.bridgePoints} />;
  const recorder = cls.actions.canRecord || data.canRecord;

  if (!recorder) {
    return (
      <>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            cls.status === 'running' || cls.status === 'finished' || cls.status === 'closed'
              ? `Cơ sở tổ chức lớp điểm danh và nhập điểm. ${rule}`
              : `Điểm danh và kết quả có khi lớp bắt đầu học. ${rule}`
          }
        />
        {summary}
      </>
    );
  }
  return (
    <>
      <p style={{ marginTop: 0, color: '#5b6472' }}>{rule}</p>
      <Tabs
        type="card"
        size="small"
        items={[
          { key: 'att', label: 'Điểm danh', children: <AttendanceGrid classId={cls.id} data={data} today={today} /> },
          { key: 'scores', label: 'Điểm', children: <ScoresGrid classId={cls.id} data={data} /> },
          {
            key: 'results',
            label: 'Kết quả',
            children: (
              <>
                <Button type="primary" loading={compute.isPending} onClick={() => compute.mutate()} style={{ marginBottom: 12 }} disabled={data.learners.length === 0}>
                  Tính kết quả
                </Button>
                {computed && (
                  <Card size="small" style={{ marginBottom: 12 }} title={`Đã tính ${computed.computed} học viên: ${computed.completed} hoàn thành, ${computed.failed} không hoàn thành`}>
                    {computed.items.filter((i) => i.reasons.length).length === 0 ? (
                      cls.status === 'running' ? 'Mọi học viên đều hoàn thành. Kết thúc lớp (nút “Kết thúc lớp”) rồi cấp giấy chứng nhận ở tab “Chứng chỉ”.' : 'Mọi học viên đều hoàn thành. Cấp giấy chứng nhận ở tab “Chứng chỉ”.'
                    ) : (
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {computed.items
                          .filter((i) => i.reasons.length)
                          .map((i) => (
                            <li key={i.enrolmentId}>
                              <strong>{i.fullName}</strong> (tham dự {pctVi(i.attendancePct)}): {i.reasons.join('; ')}
                            </li>
                          ))}
                      </ul>
                    )}
                  </Card>
                )}
                {summary}
              </>
            ),
          },
          { key: 'xlsx', label: 'Nhập từ Excel', children: <ResultsImport classId={cls.id} canRecord={data.canRecord} /> },
        ]}
      />
    </>
  );
}
