import type { AutomationDetailFragment } from '@/gql/graphql';
import { MarkdownText } from '@/shared/components/MarkdownText';
import { runbookAnchor } from './runbookAnchor';
import styles from './RunbookList.module.css';

export function RunbookList({ runbooks }: { runbooks: AutomationDetailFragment['runbooks'] }) {
  if (runbooks.length === 0) {
    return <p className="muted">No runbooks yet. Whoever is paged at 3 a.m. will want one.</p>;
  }
  return (
    <div className="stack">
      {runbooks.map((runbook) => (
        <article key={runbook.id} id={runbookAnchor(runbook.id)} className={styles.runbook} aria-labelledby={`${runbookAnchor(runbook.id)}-title`}>
          <header className={styles.header}>
            <h3 id={`${runbookAnchor(runbook.id)}-title`}>{runbook.title}</h3>
            {runbook.path ? <span className="muted">catalog/{runbook.path}</span> : null}
          </header>
          <MarkdownText markdown={runbook.markdown} />
        </article>
      ))}
    </div>
  );
}
