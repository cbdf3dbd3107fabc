import { Alert, Button } from 'antd';
import { ApiError, errorMessage } from '../../api/client.ts';

export const isConflict = (err: unknown) => err instanceof ApiError && err.code === 'VERSION_CONFLICT';

/**
 * A failed save: the server's message; for an optimistic-concurrency conflict ("Bản ghi đã được
 * người khác sửa lúc 09:14; …") a "Tải lại" button that loads the latest version.
 */
export function SaveError({ error, onReload, reloading }: { error: unknown; onReload: () => void; reloading?: boolean }) {
  if (error === null || error === undefined) return null;
  const conflict = isConflict(error);
  return (
    <Alert
      type={conflict ? 'warning' : 'error'}
      showIcon
      role="alert"
      title={errorMessage(error)}
      style={{ marginBottom: 12 }}
      action={
        conflict && (
          <Button size="small" type="primary" loading={reloading} onClick={onReload}>
            Tải lại
          </Button>
        )
      }
    />
  );
}
