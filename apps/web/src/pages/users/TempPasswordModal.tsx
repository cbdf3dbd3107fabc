/** Shows a temporary password once, with a copy button. */
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography } from 'antd';

export interface TempPassword {
  title: string;
  username: string;
  password: string;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function TempPasswordModal({ value, onClose }: { value: TempPassword | null; onClose: () => void }) {
  const { message } = App.useApp();
  return (
    <Modal
      open={value !== null}
      title={value?.title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          Tôi đã ghi lại mật khẩu
        </Button>
      }
    >
      {value && (
        <>
          <Typography.Paragraph>
            Tên đăng nhập: <Typography.Text strong>{value.username}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 8 }}>Mật khẩu tạm thời:</Typography.Paragraph>
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 16 }}>
            <code
              data-testid="temporary-password"
              style={{
                fontSize: 18,
                padding: '6px 10px',
                background: '#f3f5f8',
                borderRadius: 6,
                wordBreak: 'break-all',
                userSelect: 'all',
              }}
            >
              {value.password}
            </code>
            <Button
              icon={<CopyOutlined />}
              onClick={() =>
                void copyText(value.password).then((ok) =>
                  ok
                    ? message.success('Đã sao chép mật khẩu.')
                    : message.warning('Không sao chép tự động được; hãy chọn và sao chép thủ công.'),
                )
              }
            >
              Sao chép
            </Button>
          </div>
          <Alert
            type="info"
            showIcon
            title="Mật khẩu chỉ hiện một lần"
            description="Hãy gửi mật khẩu này cho người dùng qua kênh an toàn. Người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên."
          />
        </>
      )}
    </Modal>
  );
}
