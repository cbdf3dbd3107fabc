import { ToolOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';

export default function ComingSoonPage({ title }: { title: string }) {
  return (
    <Result
      icon={<ToolOutlined style={{ color: '#1d4e89' }} />}
      title={title}
      subTitle="Tính năng đang được xây dựng. Bạn vui lòng quay lại sau."
      extra={
        <Link to="/">
          <Button type="primary">Về Trang của tôi</Button>
        </Link>
      }
    />
  );
}
