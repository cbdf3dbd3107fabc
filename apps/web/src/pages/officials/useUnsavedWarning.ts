/**
 * Unsaved-changes warning (UX.md "Edit in a drawer … unsaved-changes warning"): asks before leaving
 * the page inside the app, and lets the browser ask before closing or reloading the tab.
 */
import { useEffect } from 'react';
import { App } from 'antd';
import { useBlocker } from 'react-router-dom';

export function useUnsavedWarning(dirty: boolean): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: 'Rời trang khi chưa lưu?',
      content: 'Các thay đổi bạn vừa nhập chưa được lưu và sẽ mất.',
      okText: 'Rời trang, không lưu',
      okButtonProps: { danger: true },
      cancelText: 'Ở lại',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
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
