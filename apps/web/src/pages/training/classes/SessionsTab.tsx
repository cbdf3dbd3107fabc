/** "Buổi học": sessions of the class with time, place or link, topic and instructor; add, edit, delete. */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatDateVi, type ClassDetail, type ClassSessionItem } from '@app/shared';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../api/forms.ts';
import { SaveError } from '../common.tsx';
import { timeRange } from '../labels.tsx';
import { DATE_FORMAT, fromIso, keys, toIso, useInstructorOptions } from '../trainingApi.ts';

interface Values {
  date: Dayjs;
  startTime: string;
  endTime: string;
  place?: string;
  link?: string;
  topic?: string;
  instructorId?: number | null;
}
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export default function SessionsTab({ cls }: { cls: ClassDetail }) {
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState<ClassSessionItem | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();
  const instructors = useInstructorOptions(editing !== null);
  const canEdit = cls.actions.canEdit;
  const refresh = () => qc.invalidateQueries({ queryKey: keys.classes });

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        date: toIso(v.date),
        startTime: v.startTime,
        endTime: v.endTime,
        place: v.place?.trim() || null,
        link: v.link?.trim() || null,
        topic: v.topic?.trim() || null,
        instructorId: v.instructorId ?? null,
      };
      return editing && editing !== 'new'
        ? api.patch<ClassSessionItem>(`/api/classes/${cls.id}/sessions/${editing.id}`, body)
        : api.post<ClassSessionItem>(`/api/classes/${cls.id}/sessions`, body);
    },
    onSuccess: async (s) => {
      message.success(`Đã lưu buổi học ngày ${formatDateVi(s.date)}.`);
      setEditing(null);
      await refresh();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });
  const remove = useMutation({
    mutationFn: (s: ClassSessionItem) => api.delete(`/api/classes/${cls.id}/sessions/${s.id}`),
    onSuccess: async () => {
      message.success('Đã xóa buổi học.');
      await refresh();
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const open = (s: ClassSessionItem | 'new') => {
    setError(null);
    form.resetFields();
    if (s === 'new') form.setFieldsValue({ date: fromIso(cls.startDate) ?? undefined, startTime: '07:30', endTime: '11:00' });
    else form.setFieldsValue({ ...s, date: fromIso(s.date) ?? undefined, place: s.place ?? '', link: s.link ?? '', topic: s.topic ?? '' });
    setEditing(s);
  };

  return (
    <>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => open('new')}>
          Thêm buổi học
        </Button>
      )}
      <Table<ClassSessionItem>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={cls.sessions}
        scroll={{ x: 860 }}
        title={() => `Tổng số: ${cls.sessions.length} buổi`}
        locale={{
          emptyText: canEdit
            ? 'Chưa có buổi học nào. Bấm “Thêm buổi học” để lập lịch (ngày, giờ, địa điểm, giảng viên); điểm danh theo từng buổi.'
            : 'Cơ sở tổ chức chưa lập lịch buổi học.',
        }}
        columns={[
          { title: 'Ngày', dataIndex: 'date', width: 110, render: (d: string) => formatDateVi(d) },
          { title: 'Giờ', key: 't', width: 110, render: (_, s) => timeRange(s.startTime, s.endTime) },
          {
            title: 'Địa điểm / đường dẫn',
            key: 'p',
            render: (_, s) => (
              <>
                {s.place}
                {s.link && (
                  <div>
                    <a href={s.link} target="_blank" rel="noreferrer">
                      Vào lớp trực tuyến
                    </a>
                  </div>
                )}
                {!s.place && !s.link && '—'}
              </>
            ),
          },
          { title: 'Chuyên đề', dataIndex: 'topic', render: (v: string | null) => v ?? '—' },
          {
            title: 'Giảng viên',
            key: 'i',
            width: 200,
            render: (_, s) => (s.instructorId ? <Link to={`/giang-vien?id=${s.instructorId}`}>{s.instructorName}</Link> : 'Chưa phân công'),
          },
          ...(canEdit
            ? [
                {
                  title: 'Thao tác',
                  key: 'a',
                  width: 140,
                  render: (_: unknown, s: ClassSessionItem) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => open(s)} aria-label={`Sửa buổi học ngày ${formatDateVi(s.date)}`}>
                        Sửa
                      </Button>
                      <Button
                        size="small"
                        danger
                        aria-label={`Xóa buổi học ngày ${formatDateVi(s.date)}`}
                        onClick={() =>
                          modal.confirm({
                            title: `Xóa buổi học ngày ${formatDateVi(s.date)}?`,
                            content: 'Chỉ xóa được buổi học chưa điểm danh.',
                            okText: 'Xóa',
                            okButtonProps: { danger: true },
                            cancelText: 'Hủy',
                            onOk: () => remove.mutateAsync(s).catch(() => undefined),
                          })
                        }
                      >
                        Xóa
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        title={editing === 'new' ? 'Thêm buổi học' : 'Sửa buổi học'}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText="Lưu"
        cancelText="Hủy"
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <SaveError error={error} />
        <Form<Values> form={form} name="session" layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item label="Ngày học" name="date" rules={[{ required: true, message: 'Chọn ngày học' }]}>
            <DatePicker
              format={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(fromIso(cls.startDate), 'day') || d.isAfter(fromIso(cls.endDate), 'day')}
            />
          </Form.Item>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item label="Giờ bắt đầu" name="startTime" rules={[{ required: true, pattern: HHMM, message: 'Dạng HH:MM, ví dụ 07:30' }]} style={{ flex: 1 }}>
              <Input placeholder="07:30" inputMode="numeric" />
            </Form.Item>
            <Form.Item label="Giờ kết thúc" name="endTime" rules={[{ required: true, pattern: HHMM, message: 'Dạng HH:MM, ví dụ 11:00' }]} style={{ flex: 1 }}>
              <Input placeholder="11:00" inputMode="numeric" />
            </Form.Item>
          </div>
          <Form.Item label="Địa điểm" name="place">
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item label="Đường dẫn học trực tuyến" name="link" rules={[{ type: 'url', message: 'Đường dẫn không hợp lệ, ví dụ https://…' }]}>
            <Input maxLength={500} placeholder="https://…" />
          </Form.Item>
          <Form.Item label="Chuyên đề" name="topic">
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item label="Giảng viên, báo cáo viên" name="instructorId">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={instructors.isPending}
              options={(instructors.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.fullName}${i.orgName ? ` — ${i.orgName}` : ''}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
