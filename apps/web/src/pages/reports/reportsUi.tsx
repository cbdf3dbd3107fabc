/** Small pieces shared by the report screens: status tags, number formatting, the file builder with progress. */
import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Grid, Progress, Space, Tag } from 'antd';
import { formatNumberVi, REPORT_STATUS_LABELS, type BuildStatus, type ReportStatus } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';

const STATUS_COLOURS: Record<ReportStatus | 'missing', string> = {
  draft: 'default',
  submitted: 'processing',
  accepted: 'success',
  returned: 'warning',
  missing: 'error',
};

export function ReportStatusTag({ status, overdue }: { status: ReportStatus | 'missing'; overdue?: boolean }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOURS[status]}>{status === 'missing' ? 'Chưa lập' : REPORT_STATUS_LABELS[status]}</Tag>
      {overdue && <Tag color="red">Quá hạn</Tag>}
    </Space>
  );
}

export const num = (n: number | null | undefined) => (n === null || n === undefined ? '–' : formatNumberVi(n));
export const pct = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${formatNumberVi(n, 2).replace(/,00$/, '')}%`);

export const KPI_STATUS_TEXT: Record<string, { text: string; color: string }> = {
  dat: { text: 'Đạt', color: 'success' },
  dung_tien_do: { text: 'Đúng tiến độ', color: 'processing' },
  cham: { text: 'Chậm tiến độ', color: 'warning' },
  chua_dat: { text: 'Chưa đạt', color: 'error' },
  chua_co_du_lieu: { text: 'Chưa có dữ liệu', color: 'default' },
  theo_doi: { text: 'Theo dõi', color: 'default' },
};

/** Starts a background build of the .docx or .xlsx, shows its progress, then downloads the file. */
export function FileBuilder({ reportId }: { reportId: number }) {
  const [build, setBuild] = useState<BuildStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current) window.clearTimeout(timer.current);
    },
    [],
  );
  const poll = (id: string) => {
    timer.current = window.setTimeout(() => {
      api
        .get<BuildStatus>(`/api/report-builds/${id}`)
        .then((b) => {
          setBuild(b);
          if (b.status === 'running') poll(id);
          else if (b.status === 'done') window.location.assign(`/api/report-builds/${id}/file`);
        })
        .catch((e: unknown) => setError(errorMessage(e)));
    }, 400);
  };
  const start = (format: 'docx' | 'xlsx') => {
    setError(null);
    api
      .post<BuildStatus>(`/api/reports/${reportId}/builds`, { format })
      .then((b) => {
        setBuild(b);
        poll(b.id);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  const running = build?.status === 'running';
  return (
    <div>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => start('docx')} disabled={running}>
          Tải văn bản (.docx)
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => start('xlsx')} disabled={running}>
          Tải các biểu phụ lục (.xlsx)
        </Button>
      </Space>
      {build && (
        <div style={{ maxWidth: 420, marginTop: 8 }} aria-live="polite">
          <Progress
            percent={build.progress}
            status={build.status === 'failed' ? 'exception' : build.status === 'done' ? 'success' : 'active'}
            size="small"
          />
          <span className="ant-typography ant-typography-secondary">
            {build.status === 'done' ? `Đã lập xong: ${build.fileName ?? ''}` : (build.stage ?? '')}
          </span>
        </div>
      )}
      {(error || build?.error) && <Alert type="error" showIcon title={error ?? build?.error} style={{ marginTop: 8 }} />}
    </div>
  );
}

/**
 * A card of the report screens that works at 360 px: the title wraps instead of being cut, and on a
 * phone the header's `extra` (a button, the deadline editor) moves to the top of the body, so it
 * neither squeezes the title to nothing nor pushes the page sideways.
 */
export function ReportCard({ extra, title, children, styles, ...rest }: ComponentProps<typeof Card>) {
  const phone = !Grid.useBreakpoint().sm;
  return (
    <Card
      {...rest}
      title={title}
      extra={phone ? undefined : extra}
      styles={{ ...styles, title: { whiteSpace: 'normal', paddingBlock: 6 } }}
    >
      {phone && extra && <div style={{ marginBottom: 12 }}>{extra}</div>}
      {children}
    </Card>
  );
}
