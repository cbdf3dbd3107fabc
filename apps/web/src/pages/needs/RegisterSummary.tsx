/** Summary cards of a commune's register: totals, and one card per programme type (click = filter). */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { formatNumberVi, PROGRAMME_TYPE_LABELS, type NeedsRegisterResponse, type ProgrammeType } from '@app/shared';
import { PROGRAMME_SHORT } from './needsApi.ts';

type Summary = NeedsRegisterResponse['summary'];

export function TotalsCards({
  s,
}: {
  s: Pick<Summary, 'officialsInService' | 'officialsWithNeeds' | 'proposed' | 'confirmed' | 'dropped'>;
}) {
  const cards = [
    {
      key: 'people',
      title: 'CBCC có nhu cầu / đang công tác',
      value: `${formatNumberVi(s.officialsWithNeeds)} / ${formatNumberVi(s.officialsInService)}`,
    },
    { key: 'proposed', title: 'Đề xuất chờ xác nhận', value: formatNumberVi(s.proposed) },
    { key: 'confirmed', title: 'Đã xác nhận', value: formatNumberVi(s.confirmed) },
    { key: 'dropped', title: 'Đã loại', value: formatNumberVi(s.dropped) },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={c.title} value={c.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

interface Props {
  summary: Summary;
  selected?: ProgrammeType;
  onSelect: (p: ProgrammeType | undefined) => void;
}

export function ProgrammeCards({ summary, selected, onSelect }: Props) {
  const rows = summary.byProgrammeType.filter((r) => r.total > 0 || r.programmeType === selected);
  if (rows.length === 0) return null;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        Theo chương trình bồi dưỡng
      </Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {rows.map((r) => {
          const active = selected === r.programmeType;
          return (
            <Col key={r.programmeType} xs={12} md={8} xl={6}>
              <Card
                size="small"
                hoverable
                role="button"
                tabIndex={0}
                aria-pressed={active}
                onClick={() => onSelect(active ? undefined : r.programmeType)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(active ? undefined : r.programmeType);
                  }
                }}
                style={{ height: '100%', borderColor: active ? '#1d4e89' : undefined, boxShadow: active ? '0 0 0 1px #1d4e89' : undefined }}
              >
                <div style={{ fontSize: 13, color: '#5b6472' }} title={PROGRAMME_TYPE_LABELS[r.programmeType]}>
                  {PROGRAMME_SHORT[r.programmeType]}
                </div>
                <div style={{ fontSize: 22, fontWeight: 600 }}>{formatNumberVi(r.total)}</div>
                <div style={{ fontSize: 12, color: '#5b6472' }}>
                  {formatNumberVi(r.confirmed)} đã xác nhận · {formatNumberVi(r.proposed)} đề xuất
                </div>
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
