/** Learners' phone-first layout (UX.md): slim header, content column, bottom bar with five tabs. */
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useCurrentUser } from '../api/auth.ts';
import { Brand } from './Brand.tsx';
import { LEARNER_TABS } from './navigation.tsx';
import { UserMenu } from './UserMenu.tsx';

export function LearnerLayout({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  return (
    <div style={{ minHeight: '100vh', background: '#f3f5f8' }}>
      <header className="app-header" style={{ display: 'flex' }}>
        <Brand compact />
        <UserMenu compact />
      </header>
      <main className="learner-content">{children}</main>
      {!me.mustChangePassword && (
        <nav className="bottom-bar" aria-label="Thanh điều hướng">
          {LEARNER_TABS.map((t) => (
            <NavLink key={t.key} to={t.path ?? '/'} end={t.path === '/'} className={({ isActive }) => (isActive ? 'active' : '')}>
              {t.icon}
              <span>{t.label}</span>
            </NavLink>
          ))}
        </nav>
      )}
    </div>
  );
}
