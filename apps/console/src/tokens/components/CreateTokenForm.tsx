import { type FormEvent, useState } from 'react';
import type { TokenCapability } from '@/gql/graphql';
import { TOKEN_CAPABILITY_DESCRIPTIONS, TOKEN_CAPABILITY_LABELS, optionsOf } from '@/shared/format/labels';
import { describeError, isApiError } from '@/shared/graphql/ApiError';
import { Actions } from '@/shared/ui/Actions';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { CheckboxField, Field, FieldHint, Fieldset } from '@/shared/ui/Field';
import { PanelTitle } from '@/shared/ui/Panel';
import { useCreateRuntimeToken } from '../hooks/useCreateRuntimeToken';
import { DEFAULT_EXPIRY_DAYS, EXPIRY_CHOICES } from '../tokenLifetimes';
import styles from './RuntimeTokens.module.css';

const CAPABILITIES = optionsOf(TOKEN_CAPABILITY_LABELS);

interface CreateTokenFormProps {
  team: string;
  teamTitle: string;
  /** The team's automations, for scoping the token. */
  automations: readonly { slug: string; title: string }[];
  /** The secret goes to the caller's state only. */
  onCreated: (created: { name: string; secret: string }) => void;
  onCancel: () => void;
}

type Scope = 'all' | 'some';

/** The form's words for the api's input paths (`name`, `capabilities`, `automations[1]`). */
function fieldLabel(path: string): string {
  if (path.startsWith('automations')) {
    return 'Automations';
  }
  switch (path) {
    case 'name':
      return 'Name';
    case 'capabilities':
      return 'What it may do';
    case 'expiresInDays':
      return 'Expires after';
    default:
      return path;
  }
}

function toggle<T>(values: readonly T[], value: T, on: boolean, order: readonly T[]): T[] {
  return order.filter((candidate) => (candidate === value ? on : values.includes(candidate)));
}

/** Name, scope and capabilities of a new runtime token. */
export function CreateTokenForm({ team, teamTitle, automations, onCreated, onCancel }: CreateTokenFormProps) {
  const create = useCreateRuntimeToken(team);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Scope>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [capabilities, setCapabilities] = useState<TokenCapability[]>(['ingest']);
  const [expiresInDays, setExpiresInDays] = useState<number>(DEFAULT_EXPIRY_DAYS);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = [
      name.trim() ? null : 'Give the token a name that says where it runs.',
      scope === 'some' && chosen.length === 0 ? 'Choose at least one automation, or let the token cover every automation of the team.' : null,
      capabilities.length === 0 ? 'Choose at least one thing the token may do.' : null,
    ].filter((problem) => problem !== null);
    setProblems(found);
    if (found.length > 0) {
      return;
    }
    create.mutate(
      { input: { name: name.trim(), team, automations: scope === 'all' ? null : chosen, capabilities, expiresInDays } },
      {
        onSuccess: ({ createRuntimeToken: created }) => {
          onCreated({ secret: created.secret, name: created.token.name });
          // The secret now lives only in the caller's state.
          create.reset();
        },
      },
    );
  };

  const apiFields = isApiError(create.error) ? create.error.fields : [];
  return (
    <form className={`stack ${styles.form}`} aria-labelledby="create-token-title" onSubmit={submit} noValidate>
      <PanelTitle id="create-token-title">New runtime token for {teamTitle}</PanelTitle>
      {problems.length > 0 || create.isError ? (
        <Banner tone="error" as="div" role="alert">
          <p className="strong">The token was not created.</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
            {create.isError && apiFields.length === 0 ? <li>{describeError(create.error)}</li> : null}
            {apiFields.map((field) => (
              <li key={field.path}>
                {fieldLabel(field.path)}: {field.message}
              </li>
            ))}
          </ul>
        </Banner>
      ) : null}
      <Field id="token-name" label="Name" required hint="Where it runs, so whoever revokes it later knows what breaks: e.g. “invoice-worker production”.">
        {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />}
      </Field>
      <Fieldset legend="Automations it may report for">
        <CheckboxField id="token-scope-all" label="All automations of the team, including ones registered later">
          {(control) => <input {...control} type="radio" name="token-scope" checked={scope === 'all'} onChange={() => setScope('all')} />}
        </CheckboxField>
        <CheckboxField id="token-scope-some" label="Only the automations chosen below">
          {(control) => <input {...control} type="radio" name="token-scope" checked={scope === 'some'} onChange={() => setScope('some')} />}
        </CheckboxField>
        {scope === 'some' ? (
          automations.length === 0 ? (
            <p className="muted">The team has no automations yet.</p>
          ) : (
            <div className={styles.checkboxList} role="group" aria-label="Automations">
              {automations.map((automation) => {
                const id = `token-automation-${automation.slug}`;
                return (
                  <CheckboxField
                    key={automation.slug}
                    id={id}
                    label={
                      <>
                        {automation.title} <span className="muted mono">{automation.slug}</span>
                      </>
                    }
                  >
                    {(control) => (
                      <input
                        {...control}
                        type="checkbox"
                        checked={chosen.includes(automation.slug)}
                        onChange={(event) =>
                          setChosen(
                            toggle(
                              chosen,
                              automation.slug,
                              event.target.checked,
                              automations.map((candidate) => candidate.slug),
                            ),
                          )
                        }
                      />
                    )}
                  </CheckboxField>
                );
              })}
            </div>
          )
        ) : null}
      </Fieldset>
      <Fieldset legend="What it may do">
        {CAPABILITIES.map((capability) => {
          const id = `token-capability-${capability.value}`;
          return (
            <div key={capability.value} className="capability">
              <CheckboxField id={id} label={capability.label}>
                {(control) => (
                  <input
                    {...control}
                    type="checkbox"
                    aria-describedby={`${id}-hint`}
                    checked={capabilities.includes(capability.value)}
                    onChange={(event) =>
                      setCapabilities(
                        toggle(
                          capabilities,
                          capability.value,
                          event.target.checked,
                          CAPABILITIES.map((option) => option.value),
                        ),
                      )
                    }
                  />
                )}
              </CheckboxField>
              <FieldHint id={`${id}-hint`} className={styles.capabilityHint}>
                {TOKEN_CAPABILITY_DESCRIPTIONS[capability.value]}
              </FieldHint>
            </div>
          );
        })}
      </Fieldset>
      <Field
        id="token-expiry"
        label="Expires after"
        hint="Then runtimes using it are refused. Rotate it before that: the old and new tokens both work for a while, so nothing stops."
      >
        {(control) => (
          <select {...control} value={expiresInDays} onChange={(event) => setExpiresInDays(Number(event.target.value))}>
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.days} value={choice.days}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Actions>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </Button>
        <Button onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
      </Actions>
    </form>
  );
}
