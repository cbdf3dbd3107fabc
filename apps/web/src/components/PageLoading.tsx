import { Spin } from 'antd';

export function PageLoading({ full = false }: { full?: boolean }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', padding: 48, minHeight: full ? '100vh' : 200 }}>
      <Spin description="Đang tải…" />
    </div>
  );
}
