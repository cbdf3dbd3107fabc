/** The needs of a commune, one row per need, with "Xác nhận" / "Bỏ" (a reason is required to drop). */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, Tooltip, type TableProps } from 'antd';
import {
  formatDateTimeVi,
  NEED_PRIORITY_LABELS,
  NEED_SOURCE_LABELS,
  NEED_STATUS_LABELS,
  PROGRAMME_TYPE_LABELS,
  TRAINING_FIELD_LABELS,
  type NeedItem,
  type NeedPriority,
} from '@app/shared';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../../api/client.ts';
import { isConflict } from '../officials/ConflictAlert.tsx';
import { needKeys, PRIORITY_TAGS, PROGRAMME_SHORT, STATUS_COLORS } from './needsApi.ts';

interface Props {
  items: NeedItem[];
  loading: boolean;
  canManage: boolean;
  header: React.ReactNode;
  emptyText: string;
}

type Decision = { need: NeedItem; status: 'confirmed' | 'dropped'; reason?: string };

export function RegisterTable({ items, loading, canManage, header, emptyText }: Props) {
  const qc = useQueryClient();
  const { message, notification } = App.useApp();
  const [dropping, setDropping] = useState<NeedItem | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const decide = useMutation({
    mutationFn: (d: Decision) =>
      api.patch<NeedItem>(`/api/needs/${d.need.id}`, { status: d.status, decisionReason: d.reason ?? null, version: d.need.version }),
    onSuccess: async (n) => {
      message.success(n.status === 'confirmed' ? `Đã xác nhận nhu cầu của ${n.fullName}.` : `Đã loại nhu cầu của ${n.fullName}.`);
      setDropping(null);
      await qc.invalidateQueries({ queryKey: needKeys.all });
    },
    onError: async (err) => {
      setDropping(null);
      if (isConflict(err)) {
        notification.warning({ title: errorMessage(err), description: 'Danh sách đã được tải lại để bạn xem bản mới nhất.' });
        await qc.invalidateQueries({ queryKey: needKeys.all });
      } else message.error(errorMessage(err));
    },
  });

  const columns: TableProps<NeedItem>['columns'] = [
    {
      title: 'Họ và tên',
      key: 'name',
      width: 210,
      render: (_, n) => (
        <>
          <Link to={`/can-bo/${n.officialId}`} style={{ fontWeight: 500 }}>
            {n.fullName}
          </Link>
          <div style={{ color: '#5b6472', fontSize: 12 }}>{[n.positionName, n.unitName].filter(Boolean).join(' — ')}</div>
          {n.affectedByReorg && (
            <Tag color="orange" style={{ marginTop: 2 }}>
              Chịu tác động sắp xếp
            </Tag>
          )}
        </>
      ),
    },
    {
      title: 'Chương trình',
      key: 'programme',
      width: 190,
      render: (_, n) => (
        <>
          <span title={PROGRAMME_TYPE_LABELS[n.programmeType]}>{PROGRAMME_SHORT[n.programmeType]}</span>
          {n.field && <div style={{ color: '#5b6472', fontSize: 12 }}>Lĩnh vực: {TRAINING_FIELD_LABELS[n.field]}</div>}
        </>
      ),
    },
    {
      title: 'Ưu tiên',
      dataIndex: 'priority',
      width: 150,
      render: (p: number) => (
        <Tooltip title={NEED_PRIORITY_LABELS[p as NeedPriority]}>
          <Tag color={PRIORITY_TAGS[p]?.color}>{PRIORITY_TAGS[p]?.text ?? `Ưu tiên ${p}`}</Tag>
        </Tooltip>
      ),
    },
    {
      title: 'Căn cứ',
      key: 'source',
      render: (_, n) => (
        <span title={NEED_SOURCE_LABELS[n.source]} style={{ whiteSpace: 'normal' }}>
          {n.source === 'manual' ? `Bổ sung thủ công: ${n.reason}` : n.reason}
        </span>
      ),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      width: 190,
      render: (_, n) => (
        <>
          <Tag color={STATUS_COLORS[n.status]}>{NEED_STATUS_LABELS[n.status]}</Tag>
          {n.decisionReason && <div style={{ fontSize: 12, whiteSpace: 'normal' }}>Lý do: {n.decisionReason}</div>}
          {n.decidedBy && (
            <div style={{ color: '#5b6472', fontSize: 12 }}>
              {n.decidedBy}, {formatDateTimeVi(n.decidedAt)}
            </div>
          )}
        </>
      ),
    },
    ...(canManage
      ? [
          {
            title: 'Thao tác',
            key: 'actions',
            width: 112,
            render: (_: unknown, n: NeedItem) => (
              <Space size={4} orientation="vertical" align="start">
                {n.status !== 'confirmed' && (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    aria-label={`Xác nhận nhu cầu của ${n.fullName}: ${PROGRAMME_SHORT[n.programmeType]}`}
                    loading={decide.isPending && decide.variables?.need.id === n.id}
                    onClick={() => decide.mutate({ need: n, status: 'confirmed' })}
                  >
                    Xác nhận
                  </Button>
                )}
                {n.status !== 'dropped' && (
                  <Button
                    size="small"
                    danger
                    aria-label={`Bỏ nhu cầu của ${n.fullName}: ${PROGRAMME_SHORT[n.programmeType]}`}
                    onClick={() => {
                      form.resetFields();
                      setDropping(n);
                    }}
                  >
                    Bỏ
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Table<NeedItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        columns={columns}
        scroll={{ x: canManage ? 1060 : 950 }}
        title={() => header}
        pagination={{ defaultPageSize: 20, pageSizeOptions: [20, 50, 100], showSizeChanger: true, hideOnSinglePage: false }}
        locale={{ emptyText }}
      />
      <Modal
        title="Bỏ nhu cầu bồi dưỡng"
        open={dropping !== null}
        onCancel={() => setDropping(null)}
        okText="Bỏ nhu cầu"
        okButtonProps={{ danger: true }}
        cancelText="Hủy"
        confirmLoading={decide.isPending}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {dropping && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${dropping.fullName} — ${PROGRAMME_TYPE_LABELS[dropping.programmeType]}`}
            description="Nhu cầu bị loại vẫn được giữ trong sổ (trạng thái “Đã loại”) cùng lý do và người quyết định; lần rà soát sau không đề xuất lại."
          />
        )}
        <Form
          name="dropNeed"
          form={form}
          layout="vertical"
          onFinish={(v) => dropping && decide.mutate({ need: dropping, status: 'dropped', reason: v.reason.trim() })}
        >
          <Form.Item
            label="Lý do bỏ"
            name="reason"
            rules={[
              { required: true, whitespace: true, message: 'Vui lòng ghi lý do bỏ nhu cầu này' },
              { max: 500, message: 'Tối đa 500 ký tự' },
            ]}
          >
            <Input.TextArea rows={3} placeholder="Ví dụ: Đã có văn bằng tương đương; sắp nghỉ hưu trong năm" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
