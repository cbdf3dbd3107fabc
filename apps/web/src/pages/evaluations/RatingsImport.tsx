/**
 * Annual ratings from Excel (Decree 335/2025): download the template (the commune's officials, any
 * rating they already have), upload it filled in; the server checks every row first and saves nothing
 * if one is wrong. Shows the summary (created / updated / unchanged) or the table of row errors.
 */
import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Space, Table } from 'antd';
import { formatNumberVi, RATING_IMPORT_MAX_BYTES, type RatingImportError, type RatingImportResponse } from '@app/shared';
import { sendForm } from '../../api/upload.ts';
import { FileField, megabytes, useFileField } from '../../components/FileField.tsx';
import { SaveError } from '../training/common.tsx';
import { evalKeys } from './evaluationsApi.ts';

/** `shownUnitIds`: units whose 20% warning the page already shows (not repeated here). */
export function RatingsImport({ year, shownUnitIds }: { year: number; shownUnitIds: readonly (number | null)[] }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const upload = useFileField(RATING_IMPORT_MAX_BYTES);
  const [report, setReport] = useState<RatingImportResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);

  const run = async (dryRun: boolean) => {
    if (!upload.file || upload.error) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    try {
      const r = await sendForm<RatingImportResponse>('/api/ratings/import', {
        file: upload.file,
        query: { dryRun },
        onProgress: upload.onProgress,
        fallbackMessage: 'Không tải được tệp lên. Vui lòng thử lại.',
        tooLargeMessage: `Tệp vượt quá ${megabytes(RATING_IMPORT_MAX_BYTES)} MB.`,
      });
      upload.done();
      setReport(r);
      if (!dryRun && r.ok) {
        message.success(`Đã nhập xếp loại: ${formatNumberVi(r.created + r.updated)} thay đổi.`);
        await qc.invalidateQueries({ queryKey: evalKeys.ratings });
      }
    } catch (err) {
      upload.done(err);
      setError(err);
      setReport(null);
    } finally {
      setBusy(null);
    }
  };

  const summary = (r: RatingImportResponse) =>
    `${formatNumberVi(r.rows)} dòng: ${formatNumberVi(r.created)} xếp loại mới, ${formatNumberVi(r.updated)} sửa, ${formatNumberVi(r.unchanged)} giữ nguyên` +
    (r.skipped ? `, ${formatNumberVi(r.skipped)} dòng chưa điền điểm (bỏ qua).` : '.');

  return (
    <Card size="small" title="Nhập xếp loại từ Excel" style={{ marginBottom: 12 }}>
      <p style={{ marginTop: 0 }}>
        Tải tệp mẫu (danh sách cán bộ, công chức của xã, điền sẵn xếp loại đã có), điền số CCCD hoặc mã hồ sơ, họ tên, năm, điểm tiêu chí
        chung (tối đa 30), điểm thực hiện nhiệm vụ (tối đa 70), bị kỷ luật (Có/Không), rồi tải lên. Phần mềm kiểm tra mọi dòng trước; có
        dòng sai thì không lưu dòng nào.
      </p>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={`/api/ratings/template.xlsx?year=${year}`}>
          Tải tệp mẫu năm {year} (.xlsx)
        </Button>
      </Space>
      <Form layout="vertical" component="div">
        <FileField
          state={upload}
          label="Tệp xếp loại đã điền"
          extra={`Tệp .xlsx, tối đa ${megabytes(RATING_IMPORT_MAX_BYTES)} MB.`}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          buttonText="Chọn tệp Excel"
        />
      </Form>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button disabled={!upload.file || !!upload.error} loading={busy === 'check'} onClick={() => void run(true)}>
          Kiểm tra tệp
        </Button>
        <Button type="primary" disabled={!upload.file || !!upload.error} loading={busy === 'import'} onClick={() => void run(false)}>
          Nhập xếp loại
        </Button>
      </Space>
      <SaveError error={error} />
      {report && (
        <>
          <Alert
            type={report.ok ? (report.dryRun ? 'info' : 'success') : 'error'}
            showIcon
            role="status"
            style={{ marginBottom: 12 }}
            title={
              report.ok
                ? `${report.dryRun ? 'Kiểm tra xong, không có lỗi (chưa lưu)' : 'Đã nhập'} — ${summary(report)}`
                : `Tệp có ${formatNumberVi(report.errors.length)} lỗi; chưa lưu dòng nào. Sửa các ô dưới đây trong tệp rồi tải lên lại.`
            }
          />
          {report.warnings
            .filter((w) => !shownUnitIds.includes(w.unitId))
            .map((w) => (
              <Alert key={`${w.unitId}-${w.message}`} type="warning" showIcon title={w.message} style={{ marginBottom: 8 }} />
            ))}
          {report.errors.length > 0 && (
            <Table<RatingImportError>
              rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
              size="small"
              dataSource={report.errors}
              scroll={{ x: 600 }}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { title: 'Dòng', dataIndex: 'row', width: 70 },
                { title: 'Cột', dataIndex: 'column', width: 200 },
                { title: 'Lỗi và cách sửa', dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
