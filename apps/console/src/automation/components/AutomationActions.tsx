import { useState } from 'react';
import type { AutomationDetailFragment } from '@/gql/graphql';
import { Actions, ActionsReason } from '@/shared/ui/Actions';
import { Button, ButtonLink } from '@/shared/ui/Button';
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
    <Actions>
      {editable ? (
        <>
          <ButtonLink variant="primary" to={`/automations/${automation.slug}/edit`}>
            Edit
          </ButtonLink>
          {automation.archivedAt ? null : (
            <Button variant="danger-quiet" onClick={() => setDialog('archive')}>
              Archive
            </Button>
          )}
        </>
      ) : (
        <>
          <Button disabled title={blockedReason} aria-describedby={fileManaged ? MANAGED_IN_GIT_NOTICE_ID : EDIT_BLOCKED_ID}>
            Edit
          </Button>
          {fileManaged ? null : <ActionsReason id={EDIT_BLOCKED_ID}>{blockedReason}</ActionsReason>}
        </>
      )}
      <Button onClick={() => setDialog('export')}>Export YAML</Button>
      {dialog === 'export' ? <ExportYamlDialog slug={automation.slug} onClose={close} /> : null}
      {dialog === 'archive' ? <ArchiveAutomationDialog slug={automation.slug} title={automation.title} onClose={close} /> : null}
    </Actions>
  );
}
