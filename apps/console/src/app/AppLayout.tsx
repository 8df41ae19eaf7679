import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { RequireSession } from '@/auth/components/RequireSession';
import { UserMenu } from '@/auth/components/UserMenu';
import { MainNav } from './MainNav';
import { useScrollToTopOnPageChange } from './useScrollToTopOnPageChange';

const NAV_ID = 'main-nav';

/**
 * The console's frame. On wide screens the sections sit on one line; below about 1,200 px they fold
 * into a "Menu" button that opens them as a list (styles.css, `.app-header`), closed again on every
 * page change and with Escape.
 */
export function AppLayout() {
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  const toggle = useRef<HTMLButtonElement>(null);
  useScrollToTopOnPageChange();

  useEffect(() => {
    setMenuOpen(false);
  }, [pathname]);

  return (
    <RequireSession>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header
        className={menuOpen ? 'app-header app-header--menu-open' : 'app-header'}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && menuOpen) {
            setMenuOpen(false);
            toggle.current?.focus();
          }
        }}
      >
        <Link to="/" className="brand">
          Roundhouse
        </Link>
        <button
          ref={toggle}
          type="button"
          className="button button--quiet app-menu-toggle"
          aria-expanded={menuOpen}
          aria-controls={NAV_ID}
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <MainNav id={NAV_ID} />
        <UserMenu />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </RequireSession>
  );
}
