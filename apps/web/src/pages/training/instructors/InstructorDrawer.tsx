/** One instructor: organisation, fields, contact (for managers), sessions taught; edit for managers. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Skeleton, Table, Tag } from 'antd';
import { formatDateVi, formatNumberVi, INSTRUCTOR_KIND_LABELS, TRAINING_FIELD_LABELS, type InstructorDetail } from '@app/shared';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useDrawerSize } from '../../../layout/useMediaQuery.ts';
import { ProgrammeTypeTag, timeRange } from '../labels.tsx';
import { keys } from '../trainingApi.ts';
import { InstructorFormDrawer } from './InstructorFormDrawer.tsx';

export function InstructorDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const size = useDrawerSize(720);
  const [editing, setEditing] = useState(false);
  const { data: i, isPending, error, refetch } = useQuery({
    queryKey: [...keys.instructors, 'detail', id],
    queryFn: () => api.get<InstructorDetail>(`/api/instructors/${id ?? 0}`),
    enabled: id !== null,
  });
  return (
    <Drawer
      title={i?.fullName ?? 'Giảng viên, báo cáo viên'}
      open={id !== null}
      onClose={onClose}
      size={size}
      extra={i?.canEdit && <Button onClick={() => setEditing(true)}>Sửa</Button>}
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {isPending && id !== null && <Skeleton active />}
      {i && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 200 } }}
            items={[
              { key: 'kind', label: 'Loại', children: INSTRUCTOR_KIND_LABELS[i.kind] },
              { key: 'org', label: 'Cơ sở đào tạo', children: i.orgName ?? 'Không thuộc cơ sở nào' },
              { key: 'work', label: 'Nơi công tác', children: i.organisation ?? '—' },
              { key: 'title', label: 'Chức danh, học hàm, học vị', children: i.jobTitle ?? '—' },
              { key: 'fields', label: 'Lĩnh vực', children: i.fields.length ? i.fields.map((f) => <Tag key={f}>{TRAINING_FIELD_LABELS[f]}</Tag>) : '—' },
              ...(i.canEdit ? [{ key: 'contact', label: 'Liên hệ', children: [i.email, i.phone].filter(Boolean).join(' · ') || 'Chưa ghi' }] : []),
              { key: 'status', label: 'Trạng thái', children: <Tag color={i.active ? 'green' : 'default'}>{i.active ? 'Đang mời giảng' : 'Ngừng mời'}</Tag> },
              { key: 'count', label: 'Đã giảng', children: `${formatNumberVi(i.sessionCount)} buổi, ${formatNumberVi(i.classCount)} lớp` },
              { key: 'rating', label: 'Đánh giá của học viên', children: i.averageRating === null ? 'Chưa có khảo sát' : `${formatNumberVi(i.averageRating, 1)}/5` },
            ]}
          />
          <h3 style={{ fontSize: 16, margin: '20px 0 8px' }}>Các buổi đã giảng</h3>
          <Table
            rowKey="sessionId"
            size="small"
            dataSource={i.sessions}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 560 }}
            locale={{ emptyText: 'Chưa giảng buổi nào trong các lớp bạn xem được.' }}
            columns={[
              { title: 'Ngày', key: 'd', width: 140, render: (_, s) => `${formatDateVi(s.date)} ${timeRange(s.startTime, s.endTime)}` },
              {
                title: 'Lớp',
                key: 'c',
                render: (_, s) => (
                  <>
                    <Link to={`/lop-boi-duong/${s.classId}`}>{s.className}</Link>
                    <div style={{ fontSize: 12, color: '#5b6472' }}>
                      {s.classCode} · {s.organiserName}
                    </div>
                  </>
                ),
              },
              { title: 'Chuyên đề', dataIndex: 'topic', render: (v: string | null) => v ?? '—' },
              { title: 'Loại', dataIndex: 'programmeType', width: 170, render: (t: InstructorDetail['sessions'][number]['programmeType']) => <ProgrammeTypeTag type={t} /> },
            ]}
          />
          {i.otherSessions > 0 && (
            <p style={{ color: '#5b6472' }}>Và {formatNumberVi(i.otherSessions)} buổi ở các lớp ngoài phạm vi của bạn.</p>
          )}
          <InstructorFormDrawer open={editing} instructor={i} onClose={() => setEditing(false)} onSaved={() => void refetch()} />
        </>
      )}
    </Drawer>
  );
}
