/** "Thêm / sửa kế hoạch": place and period, parent plan, document, targets per programme type (SPEC §5). */
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  formatNumberVi,
  PLAN_LEVEL_LABELS,
  PROGRAMME_TYPE_LABELS,
  PROGRAMME_TYPES,
  type PlanDetail,
  type PlanItem,
  type PlanLevel,
  type PlanListResponse,
  type PlanTarget,
  type ProgrammeType,
} from '@app/shared';
import { useCurrentUser } from '../../../api/auth.ts';
import { api } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../api/forms.ts';
import type { CommuneList, ProvinceList } from '../../../api/types.ts';
import { useDrawerSize } from '../../../layout/useMediaQuery.ts';
import { SaveError, useConfirmDiscard } from '../common.tsx';
import { DATE_FORMAT, fromIso, keys, toIso } from '../trainingApi.ts';
import { PHASE_OPTIONS, YEARS_OF_PHASE } from './planUtils.ts';

type TargetValues = Partial<Record<ProgrammeType | 'ALL', { classes?: number | null; attendances?: number | null }>>;
interface Values {
  level: PlanLevel;
  provinceCode?: string;
  communeCode?: string;
  phase: number;
  year?: number | null;
  title?: string;
  parentPlanId?: number | null;
  documentNo?: string;
  documentDate?: Dayjs | null;
  targets: TargetValues;
}

function toTargets(v: TargetValues): PlanTarget[] {
  const out: PlanTarget[] = [];
  for (const t of PROGRAMME_TYPES) {
    const r = v[t];
    if ((r?.classes ?? 0) > 0 || (r?.attendances ?? 0) > 0) out.push({ programmeType: t, classes: r?.classes ?? 0, attendances: r?.attendances ?? 0 });
  }
  const all = v.ALL;
  if (all && (all.classes != null || all.attendances != null)) {
    const sum = (k: 'classes' | 'attendances') => out.reduce((a, r) => a + r[k], 0);
    out.push({ programmeType: 'ALL', classes: all.classes ?? sum('classes'), attendances: all.attendances ?? sum('attendances') });
  }
  return out;
}

interface Props {
  open: boolean;
  plan: PlanDetail | null;
  onClose: () => void;
  onSaved: (p: PlanItem) => void;
}

export function PlanFormDrawer({ open, plan, onClose, onSaved }: Props) {
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const size = useDrawerSize(720);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const confirmDiscard = useConfirmDiscard();
  const [error, setError] = useState<unknown>(null);
  const level = Form.useWatch('level', form);
  const phase = Form.useWatch('phase', form);
  const watchedProvince = Form.useWatch('provinceCode', form);
  const targets = (Form.useWatch('targets', form) ?? {}) as TargetValues;
  const scope = me.scope.level;
  // The province field is only on the form for the national admin; others plan within their own province.
  const province = scope === 'nation' ? watchedProvince : me.scope.provinceCode;
  const levels: PlanLevel[] = scope === 'nation' ? ['national', 'province', 'commune'] : scope === 'province' ? ['province', 'commune'] : ['commune'];

  const provinces = useQuery({ queryKey: ['units', 'provinces'], queryFn: () => api.get<ProvinceList>('/api/units/provinces'), enabled: open && scope === 'nation' });
  const communes = useQuery({
    queryKey: ['units', 'communes', province ?? '', '', '', ''],
    queryFn: () => api.get<CommuneList>(`/api/units/provinces/${province ?? ''}/communes`),
    enabled: open && !plan && level === 'commune' && scope !== 'commune' && Boolean(province),
  });
  const parents = useQuery({
    queryKey: [...keys.plans, 'parents', phase],
    queryFn: () => api.get<PlanListResponse>('/api/plans', { phase }),
    enabled: open && Boolean(phase),
  });

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (plan) {
      const t: TargetValues = {};
      for (const r of plan.targets) t[r.programmeType] = { classes: r.classes, attendances: r.attendances };
      form.setFieldsValue({
        level: plan.level,
        phase: plan.phase,
        year: plan.year,
        title: plan.title,
        parentPlanId: plan.parentPlanId,
        documentNo: plan.documentNo ?? undefined,
        documentDate: fromIso(plan.documentDate),
        targets: t,
      });
    } else {
      form.setFieldsValue({
        level: levels[0],
        phase: 1,
        year: null,
        provinceCode: me.scope.provinceCode,
        communeCode: me.scope.communeCode,
        targets: {},
      });
    }
  }, [open, plan, form]); // levels and scope come from the session, fixed while the drawer is open

  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        parentPlanId: v.parentPlanId ?? null,
        documentNo: v.documentNo?.trim() || null,
        documentDate: toIso(v.documentDate) ?? null,
        targets: toTargets(v.targets ?? {}),
      };
      if (plan) return api.patch<PlanItem>(`/api/plans/${plan.id}`, { ...common, title: v.title?.trim() || undefined, version: plan.version });
      return api.post<PlanItem>('/api/plans', {
        ...common,
        level: v.level,
        provinceCode: v.level === 'national' ? null : (v.provinceCode ?? me.scope.provinceCode ?? null),
        communeCode: v.level === 'commune' ? (v.communeCode ?? me.scope.communeCode ?? null) : null,
        phase: v.phase,
        year: v.year ?? null,
        title: v.title?.trim() || undefined,
      });
    },
    onSuccess: async (r) => {
      message.success(plan ? 'Đã lưu kế hoạch.' : 'Đã thêm kế hoạch.');
      await qc.invalidateQueries({ queryKey: keys.plans });
      onClose();
      onSaved(r);
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  const sum = (k: 'classes' | 'attendances') => PROGRAMME_TYPES.reduce((a, t) => a + (targets[t]?.[k] ?? 0), 0);
  const close = () => confirmDiscard(form.isFieldsTouched(), onClose);
  const parentOptions = (parents.data?.items ?? []).filter((p) => p.id !== plan?.id).map((p) => ({ value: p.id, label: p.title }));
  return (
    <Drawer
      title={plan ? 'Sửa kế hoạch' : 'Thêm kế hoạch bồi dưỡng'}
      open={open}
      onClose={close}
      size={size}
      extra={
        <Space>
          <Button onClick={close}>Hủy</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            Lưu
          </Button>
        </Space>
      }
    >
      <SaveError error={error} onReload={() => { onClose(); void qc.invalidateQueries({ queryKey: keys.plans }); }} />
      <Form<Values> form={form} name={plan ? 'plan-edit' : 'plan-create'} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item label="Cấp kế hoạch" name="level" rules={[{ required: true }]}>
              <Select disabled={!!plan} options={levels.map((l) => ({ value: l, label: PLAN_LEVEL_LABELS[l] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Giai đoạn" name="phase" rules={[{ required: true }]}>
              <Select disabled={!!plan} options={PHASE_OPTIONS.map((o) => ({ value: Number(o.value), label: o.label }))} onChange={() => form.setFieldsValue({ year: null, parentPlanId: null })} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Năm" name="year">
              <Select
                disabled={!!plan}
                options={[{ value: null, label: 'Cả giai đoạn' }, ...(YEARS_OF_PHASE[phase ?? 1] ?? []).map((y) => ({ value: y, label: `Năm ${y}` }))]}
              />
            </Form.Item>
          </Col>
        </Row>
        {!plan && scope === 'nation' && level !== 'national' && (
          <Form.Item label="Tỉnh, thành phố" name="provinceCode" rules={[{ required: true, message: 'Vui lòng chọn tỉnh' }]}>
            <Select showSearch optionFilterProp="label" options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.fullName }))} />
          </Form.Item>
        )}
        {!plan && scope !== 'commune' && level === 'commune' && (
          <Form.Item label="Xã, phường, đặc khu" name="communeCode" rules={[{ required: true, message: 'Vui lòng chọn xã' }]}>
            <Select showSearch optionFilterProp="label" loading={communes.isFetching} options={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: c.fullName }))} />
          </Form.Item>
        )}
        <Form.Item label="Tên kế hoạch" name="title" extra={plan ? undefined : 'Để trống: phần mềm tự đặt tên theo cấp, nơi và kỳ kế hoạch.'}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label="Kế hoạch cấp trên" name="parentPlanId">
          <Select allowClear showSearch optionFilterProp="label" loading={parents.isFetching} options={parentOptions} placeholder="Không có" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="Số văn bản" name="documentNo">
              <Input maxLength={100} placeholder="Ví dụ: 123/KH-UBND" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="Ngày văn bản" name="documentDate">
              <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <h3 style={{ fontSize: 15, margin: '4px 0 8px' }}>Chỉ tiêu</h3>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: 520 }}
          dataSource={[...PROGRAMME_TYPES.map((t) => ({ key: t, label: PROGRAMME_TYPE_LABELS[t] })), { key: 'ALL' as const, label: 'Tổng cộng (để trống: cộng các loại)' }]}
          columns={[
            { title: 'Loại chương trình', dataIndex: 'label' },
            ...(['classes', 'attendances'] as const).map((k) => ({
              title: k === 'classes' ? 'Số lớp' : 'Số lượt người học',
              key: k,
              width: 150,
              render: (_: unknown, r: { key: ProgrammeType | 'ALL'; label: string }) => (
                <Form.Item name={['targets', r.key, k]} noStyle>
                  <InputNumber<number>
                    min={0}
                    style={{ width: '100%' }}
                    aria-label={`${k === 'classes' ? 'Số lớp' : 'Số lượt người học'} — ${r.key === 'ALL' ? 'Tổng cộng' : PROGRAMME_TYPE_LABELS[r.key]}`}
                    placeholder={r.key === 'ALL' ? formatNumberVi(sum(k)) : undefined}
                    formatter={(v) => (v === undefined || v === null ? '' : formatNumberVi(Number(v)))}
                    parser={(v) => (v ?? '').replace(/\D/g, '') as unknown as number}
                  />
                </Form.Item>
              ),
            })),
          ]}
        />
      </Form>
    </Drawer>
  );
}
