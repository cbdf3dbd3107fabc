/** /quan-ly-hoc-lieu: staff add materials, edit them (drawer), upload files, and review: approve → publish, return, withdraw. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import {
  LIBRARY_STATUSES,
  LIBRARY_STATUS_LABELS,
  LIBRARY_TYPES,
  LIBRARY_TYPE_LABELS,
  TRAINING_FIELDS,
  TRAINING_FIELD_LABELS,
  formatDateTimeVi,
  type LibraryMaterialSummary,
} from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { useMe } from '../../api/auth.ts';
import { uploadMaterialFile, useManagedMaterials } from './libraryApi.ts';
import MaterialEditDrawer from './MaterialEditDrawer.tsx';

interface NewMaterial {
  type: (typeof LIBRARY_TYPES)[number];
  title: string;
  summary?: string;
  fields?: string[];
  national: 'national' | 'province';
  bodyText?: string;
}

export default function LibraryManagePage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [form] = Form.useForm<NewMaterial>();
  const list = useManagedMaterials(status, q);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['library'] });
  const canManage = me.data?.permissions.includes('library.manage') ?? false;
  const canReview = me.data?.permissions.includes('library.review') ?? false;
  const provinceCode = me.data?.scope.provinceCode ?? null;

  const create = useMutation({
    mutationFn: (v: NewMaterial) =>
      api.post<{ id: string }>('/api/library/materials', {
        type: v.type,
        title: v.title,
        summary: v.summary ?? '',
        fields: v.fields ?? [],
        bodyText: v.bodyText ?? '',
        provinceCode: v.national === 'national' ? null : provinceCode,
      }),
    onSuccess: () => {
      void message.success('Đã tạo bản nháp học liệu');
      setOpen(false);
      form.resetFields();
      refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const review = useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: string; note?: string }) =>
      api.post(`/api/library/materials/${id}/review`, { action, note }),
    onSuccess: () => {
      void message.success('Đã cập nhật trạng thái');
      refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const askReturn = (id: string) => {
    let note = '';
    Modal.confirm({
      title: 'Trả lại học liệu',
      content: <Input.TextArea aria-label="Lý do trả lại" rows={3} onChange={(e) => (note = e.target.value)} />,
      okText: 'Trả lại',
      cancelText: 'Hủy',
      onOk: () => review.mutateAsync({ id, action: 'return', note }),
    });
  };

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={3}>Quản lý học liệu</Typography.Title>
        {canManage && (
          <Button type="primary" onClick={() => setOpen(true)}>
            Thêm học liệu
          </Button>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="Tìm theo tên"
          placeholder="Tìm theo tên, nội dung"
          allowClear
          onSearch={(v) => setQ(v.trim())}
          style={{ width: 280 }}
        />
        <Select
          aria-label="Trạng thái"
          allowClear
          placeholder="Mọi trạng thái"
          style={{ width: 200 }}
          value={status}
          onChange={(v: string | undefined) => setStatus(v)}
          options={LIBRARY_STATUSES.map((s) => ({ value: s, label: LIBRARY_STATUS_LABELS[s] }))}
        />
      </Space>
      <Table<LibraryMaterialSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 900 }}
        columns={[
          { title: 'Tên học liệu', dataIndex: 'title', render: (t: string, r) => <Link to={`/hoc-lieu/${r.id}`}>{t}</Link> },
          { title: 'Loại', dataIndex: 'type', width: 150, render: (t: LibraryMaterialSummary['type']) => LIBRARY_TYPE_LABELS[t] },
          { title: 'Phạm vi', dataIndex: 'provinceCode', width: 110, render: (p: string | null) => (p ? `Tỉnh ${p}` : 'Toàn quốc') },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            width: 140,
            render: (s: LibraryMaterialSummary['status']) => (
              <Tag color={s === 'published' ? 'green' : s === 'approved' ? 'blue' : 'orange'}>{LIBRARY_STATUS_LABELS[s]}</Tag>
            ),
          },
          { title: 'PB', dataIndex: 'version', width: 50 },
          { title: 'Cập nhật', dataIndex: 'updatedAt', width: 140, render: (d: string) => formatDateTimeVi(d) },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 280,
            render: (_: unknown, r) => (
              <Space wrap size={4}>
                {canManage && (
                  <Button size="small" onClick={() => setEditing(r.id)}>
                    Sửa
                  </Button>
                )}
                {canManage && (
                  <Upload
                    showUploadList={false}
                    beforeUpload={(file) => {
                      uploadMaterialFile(r.id, file)
                        .then(() => {
                          void message.success('Đã tải tệp lên; học liệu trở về bản nháp chờ duyệt');
                          refresh();
                        })
                        .catch((e: unknown) => void message.error(errorMessage(e)));
                      return false;
                    }}
                  >
                    <Button size="small">{r.hasFile ? 'Thay tệp' : 'Tải tệp'}</Button>
                  </Upload>
                )}
                {canReview && r.status === 'draft' && (
                  <Button size="small" onClick={() => review.mutate({ id: r.id, action: 'approve' })}>
                    Duyệt
                  </Button>
                )}
                {canReview && r.status === 'approved' && (
                  <Button size="small" type="primary" onClick={() => review.mutate({ id: r.id, action: 'publish' })}>
                    Công bố
                  </Button>
                )}
                {canReview && r.status !== 'published' && (
                  <Button size="small" danger onClick={() => askReturn(r.id)}>
                    Trả lại
                  </Button>
                )}
                {canReview && r.status === 'published' && (
                  <Button size="small" onClick={() => review.mutate({ id: r.id, action: 'unpublish', note: 'Thu hồi để sửa' })}>
                    Thu hồi
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <MaterialEditDrawer id={editing} myProvince={provinceCode} onClose={() => setEditing(null)} />
      <Modal
        title="Thêm học liệu"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="Tạo bản nháp"
        cancelText="Hủy"
        confirmLoading={create.isPending}
      >
        <Form<NewMaterial>
          form={form}
          layout="vertical"
          initialValues={{ type: 'document', national: provinceCode ? 'province' : 'national' }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="type" label="Loại học liệu" rules={[{ required: true }]}>
            <Select options={LIBRARY_TYPES.map((t) => ({ value: t, label: LIBRARY_TYPE_LABELS[t] }))} />
          </Form.Item>
          <Form.Item name="title" label="Tiêu đề" rules={[{ required: true, min: 3, message: 'Tiêu đề cần ít nhất 3 ký tự' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="summary" label="Tóm tắt">
            <Input.TextArea rows={2} maxLength={3000} />
          </Form.Item>
          <Form.Item name="fields" label="Lĩnh vực">
            <Select mode="multiple" options={TRAINING_FIELDS.map((f) => ({ value: f, label: TRAINING_FIELD_LABELS[f] }))} />
          </Form.Item>
          <Form.Item name="national" label="Phạm vi dùng">
            <Select
              options={[
                { value: 'national', label: 'Dùng chung toàn quốc', disabled: !!provinceCode },
                { value: 'province', label: 'Chỉ trong tỉnh của tôi', disabled: !provinceCode },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="bodyText"
            label="Nội dung (nếu không tải tệp)"
            extra="Viết theo Điều, khoản hoặc mục đánh số để trợ lý trích dẫn được."
          >
            <Input.TextArea rows={5} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
