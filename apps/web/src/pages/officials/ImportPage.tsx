/**
 * "Nhập từ Excel" (SPEC §3): 1 download the commune's template, 2 choose a file — it is uploaded
 * with a progress bar and checked (dry run), 3 import for real, only when the check found nothing.
 */
import { useEffect, useState } from 'react';
import { CheckCircleOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Progress, Result, Steps, Typography, Upload } from 'antd';
import { formatNumberVi, ROSTER_IMPORT_MAX_BYTES, type RosterImportResult } from '@app/shared';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { CommunePicker, communeOf, picksCommune } from './CommunePicker.tsx';
import { uploadRoster, useImportJob } from './importApi.ts';
import { ImportReport, summaryText } from './ImportReport.tsx';
import { downloadFile } from './officialsApi.ts';
import './import.css';

type Busy = { dryRun: boolean; stage: 'upload' | 'server' } | null;
const JOB_KEY = 'roster-import-job';

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${formatNumberVi(bytes / 1024, 0)} KB` : `${formatNumberVi(bytes / 1024 / 1024, 1)} MB`;

export default function ImportPage() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const commune = communeOf(me, params.get('commune') ?? undefined);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState(0);
  // A background job survives leaving the page: its id is kept for this browser tab.
  const [jobId, setJobIdState] = useState<string | null>(() => sessionStorage.getItem(JOB_KEY));
  const [checked, setChecked] = useState<RosterImportResult | null>(null);
  const [imported, setImported] = useState<RosterImportResult | null>(null);
  const [reportName, setReportName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const jobStatus = useImportJob(jobId);

  const setJobId = (id: string | null) => {
    if (id) sessionStorage.setItem(JOB_KEY, id);
    else sessionStorage.removeItem(JOB_KEY);
    setJobIdState(id);
  };

  const finish = (dryRun: boolean, r: RosterImportResult, name: string) => {
    setBusy(null);
    setJobId(null);
    setReportName(name);
    if (dryRun || !r.ok) setChecked(r);
    else setImported(r);
  };

  useEffect(() => {
    const s = jobStatus.data;
    if (!jobId || !s || s.id !== jobId) return;
    if (s.status === 'done' && s.result) finish(s.dryRun, s.result, s.fileName ?? '');
    if (s.status === 'failed') {
      setBusy(null);
      setJobId(null);
      setError(new ApiError({ statusCode: 400, code: 'VALIDATION_ERROR', message: s.error?.message ?? 'Không xử lý được tệp.' }));
    }
  }, [jobStatus.data, jobId]); // the job's answer drives the page
  useEffect(() => {
    if (jobId && jobStatus.error) setJobId(null); // an expired or foreign job: start over
  }, [jobStatus.error, jobId]);

  const run = async (f: File, dryRun: boolean) => {
    setError(null);
    setProgress(0);
    setBusy({ dryRun, stage: 'upload' });
    if (dryRun) setChecked(null);
    try {
      const answer = await uploadRoster({
        file: f,
        commune: picksCommune(me) ? commune : undefined,
        dryRun,
        onProgress: (p) => {
          setProgress(p);
          if (p >= 100) setBusy({ dryRun, stage: 'server' });
        },
      });
      if (answer.kind === 'job') setJobId(answer.jobId);
      else finish(dryRun, answer.result, f.name);
    } catch (err) {
      setBusy(null);
      setError(err);
    }
  };

  const template = useMutation({
    mutationFn: () =>
      downloadFile('/api/officials/template.xlsx', { commune: picksCommune(me) ? commune : undefined }, 'mau-danh-sach-can-bo.xlsx'),
    onError: (err) => message.error(errorMessage(err)),
  });

  const choose = (f: File) => {
    if (!/\.xlsx$/i.test(f.name)) {
      setError(
        new ApiError({
          statusCode: 400,
          code: 'VALIDATION_ERROR',
          message: `Tệp “${f.name}” không phải tệp Excel .xlsx. Hãy lưu tệp theo kiểu “Excel Workbook (*.xlsx)” rồi chọn lại.`,
        }),
      );
      return;
    }
    if (f.size > ROSTER_IMPORT_MAX_BYTES) {
      setError(
        new ApiError({
          statusCode: 413,
          code: 'PAYLOAD_TOO_LARGE',
          message: `Tệp “${f.name}” (${sizeText(f.size)}) vượt quá 10 MB. Hãy chia danh sách thành nhiều tệp.`,
        }),
      );
      return;
    }
    setFile(f);
    setImported(null);
    void run(f, true);
  };

  const reset = () => {
    setFile(null);
    setChecked(null);
    setImported(null);
    setError(null);
  };

  const current = imported ? 3 : checked?.ok ? 2 : file ? 1 : 0;
  const jobPercent = jobStatus.data?.progress ?? 0;
  const waiting = busy !== null || jobId !== null;
  const dryRunning = jobStatus.data?.dryRun ?? busy?.dryRun ?? true;
  const busyText = dryRunning ? 'Đang kiểm tra từng dòng…' : 'Đang nhập danh sách…';

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Nhập danh sách cán bộ, công chức từ Excel
      </Typography.Title>
      <div className="no-print">
        <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
          Ba bước: tải tệp mẫu của xã và điền mỗi người một dòng; chọn tệp để hệ thống kiểm tra thử (không lưu gì) và liệt kê mọi lỗi theo
          dòng, cột; khi tệp không còn lỗi, bấm “Nhập chính thức”. Người đã có trong danh sách (cùng số CCCD, hoặc cùng họ tên và ngày sinh)
          được cập nhật, không tạo trùng.
        </Typography.Paragraph>
        {picksCommune(me) && (
          <div className="table-toolbar">
            <CommunePicker
              me={me}
              allowAll={false}
              value={{ province: params.get('province') ?? undefined, commune }}
              onChange={(p) => {
                reset();
                setParams((prev) => {
                  const next = new URLSearchParams(prev);
                  for (const [k, v] of Object.entries(p)) {
                    if (v) next.set(k, v);
                    else next.delete(k);
                  }
                  return next;
                });
              }}
            />
          </div>
        )}
        <Steps
          current={current}
          style={{ marginBottom: 16 }}
          items={[{ title: 'Tải tệp mẫu' }, { title: 'Chọn tệp, kiểm tra thử' }, { title: 'Nhập chính thức' }]}
        />
      </div>
      {!commune ? (
        <Alert type="info" showIcon title="Chọn tỉnh và xã, phường cần nhập danh sách ở ô phía trên để bắt đầu." />
      ) : imported ? (
        <Result
          status="success"
          title="Đã nhập danh sách"
          subTitle={summaryText(imported)}
          extra={[
            <Link key="list" to={picksCommune(me) ? `/can-bo?commune=${commune}` : '/can-bo'}>
              <Button type="primary">Xem danh sách cán bộ, công chức</Button>
            </Link>,
            <Button key="again" onClick={reset}>
              Nhập tệp khác
            </Button>,
          ]}
        />
      ) : (
        <>
          <Card size="small" title="Bước 1 — Tải tệp mẫu" style={{ marginBottom: 16 }} className="no-print">
            <p style={{ marginTop: 0 }}>
              Tệp mẫu có sẵn tiêu đề tiếng Việt, danh sách thả xuống (đơn vị, vị trí việc làm của xã) và trang “Hướng dẫn”. Cột có dấu * là
              bắt buộc; ngày ghi dd/mm/yyyy.
            </p>
            <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
              Tải tệp mẫu (.xlsx)
            </Button>
          </Card>
          <Card size="small" title="Bước 2 — Chọn tệp và kiểm tra thử" style={{ marginBottom: 16 }}>
            <div className="no-print">
              <Upload.Dragger
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                multiple={false}
                showUploadList={false}
                disabled={waiting}
                beforeUpload={(f) => {
                  choose(f);
                  return Upload.LIST_IGNORE;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">Kéo tệp Excel (.xlsx) vào đây, hoặc bấm để chọn tệp</p>
                <p className="ant-upload-hint">Tối đa 10 MB. Chọn tệp là hệ thống kiểm tra thử ngay; chưa lưu gì.</p>
              </Upload.Dragger>
              {file && (
                <p style={{ margin: '8px 0' }}>
                  Tệp đã chọn: <strong>{file.name}</strong> ({sizeText(file.size)})
                </p>
              )}
              {waiting && (
                <div role="status" aria-live="polite" style={{ margin: '8px 0' }}>
                  <div>
                    {busy?.stage === 'upload'
                      ? `Đang tải tệp lên… ${progress}%`
                      : jobId
                        ? `${busyText} ${jobPercent}% — có thể rời trang này và quay lại mục “Nhập từ Excel” sau.`
                        : busyText}
                  </div>
                  <Progress percent={busy?.stage === 'upload' ? progress : jobId ? jobPercent : 100} status="active" aria-label="Tiến độ" />
                </div>
              )}
            </div>
            {error !== null && <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ margin: '8px 0' }} />}
            {checked && !waiting && <ImportReport result={checked} fileName={reportName} />}
            {checked?.ok && !file && !waiting && (
              <Alert type="info" showIcon title="Chọn lại tệp vừa kiểm tra để nhập chính thức." style={{ marginTop: 8 }} />
            )}
          </Card>
          <Card size="small" title="Bước 3 — Nhập chính thức" className="no-print">
            <p style={{ marginTop: 0 }}>
              Nhập là “tất cả hoặc không”: nếu có một dòng lỗi, cả tệp không được lưu. Chỉ nhập được sau khi kiểm tra thử không còn lỗi.
            </p>
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              disabled={!file || !checked?.ok || waiting}
              loading={waiting && !dryRunning}
              onClick={() => file && void run(file, false)}
            >
              Nhập chính thức
            </Button>
          </Card>
        </>
      )}
    </>
  );
}
