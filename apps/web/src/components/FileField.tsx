/**
 * One file field of a form, for every upload screen: choose one file (checked for size before it is
 * sent), show the server's message for field "file", and the upload's progress while it goes up.
 * `useFileField` holds the state; `FileField` draws it inside an antd Form.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Progress, Upload } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';

export interface FileFieldState {
  file: File | null;
  error: string | null;
  /** 0–100 while sending, null otherwise */
  percent: number | null;
  maxBytes: number;
  choose: (f: File) => void;
  clear: () => void;
  /** pass as `onProgress` of sendForm */
  onProgress: (percent: number) => void;
  /** after a send: stop the bar; take the server's message for the file field, if any */
  done: (err?: unknown) => void;
}

export const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

export function useFileField(maxBytes: number, field = 'file'): FileFieldState {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const choose = useCallback(
    (f: File) => {
      setError(f.size > maxBytes ? `Tệp vượt quá ${megabytes(maxBytes)} MB` : null);
      setFile(f);
    },
    [maxBytes],
  );
  const clear = useCallback(() => {
    setFile(null);
    setError(null);
    setPercent(null);
  }, []);
  const done = useCallback(
    (err?: unknown) => {
      setPercent(null);
      setError(err instanceof ApiError ? (err.fields.find((f) => f.field === field)?.message ?? null) : null);
    },
    [field],
  );
  return useMemo(
    () => ({ file, error, percent, maxBytes, choose, clear, onProgress: setPercent, done }),
    [file, error, percent, maxBytes, choose, clear, done],
  );
}

export function FileField({
  state,
  label,
  extra,
  accept,
  buttonText = 'Chọn tệp',
  children,
}: {
  state: FileFieldState;
  label: ReactNode;
  extra?: ReactNode;
  accept: string;
  buttonText?: string;
  /** shown under the button (e.g. the file already on record) */
  children?: ReactNode;
}) {
  return (
    <Form.Item label={label} extra={extra} validateStatus={state.error ? 'error' : undefined} help={state.error ?? undefined}>
      <Upload
        accept={accept}
        maxCount={1}
        beforeUpload={(f) => {
          state.choose(f);
          return false;
        }}
        onRemove={() => state.clear()}
        fileList={state.file ? [{ uid: '1', name: state.file.name, status: 'done' }] : []}
      >
        <Button icon={<UploadOutlined />}>{buttonText}</Button>
      </Upload>
      {state.percent !== null && state.file && (
        <Progress percent={state.percent} size="small" aria-label="Tiến độ tải tệp lên" style={{ maxWidth: 360 }} />
      )}
      {children}
    </Form.Item>
  );
}
