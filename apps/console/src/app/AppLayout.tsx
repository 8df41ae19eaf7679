import { useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { RequireSession } from '@/auth/components/RequireSession';
import { UserMenu } from '@/auth/components/UserMenu';
import { Button } from '@/shared/ui/Button';
import styles from './AppLayout.module.css';
import { MainNav } from './MainNav';
import { useScrollToTopOnPageChange } from './useScrollToTopOnPageChange';

const NAV_ID = 'main-nav';

/**
 * The console's frame. On wide screens the sections sit on one line; below about 1,200 px they fold
 * into a "Menu" button that opens them as a list (AppLayout.module.css), closed again on every
 * page change and with Escape.
 */
export function AppLayout() {
  const { pathname } = useLocation();
  // The menu is open on the page it was opened on: any page change closes it, with no extra render.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === pathname;
  const toggle = useRef<HTMLButtonElement>(null);
  useScrollToTopOnPageChange();

  return (
    <RequireSession>
      <a className={styles.skipLink} href="#main">
        Skip to content
      </a>
      <header
        className={menuOpen ? `${styles.header} ${styles.menuOpen}` : styles.header}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && menuOpen) {
            setOpenOn(null);
            toggle.current?.focus();
          }
        }}
      >
        <Link to="/" className={styles.brand}>
          Roundhouse
        </Link>
        <Button ref={toggle} variant="quiet" className={styles.menuToggle} aria-expanded={menuOpen} aria-controls={NAV_ID} onClick={() => setOpenOn(menuOpen ? null : pathname)}>
          Menu
        </Button>
        <MainNav id={NAV_ID} className={styles.nav} />
        <UserMenu className={styles.userMenu} />
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
    </RequireSession>
  );
}
