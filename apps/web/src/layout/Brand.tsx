import { Link } from 'react-router-dom';

/** Product mark in the header; the short name fits a 360 px phone. */
export function Brand({ compact }: { compact: boolean }) {
  return (
    <Link to="/" className="app-brand" aria-label="Bồi dưỡng CBCC cấp xã — về trang chủ">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span className="app-brand-text">{compact ? 'Bồi dưỡng CBCC' : 'Bồi dưỡng CBCC cấp xã'}</span>
    </Link>
  );
}
