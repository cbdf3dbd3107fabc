/** Attendance and scores from the .xlsx template: download, dry run with row errors, then import (all or nothing). */
import { useState } from 'react';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Upload } from 'antd';
import { formatNumberVi, RESULTS_IMPORT_MAX_BYTES, type ResultsImportError, type ResultsImportResponse } from '@app/shared';
import { SaveError } from '../common.tsx';
import { keys, uploadFile } from '../trainingApi.ts';

export function ResultsImport({ classId, canRecord }: { classId: number; canRecord: boolean }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ResultsImportResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);

  const run = async (f: File, dryRun: boolean) => {
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    try {
      const r = await uploadFile<ResultsImportResponse>(`/api/classes/${classId}/results-import`, f, { dryRun });
      setReport(r);
      if (!dryRun && r.ok) {
        message.success(`Đã nhập ${formatNumberVi(r.attendanceRecords)} lượt điểm danh và ${formatNumberVi(r.scoreRecords)} điểm.`);
        setFile(null);
        await qc.invalidateQueries({ queryKey: [...keys.classes, 'results', classId] });
      }
    } catch (err) {
      setError(err);
      setReport(null);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <p style={{ marginTop: 0 }}>
        Tải tệp mẫu (danh sách học viên × buổi học và các cột điểm), điền “Có mặt”, “Vắng có phép”, “Vắng không phép” và điểm 0–10, rồi tải lên. Phần mềm
        kiểm tra trước; có lỗi thì không lưu gì.
      </p>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={`/api/classes/${classId}/results-template.xlsx`}>
          Tải tệp mẫu (.xlsx)
        </Button>
        {canRecord && (
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              if (f.size > RESULTS_IMPORT_MAX_BYTES) {
                setError(new Error(`Tệp vượt quá ${RESULTS_IMPORT_MAX_BYTES / 1024 / 1024} MB.`));
                return Upload.LIST_IGNORE;
              }
              setFile(f);
              void run(f, true);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy === 'check'}>
              Chọn tệp đã điền và kiểm tra
            </Button>
          </Upload>
        )}
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
                ? `${report.dryRun ? 'Kiểm tra xong, không có lỗi' : 'Đã nhập'}: ${formatNumberVi(report.rows)} học viên, ${formatNumberVi(report.attendanceRecords)} lượt điểm danh, ${formatNumberVi(report.scoreRecords)} điểm.`
                : `Tệp có ${formatNumberVi(report.errors.length)} lỗi; chưa lưu gì. Sửa các ô dưới đây trong tệp rồi tải lên lại.`
            }
            action={
              report.ok &&
              report.dryRun &&
              file && (
                <Button type="primary" size="small" loading={busy === 'import'} onClick={() => void run(file, false)}>
                  Nhập dữ liệu
                </Button>
              )
            }
          />
          {report.errors.length > 0 && (
            <Table<ResultsImportError>
              rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
              size="small"
              dataSource={report.errors}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: 'Dòng', dataIndex: 'row', width: 70 },
                { title: 'Cột', dataIndex: 'column', width: 180 },
                { title: 'Lỗi và cách sửa', dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}
