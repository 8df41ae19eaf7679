import type { ReactNode } from 'react';
import type { Option } from '@/shared/format/labels';
import { Field, type FieldControlProps, FieldHint, FieldProblem, Fieldset } from '@/shared/ui/Field';
import { fieldId, labelFor } from '../form/fieldPaths';
import { type PlacedProblem, useFieldProblems } from '../form/FormProblemsContext';
import styles from './FormField.module.css';

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One problem in words: the message, and what was found and allowed when the message does not already say. */
function ProblemLine({ problem }: { problem: PlacedProblem }) {
  const { message, found, allowed } = problem;
  const showFound = found !== undefined && !message.includes(found);
  const showAllowed = allowed !== undefined && !message.includes(allowed);
  return (
    <p>
      {sentence(message)}
      {showFound ? (
        <>
          {' '}
          Found: <code>{found}</code>.
        </>
      ) : null}
      {showAllowed ? <> Allowed: {allowed}.</> : null}
    </p>
  );
}

/** The problems the api placed on a path, one line each; nothing when there are none. */
function problemLines(problems: readonly PlacedProblem[]): ReactNode {
  return problems.length === 0 ? undefined : problems.map((problem, index) => <ProblemLine key={index} problem={problem} />);
}

interface BaseFieldProps {
  /** The api's path for this input, e.g. `kpis[0].baseline.note`; also its id and its label. */
  path: string;
  /** Overrides the label kept for this path in fieldPaths. */
  label?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

/** The shared Field for an api path: its id, label, hint and the problems the api placed on it. */
function PathField({
  path,
  label,
  hint,
  required,
  className,
  children,
}: BaseFieldProps & { children: (control: FieldControlProps & { name: string }, clear: () => void) => ReactNode }) {
  const { problems, clear } = useFieldProblems(path);
  return (
    <Field id={fieldId(path)} label={label ?? labelFor(path)} hint={hint} required={required} className={className} problem={problemLines(problems)}>
      {(control) => children({ ...control, name: path }, clear)}
    </Field>
  );
}

interface TextFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'url' | 'date';
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'url';
  placeholder?: string;
  readOnly?: boolean;
  autoFocus?: boolean;
}

export function TextField({ value, onChange, type = 'text', inputMode, placeholder, readOnly, autoFocus, ...base }: TextFieldProps) {
  return (
    <PathField {...base}>
      {(control, clear) => (
        <input
          {...control}
          type={type}
          inputMode={inputMode}
          placeholder={placeholder}
          readOnly={readOnly}
          autoFocus={autoFocus}
          value={value}
          onChange={(event) => {
            clear();
            onChange(event.target.value);
          }}
        />
      )}
    </PathField>
  );
}

interface TextAreaFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  placeholder?: string;
  monospace?: boolean;
}

export function TextAreaField({ value, onChange, rows = 3, placeholder, monospace, ...base }: TextAreaFieldProps) {
  return (
    <PathField {...base}>
      {(control, clear) => (
        <textarea
          {...control}
          rows={rows}
          placeholder={placeholder}
          className={monospace ? styles.monospace : undefined}
          value={value}
          onChange={(event) => {
            clear();
            onChange(event.target.value);
          }}
        />
      )}
    </PathField>
  );
}

interface SelectFieldProps<T extends string> extends BaseFieldProps {
  value: T;
  onChange: (value: T) => void;
  options: readonly Option<T>[];
  /** A first option meaning "none", e.g. "No runtime binding". */
  emptyOption?: string;
}

export function SelectField<T extends string>({ value, onChange, options, emptyOption, ...base }: SelectFieldProps<T>) {
  return (
    <PathField {...base}>
      {(control, clear) => (
        <select
          {...control}
          value={value}
          onChange={(event) => {
            const chosen = options.find((option) => option.value === event.target.value);
            clear();
            // '' is only offered through emptyOption, whose value the caller's T includes.
            onChange(chosen ? chosen.value : (event.target.value as T));
          }}
        >
          {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </PathField>
  );
}

interface FormFieldsetProps {
  /** The api's path for the group, e.g. `kpis[0]`, so problems about the whole group land here. */
  path: string;
  legend: ReactNode;
  children: ReactNode;
  className?: string;
  /** Buttons beside the legend (remove this item). */
  actions?: ReactNode;
  hint?: ReactNode;
}

export function FormFieldset({ path, legend, children, className, actions, hint }: FormFieldsetProps) {
  const id = fieldId(path);
  const { problems } = useFieldProblems(path);
  const describedBy = [hint ? `${id}-hint` : undefined, problems.length > 0 ? `${id}-problem` : undefined].filter(Boolean).join(' ');
  return (
    <Fieldset
      id={id}
      tabIndex={-1}
      legend={legend}
      className={[problems.length > 0 ? styles.invalid : '', className ?? ''].filter(Boolean).join(' ') || undefined}
      aria-describedby={describedBy || undefined}
    >
      {actions ? <div className={styles.actions}>{actions}</div> : null}
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      {problems.length > 0 ? <FieldProblem id={`${id}-problem`}>{problemLines(problems)}</FieldProblem> : null}
      {children}
    </Fieldset>
  );
}
