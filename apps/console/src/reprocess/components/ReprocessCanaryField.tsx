import { useId } from 'react';
import type { ReprocessAction } from '@/gql/graphql';
import type { ApiFieldError } from '@/shared/graphql/ApiError';
import { FieldFrame, FieldHint, FieldProblem } from '@/shared/ui/Field';
import { type CanaryChoice, canaryPlanSentence, readCanary } from '../reprocessCanary';
import styles from './ReprocessDialog.module.css';

interface ReprocessCanaryFieldProps {
  /** A discard has no outcomes to wait for: no canary. */
  action: ReprocessAction;
  value: CanaryChoice;
  onChange: (value: CanaryChoice) => void;
  /** Dead letters counted now. */
  count: number;
  /** What the api said about the canary (paths canary, canary.count…). */
  problems: readonly ApiFieldError[];
}

/** "Start with a canary": a first slice (messages or percent) and the share of it that may fail again for the rest to follow. */
export function ReprocessCanaryField({ action, value, onChange, count, problems }: ReprocessCanaryFieldProps) {
  const id = useId();
  const read = readCanary(value, count);
  if (action !== 'reprocess') {
    return null;
  }
  const shown = [...(read.ok ? [] : [read.problem]), ...problems.map((p) => p.message)];
  const set = (patch: Partial<CanaryChoice>) => onChange({ ...value, ...patch });
  return (
    <FieldFrame as="fieldset" invalid={shown.length > 0} className={styles.canary}>
      <legend>Canary</legend>
      <label className="checkbox">
        <input type="checkbox" checked={value.on} onChange={(event) => set({ on: event.target.checked })} aria-describedby={`${id}-hint`} /> Start with a canary
      </label>
      <FieldHint id={`${id}-hint`}>
        Send a first slice, wait until the runtime reports each one’s outcome (succeeded or failed again — not the broker’s acknowledgement), and only then the rest.
      </FieldHint>
      {value.on ? (
        <div className={styles.canaryInputs}>
          <label htmlFor={`${id}-slice`}>First slice</label>
          <input id={`${id}-slice`} type="number" inputMode="numeric" min={1} step={1} value={value.sliceText} onChange={(event) => set({ sliceText: event.target.value })} />
          <select aria-label="Slice in" value={value.unit} onChange={(event) => set({ unit: event.target.value === 'count' ? 'count' : 'percent' })}>
            <option value="percent">% of the messages</option>
            <option value="count">messages</option>
          </select>
          <label htmlFor={`${id}-threshold`}>Most that may fail again (%)</label>
          <input
            id={`${id}-threshold`}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            value={value.thresholdText}
            onChange={(event) => set({ thresholdText: event.target.value })}
          />
          {read.ok && read.value !== null && count > 0 ? (
            <FieldHint className={styles.canaryPlan} data-testid="canary-plan">
              {canaryPlanSentence(read.size, count, read.value.maxFailureRate)}
            </FieldHint>
          ) : null}
        </div>
      ) : null}
      {value.on && shown.length > 0 ? (
        <FieldProblem role="alert">
          {shown.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </FieldProblem>
      ) : null}
    </FieldFrame>
  );
}
