/** Small building blocks shared by the training screens: save errors, discard confirmation, page title. */
import type { ReactNode } from 'react';
import { Alert, App, Button, Typography } from 'antd';
import { ApiError, errorMessage } from '../../api/client.ts';

export const isVersionConflict = (err: unknown) => err instanceof ApiError && err.code === 'VERSION_CONFLICT';

/** A failed save: the server's Vietnamese message; a version conflict offers "Tải lại". */
export function SaveError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  if (error === null || error === undefined) return null;
  const conflict = isVersionConflict(error);
  return (
    <Alert
      type={conflict ? 'warning' : 'error'}
      showIcon
      role="alert"
      title={errorMessage(error)}
      style={{ marginBottom: 12 }}
      action={
        conflict &&
        onReload && (
          <Button size="small" type="primary" onClick={onReload}>
            Tải lại
          </Button>
        )
      }
    />
  );
}

/** Asks before throwing away typed changes (closing a drawer or a modal). */
export function useConfirmDiscard() {
  const { modal } = App.useApp();
  return (dirty: boolean, discard: () => void) => {
    if (!dirty) return discard();
    modal.confirm({
      title: 'Bỏ các thay đổi chưa lưu?',
      content: 'Các thay đổi bạn vừa nhập chưa được lưu và sẽ mất.',
      okText: 'Bỏ thay đổi',
      okButtonProps: { danger: true },
      cancelText: 'Tiếp tục sửa',
      onOk: discard,
    });
  };
}

export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 8 }}>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22, margin: 0, flex: '1 1 auto' }}>
        {children}
      </Typography.Title>
      {extra}
    </div>
  );
}

export function Hint({ children }: { children: ReactNode }) {
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
      {children}
    </Typography.Paragraph>
  );
}
