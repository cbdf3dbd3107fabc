/** Scores 0–10 per assessment and learner (two decimals at most, decimal comma). */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, InputNumber, Table } from 'antd';
import type { ClassResultsResponse, LearnerResult } from '@app/shared';
import { api } from '../../../api/client.ts';
import { SaveError } from '../common.tsx';
import { keys } from '../trainingApi.ts';

const key = (e: number, n: number) => `${e}:${n}`;

export function ScoresGrid({ classId, data }: { classId: number; data: ClassResultsResponse }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [scores, setScores] = useState<Map<string, number | null>>(new Map());
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const m = new Map<string, number | null>();
    for (const l of data.learners) for (const s of l.scores) m.set(key(l.enrolmentId, s.assessmentNo), s.score);
    setScores(m);
  }, [data]);

  const save = useMutation({
    mutationFn: () => {
      const records = [];
      for (const l of data.learners) {
        for (let n = 1; n <= data.assessmentCount; n++) {
          const v = scores.get(key(l.enrolmentId, n));
          if (v !== undefined && v !== null) records.push({ enrolmentId: l.enrolmentId, assessmentNo: n, score: v });
        }
      }
      return api.put<ClassResultsResponse>(`/api/classes/${classId}/scores`, { records });
    },
    onSuccess: (r) => {
      qc.setQueryData([...keys.classes, 'results', classId], r);
      message.success('Đã lưu điểm.');
      setError(null);
    },
    onError: setError,
  });

  if (data.assessmentCount === 0) return <Alert type="info" showIcon title="Lớp không có bài kiểm tra; kết quả chỉ tính theo điểm danh." />;
  const filled = [...scores.values()].filter((v) => v !== null).length;
  return (
    <>
      <SaveError error={error} />
      <Table<LearnerResult>
        rowKey="enrolmentId"
        size="small"
        pagination={false}
        dataSource={data.learners}
        scroll={{ x: 360 + data.assessmentCount * 130 }}
        locale={{ emptyText: 'Chưa có học viên nào được cử vào lớp.' }}
        columns={[
          { title: 'Học viên', dataIndex: 'fullName' },
          ...Array.from({ length: data.assessmentCount }, (_, i) => i + 1).map((n) => ({
            title: `Bài ${n}`,
            key: `a${n}`,
            width: 130,
            render: (_: unknown, l: LearnerResult) => (
              <InputNumber<number>
                aria-label={`Điểm bài ${n} của ${l.fullName}`}
                min={0}
                max={10}
                step={0.5}
                decimalSeparator=","
                disabled={!data.canRecord}
                value={scores.get(key(l.enrolmentId, n)) ?? null}
                onChange={(v) => setScores((m) => new Map(m).set(key(l.enrolmentId, n), v))}
                style={{ width: '100%' }}
              />
            ),
          })),
        ]}
      />
      {data.canRecord && data.learners.length > 0 && (
        <Button type="primary" style={{ marginTop: 12 }} loading={save.isPending} disabled={filled === 0} onClick={() => save.mutate()}>
          Lưu điểm
        </Button>
      )}
    </>
  );
}
