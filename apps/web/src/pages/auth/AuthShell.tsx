/** Public-service frame for the login and first-login password pages. */
import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';

export function AuthShell({ children }: { children: ReactNode }) {
  return (
    <div className="auth-page">
      <header className="auth-hero">
        <img src="/favicon.svg" alt="" width={52} height={52} />
        <Typography.Title level={1} className="auth-title">
          Phần mềm đánh giá và quản lý chất lượng bồi dưỡng cán bộ, công chức cấp xã
        </Typography.Title>
        <div className="auth-subtitle">Đề án theo Quyết định 700/QĐ-TTg</div>
      </header>
      <main className="auth-main">
        <Card className="auth-card">{children}</Card>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, textAlign: 'center', fontSize: 12 }}>
          Bộ Nội vụ · Hệ thống dùng cho cán bộ, công chức cấp xã và cơ quan quản lý
        </Typography.Paragraph>
      </main>
    </div>
  );
}
