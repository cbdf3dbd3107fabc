/** The officials (or enrolments, programmes) behind a KPI number: numerator, denominator, or missing. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { KPI_LABELS, formatDateVi, formatNumberVi, type KpiCode, type KpiPeoplePart, type KpiPersonRow } from '@app/shared';
import { peopleExportUrl, usePeople, type DashQuery } from './dashboardApi.ts';

const PART_LABELS: Record<KpiPeoplePart, string> = { numerator: 'Đã đạt (tử số)', denominator: 'Tổng số (mẫu số)', missing: 'Còn thiếu' };
const PAGE_SIZE = 20;

export default function PeopleDrawer({
  q,
  open,
  onClose,
}: {
  q: DashQuery;
  open: { code: KpiCode; part: KpiPeoplePart } | null;
  onClose: () => void;
}) {
  const [part, setPart] = useState<KpiPeoplePart>('denominator');
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (open) {
      setPart(open.part);
      setPage(1);
    }
  }, [open]);
  const people = usePeople(q, open?.code ?? null, part, page, PAGE_SIZE);
  const code = open?.code;
  const rows = people.data?.items ?? [];
  const hasLabel = rows.some((x) => x.label);
  const hasDate = rows.some((x) => x.date);
  return (
    <Drawer
      open={open !== null}
      onClose={onClose}
      width="min(720px, 100vw)"
      title={code ? `${code} · ${KPI_LABELS[code]}` : ''}
      destroyOnHidden
    >
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Segmented
            value={part}
            onChange={(v) => {
              setPart(v as KpiPeoplePart);
              setPage(1);
            }}
            options={(['numerator', 'denominator', 'missing'] as const).map((p) => ({ value: p, label: PART_LABELS[p] }))}
          />
        </div>
        {code && (
          <Button
            icon={<DownloadOutlined />}
            href={peopleExportUrl(q, code, part)}
            disabled={!people.data || people.data.total === 0}
            data-testid="people-export"
          >
            Xuất Excel
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">
        {people.data ? `${formatNumberVi(people.data.total)} dòng` : ' '} · số liệu đến ngày {formatDateVi(q.asOf)}
      </Typography.Paragraph>
      <Table<KpiPersonRow>
        rowKey="id"
        size="small"
        loading={people.isPending}
        dataSource={rows}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: people.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            render: (name: string | null, r) =>
              r.officialId ? <Link to={`/can-bo/${r.officialId}`}>{name ?? '–'}</Link> : (name ?? r.label ?? '–'),
          },
          { title: 'Xã, phường', dataIndex: 'communeName', render: (v: string | null) => v ?? '–' },
          ...(hasLabel ? [{ title: r(code), dataIndex: 'label', render: (v: string | null) => v ?? '–' }] : []),
          ...(hasDate ? [{ title: 'Ngày', dataIndex: 'date', width: 100, render: (v: string | null) => formatDateVi(v) || '–' }] : []),
          {
            title: 'Tình trạng',
            dataIndex: 'inNumerator',
            width: 110,
            render: (v: boolean) => (v ? <Tag color="green">Đã đạt</Tag> : <Tag color="red">Chưa đạt</Tag>),
          },
        ]}
      />
    </Drawer>
  );
}

function r(code: KpiCode | undefined): string {
  return code === 'K8' ? 'Chương trình' : code === 'K6' || code === 'K7' ? 'Lớp' : 'Ghi chú';
}
