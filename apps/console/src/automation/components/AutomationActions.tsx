import { useState } from 'react';
import { Link } from 'react-router';
import type { AutomationDetailFragment } from '@/gql/graphql';
import { ArchiveAutomationDialog } from './ArchiveAutomationDialog';
import { ExportYamlDialog } from './ExportYamlDialog';
import { MANAGED_IN_GIT_NOTICE_ID, managedInGitText } from './ManagedInGitNotice';

type ActionsProps = Pick<AutomationDetailFragment, 'slug' | 'title' | 'source' | 'sourceFile' | 'canEdit' | 'editBlockedReason' | 'archivedAt'>;

const EDIT_BLOCKED_ID = 'edit-blocked-reason';

export function AutomationActions(automation: ActionsProps) {
  const [dialog, setDialog] = useState<'export' | 'archive' | null>(null);
  const close = () => setDialog(null);
  const fileManaged = automation.source === 'file';
  const editable = automation.canEdit && !fileManaged;
  const blockedReason = fileManaged ? managedInGitText(automation.sourceFile) : (automation.editBlockedReason ?? 'You cannot edit this automation.');

  return (
    <div className="actions">
      {editable ? (
        <>
          <Link className="button button--primary" to={`/automations/${automation.slug}/edit`}>
            Edit
          </Link>
          {automation.archivedAt ? null : (
            <button type="button" className="button button--danger-quiet" onClick={() => setDialog('archive')}>
              Archive
            </button>
          )}
        </>
      ) : (
        <>
          <button type="button" className="button" disabled title={blockedReason} aria-describedby={fileManaged ? MANAGED_IN_GIT_NOTICE_ID : EDIT_BLOCKED_ID}>
            Edit
          </button>
          {fileManaged ? null : (
            <span className="actions__reason" id={EDIT_BLOCKED_ID}>
              {blockedReason}
            </span>
          )}
        </>
      )}
      <button type="button" className="button" onClick={() => setDialog('export')}>
        Export YAML
      </button>
      {dialog === 'export' ? <ExportYamlDialog slug={automation.slug} onClose={close} /> : null}
      {dialog === 'archive' ? <ArchiveAutomationDialog slug={automation.slug} title={automation.title} onClose={close} /> : null}
    </div>
  );
}
