/**
 * The edit form of one material (/quan-ly-hoc-lieu → "Sửa"): metadata through PATCH /api/library/materials/:id, a new
 * file version through the upload route, and the version history. Only what changed is sent; every save makes a new
 * version back in draft (the server's rule), which the form says before saving. Server validation messages land on
 * their fields.
 */
import { useEffect, useMemo } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Form, Input, Select, Skeleton, Space, Tag, Timeline, Typography, Upload } from 'antd';
import {
  LIBRARY_STATUS_LABELS,
  LIBRARY_TYPES,
  LIBRARY_TYPE_LABELS,
  LIBRARY_VERSION_ACTION_LABELS,
  PROGRAMME_TYPES,
  PROGRAMME_TYPE_LABELS,
  REGION_TYPES,
  REGION_TYPE_LABELS,
  TRAINING_FIELDS,
  TRAINING_FIELD_LABELS,
  formatDateTimeVi,
  type LibraryMaterialDetail,
} from '@app/shared';
import { api, ApiError, errorMessage } from '../../api/client.ts';
import { useDrawerSize } from '../../layout/useMediaQuery.ts';
import { usePositions } from '../officials/officialsApi.ts';
import { uploadMaterialFile, useMaterial } from './libraryApi.ts';

interface EditValues {
  type: LibraryMaterialDetail['type'];
  title: string;
  summary: string;
  fields: string[];
  positions: string[];
  regionTypes: string[];
  programmeTypes: string[];
  licence: string;
  scope: 'national' | 'province';
  bodyText: string;
  note: string;
}

function valuesOf(m: LibraryMaterialDetail): EditValues {
  return {
    type: m.type,
    title: m.title,
    summary: m.summary,
    fields: m.fields,
    positions: m.positions,
    regionTypes: m.regionTypes,
    programmeTypes: m.programmeTypes,
    licence: m.licence,
    scope: m.provinceCode ? 'province' : 'national',
    bodyText: m.bodyText ?? '',
    note: '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const MB = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/** The PATCH body: only the fields whose value differs from the material's. */
export function patchOf(m: LibraryMaterialDetail, v: EditValues, myProvince: string | null): Record<string, unknown> {
  const before = valuesOf(m);
  const out: Record<string, unknown> = {};
  for (const k of ['type', 'title', 'summary', 'fields', 'positions', 'regionTypes', 'programmeTypes', 'licence'] as const) {
    const next = typeof v[k] === 'string' ? (v[k] as string).trim() : (v[k] ?? []);
    if (!same(next, before[k])) out[k] = next;
  }
  if (v.scope !== before.scope) out.provinceCode = v.scope === 'national' ? null : (m.provinceCode ?? myProvince);
  if (m.bodyText !== null && v.bodyText !== before.bodyText) out.bodyText = v.bodyText;
  return out;
}

export default function MaterialEditDrawer({
  id,
  myProvince,
  onClose,
}: {
  id: string | null;
  myProvince: string | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const drawerSize = useDrawerSize(720);
  const material = useMaterial(id ?? '', Boolean(id));
  const m = material.data;
  const positions = usePositions(undefined, Boolean(id));
  const positionOptions = useMemo(() => {
    const known = new Map((positions.data?.items ?? []).map((p) => [p.code, p.name]));
    for (const code of m?.positions ?? []) if (!known.has(code)) known.set(code, code);
    return [...known].map(([value, label]) => ({ value, label }));
  }, [positions.data, m?.positions]);

  useEffect(() => {
    if (m) form.setFieldsValue(valuesOf(m));
  }, [m, form]);

  const refresh = () => void qc.invalidateQueries({ queryKey: ['library'] });
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<{ id: string }>(`/api/library/materials/${id}`, body),
    onSuccess: () => {
      void message.success('Đã lưu thay đổi; học liệu trở về bản nháp chờ duyệt lại');
      form.setFieldValue('note', '');
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length > 0) {
        form.setFields(
          e.fields.map((f) => ({ name: (f.field === 'provinceCode' ? 'scope' : f.field) as keyof EditValues, errors: [f.message] })),
        );
      }
      void message.error(errorMessage(e));
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => uploadMaterialFile(id!, file),
    onSuccess: () => {
      void message.success('Đã tải phiên bản tệp mới; học liệu trở về bản nháp chờ duyệt');
      refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const onFinish = (v: EditValues) => {
    if (!m) return;
    const body = patchOf(m, v, myProvince);
    if (Object.keys(body).length === 0) {
      void message.info('Chưa có thay đổi nào để lưu');
      return;
    }
    save.mutate({ ...body, ...(v.note.trim() ? { note: v.note.trim() } : {}) });
  };

  return (
    <Drawer
      title={m ? `Sửa học liệu: ${m.title}` : 'Sửa học liệu'}
      open={Boolean(id)}
      onClose={onClose}
      size={drawerSize}
      destroyOnHidden
      extra={
        m?.can.edit && (
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
            Lưu thay đổi
          </Button>
        )
      }
    >
      {material.isLoading && <Skeleton active />}
      {material.isError && <Alert type="error" showIcon message={errorMessage(material.error)} />}
      {m && !m.can.edit && <Alert type="warning" showIcon message="Bạn không có quyền sửa học liệu này." />}
      {m?.can.edit && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={m.status === 'published' ? 'green' : m.status === 'approved' ? 'blue' : 'orange'}>
              {LIBRARY_STATUS_LABELS[m.status]}
            </Tag>
            <Typography.Text type="secondary" data-testid="edit-version">
              Phiên bản {m.version} · cập nhật {formatDateTimeVi(m.updatedAt)}
            </Typography.Text>
          </Space>
          <Alert
            type={m.status === 'draft' ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            message={
              m.status === 'draft'
                ? 'Mỗi lần lưu tạo một phiên bản mới trong lịch sử.'
                : `Học liệu đang ở trạng thái "${LIBRARY_STATUS_LABELS[m.status]}". Lưu thay đổi sẽ tạo phiên bản mới và đưa học liệu về bản nháp; cần duyệt và công bố lại.`
            }
          />
          <Form<EditValues> form={form} name="edit-material" layout="vertical" onFinish={onFinish} initialValues={valuesOf(m)}>
            <Form.Item
              name="title"
              label="Tiêu đề"
              rules={[{ required: true, whitespace: true, min: 3, message: 'Tiêu đề cần ít nhất 3 ký tự' }]}
            >
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="type" label="Loại học liệu" rules={[{ required: true, message: 'Chọn loại học liệu' }]}>
              <Select options={LIBRARY_TYPES.map((t) => ({ value: t, label: LIBRARY_TYPE_LABELS[t] }))} />
            </Form.Item>
            <Form.Item name="summary" label="Tóm tắt">
              <Input.TextArea rows={3} maxLength={3000} showCount />
            </Form.Item>
            <Form.Item name="fields" label="Lĩnh vực">
              <Select mode="multiple" allowClear options={TRAINING_FIELDS.map((f) => ({ value: f, label: TRAINING_FIELD_LABELS[f] }))} />
            </Form.Item>
            <Form.Item name="positions" label="Vị trí việc làm phù hợp" extra="Để trống: phù hợp với mọi vị trí.">
              <Select
                mode="multiple"
                allowClear
                showSearch
                optionFilterProp="label"
                loading={positions.isLoading}
                options={positionOptions}
              />
            </Form.Item>
            <Form.Item name="regionTypes" label="Loại địa bàn" extra="Để trống: mọi địa bàn.">
              <Select mode="multiple" allowClear options={REGION_TYPES.map((r) => ({ value: r, label: REGION_TYPE_LABELS[r] }))} />
            </Form.Item>
            <Form.Item name="programmeTypes" label="Gắn với loại chương trình bồi dưỡng">
              <Select mode="multiple" allowClear options={PROGRAMME_TYPES.map((p) => ({ value: p, label: PROGRAMME_TYPE_LABELS[p] }))} />
            </Form.Item>
            <Form.Item name="licence" label="Giấy phép, nguồn">
              <Input maxLength={300} placeholder="Ví dụ: Bộ Nội vụ, dùng cho mục đích bồi dưỡng" />
            </Form.Item>
            <Form.Item name="scope" label="Phạm vi dùng">
              <Select
                options={[
                  { value: 'national', label: 'Dùng chung toàn quốc', disabled: Boolean(myProvince) },
                  {
                    value: 'province',
                    label: m.provinceCode ? `Chỉ trong tỉnh ${m.provinceCode}` : 'Chỉ trong tỉnh của tôi',
                    disabled: !myProvince && !m.provinceCode,
                  },
                ]}
              />
            </Form.Item>
            {m.bodyText !== null && (
              <Form.Item name="bodyText" label="Nội dung" extra="Viết theo Điều, khoản hoặc mục đánh số để trợ lý trích dẫn được.">
                <Input.TextArea rows={8} maxLength={200_000} />
              </Form.Item>
            )}
            <Form.Item name="note" label="Ghi chú thay đổi (ghi vào lịch sử phiên bản)">
              <Input maxLength={500} placeholder="Ví dụ: Sửa tiêu đề theo văn bản mới" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              Lưu thay đổi
            </Button>
          </Form>

          <Card size="small" title="Tệp học liệu" style={{ marginTop: 24 }}>
            <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 8 }}>
              <Typography.Text data-testid="edit-file">
                {m.fileName ? `${m.fileName}${m.sizeBytes ? ` · ${MB(m.sizeBytes)}` : ''}` : 'Chưa có tệp (nội dung nhập trực tiếp).'}
              </Typography.Text>
              <Upload
                showUploadList={false}
                accept={m.type === 'video' ? 'video/mp4' : m.type === 'slides' ? '.pptx,.pdf' : '.pdf,.docx'}
                beforeUpload={(file) => {
                  upload.mutate(file);
                  return false;
                }}
              >
                <Button loading={upload.isPending}>{m.fileName ? 'Tải phiên bản tệp mới' : 'Tải tệp lên'}</Button>
              </Upload>
              <Typography.Text type="secondary">
                {m.type === 'video' ? 'Video MP4, tối đa 200 MB.' : 'PDF hoặc DOCX (bài giảng: PPTX hoặc PDF), tối đa 30 MB.'}
              </Typography.Text>
            </div>
          </Card>

          <Card size="small" title="Lịch sử phiên bản" style={{ marginTop: 16 }}>
            <Timeline
              data-testid="edit-history"
              items={m.versions.map((v) => ({
                children: (
                  <span>
                    <b>Phiên bản {v.version}</b> · {LIBRARY_VERSION_ACTION_LABELS[v.action] ?? v.action} · {v.byName} ·{' '}
                    {formatDateTimeVi(v.at)}
                    {v.note ? ` — ${v.note}` : ''}
                  </span>
                ),
              }))}
            />
          </Card>
        </>
      )}
    </Drawer>
  );
}
