/** Before/after of an audit entry as a readable key/value table; changed values are highlighted. */
import { Table, Tag } from 'antd';
import {
  BLOC_LABELS,
  COMMUNE_TYPE_LABELS,
  FIELD_LABELS,
  formatDateTimeVi,
  formatDateVi,
  REGION_TYPE_LABELS,
  ROLE_LABELS,
  type AuditItem,
} from '@app/shared';

const EXTRA_LABELS: Record<string, string> = {
  id: 'Mã bản ghi',
  provinceName: 'Tỉnh',
  communeName: 'Xã',
  unitName: 'Đơn vị',
  lockedUntil: 'Khóa đến',
  mustChangePassword: 'Phải đổi mật khẩu',
  validFrom: 'Ngày hiệu lực',
  isDefault: 'Mặc định',
  sortOrder: 'Thứ tự',
  failedLogins: 'Số lần đăng nhập sai',
  lastLoginAt: 'Đăng nhập gần nhất',
  createdAt: 'Tạo lúc',
  updatedAt: 'Cập nhật lúc',
  officialId: 'Hồ sơ cán bộ',
  accounts: 'Số tài khoản',
  communes: 'Các xã',
  username: 'Tên đăng nhập',
};

/** Codes shown by their Vietnamese label, per field. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  regionType: REGION_TYPE_LABELS,
  type: COMMUNE_TYPE_LABELS,
  bloc: BLOC_LABELS,
  role: ROLE_LABELS,
};

function label(key: string): string {
  return FIELD_LABELS[key] ?? EXTRA_LABELS[key] ?? key;
}

function show(key: string, v: unknown): string {
  if (v === undefined) return '';
  if (v === null || v === '') return '(trống)';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    const label = VALUE_LABELS[key]?.[v];
    if (label) return label;
    if (key === 'areaClass') return `Khu vực ${v}`;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateVi(v);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatDateTimeVi(v);
    return v;
  }
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(', ');
  return JSON.stringify(v);
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { 'giá trị': v };

interface Row {
  key: string;
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

export function AuditDiff({ item }: { item: AuditItem }) {
  const before = asRecord(item.before);
  const after = asRecord(item.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (keys.length === 0) return <span style={{ color: '#5b6472' }}>Không có dữ liệu trước/sau cho thao tác này.</span>;
  const rows: Row[] = keys.map((k) => {
    const b = k in before ? show(k, before[k]) : '';
    const a = k in after ? show(k, after[k]) : '';
    return { key: k, field: label(k), before: b, after: a, changed: item.before != null && item.after != null && b !== a };
  });
  rows.sort((x, y) => Number(y.changed) - Number(x.changed));
  return (
    <Table<Row>
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.changed ? 'audit-changed' : '')}
      columns={[
        {
          title: 'Trường',
          dataIndex: 'field',
          render: (f: string, r) => (
            <span>
              {f} {r.changed && <Tag color="gold">Đã đổi</Tag>}
            </span>
          ),
        },
        { title: 'Trước', dataIndex: 'before', render: (v: string) => <span style={{ wordBreak: 'break-word' }}>{v}</span> },
        { title: 'Sau', dataIndex: 'after', render: (v: string) => <span style={{ wordBreak: 'break-word' }}>{v}</span> },
      ]}
    />
  );
}
