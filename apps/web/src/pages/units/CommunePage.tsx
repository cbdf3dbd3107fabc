/** Level 3: one commune, its details, region type (province admin) and its units (commune admin). */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Skeleton, Table, Tag, Typography } from 'antd';
import { BLOC_LABELS, COMMUNE_TYPE_LABELS, formatDateVi, formatNumberVi, REGION_TYPE_LABELS, type Bloc, type UnitItem } from '@app/shared';
import { useParams } from 'react-router-dom';
import { useServerToday } from '../../api/auth.ts';
import { api, errorMessage } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { totalText } from '../../components/TableFooter.tsx';
import { AddUnitDrawer } from './AddUnitDrawer.tsx';
import { RegionTypeForm } from './RegionTypeForm.tsx';
import { UnitsBreadcrumb } from './UnitsBreadcrumb.tsx';
import { unitKeys, useCommune } from './unitsApi.ts';

function validity(u: UnitItem, today: string) {
  if (u.validTo && u.validTo <= today) return <Tag color="default">Đã lưu trữ từ {formatDateVi(u.validTo)}</Tag>;
  return (
    <span>
      <Tag color="green">Đang hiệu lực</Tag>
      <span style={{ color: '#5b6472' }}>từ {formatDateVi(u.validFrom)}</span>
    </span>
  );
}

export default function CommunePage() {
  const { code } = useParams();
  const { data, isPending, error, refetch } = useCommune(code);
  const today = useServerToday();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [adding, setAdding] = useState(false);

  const archive = useMutation({
    mutationFn: (u: UnitItem) => api.patch<UnitItem>(`/api/units/units/${u.id}`, { validTo: today, version: u.version }),
    onSuccess: async (u) => {
      message.success(`Đã lưu trữ đơn vị “${u.name}”.`);
      await qc.invalidateQueries({ queryKey: unitKeys.commune(code ?? '') });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const confirmArchive = (u: UnitItem) =>
    modal.confirm({
      title: `Lưu trữ đơn vị “${u.name}”?`,
      content: `Đơn vị sẽ hết hiệu lực từ ngày ${formatDateVi(today)} và không còn được chọn khi thêm cán bộ, công chức mới. Dữ liệu đã có của đơn vị vẫn được giữ lại để tra cứu.`,
      okText: 'Lưu trữ',
      cancelText: 'Hủy',
      okButtonProps: { danger: true },
      onOk: () => archive.mutateAsync(u).catch(() => undefined),
    });

  if (isPending) return <Skeleton active />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const { commune, provinceName, units, canEditRegionType, canManageUnits } = data;
  const archivable = (u: UnitItem) => !u.isDefault && !(u.validTo && u.validTo <= today);
  const showActions = canManageUnits && units.some(archivable);

  return (
    <>
      <UnitsBreadcrumb province={{ code: commune.provinceCode, name: provinceName }} commune={{ name: commune.name }} />
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {commune.fullName}
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'code', label: 'Mã', children: commune.code },
            { key: 'full', label: 'Tên đầy đủ', children: commune.fullName },
            { key: 'type', label: 'Loại', children: COMMUNE_TYPE_LABELS[commune.type] },
            { key: 'prov', label: 'Tỉnh, thành phố', children: provinceName },
            { key: 'region', label: 'Loại vùng', children: REGION_TYPE_LABELS[commune.regionType] },
            { key: 'area', label: 'Khu vực', children: commune.areaClass ? `Khu vực ${commune.areaClass}` : 'Không thuộc' },
            {
              key: 'km2',
              label: 'Diện tích',
              children: commune.areaKm2 === null ? 'Chưa có số liệu' : `${formatNumberVi(commune.areaKm2, 1)} km²`,
            },
            { key: 'from', label: 'Hiệu lực từ', children: formatDateVi(commune.validFrom) },
          ]}
        />
      </Card>
      {canEditRegionType && <RegionTypeForm commune={commune} onReload={refetch} />}
      <Card
        size="small"
        title="Cơ quan, đơn vị trong xã"
        extra={
          canManageUnits && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              Thêm đơn vị
            </Button>
          )
        }
      >
        <Table<UnitItem>
          rowKey="id"
          size="middle"
          dataSource={units}
          pagination={false}
          scroll={{ x: 'max-content' }}
          title={() => totalText(units.length)}
          locale={{
            emptyText: canManageUnits
              ? 'Xã chưa có cơ quan, đơn vị nào. Bấm “Thêm đơn vị” để bắt đầu.'
              : 'Xã chưa có cơ quan, đơn vị nào. Quản trị cấp xã có thể thêm đơn vị.',
          }}
          columns={[
            {
              title: 'Tên đơn vị',
              dataIndex: 'name',
              render: (name: string, u) =>
                u.parentId ? (
                  <span className="unit-child">
                    <span aria-hidden="true" className="unit-branch">
                      └
                    </span>
                    {name}
                  </span>
                ) : (
                  name
                ),
            },
            { title: 'Khối', dataIndex: 'bloc', render: (b: Bloc) => BLOC_LABELS[b] },
            {
              title: 'Nguồn',
              dataIndex: 'isDefault',
              render: (d: boolean) => (d ? <Tag color="blue">Mặc định</Tag> : <Tag>Do xã thêm</Tag>),
            },
            { title: 'Hiệu lực', key: 'valid', render: (_, u) => validity(u, today) },
            ...(showActions
              ? [
                  {
                    title: 'Thao tác',
                    key: 'actions',
                    render: (_: unknown, u: UnitItem) =>
                      archivable(u) ? (
                        <Button size="small" danger onClick={() => confirmArchive(u)}>
                          Lưu trữ
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {canManageUnits && <AddUnitDrawer communeCode={commune.code} open={adding} onClose={() => setAdding(false)} />}
    </>
  );
}
