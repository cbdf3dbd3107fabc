/** Attendance of one session: Có mặt / Vắng có phép / Vắng không phép per learner, filtered by bridge point. */
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Radio, Select, Space, Table } from 'antd';
import {
  ATTENDANCE_STATUS_LABELS,
  ATTENDANCE_STATUSES,
  formatDateVi,
  type AttendanceStatus,
  type ClassResultsResponse,
  type LearnerResult,
} from '@app/shared';
import { api } from '../../../api/client.ts';
import { SaveError } from '../common.tsx';
import { timeRange } from '../labels.tsx';
import { keys } from '../trainingApi.ts';

export function AttendanceGrid({ classId, data, today }: { classId: number; data: ClassResultsResponse; today: string }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const held = data.sessions.filter((s) => s.date <= today);
  const [sessionId, setSessionId] = useState<number | undefined>(held[0]?.id);
  const [point, setPoint] = useState<number | 'all'>('all');
  const [marks, setMarks] = useState<Map<number, AttendanceStatus>>(new Map());
  const [error, setError] = useState<unknown>(null);

  const learners = useMemo(
    () => data.learners.filter((l) => point === 'all' || l.bridgePointId === point || l.attendance.some((a) => a.sessionId === sessionId && a.bridgePointId === point)),
    [data.learners, point, sessionId],
  );
  useEffect(() => {
    const m = new Map<number, AttendanceStatus>();
    for (const l of data.learners) {
      const a = l.attendance.find((x) => x.sessionId === sessionId);
      if (a) m.set(l.enrolmentId, a.status);
    }
    setMarks(m);
    setError(null);
  }, [data, sessionId]);

  const save = useMutation({
    mutationFn: () =>
      api.put<ClassResultsResponse>(`/api/classes/${classId}/attendance`, {
        sessionId,
        records: learners.filter((l) => marks.has(l.enrolmentId)).map((l) => ({ enrolmentId: l.enrolmentId, status: marks.get(l.enrolmentId)!, ...(point !== 'all' ? { bridgePointId: point } : {}) })),
      }),
    onSuccess: (r) => {
      qc.setQueryData([...keys.classes, 'results', classId], r);
      message.success('Đã lưu điểm danh.');
    },
    onError: setError,
  });

  if (data.sessions.length === 0) {
    return <Alert type="info" showIcon title="Lớp chưa có buổi học nào. Hãy thêm buổi học ở tab “Buổi học” rồi điểm danh theo từng buổi." />;
  }
  if (held.length === 0) {
    return <Alert type="info" showIcon title={`Buổi học đầu tiên là ngày ${formatDateVi(data.sessions[0]!.date)}; điểm danh được từ ngày đó.`} />;
  }
  const missing = learners.filter((l) => !marks.has(l.enrolmentId)).length;
  const saved = data.learners.filter((l) => l.attendance.some((a) => a.sessionId === sessionId)).length;
  const set = (id: number, s: AttendanceStatus) => setMarks((m) => new Map(m).set(id, s));
  return (
    <>
      <div className="table-toolbar">
        <Select<number>
          aria-label="Buổi học cần điểm danh"
          style={{ width: 360, maxWidth: '100%' }}
          value={sessionId}
          onChange={setSessionId}
          options={held.map((s) => ({ value: s.id, label: `${formatDateVi(s.date)} ${timeRange(s.startTime, s.endTime)}${s.topic ? ` — ${s.topic}` : ''}` }))}
        />
        {data.bridgePoints.length > 0 && (
          <Select<number | 'all'>
            aria-label="Lọc theo điểm cầu"
            style={{ width: 260, maxWidth: '100%' }}
            value={point}
            onChange={setPoint}
            options={[{ value: 'all', label: 'Mọi điểm cầu' }, ...data.bridgePoints.map((b) => ({ value: b.id, label: b.name }))]}
          />
        )}
        {data.canRecord && (
          <Button onClick={() => setMarks((m) => { const n = new Map(m); for (const l of learners) n.set(l.enrolmentId, 'present'); return n; })}>
            Tất cả có mặt
          </Button>
        )}
      </div>
      <p style={{ margin: '0 0 8px' }} aria-live="polite">
        Đã lưu điểm danh {saved}/{data.learners.length} học viên của buổi này.
      </p>
      <SaveError error={error} />
      <Table<LearnerResult>
        rowKey="enrolmentId"
        size="small"
        pagination={false}
        dataSource={learners}
        scroll={{ x: 640 }}
        locale={{ emptyText: 'Chưa có học viên nào được cử vào lớp (hoặc tại điểm cầu này).' }}
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
          {
            title: 'Điểm danh',
            key: 's',
            width: 380,
            render: (_, l) => (
              <Radio.Group
                aria-label={`Điểm danh ${l.fullName}`}
                optionType="button"
                buttonStyle="solid"
                size="small"
                disabled={!data.canRecord}
                value={marks.get(l.enrolmentId)}
                onChange={(e) => set(l.enrolmentId, e.target.value as AttendanceStatus)}
                options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: ATTENDANCE_STATUS_LABELS[s] }))}
              />
            ),
          },
        ]}
      />
      {data.canRecord && learners.length > 0 && (
        <Space style={{ marginTop: 12 }} wrap>
          <Button type="primary" loading={save.isPending} disabled={marks.size === 0} onClick={() => save.mutate()}>
            Lưu điểm danh
          </Button>
          {missing > 0 && <span style={{ color: '#d46b08' }}>Còn {missing} học viên chưa điểm danh buổi này (chưa điểm danh được tính là vắng).</span>}
        </Space>
      )}
    </>
  );
}
