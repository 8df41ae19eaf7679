import { NavLink } from 'react-router';
import styles from './AutomationTabs.module.css';

const TABS = [
  { to: '', label: 'Overview', end: true },
  { to: 'health', label: 'Health', end: false },
  { to: 'slos', label: 'SLOs', end: false },
  { to: 'runs', label: 'Runs', end: false },
  { to: 'reprocessing', label: 'Reprocessing', end: false },
] as const;

/** The automation page's sections. Each is its own URL, so a link (or the back button) lands on it. */
export function AutomationTabs({ slug }: { slug: string }) {
  return (
    <nav className={styles.tabs} aria-label="Automation sections">
      {TABS.map((tab) => (
        <NavLink
          key={tab.label}
          to={tab.to ? `/automations/${slug}/${tab.to}` : `/automations/${slug}`}
          end={tab.end}
          className={({ isActive }) => (isActive ? `${styles.tab} ${styles.active}` : styles.tab)}
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
