/** What a dry run or an import found: the summary and every problem (Dòng, Cột, Lỗi), exportable and printable. */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table } from 'antd';
import { formatNumberVi, type RosterImportError, type RosterImportResult } from '@app/shared';
import { errorsCsv } from './importApi.ts';
import { saveBlob } from './officialsApi.ts';

const n = formatNumberVi;

export function summaryText(r: RosterImportResult): string {
  const parts = [`thêm ${n(r.created)} người`, `cập nhật ${n(r.updated)} người`];
  if (r.unchanged) parts.push(`${n(r.unchanged)} người không thay đổi`);
  return r.dryRun
    ? `Tệp hợp lệ (${n(r.totalRows)} dòng): sẽ ${parts.join(', ')}.`
    : `Đã nhập xong ${n(r.totalRows)} dòng: ${parts.join(', ')}.`;
}

export function ImportReport({ result, fileName }: { result: RosterImportResult; fileName: string }) {
  const rows = new Set(result.errors.map((e) => e.row)).size;
  return (
    <>
      {result.ok ? (
        <Alert type="success" showIcon role="status" title={summaryText(result)} style={{ marginBottom: 12 }} />
      ) : (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={
            result.errorCount > result.errors.length
              ? `Tệp có ${n(result.errorCount)} lỗi — chưa có gì được lưu.`
              : `Tệp có ${n(result.errorCount)} lỗi ở ${n(rows)} dòng — chưa có gì được lưu.`
          }
          description="Sửa các ô được liệt kê dưới đây trong tệp Excel, lưu lại rồi chọn lại tệp để kiểm tra. Chỉ khi tệp không còn lỗi mới nhập chính thức được."
          style={{ marginBottom: 12 }}
        />
      )}
      {result.ignoredColumns.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={`Các cột không dùng (được bỏ qua): ${result.ignoredColumns.join(', ')}`}
          style={{ marginBottom: 12 }}
        />
      )}
      {result.errors.length > 0 && (
        <div className="import-errors">
          <div className="no-print" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 8, alignItems: 'center' }}>
            <strong style={{ marginRight: 'auto' }}>Danh sách lỗi</strong>
            <Space wrap>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => saveBlob(errorsCsv(result.errors), `loi-nhap-${fileName.replace(/\.xlsx$/i, '')}.csv`)}
              >
                Tải danh sách lỗi
              </Button>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                In danh sách lỗi
              </Button>
            </Space>
          </div>
          <div className="print-only">
            <h2 style={{ fontSize: 16 }}>Lỗi của tệp {fileName}</h2>
          </div>
          <Table<RosterImportError>
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            size="small"
            dataSource={result.errors}
            scroll={{ x: 640 }}
            title={() =>
              `Tổng số: ${n(result.errorCount)} lỗi${result.errorCount > result.errors.length ? ` (hiện ${n(result.errors.length)} lỗi đầu tiên)` : ''}`
            }
            pagination={result.errors.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 70, sorter: (a, b) => a.row - b.row },
              { title: 'Cột', dataIndex: 'column', width: 180 },
              { title: 'Lỗi', dataIndex: 'message' },
            ]}
          />
        </div>
      )}
    </>
  );
}
