import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ChangeList, onlySlos } from '@/approvals/components/AutomationChangeCard';
import { useViewer } from '@/auth/hooks/useViewer';
import { useAutomation } from '@/automation/hooks/useAutomation';
import type { ConfirmationState } from '@/shared/components/Confirmation';
import { ErrorState } from '@/shared/components/ErrorState';
import { NotFoundState } from '@/shared/components/NotFoundState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { hasErrorCode } from '@/shared/graphql/ApiError';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { Banner } from '@/shared/ui/Banner';
import { ButtonLink } from '@/shared/ui/Button';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { useTeams } from '@/teams/hooks/useTeams';
import type { AutomationChangeItemFragment } from '@/gql/graphql';
import { formatInstant } from '@/shared/format/dates';
import { formValuesFromAutomation } from '../form/formValues';
import { useAutomationPendingChange } from '../hooks/useAutomationPendingChange';
import { useUpdateAutomation } from '../hooks/useUpdateAutomation';
import { AutomationForm } from './AutomationForm';

/**
 * The change to this automation that waits for its owner team (its SLOs, owner team, risk domains
 * or leaving production): just sent by this save (`sent`: the focus moves to it, at the top of the
 * form), or asked for earlier. Nothing of it is
 * applied yet.
 */
function PendingChangeNotice({ change, sent }: { change: AutomationChangeItemFragment; sent: boolean }) {
  const who = useRequester(change);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (sent) {
      ref.current?.focus();
    }
  }, [sent, change.id]);
  return (
    <Banner ref={ref} tabIndex={-1} tone="caution" as="section" className="stack" role="status" aria-label="Waiting for approval">
      <p>
        {sent ? (
          <span className="strong">Sent to the {change.ownerTeam} owners for approval. Nothing is applied until another owner approves it.</span>
        ) : (
          <>
            <span className="strong">Waiting for approval:</span> {who === 'you' ? 'You' : who} asked for {onlySlos(change) ? 'an SLO change' : 'a change'}{' '}
            <time dateTime={change.requestedAt}>{formatInstant(change.requestedAt)}</time>; the {change.ownerTeam} owners decide. The form below shows what is in force, without it.
          </>
        )}
      </p>
      <ChangeList changes={change.changes} />
      <p>
        <Link to="/approvals">Open approvals</Link>
      </p>
    </Banner>
  );
}

/** "You", or the name of whoever asked for the change. */
function useRequester(change: AutomationChangeItemFragment): string {
  const viewer = useViewer();
  return viewer.data?.viewer.id === change.requestedBy.id ? 'you' : change.requestedBy.name;
}

/** Said beside the save button while a change waits: any save sets it aside, before it happens. */
function SaveSupersedesNote({ change }: { change: AutomationChangeItemFragment }) {
  const who = useRequester(change);
  return (
    <p>
      <span className="strong">Saving sets aside the {onlySlos(change) ? 'SLO change' : 'change'} waiting for approval</span> (asked by {who}{' '}
      <time dateTime={change.requestedAt}>{formatInstant(change.requestedAt)}</time>): once this automation changes, it can no longer be approved. SLO changes made here wait for
      the {change.ownerTeam} owners in its place.
    </p>
  );
}

/** At the top of the SLO section: the values that wait, beside the ones in force. */
function PendingSloNote({ change }: { change: AutomationChangeItemFragment }) {
  if (change.sloChanges.length === 0) {
    return null;
  }
  return (
    <Banner tone="caution" as="div">
      <p className="strong">Not applied yet, waiting for approval:</p>
      <ChangeList changes={change.sloChanges} />
    </Banner>
  );
}

export function EditAutomationPage() {
  const { slug = '' } = useParams();
  const automation = useAutomation(slug);
  const teams = useTeams();
  const update = useUpdateAutomation(slug);
  const pending = useAutomationPendingChange(slug);
  const [sentChange, setSentChange] = useState<string | null>(null);
  const waiting = pending.data?.automation.pendingChange ?? null;
  const navigate = useNavigate();
  useDocumentTitle(automation.data ? `Edit ${automation.data.automation.title}` : 'Edit automation');

  if (automation.isPending || teams.isPending) {
    return (
      <div className="page" aria-busy="true">
        <LoadingMessage>Loading the automation…</LoadingMessage>
        <SkeletonLine width="40%" />
      </div>
    );
  }
  if (automation.isError) {
    return hasErrorCode(automation.error, 'NOT_FOUND') ? (
      <NotFoundState title={`No automation called “${slug}”`} />
    ) : (
      <div className="page">
        <ErrorState title="The automation could not be loaded" error={automation.error} onRetry={() => void automation.refetch()} retrying={automation.isFetching} />
      </div>
    );
  }

  const current = automation.data.automation;
  const back = `/automations/${current.slug}`;
  if (current.source === 'file' || !current.canEdit) {
    return (
      <div className="page">
        <State role="status">
          <StateTitle level={1}>“{current.title}” cannot be edited here</StateTitle>
          <StateText>
            {current.source === 'file'
              ? `Managed in Git: ${current.sourceFile ?? 'a catalog file'} — edit the file and the catalog will sync.`
              : (current.editBlockedReason ?? 'You cannot edit this automation.')}
          </StateText>
          <ButtonLink to={back}>Back to the automation</ButtonLink>
        </State>
      </div>
    );
  }

  return (
    <div className="page page--form">
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={back}>{current.title}</Link>
          </p>
          <h1>Edit {current.title}</h1>
          <p className="muted">
            Saving replaces the whole definition. Fields marked * are required.
            {current.lifecycle === 'production' ? ' Changes to the SLOs of a production automation wait for another owner of its team.' : ''}
          </p>
        </div>
      </header>
      {waiting ? <PendingChangeNotice change={waiting} sent={sentChange === waiting.id} /> : null}
      <AutomationForm
        // A fresh form per automation; refetches of the same one never overwrite what is being typed.
        key={current.slug}
        mode="edit"
        initialValues={formValuesFromAutomation(current)}
        teams={teams.data?.teams}
        submitting={update.isPending}
        cancelTo={back}
        slosNote={waiting ? <PendingSloNote change={waiting} /> : undefined}
        saveNote={waiting ? <SaveSupersedesNote change={waiting} /> : undefined}
        onSubmit={async (input) => {
          const before = pending.data?.automation.pendingChange?.id;
          const { updateAutomation } = await update.mutateAsync({ slug: current.slug, input });
          const held = updateAutomation.pendingChange;
          if (held && held.id !== before) {
            // Not applied: the owner team decides. Stay, and say so.
            setSentChange(held.id);
            return;
          }
          const state: ConfirmationState = { confirmation: `Saved your changes to “${updateAutomation.title}”.` };
          await navigate(back, { state });
        }}
      />
    </div>
  );
}
