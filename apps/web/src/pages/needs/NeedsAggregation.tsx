/** A province's or the nation's needs: totals, one row per commune / province (click = drill down), breakdowns. */
import { useState } from 'react';
import { Card, Col, Input, Row, Table, Typography, type TableProps } from 'antd';
import {
  formatDateVi,
  formatNumberVi,
  NEED_PRIORITY_LABELS,
  PROGRAMME_TYPE_LABELS,
  TRAINING_FIELD_LABELS,
  type NeedPriority,
  type NeedsAggregationResponse,
} from '@app/shared';
import { Link } from 'react-router-dom';
import { totalText } from '../../components/TableFooter.tsx';
import { foldVi } from '../officials/labels.tsx';
import { TotalsCards } from './RegisterSummary.tsx';

type Child = NeedsAggregationResponse['children'][number];
const n = (v: number) => formatNumberVi(v);
const num = (key: keyof Child, title: string, first = false): NonNullable<TableProps<Child>['columns']>[number] => ({
  title,
  dataIndex: key,
  align: 'right',
  width: 110,
  sorter: (a, b) => (a[key] as number) - (b[key] as number) || a.officialsInService - b.officialsInService,
  ...(first ? { defaultSortOrder: 'descend' as const } : {}),
  render: (v: number) => n(v),
});

interface Props {
  data: NeedsAggregationResponse;
  /** Link to a child's page (same screen, narrower scope). */
  childHref: (code: string) => string;
}

export function NeedsAggregation({ data, childHref }: Props) {
  const [q, setQ] = useState('');
  const children = q ? data.children.filter((c) => foldVi(c.name).includes(foldVi(q))) : data.children;
  const childLabel = data.level === 'province' ? 'Xã, phường, đặc khu' : 'Tỉnh, thành phố';
  const counts = { title: 'Đề xuất', confirmed: 'Đã xác nhận', total: 'Tổng nhu cầu' };
  return (
    <>
      <TotalsCards s={data.totals} />
      <Card
        size="small"
        title={`Theo ${childLabel.toLowerCase()}`}
        style={{ marginBottom: 16 }}
        extra={
          <Input.Search
            allowClear
            size="small"
            placeholder={`Tìm ${data.level === 'province' ? 'xã, phường' : 'tỉnh'} (không cần dấu)`}
            aria-label={`Tìm ${childLabel.toLowerCase()}`}
            style={{ width: 220, maxWidth: '100%' }}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        }
      >
        <Table<Child>
          rowKey="code"
          size="small"
          dataSource={children}
          scroll={{ x: 'max-content' }}
          title={() => `${totalText(children.length)} — xếp theo số nhu cầu, nhiều nhất trước`}
          pagination={children.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          columns={[
            {
              title: childLabel,
              dataIndex: 'name',
              width: 240,
              sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
              render: (name: string, c) => <Link to={childHref(c.code)}>{name}</Link>,
            },
            num('officialsInService', 'CBCC đang công tác'),
            num('officialsWithNeeds', 'CBCC có nhu cầu'),
            num('proposed', counts.title),
            num('confirmed', counts.confirmed),
            num('total', counts.total, true),
            num('dropped', 'Đã loại'),
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="Theo chương trình bồi dưỡng">
            <Table
              rowKey="programmeType"
              size="small"
              pagination={false}
              dataSource={data.byProgrammeType}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: 'Chưa có nhu cầu nào.' }}
              columns={[
                {
                  title: 'Chương trình',
                  dataIndex: 'programmeType',
                  render: (p: keyof typeof PROGRAMME_TYPE_LABELS) => PROGRAMME_TYPE_LABELS[p],
                },
                { title: counts.title, dataIndex: 'proposed', align: 'right', render: n },
                { title: counts.confirmed, dataIndex: 'confirmed', align: 'right', render: n },
                { title: counts.total, dataIndex: 'total', align: 'right', render: n },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="Theo mức ưu tiên" style={{ marginBottom: 16 }}>
            <Table
              rowKey="priority"
              size="small"
              pagination={false}
              dataSource={data.byPriority}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: 'Chưa có nhu cầu nào.' }}
              columns={[
                {
                  title: 'Ưu tiên',
                  dataIndex: 'priority',
                  render: (p: number) => `${p} — ${NEED_PRIORITY_LABELS[p as NeedPriority] ?? ''}`,
                },
                { title: counts.total, dataIndex: 'total', align: 'right', render: n },
              ]}
            />
          </Card>
          <Card size="small" title="Chuyên môn, kỹ năng theo lĩnh vực">
            <Table
              rowKey="field"
              size="small"
              pagination={false}
              dataSource={data.byField}
              scroll={{ x: 'max-content', y: 320 }}
              locale={{ emptyText: 'Chưa có nhu cầu nào.' }}
              columns={[
                { title: 'Lĩnh vực', dataIndex: 'field', render: (f: keyof typeof TRAINING_FIELD_LABELS) => TRAINING_FIELD_LABELS[f] },
                { title: counts.total, dataIndex: 'total', align: 'right', render: n },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        Số liệu tính đến ngày {formatDateVi(data.asOf)}, trên cán bộ, công chức đang công tác; “Tổng nhu cầu” không tính nhu cầu đã loại.
        Bấm tên {data.level === 'province' ? 'xã' : 'tỉnh'} để xem chi tiết.
      </Typography.Paragraph>
    </>
  );
}
