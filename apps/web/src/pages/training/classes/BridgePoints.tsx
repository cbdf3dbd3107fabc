/** Bridge points (điểm cầu) of an online or blended class: list, add, remove (SPEC §5). */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Table } from 'antd';
import { BRIDGE_POINT_LEVEL_LABELS, BRIDGE_POINT_LEVELS, type BridgePointItem, type BridgePointLevel, type ClassDetail } from '@app/shared';
import { api, errorMessage } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../api/forms.ts';
import type { CommuneList, ProvinceList } from '../../../api/types.ts';
import { SaveError } from '../common.tsx';
import { options } from '../labels.tsx';
import { keys } from '../trainingApi.ts';

interface Values {
  level: BridgePointLevel;
  name?: string;
  provinceCode?: string;
  communeCode?: string;
  address?: string;
}

export function BridgePoints({ cls }: { cls: ClassDetail }) {
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();
  const level = Form.useWatch('level', form);
  const province = Form.useWatch('provinceCode', form);
  const provinces = useQuery({ queryKey: ['units', 'provinces'], queryFn: () => api.get<ProvinceList>('/api/units/provinces'), enabled: adding });
  const communes = useQuery({
    queryKey: ['units', 'communes', province ?? '', '', '', ''],
    queryFn: () => api.get<CommuneList>(`/api/units/provinces/${province ?? ''}/communes`),
    enabled: adding && level === 'xa' && Boolean(province),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: [...keys.classes, 'detail', cls.id] });
  const add = useMutation({
    mutationFn: (v: Values) =>
      api.post<BridgePointItem>(`/api/classes/${cls.id}/bridge-points`, {
        level: v.level,
        name: v.name?.trim() || null,
        provinceCode: v.level === 'trung_uong' ? null : (v.provinceCode ?? null),
        communeCode: v.level === 'xa' ? (v.communeCode ?? null) : null,
        address: v.address?.trim() || null,
      }),
    onSuccess: async (b) => {
      message.success(`Đã thêm ${b.name}.`);
      setAdding(false);
      await refresh();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });
  const remove = useMutation({
    mutationFn: (b: BridgePointItem) => api.delete(`/api/classes/${cls.id}/bridge-points/${b.id}`),
    onSuccess: async () => {
      message.success('Đã xóa điểm cầu.');
      await refresh();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const provinceName = (code: string | null) => provinces.data?.items.find((p) => p.code === code)?.fullName ?? code;

  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, margin: '20px 0 8px' }}>
        <h3 style={{ fontSize: 16, margin: 0, flex: '1 1 auto' }}>Điểm cầu ({cls.bridgePoints.length})</h3>
        {cls.actions.canEdit && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              setError(null);
              form.resetFields();
              form.setFieldsValue({ level: 'xa', provinceCode: cls.provinceCode ?? undefined });
              setAdding(true);
            }}
          >
            Thêm điểm cầu
          </Button>
        )}
      </div>
      <Table<BridgePointItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={cls.bridgePoints}
        scroll={{ x: 560 }}
        locale={{ emptyText: 'Lớp trực tuyến chưa có điểm cầu. Thêm điểm cầu trung ương, tỉnh hoặc xã để học viên biết nơi tham dự.' }}
        columns={[
          { title: 'Điểm cầu', dataIndex: 'name' },
          { title: 'Cấp', dataIndex: 'level', render: (l: BridgePointLevel) => BRIDGE_POINT_LEVEL_LABELS[l] },
          { title: 'Địa chỉ', dataIndex: 'address', render: (v: string | null) => v ?? '—' },
          ...(cls.actions.canEdit
            ? [
                {
                  title: 'Thao tác',
                  key: 'a',
                  width: 90,
                  render: (_: unknown, b: BridgePointItem) => (
                    <Button
                      size="small"
                      danger
                      onClick={() =>
                        modal.confirm({
                          title: `Xóa ${b.name}?`,
                          content: 'Chỉ xóa được điểm cầu chưa có học viên.',
                          okText: 'Xóa',
                          okButtonProps: { danger: true },
                          cancelText: 'Hủy',
                          onOk: () => remove.mutateAsync(b).catch(() => undefined),
                        })
                      }
                    >
                      Xóa
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal title="Thêm điểm cầu" open={adding} onCancel={() => setAdding(false)} onOk={() => form.submit()} okText="Lưu" cancelText="Hủy" confirmLoading={add.isPending} destroyOnHidden>
        <SaveError error={error} />
        <Form<Values> form={form} name="bridge-point" layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item label="Cấp điểm cầu" name="level" rules={[{ required: true }]}>
            <Select options={options(BRIDGE_POINT_LEVELS, BRIDGE_POINT_LEVEL_LABELS)} />
          </Form.Item>
          {level !== 'trung_uong' && (
            <Form.Item label="Tỉnh, thành phố" name="provinceCode" rules={[{ required: true, message: 'Chọn tỉnh' }]}>
              <Select showSearch optionFilterProp="label" options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: provinceName(p.code) }))} />
            </Form.Item>
          )}
          {level === 'xa' && (
            <Form.Item label="Xã, phường" name="communeCode" rules={[{ required: true, message: 'Chọn xã' }]}>
              <Select showSearch optionFilterProp="label" loading={communes.isFetching} options={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: c.fullName }))} />
            </Form.Item>
          )}
          <Form.Item label="Tên điểm cầu" name="name" extra={level === 'trung_uong' ? 'Bắt buộc với điểm cầu trung ương.' : 'Để trống: "Điểm cầu <tên tỉnh/xã>".'}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item label="Địa chỉ" name="address">
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
