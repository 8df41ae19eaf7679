import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { AutomationInput, TeamsQuery } from '@/gql/graphql';
import { AUTOMATION_TYPE_LABELS, LIFECYCLE_LABELS, optionsOf } from '@/shared/format/labels';
import { Button, ButtonLink } from '@/shared/ui/Button';
import { problemsFromError } from '../form/errorsFromApiError';
import { fieldPath, knownFieldPaths } from '../form/fieldPaths';
import { FormProblemsContext } from '../form/FormProblemsContext';
import { type AutomationFormValues, type OnCallValues, type RepeatedListValues, slugFromTitle } from '../form/formValues';
import { toAutomationInput } from '../form/toAutomationInput';
import { useFormProblems } from '../hooks/useFormProblems';
import { ErrorSummary } from './ErrorSummary';
import { SelectField, TextAreaField, TextField } from './FormField';
import { KpisEditor } from './KpisEditor';
import { LinksEditor } from './LinksEditor';
import { ReleasesEditor } from './ReleasesEditor';
import { RiskDomainsField } from './RiskDomainsField';
import { RunbooksEditor } from './RunbooksEditor';
import { RuntimeFields } from './RuntimeFields';
import { SlosEditor } from './SlosEditor';
import styles from './AutomationForm.module.css';
import { FieldGrid } from './FieldGrid';

const TYPES = optionsOf(AUTOMATION_TYPE_LABELS);
const LIFECYCLES = optionsOf(LIFECYCLE_LABELS);

type Team = TeamsQuery['teams'][number];

export interface AutomationFormProps {
  mode: 'register' | 'edit';
  initialValues: AutomationFormValues;
  /** The teams to choose an owner from; undefined while they load or when they failed (a text input then). */
  teams: readonly Team[] | undefined;
  /** Saves; rejects with the api's error, which the form shows by field. */
  onSubmit: (input: AutomationInput) => Promise<unknown>;
  submitting: boolean;
  cancelTo: string;
  /** Shown at the top of the SLO section: e.g. a change to them that waits for approval. */
  slosNote?: ReactNode;
  /** Said beside the save button, before saving: what saving will do besides saving (e.g. set a waiting change aside). */
  saveNote?: ReactNode;
}

/** The teams to choose from, plus the current owner if the list does not have it (so the select shows the truth). */
function ownerOptions(teams: readonly Team[], owner: string) {
  const options = teams.map((team) => ({ value: team.name, label: team.title }));
  return owner && !options.some((option) => option.value === owner) ? [...options, { value: owner, label: owner }] : options;
}

const isBlank = (onCall: OnCallValues) => [onCall.name, onCall.email, onCall.slack, onCall.schedule].every((value) => value.trim() === '');

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: React.ReactNode }) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.intro}>
        <h2 id={id}>{title}</h2>
        {description ? <p className="muted">{description}</p> : null}
      </div>
      <div className={styles.fields}>{children}</div>
    </section>
  );
}

/**
 * Every AutomationInput field. Values stay exactly as typed through failed saves; problems from the
 * api land beside their inputs and in a summary at the top.
 */
export function AutomationForm({ mode, initialValues, teams, onSubmit, submitting, cancelTo, slosNote, saveNote }: AutomationFormProps) {
  const [values, setValues] = useState(initialValues);
  const [slugEdited, setSlugEdited] = useState(mode === 'edit' || initialValues.slug !== '');
  const { problems, message, report, reset, clearList, context } = useFormProblems();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [summaryShown, setSummaryShown] = useState(0);

  useEffect(() => {
    if (summaryShown > 0) {
      summaryRef.current?.focus();
      summaryRef.current?.scrollIntoView?.({ block: 'start' });
    }
  }, [summaryShown]);

  const set = (patch: Partial<AutomationFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const listUpdater =
    <K extends keyof RepeatedListValues>(list: K) =>
    (update: (items: AutomationFormValues[K]) => AutomationFormValues[K]) =>
      setValues((current) => {
        const next: AutomationFormValues = { ...current };
        next[list] = update(current[list]);
        return next;
      });

  const chooseOwner = (owner: string) => {
    const team = teams?.find((candidate) => candidate.name === owner);
    setValues((current) => {
      const onCall =
        team?.onCall && isBlank(current.onCall)
          ? {
              name: team.onCall.name,
              email: team.onCall.email ?? '',
              slack: team.onCall.slack ?? '',
              schedule: team.onCall.schedule ?? '',
            }
          : current.onCall;
      return { ...current, owner, onCall };
    });
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const known = knownFieldPaths(values);
    const result = toAutomationInput(values);
    if (!result.ok) {
      report(result.problems, known);
      setSummaryShown((count) => count + 1);
      return;
    }
    reset();
    try {
      await onSubmit(result.input);
    } catch (error) {
      const found = problemsFromError(error);
      report(found.fields, known, found.message);
      setSummaryShown((count) => count + 1);
    }
  };

  const runbookIds = values.runbooks.map((runbook) => runbook.id.trim()).filter(Boolean);

  return (
    <FormProblemsContext value={context}>
      <form className={styles.form} noValidate onSubmit={(event) => void handleSubmit(event)} aria-label={mode === 'register' ? 'Register automation' : 'Edit automation'}>
        <ErrorSummary ref={summaryRef} problems={problems} message={message} />

        <Section id="form-basics" title="Basics" description="What it is and how far along it is.">
          <FieldGrid columns={2}>
            <TextField
              path="title"
              required
              placeholder="Invoice generation from closed-won deals"
              value={values.title}
              onChange={(title) => set(slugEdited ? { title } : { title, slug: slugFromTitle(title) })}
            />
            <TextField
              path="slug"
              required
              readOnly={mode === 'edit'}
              placeholder="invoice-generation"
              hint={
                mode === 'edit'
                  ? 'The slug is the automation’s id in URLs, the api and the SDK; it cannot change.'
                  : 'Lower-case letters, digits and dashes. Its id in URLs, the api and the SDK: choose carefully.'
              }
              value={values.slug}
              onChange={(slug) => {
                setSlugEdited(true);
                set({ slug });
              }}
            />
          </FieldGrid>
          <TextAreaField
            path="description"
            required
            rows={4}
            placeholder="What triggers it, what it does in which systems, and which manual work it replaced."
            value={values.description}
            onChange={(description) => set({ description })}
          />
          <FieldGrid columns={2}>
            <SelectField path="type" options={TYPES} value={values.type} onChange={(type) => set({ type })} />
            <SelectField path="lifecycle" options={LIFECYCLES} value={values.lifecycle} onChange={(lifecycle) => set({ lifecycle })} />
          </FieldGrid>
        </Section>

        <Section id="form-ownership" title="Ownership" description="Who owns it, and who answers when it fails.">
          {teams ? (
            <SelectField path="owner" required options={ownerOptions(teams, values.owner)} emptyOption="Choose a team" value={values.owner} onChange={chooseOwner} />
          ) : (
            <TextField path="owner" required placeholder="finance-ops" hint="The owning team’s name." value={values.owner} onChange={chooseOwner} />
          )}
          <FieldGrid columns={2}>
            <TextField
              path={fieldPath.onCall('name')}
              required
              placeholder="Finance ops primary"
              value={values.onCall.name}
              onChange={(name) => set({ onCall: { ...values.onCall, name } })}
            />
            <TextField path={fieldPath.onCall('email')} type="email" value={values.onCall.email} onChange={(email) => set({ onCall: { ...values.onCall, email } })} />
            <TextField
              path={fieldPath.onCall('slack')}
              placeholder="#finance-ops-oncall"
              value={values.onCall.slack}
              onChange={(slack) => set({ onCall: { ...values.onCall, slack } })}
            />
            <TextField
              path={fieldPath.onCall('schedule')}
              type="url"
              placeholder="https://"
              hint="The paging schedule (PagerDuty, Opsgenie…)."
              value={values.onCall.schedule}
              onChange={(schedule) => set({ onCall: { ...values.onCall, schedule } })}
            />
          </FieldGrid>
        </Section>

        <Section id="form-wiring" title="Systems and risk" description="What it touches, what a failure puts at risk, and where it runs.">
          <FieldGrid columns={2}>
            <TextField path="systems" placeholder="salesforce, netsuite, avalara" hint="Separate with commas." value={values.systems} onChange={(systems) => set({ systems })} />
            <TextField path="tags" placeholder="invoicing, month-end" hint="Separate with commas." value={values.tags} onChange={(tags) => set({ tags })} />
          </FieldGrid>
          <RiskDomainsField value={values.riskDomains} onChange={(riskDomains) => set({ riskDomains })} />
          <RuntimeFields value={values.runtime} onChange={(patch) => set({ runtime: { ...values.runtime, ...patch } })} />
        </Section>

        <Section id="form-links" title="Links" description="Dashboards, repository, docs.">
          <LinksEditor items={values.links} update={listUpdater('links')} onItemsMoved={() => clearList('links')} />
        </Section>

        <Section id="form-slos" title="Service-level objectives" description="What “working” means, in numbers; each alert names its runbook.">
          {slosNote}
          <SlosEditor items={values.slos} update={listUpdater('slos')} onItemsMoved={() => clearList('slos')} runbookIds={runbookIds} />
        </Section>

        <Section id="form-kpis" title="KPIs" description="The before/after story: an agreed baseline, a target, and how it is measured.">
          <KpisEditor items={values.kpis} update={listUpdater('kpis')} onItemsMoved={() => clearList('kpis')} />
        </Section>

        <Section id="form-runbooks" title="Runbooks" description="For whoever is paged at 3 a.m.">
          <RunbooksEditor items={values.runbooks} update={listUpdater('runbooks')} onItemsMoved={() => clearList('runbooks')} />
        </Section>

        <Section id="form-releases" title="Releases" description="What each release changed, and why.">
          <ReleasesEditor items={values.releases} update={listUpdater('releases')} onItemsMoved={() => clearList('releases')} />
        </Section>

        <div className={styles.footer}>
          {saveNote === undefined ? null : (
            <div id="form-save-note" className={styles.footerNote}>
              {saveNote}
            </div>
          )}
          <Button type="submit" variant="primary" disabled={submitting} aria-describedby={saveNote === undefined ? undefined : 'form-save-note'}>
            {submitting ? 'Saving…' : mode === 'register' ? 'Register automation' : 'Save changes'}
          </Button>
          <ButtonLink variant="quiet" to={cancelTo}>
            Cancel
          </ButtonLink>
        </div>
      </form>
    </FormProblemsContext>
  );
}
