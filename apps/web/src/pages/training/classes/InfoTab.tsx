/** "Thông tin": the class's details, budget planned/actual by source, liên xã communes, bridge points; edit. */
import { useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Table, Tag } from 'antd';
import {
  BUDGET_SOURCE_LABELS,
  BUDGET_SOURCES,
  CLASS_MODE_LABELS,
  formatNumberVi,
  SCHEDULE_TYPE_LABELS,
  type BudgetSource,
  type ClassDetail,
} from '@app/shared';
import { Link } from 'react-router-dom';
import { dateRangeVi, moneyVi, ProgrammeTypeTag } from '../labels.tsx';
import { BridgePoints } from './BridgePoints.tsx';
import { ClassFormDrawer } from './ClassFormDrawer.tsx';

const cap = (s: BudgetSource) => (s.charAt(0).toUpperCase() + s.slice(1)) as 'Central' | 'Local' | 'Sponsor';

export function InfoTab({ cls: c }: { cls: ClassDetail }) {
  const [editing, setEditing] = useState(false);
  const budget = BUDGET_SOURCES.map((s) => ({ key: s, source: BUDGET_SOURCE_LABELS[s], planned: c[`budgetPlanned${cap(s)}`], actual: c[`budgetActual${cap(s)}`] }));
  const total = budget.reduce((a, b) => ({ planned: a.planned + b.planned, actual: a.actual + b.actual }), { planned: 0, actual: 0 });
  const hostName = c.hostCommuneName ?? c.communes.find((x) => x.code === c.hostCommuneCode)?.name;
  return (
    <>
      {c.actions.canEdit && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} style={{ marginBottom: 12 }}>
          Sửa thông tin lớp
        </Button>
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, lg: 2 }}
        styles={{ label: { width: 190 } }}
        items={[
          {
            key: 'programme',
            label: 'Chương trình',
            span: 2,
            children: (
              <>
                <Link to={`/chuong-trinh?id=${c.programme.id}`}>{c.programme.name}</Link> <ProgrammeTypeTag type={c.programme.type} />
              </>
            ),
          },
          { key: 'org', label: 'Cơ sở tổ chức', children: c.organiserName },
          { key: 'place', label: 'Tỉnh, xã đăng cai', children: [hostName, c.provinceName].filter(Boolean).join(', ') || 'Toàn quốc' },
          { key: 'mode', label: 'Hình thức', children: CLASS_MODE_LABELS[c.mode] },
          { key: 'schedule', label: 'Thời gian học', children: SCHEDULE_TYPE_LABELS[c.scheduleType] },
          { key: 'dates', label: 'Khai giảng – bế giảng', children: dateRangeVi(c.startDate, c.endDate) },
          { key: 'cap', label: 'Sĩ số', children: `Tối đa ${formatNumberVi(c.capacity)}; đã cử ${formatNumberVi(c.counts.enrolled)}, danh sách chờ ${formatNumberVi(c.counts.waitlisted)}` },
          { key: 'approve', label: 'Thủ trưởng đơn vị duyệt', children: c.requiresUnitHeadApproval ? 'Có, trước khi học viên được tính là đã cử' : 'Không' },
          {
            key: 'rule',
            label: 'Điều kiện hoàn thành',
            children: `Tham dự ${c.programme.minAttendancePct}% (vắng có phép tối đa ${c.programme.maxExcusedPct}%), mỗi bài từ ${formatNumberVi(c.programme.passScore, c.programme.passScore % 1 ? 1 : 0)} điểm; ${c.assessmentCount} bài kiểm tra`,
          },
          {
            key: 'communes',
            label: 'Xã có học viên (liên xã)',
            span: 2,
            children: c.communes.length
              ? c.communes.map((x) => <Tag key={x.code}>{x.name}</Tag>)
              : c.bridgePoints.some((b) => b.level === 'xa')
                ? 'Các xã có điểm cầu (danh sách điểm cầu bên dưới)'
                : c.provinceCode
                  ? 'Mọi xã của tỉnh'
                  : 'Cả nước',
          },
          { key: 'plan', label: 'Kế hoạch', children: c.planId ? <Link to={`/ke-hoach/${c.planId}`}>Xem kế hoạch</Link> : 'Không gắn kế hoạch' },
          { key: 'support', label: 'Hỗ trợ mỗi học viên', children: moneyVi(c.supportPerLearner) },
          { key: 'note', label: 'Ghi chú', span: 2, children: c.note ?? '—' },
        ]}
      />
      <h3 style={{ fontSize: 16, margin: '20px 0 8px' }}>Kinh phí theo nguồn</h3>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={budget}
        scroll={{ x: 480 }}
        columns={[
          { title: 'Nguồn', dataIndex: 'source' },
          { title: 'Dự kiến', dataIndex: 'planned', align: 'right', render: (v: number) => moneyVi(v) },
          { title: 'Thực chi', dataIndex: 'actual', align: 'right', render: (v: number) => moneyVi(v) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>Tổng cộng</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{moneyVi(total.planned)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{moneyVi(total.actual)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {c.mode !== 'truc_tiep' && <BridgePoints cls={c} />}
      {c.actions.canEdit && <ClassFormDrawer open={editing} cls={c} onClose={() => setEditing(false)} onSaved={() => undefined} />}
    </>
  );
}
