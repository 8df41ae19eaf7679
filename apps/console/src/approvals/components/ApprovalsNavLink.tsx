import { NavLink } from 'react-router';
import { useApprovals } from '../hooks/useApprovals';
import styles from './ApprovalsNavLink.module.css';

/** "Approvals", with how many items wait for the viewer's decision. */
export function ApprovalsNavLink() {
  const approvals = useApprovals();
  const waiting = approvals.data?.approvals.waitingForYou ?? 0;
  return (
    <NavLink to="/approvals" className={styles.counted} aria-label={waiting > 0 ? `Approvals, ${waiting} waiting for you` : undefined}>
      Approvals
      {waiting > 0 ? (
        <span className={styles.count} aria-hidden="true">
          {waiting}
        </span>
      ) : null}
    </NavLink>
  );
}
