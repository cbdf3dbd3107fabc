/** "Tài khoản": server-paged list of accounts in the user's scope, with create / edit / reset / unlock. */
import { useEffect, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { formatDateTimeVi, ROLE_LABELS, ROLES, type Role, type UserItem } from '@app/shared';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth.ts';
import { api, errorMessage } from '../../api/client.ts';
import type { ResetPasswordResult } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { totalText } from '../../components/TableFooter.tsx';
import { CreateUserDrawer } from './CreateUserDrawer.tsx';
import { EditUserDrawer } from './EditUserDrawer.tsx';
import { TempPasswordModal, type TempPassword } from './TempPasswordModal.tsx';
import { isLocked, scopeOf, statusOf, userKeys, useUsers } from './usersApi.ts';

const asRole = (v: string | null) => ((ROLES as readonly string[]).includes(v ?? '') ? (v as Role) : undefined);
const asInt = (v: string | null, d: number) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : d);

export default function UsersPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = asRole(params.get('role'));
  const page = asInt(params.get('page'), 1);
  const pageSize = asInt(params.get('pageSize'), 20);
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserItem | null>(null);
  const [temp, setTemp] = useState<TempPassword | null>(null);
  const { data, isPending, isFetching, error, refetch } = useUsers(q, role, page, pageSize);
  const qc = useQueryClient();
  const { modal, message } = App.useApp();

  const update = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: 'q' in patch },
    );

  useEffect(() => {
    setText((t) => (t.trim() === q ? t : q));
  }, [q]);
  useEffect(() => {
    if (text.trim() === q) return;
    const t = setTimeout(() => update({ q: text.trim() || undefined, page: undefined }), 350);
    return () => clearTimeout(t);
  }, [text]); // only the typed text restarts the timer

  const reset = useMutation({
    mutationFn: (u: UserItem) => api.post<ResetPasswordResult>(`/api/users/${u.id}/reset-password`),
    onSuccess: (r, u) => setTemp({ title: 'Đã đặt lại mật khẩu', username: u.username, password: r.temporaryPassword }),
    onError: (err) => message.error(errorMessage(err)),
  });
  const unlock = useMutation({
    mutationFn: (u: UserItem) => api.post(`/api/users/${u.id}/unlock`),
    onSuccess: async (_, u) => {
      message.success(`Đã mở khóa tài khoản ${u.username}.`);
      await qc.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const confirmReset = (u: UserItem) =>
    modal.confirm({
      title: `Đặt lại mật khẩu cho ${u.username}?`,
      content:
        'Mật khẩu hiện tại của người dùng sẽ không dùng được nữa. Phần mềm tạo một mật khẩu tạm thời; người dùng phải đổi ở lần đăng nhập tới.',
      okText: 'Đặt lại mật khẩu',
      cancelText: 'Hủy',
      onOk: () => reset.mutateAsync(u).catch(() => undefined),
    });

  const canCreate = me.manageableRoles.length > 0;
  const filtered = Boolean(q || role);
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Tài khoản
      </Typography.Title>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div className="table-toolbar">
        <Input.Search
          placeholder="Tìm theo tên đăng nhập, họ tên…"
          aria-label="Tìm theo tên đăng nhập, họ tên"
          allowClear
          className="toolbar-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined, page: undefined })}
        />
        <Select<Role>
          aria-label="Lọc theo vai trò"
          placeholder="Vai trò: tất cả"
          allowClear
          style={{ width: 260, maxWidth: '100%' }}
          value={role}
          onChange={(v) => update({ role: v, page: undefined })}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginLeft: 'auto' }}>
            Tạo tài khoản
          </Button>
        )}
      </div>
      <Table<UserItem>
        rowKey="id"
        size="middle"
        loading={isPending || isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1040 }}
        title={() => totalText(data?.total ?? 0)}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          hideOnSinglePage: false,
          onChange: (p, s) => update({ page: p > 1 ? String(p) : undefined, pageSize: s !== 20 ? String(s) : undefined }),
        }}
        locale={{
          emptyText: filtered
            ? 'Không có tài khoản nào khớp điều kiện tìm. Hãy bỏ bớt bộ lọc hoặc thử từ khóa khác.'
            : canCreate
              ? 'Chưa có tài khoản nào. Bấm “Tạo tài khoản” để thêm người dùng.'
              : 'Chưa có tài khoản nào trong phạm vi của bạn.',
        }}
        columns={[
          { title: 'Tên đăng nhập', dataIndex: 'username', width: 150 },
          { title: 'Họ và tên', dataIndex: 'fullName', width: 160 },
          { title: 'Vai trò', dataIndex: 'role', width: 150, render: (r: Role) => ROLE_LABELS[r] },
          { title: 'Phạm vi', key: 'scope', render: (_, u) => scopeOf(u) },
          {
            title: 'Trạng thái',
            key: 'status',
            width: 120,
            render: (_, u) => {
              const s = statusOf(u);
              return <Tag color={s.color}>{s.text}</Tag>;
            },
          },
          {
            title: 'Đăng nhập gần nhất',
            dataIndex: 'lastLoginAt',
            width: 130,
            render: (v: string | null) => (v ? formatDateTimeVi(v) : 'Chưa đăng nhập'),
          },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 150,
            render: (_, u) =>
              u.canManage ? (
                <Space size={4} orientation="vertical" align="start">
                  <Button size="small" onClick={() => setEditing(u)}>
                    Sửa
                  </Button>
                  <Button size="small" onClick={() => confirmReset(u)}>
                    Đặt lại mật khẩu
                  </Button>
                  {isLocked(u) && (
                    <Button size="small" onClick={() => unlock.mutate(u)} loading={unlock.isPending && unlock.variables?.id === u.id}>
                      Mở khóa
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      {canCreate && (
        <CreateUserDrawer
          me={me}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            if (r.temporaryPassword) setTemp({ title: 'Đã tạo tài khoản', username: r.user.username, password: r.temporaryPassword });
            else message.success(`Đã tạo tài khoản ${r.user.username}.`);
          }}
        />
      )}
      <EditUserDrawer user={editing} onClose={() => setEditing(null)} />
      <TempPasswordModal value={temp} onClose={() => setTemp(null)} />
    </>
  );
}
