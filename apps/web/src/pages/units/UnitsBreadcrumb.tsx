/** Toàn quốc › Tỉnh › Xã — each level links to its URL when the user may open it. */
import { Breadcrumb } from 'antd';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth.ts';

interface Props {
  province?: { code: string; name?: string };
  commune?: { name: string };
}

export function UnitsBreadcrumb({ province, commune }: Props) {
  const me = useCurrentUser();
  const canSeeNation = me.scope.level === 'nation';
  const canSeeProvince = canSeeNation || me.scope.level === 'province';
  const items = [{ key: 'vn', title: canSeeNation && province ? <Link to="/quan-tri/don-vi">Toàn quốc</Link> : 'Toàn quốc' }];
  if (province) {
    const name = province.name ?? `Tỉnh ${province.code}`;
    items.push({
      key: 'p',
      title: commune && canSeeProvince ? <Link to={`/quan-tri/don-vi/tinh/${province.code}`}>{name}</Link> : name,
    });
  }
  if (commune) items.push({ key: 'c', title: commune.name });
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} />;
}
