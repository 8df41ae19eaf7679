import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DeadLetterSelection, ReprocessAction, ReprocessPreviewQuery } from '@/gql/graphql';
import { Dialog, DialogStatus } from '@/shared/components/Dialog';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { type ApiFieldError, describeError, isApiError } from '@/shared/graphql/ApiError';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { Field } from '@/shared/ui/Field';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { useReprocessPreview } from '../hooks/useReprocessPreview';
import { useStartReprocess } from '../hooks/useStartReprocess';
import { reprocessPath } from '../reprocessProgress';
import { DEFAULT_VELOCITY, MAX_VELOCITY, MIN_VELOCITY, describeEstimate, readVelocity } from '../reprocessVelocity';
import { confirmLabel, previewSentence } from '../reprocessWords';
import { DEFAULT_CANARY, canaryInput, readCanaryFor } from '../reprocessCanary';
import { ReprocessCanaryField } from './ReprocessCanaryField';
import { ReprocessPreviewParts } from './ReprocessPreviewParts';
import styles from './ReprocessDialog.module.css';

type Preview = ReprocessPreviewQuery['reprocessPreview'];

interface ReprocessDialogProps {
  action: ReprocessAction;
  selection: DeadLetterSelection;
  /** The selection in words, for the title: "3 selected dead letters", "every dead letter matching the filters". */
  scope: string;
  onClose: () => void;
}

/** The inputs of the dialog, by the api's input path. */
type InputName = 'reason' | 'velocity' | 'canary';

const isInputName = (path: string): path is InputName => path === 'reason' || path === 'velocity' || path === 'canary';

/** "input.reason" and "reason" are the same input, "canary.count" is the canary's; anything else is not one of this dialog's. */
function inputOf(field: ApiFieldError): InputName | undefined {
  const path = field.path.replace(/^input\./, '').replace(/^canary\..*$/, 'canary');
  return isInputName(path) ? path : undefined;
}

/** "say why, in a few words" → "Say why, in a few words." */
const sentence = (text: string) => {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/** One problem in words: the message, and what was found and allowed when the message does not already say. */
function ProblemLine({ problem }: { problem: ApiFieldError }) {
  const { message, found, allowed } = problem;
  return (
    <p>
      {sentence(message)}
      {found !== undefined && !message.includes(found) ? (
        <>
          {' '}
          Found: <code>{found}</code>.
        </>
      ) : null}
      {allowed !== undefined && !message.includes(allowed) ? <> Allowed: {allowed}.</> : null}
    </p>
  );
}

/** The api's problems with one field, a line each; nothing when there are none. */
function problemLines(problems: readonly ApiFieldError[]): ReactNode {
  return problems.length === 0 ? undefined : problems.map((problem) => <ProblemLine key={`${problem.path}:${problem.message}`} problem={problem} />);
}

/** Why the request was refused, for everything that is not one input's problem. */
function SubmitProblem({ error, onRecount }: { error: unknown; onRecount: () => void }) {
  if (!isApiError(error)) {
    return (
      <Banner tone="error" role="alert">
        Nothing was started: {describeError(error)}
      </Banner>
    );
  }
  const other = error.fields.filter((field) => inputOf(field) === undefined && field.message !== error.message);
  switch (error.code) {
    case 'CONFLICT':
      return (
        <Banner tone="error" as="div" role="alert">
          <p className="strong">Nothing was started: the selection changed.</p>
          <p>{error.message}</p>
          <Button size="small" onClick={onRecount}>
            Count again
          </Button>
        </Banner>
      );
    case 'FORBIDDEN':
      return (
        <Banner tone="error" role="alert">
          Nothing was started: you may not do this. {error.message}
        </Banner>
      );
    case 'BAD_USER_INPUT':
      if (error.fields.length > 0 && other.length === 0) {
        return null; // each problem is shown beside its input
      }
      return (
        <Banner tone="error" as="div" role="alert">
          <p className="strong">Nothing was started: {error.message}</p>
          {other.length > 0 ? (
            <ul>
              {other.map((field) => (
                <li key={`${field.path}:${field.message}`}>
                  <code>{field.path}</code>: {field.message}
                  {field.found === undefined ? null : ` (found ${field.found})`}
                </li>
              ))}
            </ul>
          ) : null}
        </Banner>
      );
    default:
      return (
        <Banner tone="error" role="alert">
          Nothing was started: {describeError(error)}
        </Banner>
      );
  }
}

function PreviewSkeleton() {
  return (
    <div className="stack" aria-busy="true">
      <LoadingMessage>Counting the dead letters…</LoadingMessage>
      <SkeletonLine width="60%" />
      <SkeletonLine width="90%" />
      <SkeletonLine width="75%" />
    </div>
  );
}

/** How many of the messages an SDK runtime pulls (route \`sdk\`): they go at the runtime's pace. */
function pulledCount(parts: readonly { route: string; count: number }[]): number {
  return parts.filter((part) => part.route === 'sdk').reduce((sum, part) => sum + part.count, 0);
}

/** What the preview found: how many, where they go, and whether the viewer may. */
function PreviewSummary({ action, preview }: { action: ReprocessAction; preview: Preview }) {
  if (preview.count === 0) {
    return (
      <State role="status" aria-labelledby="reprocess-nothing-title">
        <StateTitle id="reprocess-nothing-title" level={3}>
          Nothing to {action}
        </StateTitle>
        <StateText>The selection holds no pending, failed-again or reprocessed dead letter that is not already waiting in another request.</StateText>
      </State>
    );
  }
  return (
    <div className="stack">
      <p className={styles.count} data-count={preview.count}>
        {previewSentence(action, preview.count)}
      </p>
      <ReprocessPreviewParts parts={preview.parts} />
      {preview.approvalReasons.length > 0 && !preview.blockedReason ? (
        <Banner tone="caution" role="note">
          <span className="strong">This request will wait for approval.</span> {preview.approvalReasons.join('; ')}. Nothing is sent until someone else on call approves it; you
          will find it under Approvals.
        </Banner>
      ) : null}
      {preview.blockedReason ? (
        <Banner tone="error" role="alert">
          <span className="strong">You cannot do this.</span> {preview.blockedReason}
        </Banner>
      ) : null}
    </div>
  );
}

/** The confirm button; a request that will wait for approval says so. */
function submitLabel(action: ReprocessAction, count: number, approvalReasons: readonly string[]): string {
  return approvalReasons.length > 0 ? `Ask for approval: ${confirmLabel(action, count)}` : confirmLabel(action, count);
}

interface FieldProps {
  action: ReprocessAction;
  value: string;
  onChange: (value: string) => void;
  problems: readonly ApiFieldError[];
}

function ReasonField({ action, value, onChange, problems }: FieldProps) {
  return (
    <Field label="Reason" required hint="Why, in a few words. It is recorded in the audit trail with your name." problem={problemLines(problems)}>
      {(control) => (
        <textarea
          {...control}
          rows={3}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={action === 'reprocess' ? 'e.g. NetSuite fixed the billing addresses (INC-4211)' : 'e.g. duplicates of payouts already settled by hand'}
        />
      )}
    </Field>
  );
}

function VelocityField({ value, onChange, problems, estimate }: Omit<FieldProps, 'action'> & { estimate: string }) {
  return (
    <Field
      label="Velocity (messages a second)"
      className={styles.velocity}
      hint={<>{estimate} At most this many are sent each second, so the runtime and the systems behind it are not flooded.</>}
      problem={problemLines(problems)}
    >
      {(control) => (
        <input {...control} type="number" inputMode="numeric" min={MIN_VELOCITY} max={MAX_VELOCITY} step={1} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}

function PreviewBody({ action, preview }: { action: ReprocessAction; preview: ReturnType<typeof useReprocessPreview> }) {
  if (preview.isPending) {
    return <PreviewSkeleton />;
  }
  if (preview.isError) {
    return <ErrorState title="The dead letters could not be counted" error={preview.error} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />;
  }
  return <PreviewSummary action={action} preview={preview.data.reprocessPreview} />;
}

/**
 * Confirms a reprocess or discard before anything happens: counts the selection now, shows where the
 * messages go, asks why and how fast, and starts the request with the count the person saw (the api
 * refuses it if the selection has grown since). On success, the request's page.
 */
export function ReprocessDialog({ action, selection, scope, onClose }: ReprocessDialogProps) {
  const navigate = useNavigate();
  const preview = useReprocessPreview(action, selection);
  const start = useStartReprocess({ onStarted: (request) => void navigate(reprocessPath(request.id)) });
  const [reason, setReason] = useState('');
  const [velocityText, setVelocityText] = useState(String(DEFAULT_VELOCITY));
  const [canaryChoice, setCanaryChoice] = useState(DEFAULT_CANARY);
  // An input changed since the api judged it: its problem is no longer shown.
  const [edited, setEdited] = useState<ReadonlySet<InputName>>(new Set());
  const edit =
    <T,>(name: InputName, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setEdited((current) => new Set([...current, name]));
    };

  const velocity = readVelocity(velocityText);
  const apiFields = isApiError(start.error) && start.error.code === 'BAD_USER_INPUT' ? start.error.fields : [];
  const problemsOf = (name: InputName) => (edited.has(name) ? [] : apiFields.filter((field) => inputOf(field) === name));
  const velocityProblems: ApiFieldError[] = [...(velocity.ok ? [] : [{ path: 'velocity', message: velocity.problem }]), ...problemsOf('velocity')];

  // Only a count that is on screen and current may be confirmed.
  const counted = preview.isSuccess && !preview.isFetching ? preview.data.reprocessPreview : undefined;
  const count = preview.data?.reprocessPreview.count ?? 0;
  const canary = readCanaryFor(action, canaryChoice, count);
  const ready = counted !== undefined && counted.count > 0 && !counted.blockedReason && reason.trim() !== '' && velocity.ok && canary.ok;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!ready || !velocity.ok || counted === undefined || start.isPending) {
      return;
    }
    setEdited(new Set());
    start.mutate({ input: { action, selection, reason: reason.trim(), velocity: velocity.value, expectedCount: counted.count, ...canaryInput(canary) } });
  };
  const recount = () => {
    start.reset();
    void preview.refetch();
  };
  const verb = action === 'reprocess' ? 'Reprocess' : 'Discard';

  return (
    <Dialog
      title={`${verb} ${scope}?`}
      onClose={start.isPending ? () => undefined : onClose}
      wide
      actions={
        <>
          {preview.isFetching && !preview.isPending ? <DialogStatus>Counting again…</DialogStatus> : null}
          <Button variant={action === 'discard' ? 'danger' : 'primary'} disabled={!ready || start.isPending} onClick={() => submit()}>
            {start.isPending ? 'Starting…' : submitLabel(action, count, preview.data?.reprocessPreview.approvalReasons ?? [])}
          </Button>
          <Button onClick={onClose} disabled={start.isPending}>
            Cancel
          </Button>
        </>
      }
    >
      <form className="stack" onSubmit={submit} noValidate aria-label={`${verb} dead letters`}>
        <PreviewBody action={action} preview={preview} />
        <ReasonField action={action} value={reason} onChange={edit('reason', setReason)} problems={problemsOf('reason')} />
        <VelocityField
          value={velocityText}
          onChange={edit('velocity', setVelocityText)}
          problems={velocityProblems}
          estimate={velocity.ok ? describeEstimate(count, velocity.value, pulledCount(preview.data?.reprocessPreview.parts ?? [])) : ''}
        />
        <ReprocessCanaryField action={action} value={canaryChoice} onChange={edit('canary', setCanaryChoice)} count={count} problems={problemsOf('canary')} />
        {start.isError ? <SubmitProblem error={start.error} onRecount={recount} /> : null}
      </form>
    </Dialog>
  );
}
