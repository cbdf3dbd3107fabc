/** "Chuyển công tác" to another commune (province or national admins); the whole history is kept. */
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { OfficialDetail } from '@app/shared';
import { api } from '../../api/client.ts';
import { useProvinces } from '../units/unitsApi.ts';
import { useProvinceCommunes } from '../users/usersApi.ts';
import { useRecordAction, type ModalProps } from './ActionModals.tsx';
import { filterOption } from './labels.tsx';
import { DATE_FORMAT } from './OfficialFormFields.tsx';
import { useCommuneUnits, usePositions } from './officialsApi.ts';

interface TransferValues {
  provinceCode: string;
  communeCode: string;
  unitId?: number;
  positionId?: number;
  fromDate: Dayjs;
  reason?: string;
}

export function TransferModal(p: ModalProps & { national: boolean }) {
  const { official } = p;
  const { form, mutation, errorBox } = useRecordAction<TransferValues>(
    p,
    (v) =>
      api.post<OfficialDetail>(`/api/officials/${official.id}/transfer`, {
        communeCode: v.communeCode,
        unitId: v.unitId ?? null,
        positionId: v.positionId ?? null,
        fromDate: v.fromDate.format('YYYY-MM-DD'),
        reason: v.reason?.trim() || undefined,
        version: official.version,
      }),
    'Đã chuyển công tác; lịch sử công tác được giữ nguyên.',
  );
  const province = Form.useWatch('provinceCode', form) ?? official.provinceCode;
  const commune = Form.useWatch('communeCode', form);
  const provinces = useProvinces(p.national && p.open);
  const communes = useProvinceCommunes(province, p.open);
  const units = useCommuneUnits(commune);
  const positions = usePositions(commune, Boolean(commune));

  return (
    <Modal
      title={`Chuyển công tác — ${official.fullName}`}
      open={p.open}
      onCancel={p.onClose}
      okText="Chuyển công tác"
      cancelText="Hủy"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {errorBox}
      <p style={{ marginTop: 0 }}>
        Đang công tác tại: {official.communeName}. Công tác ở xã cũ kết thúc vào ngày trước ngày chuyển; hồ sơ và lịch sử đi theo người.
      </p>
      <Form<TransferValues>
        name="transfer"
        form={form}
        layout="vertical"
        initialValues={{ provinceCode: official.provinceCode, fromDate: dayjs() }}
        onFinish={(v) => mutation.mutate(v)}
      >
        {p.national && (
          <Form.Item
            label="Tỉnh, thành phố chuyển đến"
            name="provinceCode"
            rules={[{ required: true, message: 'Vui lòng chọn tỉnh, thành phố' }]}
          >
            <Select
              showSearch={{ filterOption }}
              onChange={() => form.setFieldsValue({ communeCode: undefined, unitId: undefined, positionId: undefined })}
              options={(provinces.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label="Xã, phường chuyển đến"
          name="communeCode"
          rules={[{ required: true, message: 'Vui lòng chọn xã, phường chuyển đến' }]}
        >
          <Select
            showSearch={{ filterOption }}
            placeholder="Chọn xã, phường"
            loading={communes.isPending}
            onChange={() => form.setFieldsValue({ unitId: undefined, positionId: undefined })}
            options={(communes.data?.items ?? [])
              .filter((c) => c.code !== official.communeCode)
              .map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item label="Cơ quan, đơn vị mới" name="unitId">
          <Select
            allowClear
            disabled={!commune}
            showSearch={{ filterOption }}
            placeholder={commune ? 'Chọn cơ quan, đơn vị' : 'Chọn xã trước'}
            options={(units.data?.units ?? []).filter((u) => !u.validTo).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label="Vị trí việc làm mới" name="positionId">
          <Select
            allowClear
            disabled={!commune}
            showSearch={{ filterOption }}
            placeholder={commune ? 'Chọn vị trí việc làm' : 'Chọn xã trước'}
            options={(positions.data?.items ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }))}
          />
        </Form.Item>
        <Form.Item label="Ngày chuyển" name="fromDate" rules={[{ required: true, message: 'Vui lòng nhập ngày chuyển (dd/mm/yyyy)' }]}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="Lý do, số quyết định" name="reason" rules={[{ max: 500, message: 'Tối đa 500 ký tự' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
