/**
 * "Nhiệm vụ trọng tâm" (SPEC §10): the Decision 700 annex and each level's own tasks with the "6 rõ",
 * status and progress (with history), overdue in red, export to .xlsx.
 */
import { useState } from 'react';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import {
  formatDateTimeVi,
  formatDateVi,
  KEY_TASK_STATUS_LABELS,
  KEY_TASK_STATUSES,
  SIX_CLEAR,
  type KeyTaskItem,
  type KeyTaskStatus,
} from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { hasPermission, useCurrentUser } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { Hint, PageTitle } from '../training/common.tsx';

const STATUS_COLOURS: Record<KeyTaskStatus, string> = {
  chua_bat_dau: 'default',
  dang_thuc_hien: 'processing',
  hoan_thanh: 'success',
  tam_dung: 'warning',
};
const LABEL = Object.fromEntries(
  SIX_CLEAR.map((c) => [c.field, `${c.hint.charAt(0).toUpperCase()}${c.hint.slice(1)} (${c.label})`]),
) as Record<(typeof SIX_CLEAR)[number]['field'], string>;

export default function KeyTasksPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const status = (KEY_TASK_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as KeyTaskStatus)
    : undefined;
  const overdue = params.get('overdue') === 'true' ? 'true' : undefined;
  const q = useQuery({
    queryKey: ['key-tasks', status, overdue],
    queryFn: () => api.get<{ items: KeyTaskItem[]; asOf: string }>('/api/key-tasks', { status, overdue }),
  });
  const canManage = hasPermission(me, 'keyTasks.manage') && me.scope.level !== 'unit';
  const [editing, setEditing] = useState<KeyTaskItem | 'new' | null>(null);
  const [updating, setUpdating] = useState<KeyTaskItem | null>(null);
  const [history, setHistory] = useState<KeyTaskItem | null>(null);
  const set = (k: string, v: string | undefined) => {
    const n = new URLSearchParams(params);
    if (v) n.set(k, v);
    else n.delete(k);
    setParams(n);
  };
  const overdueCount = q.data?.items.filter((i) => i.overdue).length ?? 0;

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href="/api/key-tasks/export">
              Xuất Excel
            </Button>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                Thêm nhiệm vụ
              </Button>
            )}
          </Space>
        }
      >
        Nhiệm vụ trọng tâm
      </PageTitle>
      <Hint>
        Các nhiệm vụ theo Phụ lục Quyết định 700/QĐ-TTg và nhiệm vụ do từng cấp giao. Mỗi nhiệm vụ phải đủ “6 rõ”: rõ người, rõ việc, rõ
        thời gian, rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền.
      </Hint>
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      <div className="table-toolbar">
        <Select<KeyTaskStatus>
          aria-label="Lọc theo trạng thái"
          placeholder="Trạng thái: tất cả"
          allowClear
          style={{ width: 220 }}
          value={status}
          onChange={(v) => set('status', v)}
          options={KEY_TASK_STATUSES.map((s) => ({ value: s, label: KEY_TASK_STATUS_LABELS[s] }))}
        />
        <Select
          aria-label="Lọc quá hạn"
          placeholder="Quá hạn: tất cả"
          allowClear
          style={{ width: 200 }}
          value={overdue}
          onChange={(v: string | undefined) => set('overdue', v)}
          options={[{ value: 'true', label: 'Chỉ nhiệm vụ quá hạn' }]}
        />
        {overdueCount > 0 && <Tag color="red">{overdueCount} nhiệm vụ quá hạn</Tag>}
      </div>
      <Table<KeyTaskItem>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1500 }}
        onRow={(r) => (r.overdue ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          {
            title: 'Nhiệm vụ',
            dataIndex: 'name',
            width: 340,
            render: (n: string, r) => (
              <>
                <div>{n}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.fromAnnex
                    ? 'Phụ lục QĐ 700'
                    : r.level === 'province'
                      ? 'Nhiệm vụ của tỉnh'
                      : r.level === 'commune'
                        ? 'Nhiệm vụ của xã'
                        : 'Nhiệm vụ của Bộ'}
                  {r.groupName ? ` · ${r.groupName}` : ''}
                </Typography.Text>
              </>
            ),
          },
          { title: 'Người phụ trách', dataIndex: 'personInCharge', width: 170 },
          {
            title: 'Cơ quan chủ trì / phối hợp',
            width: 220,
            render: (_, r) => (r.cooperatingAgencies ? `${r.leadAgency}; phối hợp: ${r.cooperatingAgencies}` : r.leadAgency),
          },
          { title: 'Sản phẩm', dataIndex: 'expectedOutput', width: 170 },
          {
            title: 'Thời hạn',
            width: 130,
            render: (_, r) => (
              <>
                <div>{r.deadlineText ?? formatDateVi(r.deadline)}</div>
                {r.overdue && <Tag color="red">Quá hạn</Tag>}
              </>
            ),
          },
          { title: 'Thẩm quyền', dataIndex: 'authority', width: 170 },
          {
            title: 'Tiến độ',
            width: 170,
            render: (_, r) => (
              <>
                <Tag color={STATUS_COLOURS[r.status]}>{KEY_TASK_STATUS_LABELS[r.status]}</Tag>
                <Progress
                  percent={r.progress}
                  size="small"
                  status={r.overdue ? 'exception' : r.status === 'hoan_thanh' ? 'success' : 'normal'}
                />
              </>
            ),
          },
          {
            title: '',
            width: 150,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                {r.canEdit && (
                  <Button type="link" size="small" onClick={() => setUpdating(r)}>
                    Cập nhật tiến độ
                  </Button>
                )}
                {r.canEdit && (
                  <Button type="link" size="small" onClick={() => setEditing(r)}>
                    Sửa
                  </Button>
                )}
                <Button type="link" size="small" onClick={() => setHistory(r)}>
                  Lịch sử
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <TaskDrawer task={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {updating && <ProgressModal task={updating} onClose={() => setUpdating(null)} />}
      {history && <HistoryModal task={history} onClose={() => setHistory(null)} />}
    </>
  );
}

interface TaskForm {
  name?: string;
  personInCharge?: string;
  leadAgency?: string;
  cooperatingAgencies?: string;
  expectedOutput?: string;
  deadline?: Dayjs | null;
  deadlineText?: string;
  authority?: string;
}

function TaskDrawer({ task, onClose }: { task: KeyTaskItem | null; onClose: () => void }) {
  const [form] = Form.useForm<TaskForm>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: TaskForm) => {
      const body = { ...v, deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '' };
      return task
        ? api.patch<KeyTaskItem>(`/api/key-tasks/${task.id}`, { ...body, version: task.version })
        : api.post<KeyTaskItem>('/api/key-tasks', body);
    },
    onSuccess: () => {
      void message.success('Đã lưu nhiệm vụ');
      void qc.invalidateQueries({ queryKey: ['key-tasks'] });
      onClose();
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      setError(errorMessage(e));
    },
  });
  return (
    <Drawer
      open
      width={560}
      title={task ? 'Sửa nhiệm vụ' : 'Thêm nhiệm vụ'}
      onClose={onClose}
      extra={
        <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
          Lưu
        </Button>
      }
    >
      {error && (
        <Typography.Paragraph type="danger" role="alert">
          {error}
        </Typography.Paragraph>
      )}
      <Form<TaskForm>
        form={form}
        layout="vertical"
        initialValues={
          task
            ? {
                ...task,
                deadline: dayjs(task.deadline),
                cooperatingAgencies: task.cooperatingAgencies ?? '',
                deadlineText: task.deadlineText ?? '',
              }
            : {}
        }
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        <Form.Item name="name" label={LABEL.name}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="personInCharge" label={LABEL.personInCharge}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="leadAgency" label={LABEL.leadAgency}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="cooperatingAgencies" label="Cơ quan phối hợp">
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="expectedOutput" label={LABEL.expectedOutput}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="deadline" label={LABEL.deadline}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="deadlineText" label="Ghi chú thời hạn (nếu có, ví dụ “Trước ngày 30/11 hằng năm”)">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="authority" label={LABEL.authority}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function ProgressModal({ task, onClose }: { task: KeyTaskItem; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<KeyTaskStatus>(task.status);
  const [progress, setProgress] = useState<number>(task.progress);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post<KeyTaskItem>(`/api/key-tasks/${task.id}/progress`, { version: task.version, status, progress, note: note || undefined }),
    onSuccess: () => {
      void message.success('Đã cập nhật tiến độ');
      void qc.invalidateQueries({ queryKey: ['key-tasks'] });
      onClose();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Modal
      open
      title="Cập nhật tiến độ"
      okText="Lưu"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
    >
      <Typography.Paragraph>{task.name}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="Trạng thái" htmlFor="kt-status">
          <Select<KeyTaskStatus>
            id="kt-status"
            value={status}
            onChange={(v) => {
              setStatus(v);
              if (v === 'hoan_thanh') setProgress(100);
              if (v === 'chua_bat_dau') setProgress(0);
            }}
            options={KEY_TASK_STATUSES.map((s) => ({ value: s, label: KEY_TASK_STATUS_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item label="Tiến độ (%)" htmlFor="kt-progress">
          <InputNumber id="kt-progress" min={0} max={100} value={progress} onChange={(v) => setProgress(v ?? 0)} />
        </Form.Item>
        <Form.Item label="Ghi chú kết quả" htmlFor="kt-note">
          <Input.TextArea id="kt-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HistoryModal({ task, onClose }: { task: KeyTaskItem; onClose: () => void }) {
  const q = useQuery({
    queryKey: ['key-tasks', 'history', task.id],
    queryFn: () =>
      api.get<{ items: { at: string; actorName: string; status: KeyTaskStatus; progress: number; note: string | null }[] }>(
        `/api/key-tasks/${task.id}/history`,
      ),
  });
  return (
    <Modal open title="Lịch sử cập nhật" footer={null} onCancel={onClose}>
      <Typography.Paragraph>{task.name}</Typography.Paragraph>
      {q.data && !q.data.items.length && <Typography.Text type="secondary">Chưa có lần cập nhật nào.</Typography.Text>}
      <Timeline
        items={(q.data?.items ?? []).map((h) => ({
          content: (
            <>
              {formatDateTimeVi(h.at)} — {h.actorName}: {KEY_TASK_STATUS_LABELS[h.status]}, {h.progress}%{h.note ? `. ${h.note}` : ''}
            </>
          ),
        }))}
      />
    </Modal>
  );
}
