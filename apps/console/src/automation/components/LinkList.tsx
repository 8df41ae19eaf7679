import type { AutomationDetailFragment } from '@/gql/graphql';
import { Badge } from '@/shared/components/Badge';
import { LINK_TYPE_LABELS } from '@/shared/format/labels';
import styles from './AutomationOverview.module.css';

export function LinkList({ links }: { links: AutomationDetailFragment['links'] }) {
  if (links.length === 0) {
    return <p className="muted">No links yet.</p>;
  }
  return (
    <ul className={styles.links}>
      {links.map((link) => (
        <li key={`${link.url}-${link.title}`}>
          <Badge tone="muted">{LINK_TYPE_LABELS[link.type]}</Badge>{' '}
          <a href={link.url} target="_blank" rel="noopener noreferrer">
            {link.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
