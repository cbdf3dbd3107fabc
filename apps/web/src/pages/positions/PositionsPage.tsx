/** "Vị trí việc làm": national positions, the province's and the commune's own, with requirements. */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Table, Tag, Typography, type TableProps } from 'antd';
import {
  BLOC_LABELS,
  EDU_LEVEL_LABELS,
  OFFICIAL_TYPE_LABELS,
  PROGRAMME_TYPE_LABELS,
  STUDY_FIELD_LABELS,
  TRAINING_FIELD_LABELS,
  type PositionItem,
} from '@app/shared';
import { useSearchParams } from 'react-router-dom';
import { hasPermission, useCurrentUser } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { totalText } from '../../components/TableFooter.tsx';
import { CommunePicker, communeOf } from '../officials/CommunePicker.tsx';
import { foldVi } from '../officials/labels.tsx';
import { usePositions } from '../officials/officialsApi.ts';
import { PositionDrawer, type PositionLevel } from './PositionDrawer.tsx';

const LEVELS: Record<PositionLevel, { label: string; color: string }> = {
  national: { label: 'Trung ương', color: 'blue' },
  province: { label: 'Cấp tỉnh', color: 'purple' },
  commune: { label: 'Cấp xã', color: 'green' },
};

const list = (values: string[], labels: Record<string, string>) =>
  values.length === 0 ? <span style={{ color: '#8c8c8c' }}>Không yêu cầu</span> : values.map((v) => labels[v] ?? v).join('; ');

export default function PositionsPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const picked = params.get('commune') ?? undefined;
  const commune = communeOf(me, picked);
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<PositionLevel | undefined>();
  const [target, setTarget] = useState<PositionItem | 'new' | null>(null);
  const { data, isPending, error, refetch } = usePositions(commune);

  const myLevel: PositionLevel | null = me.scope.communeCode
    ? 'commune'
    : me.scope.provinceCode
      ? 'province'
      : me.scope.level === 'nation'
        ? 'national'
        : null;
  const canAdd = hasPermission(me, 'positions.manage') && myLevel !== null;
  const items = (data?.items ?? []).filter((p) => (!level || p.level === level) && (!q || foldVi(p.name).includes(foldVi(q))));

  const columns: TableProps<PositionItem>['columns'] = [
    {
      title: 'Vị trí việc làm',
      key: 'name',
      width: 260,
      render: (_, p) => (
        <>
          <div style={{ fontWeight: 500 }}>{p.name}</div>
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>Mã {p.code}</div>
        </>
      ),
    },
    { title: 'Cấp', dataIndex: 'level', width: 110, render: (l: PositionLevel) => <Tag color={LEVELS[l].color}>{LEVELS[l].label}</Tag> },
    {
      title: 'Khối, loại',
      key: 'bloc',
      width: 170,
      render: (_, p) =>
        [p.bloc && BLOC_LABELS[p.bloc], p.officialType && OFFICIAL_TYPE_LABELS[p.officialType], p.isLeader && 'Lãnh đạo, quản lý']
          .filter(Boolean)
          .join(' · ') || 'Mọi khối',
    },
    {
      title: 'Trình độ tối thiểu',
      dataIndex: 'requiredEduLevel',
      width: 130,
      render: (e: PositionItem['requiredEduLevel']) => (e ? EDU_LEVEL_LABELS[e] : 'Không yêu cầu'),
    },
    { title: 'Chuyên ngành phù hợp', key: 'fields', width: 240, render: (_, p) => list(p.requiredStudyFields, STUDY_FIELD_LABELS) },
    { title: 'Chương trình bắt buộc', key: 'programmes', width: 260, render: (_, p) => list(p.requiredProgrammes, PROGRAMME_TYPE_LABELS) },
    { title: 'Lĩnh vực bồi dưỡng', key: 'training', width: 240, render: (_, p) => list(p.trainingFields, TRAINING_FIELD_LABELS) },
    {
      title: 'Trạng thái',
      dataIndex: 'active',
      width: 110,
      render: (a: boolean) => (a ? <Tag color="green">Đang dùng</Tag> : <Tag>Ngừng dùng</Tag>),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 90,
      render: (_, p) =>
        p.canEdit ? (
          <Button size="small" onClick={() => setTarget(p)} aria-label={`Sửa ${p.name}`}>
            Sửa
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Vị trí việc làm
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
        Danh mục vị trí việc làm dùng cho hồ sơ cán bộ, công chức. Yêu cầu trình độ và chuyên ngành được dùng để tính “đáp ứng yêu cầu
        chuyên môn”; vị trí cấp trung ương do Bộ Nội vụ quản lý, tỉnh và xã bổ sung vị trí của mình.
      </Typography.Paragraph>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div className="table-toolbar">
        <Input.Search
          placeholder="Tìm theo tên vị trí"
          aria-label="Tìm theo tên vị trí"
          allowClear
          className="toolbar-search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <CommunePicker
          me={me}
          value={{ province: params.get('province') ?? undefined, commune: picked }}
          onChange={(p) =>
            setParams(() => {
              const next = new URLSearchParams();
              if (p.province) next.set('province', p.province);
              if (p.commune) next.set('commune', p.commune);
              return next;
            })
          }
        />
        <Select<PositionLevel>
          aria-label="Lọc theo cấp"
          placeholder="Cấp: tất cả"
          allowClear
          style={{ width: 160 }}
          value={level}
          onChange={setLevel}
          options={Object.entries(LEVELS).map(([value, l]) => ({ value: value as PositionLevel, label: l.label }))}
        />
        {canAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} style={{ marginLeft: 'auto' }}>
            Thêm vị trí
          </Button>
        )}
      </div>
      <Table<PositionItem>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={items}
        columns={columns}
        scroll={{ x: 'max-content' }}
        title={() => totalText(items.length)}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{
          emptyText:
            q || level
              ? 'Không có vị trí nào khớp điều kiện lọc. Hãy bỏ bớt bộ lọc.'
              : canAdd
                ? 'Chưa có vị trí việc làm nào. Bấm “Thêm vị trí” để bắt đầu.'
                : 'Chưa có vị trí việc làm nào.',
        }}
      />
      {canAdd && myLevel && (
        <PositionDrawer
          target={target}
          level={myLevel}
          communeCode={me.scope.communeCode}
          provinceCode={me.scope.provinceCode}
          onClose={() => setTarget(null)}
        />
      )}
    </>
  );
}
