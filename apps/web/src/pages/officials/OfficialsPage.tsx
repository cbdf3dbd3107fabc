/** "Cán bộ, công chức › Danh sách": server-paged, URL-synced filters, Excel export, add, bulk accounts. */
import { useState } from 'react';
import { DownloadOutlined, DownOutlined, PlusOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown, Space, Tooltip, Typography } from 'antd';
import { formatNumberVi, OFFICIAL_ACCOUNTS_HEADERS } from '@app/shared';
import { Link, useSearchParams } from 'react-router-dom';
import { hasPermission, useCurrentUser } from '../../api/auth.ts';
import { errorMessage, readCookie } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { totalText } from '../../components/TableFooter.tsx';
import { useIsNarrow } from '../../layout/useMediaQuery.ts';
import { useProvinceCommunes } from '../users/usersApi.ts';
import { communeOf, picksCommune } from './CommunePicker.tsx';
import { CreateOfficialDrawer } from './CreateOfficialDrawer.tsx';
import { OfficialFiltersBar } from './OfficialFiltersBar.tsx';
import { OfficialCards, OfficialsTable } from './OfficialsTable.tsx';
import { downloadFile, filtersFrom, positiveInt, useOfficials } from './officialsApi.ts';

export default function OfficialsPage() {
  const me = useCurrentUser();
  const narrow = useIsNarrow();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 20);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const { message, modal } = App.useApp();
  const { data, isPending, isFetching, error, refetch } = useOfficials(filters, page, pageSize);
  const commune = communeOf(me, filters.commune);
  const communes = useProvinceCommunes(me.scope.provinceCode ?? filters.province, picksCommune(me) && Boolean(filters.commune));
  const communeName = me.scopeNames.communeName ?? communes.data?.items.find((c) => c.code === commune)?.name;

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

  const exporting = useMutation({
    mutationFn: (includeSensitive: boolean) =>
      downloadFile('/api/officials/export.xlsx', { ...filters, includeSensitive: includeSensitive || undefined }, 'danh-sach-can-bo.xlsx'),
    onSuccess: () => message.success('Đã tải tệp Excel danh sách đang lọc.'),
    onError: (err) => message.error(errorMessage(err)),
  });
  const exportSensitive = () => {
    modal.confirm({
      title: 'Xuất kèm dân tộc, tôn giáo?',
      content:
        'Dân tộc và tôn giáo là dữ liệu cá nhân nhạy cảm. Lần xuất này được ghi vào nhật ký hệ thống; hãy bảo quản tệp cẩn thận và chỉ dùng đúng mục đích.',
      okText: 'Xuất kèm dữ liệu nhạy cảm',
      cancelText: 'Hủy',
      onOk: () => exporting.mutateAsync(true).catch(() => undefined),
    });
  };
  const accounts = useMutation({
    mutationFn: () =>
      downloadFile('/api/officials/accounts', {}, 'tai-khoan-hoc-vien.xlsx', {
        method: 'POST',
        body: { officialIds: selected },
        csrf: readCookie('csrf'),
      }),
    onSuccess: (res) => {
      const created = Number(res.headers.get(OFFICIAL_ACCOUNTS_HEADERS.created) ?? 0);
      const skipped = Number(res.headers.get(OFFICIAL_ACCOUNTS_HEADERS.skipped) ?? 0);
      message.success(
        `Đã tạo ${formatNumberVi(created)} tài khoản${skipped ? `, bỏ qua ${formatNumberVi(skipped)} người (đã có tài khoản hoặc không còn công tác)` : ''}. Tệp mật khẩu dùng một lần đã được tải về: hãy giao tận tay từng người.`,
        8,
      );
      setSelected([]);
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const canManage = hasPermission(me, 'officials.manage');
  const canAccounts = hasPermission(me, 'officials.createAccounts') && !narrow;
  const filtered = Object.entries(filters).some(([k, v]) => v !== undefined && k !== 'commune' && k !== 'province');
  const total = data?.total ?? 0;
  const header = data?.totalCapped ? `Tổng số: hơn ${formatNumberVi(total)} — hãy lọc thêm để xem đủ` : totalText(total);
  const emptyText = filtered
    ? 'Không có cán bộ, công chức nào khớp điều kiện lọc. Hãy bỏ bớt bộ lọc hoặc thử từ khóa khác.'
    : canManage
      ? 'Chưa có cán bộ nào — Tải mẫu Excel ở mục “Nhập từ Excel” hoặc bấm “Thêm cán bộ”.'
      : 'Chưa có cán bộ, công chức nào trong phạm vi của bạn.';
  const tableProps = {
    items: data?.items ?? [],
    loading: isPending || isFetching,
    total,
    page,
    pageSize,
    showCommune: !commune,
    emptyText,
    header,
    onPage: (p: number, s: number) => update({ page: p > 1 ? String(p) : undefined, pageSize: s !== 20 ? String(s) : undefined }),
  };

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Danh sách cán bộ, công chức
      </Typography.Title>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <OfficialFiltersBar me={me} filters={filters} onChange={update} />
      <div className="table-toolbar">
        <Space.Compact>
          <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate(false)}>
            Xuất Excel
          </Button>
          {hasPermission(me, 'officials.readSensitive') && (
            <Dropdown
              trigger={['click']}
              menu={{ items: [{ key: 'sensitive', label: 'Xuất kèm dân tộc, tôn giáo (được ghi nhật ký)' }], onClick: exportSensitive }}
            >
              <Button icon={<DownOutlined />} aria-label="Các cách xuất khác" />
            </Dropdown>
          )}
        </Space.Compact>
        {canAccounts && (
          <Tooltip title={selected.length === 0 ? 'Đánh dấu những người cần tài khoản trong bảng' : undefined}>
            <Button
              icon={<UserAddOutlined />}
              disabled={selected.length === 0}
              loading={accounts.isPending}
              onClick={() => accounts.mutate()}
            >
              Tạo tài khoản học viên{selected.length ? ` (${formatNumberVi(selected.length)})` : ''}
            </Button>
          </Tooltip>
        )}
        {canManage && (
          <Link to={`/can-bo/nhap-excel${filters.commune ? `?commune=${filters.commune}` : ''}`}>
            <Button icon={<UploadOutlined />}>Nhập từ Excel</Button>
          </Link>
        )}
        {canManage && (
          <Tooltip title={commune ? undefined : 'Chọn xã, phường trước'}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!commune}
              onClick={() => setCreating(true)}
              style={{ marginLeft: 'auto' }}
            >
              Thêm cán bộ
            </Button>
          </Tooltip>
        )}
      </div>
      {narrow ? (
        <OfficialCards {...tableProps} />
      ) : (
        <OfficialsTable {...tableProps} selection={canAccounts ? { keys: selected, onChange: setSelected } : undefined} />
      )}
      {canManage && commune && (
        <CreateOfficialDrawer open={creating} commune={commune} communeName={communeName} onClose={() => setCreating(false)} />
      )}
    </>
  );
}
