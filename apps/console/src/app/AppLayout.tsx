import { Link, Outlet } from 'react-router';
import { RequireSession } from '@/auth/components/RequireSession';
import { UserMenu } from '@/auth/components/UserMenu';
import { MainNav } from './MainNav';

export function AppLayout() {
  return (
    <RequireSession>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          Roundhouse
        </Link>
        <MainNav />
        <UserMenu />
      </header>
      <main id="main" className="app-main">
        <Outlet />
      </main>
    </RequireSession>
  );
}
