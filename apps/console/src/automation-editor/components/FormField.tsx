import type { ReactNode } from 'react';
import type { Option } from '@/shared/format/labels';
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

export function ProblemText({ id, problems }: { id: string; problems: readonly PlacedProblem[] }) {
  if (problems.length === 0) {
    return null;
  }
  return (
    <div id={id} className="field-problem">
      {problems.map((problem, index) => (
        <ProblemLine key={index} problem={problem} />
      ))}
    </div>
  );
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

function useFieldWiring({ path, label, hint, required }: BaseFieldProps) {
  const id = fieldId(path);
  const { problems, clear } = useFieldProblems(path);
  const describedBy = [hint ? `${id}-hint` : undefined, problems.length > 0 ? `${id}-problem` : undefined].filter(Boolean).join(' ');
  return {
    id,
    problems,
    clear,
    inputProps: {
      id,
      name: path,
      'aria-invalid': problems.length > 0 ? true : undefined,
      'aria-describedby': describedBy || undefined,
      'aria-required': required ? true : undefined,
    },
    labelElement: (
      <label htmlFor={id} className={required ? 'required' : undefined}>
        {label ?? labelFor(path)}
      </label>
    ),
  };
}

function FieldFrame({
  id,
  className,
  labelElement,
  hint,
  problems,
  children,
}: {
  id: string;
  className: string | undefined;
  labelElement: ReactNode;
  hint: ReactNode;
  problems: readonly PlacedProblem[];
  children: ReactNode;
}) {
  return (
    <div className={['field', problems.length > 0 ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      {labelElement}
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <ProblemText id={`${id}-problem`} problems={problems} />
    </div>
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
  const { id, problems, clear, inputProps, labelElement } = useFieldWiring(base);
  return (
    <FieldFrame id={id} className={base.className} labelElement={labelElement} hint={base.hint} problems={problems}>
      <input
        {...inputProps}
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
    </FieldFrame>
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
  const { id, problems, clear, inputProps, labelElement } = useFieldWiring(base);
  return (
    <FieldFrame id={id} className={base.className} labelElement={labelElement} hint={base.hint} problems={problems}>
      <textarea
        {...inputProps}
        rows={rows}
        placeholder={placeholder}
        className={monospace ? styles.monospace : undefined}
        value={value}
        onChange={(event) => {
          clear();
          onChange(event.target.value);
        }}
      />
    </FieldFrame>
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
  const { id, problems, clear, inputProps, labelElement } = useFieldWiring(base);
  return (
    <FieldFrame id={id} className={base.className} labelElement={labelElement} hint={base.hint} problems={problems}>
      <select
        {...inputProps}
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
    </FieldFrame>
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
    <fieldset
      id={id}
      tabIndex={-1}
      className={['fieldset', problems.length > 0 ? styles.invalid : '', className ?? ''].filter(Boolean).join(' ')}
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <ProblemText id={`${id}-problem`} problems={problems} />
      {children}
    </fieldset>
  );
}
