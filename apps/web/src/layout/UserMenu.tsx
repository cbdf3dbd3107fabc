/** Who is logged in, with "Đổi mật khẩu" and "Đăng xuất": inline on wide screens, a dropdown on phones. */
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { ROLE_LABELS } from '@app/shared';
import { useNavigate } from 'react-router-dom';
import { useAuthActions, useCurrentUser } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { scopeLabel } from './scope.ts';

export function UserMenu({ compact }: { compact: boolean }) {
  const me = useCurrentUser();
  const { logout } = useAuthActions();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const doLogout = async () => {
    try {
      await logout();
    } catch (err) {
      message.error(errorMessage(err));
    }
    void navigate('/dang-nhap', { replace: true });
  };

  const scope = scopeLabel(me);
  if (compact) {
    return (
      <div className="app-user">
        <Dropdown
          trigger={['click']}
          placement="bottomRight"
          menu={{
            items: [
              {
                key: 'who',
                disabled: true,
                label: (
                  <div style={{ maxWidth: 260, whiteSpace: 'normal', color: '#1f2937' }}>
                    <strong>{me.fullName}</strong>
                    <div>{ROLE_LABELS[me.role]}</div>
                    {scope && <div style={{ color: '#5b6472' }}>{scope}</div>}
                  </div>
                ),
              },
              { type: 'divider' },
              { key: 'pw', icon: <KeyOutlined />, label: 'Đổi mật khẩu', onClick: () => void navigate('/doi-mat-khau') },
              { key: 'out', icon: <LogoutOutlined />, label: 'Đăng xuất', onClick: () => void doLogout() },
            ],
          }}
        >
          <Button type="text" icon={<UserOutlined />} aria-label={`Tài khoản: ${me.fullName}`} size="large" />
        </Dropdown>
      </div>
    );
  }
  return (
    <div className="app-user">
      <div className="app-user-text">
        <span>
          <strong>{me.fullName}</strong> · {ROLE_LABELS[me.role]}
        </span>
        {scope && <span className="app-user-sub">{scope}</span>}
      </div>
      <Button type="text" icon={<KeyOutlined />} onClick={() => void navigate('/doi-mat-khau')}>
        Đổi mật khẩu
      </Button>
      <Button type="text" icon={<LogoutOutlined />} onClick={() => void doLogout()}>
        Đăng xuất
      </Button>
    </div>
  );
}
