import { type FieldsetHTMLAttributes, type HTMLAttributes, type ReactNode, type Ref, useId } from 'react';
import styles from './Field.module.css';

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** What a field hands its control: the id its label points at, and what describes it (the hint, then the problem). */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}

interface FieldProps {
  label: ReactNode;
  /** The control's id; the hint is `<id>-hint` and the problem `<id>-problem`. Unset: one of React's. */
  id?: string;
  /** What to type, under the control; it describes the control. */
  hint?: ReactNode;
  /** What is wrong with the value: shown in red under the hint, describes the control and marks it invalid. */
  problem?: ReactNode;
  /** A star after the label, and `aria-required` on the control. */
  required?: boolean;
  /** A filter in a toolbar: narrower, a smaller select. */
  compact?: boolean;
  /** The caller's own class (its width, its place in a grid). */
  className?: string;
  /** The control, given its wiring: `{(control) => <input {...control} value={…} />}`. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A form field: the label above its control (an input, a select, a text area), the hint and the problem under
 * it, and the control wired to all three (`htmlFor`, `aria-describedby`, `aria-invalid`, `aria-required`).
 */
export function Field({ label, id, hint, problem, required = false, compact = false, className, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const invalid = problem !== undefined && problem !== null && problem !== false;
  const describedBy = [hint ? `${controlId}-hint` : undefined, invalid ? `${controlId}-problem` : undefined].filter(Boolean).join(' ');
  return (
    <FieldFrame compact={compact} invalid={invalid} className={className}>
      <label htmlFor={controlId} className={required ? styles.required : undefined}>
        {label}
      </label>
      {children({ id: controlId, 'aria-describedby': describedBy || undefined, 'aria-invalid': invalid ? true : undefined, 'aria-required': required ? true : undefined })}
      {hint ? <FieldHint id={`${controlId}-hint`}>{hint}</FieldHint> : null}
      {invalid ? <FieldProblem id={`${controlId}-problem`}>{problem}</FieldProblem> : null}
    </FieldFrame>
  );
}

interface FieldFrameProps {
  /** `fieldset` for several controls under a legend. */
  as?: 'div' | 'fieldset';
  compact?: boolean;
  /** Its controls get a red border. */
  invalid?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * The frame of a field whose labels, controls, hints and problems are laid out by hand (a canary's slice and
 * threshold on one grid): the field's spacing and the look of its controls. The caller wires the labels and
 * `aria-describedby`; prefer `Field`, which does.
 */
export function FieldFrame({ as: Element = 'div', compact = false, invalid = false, className, children }: FieldFrameProps) {
  return <Element className={classes(styles.field, compact && styles.compact, invalid && styles.invalid, className)}>{children}</Element>;
}

interface CheckboxFieldProps {
  label: ReactNode;
  id?: string;
  /** In a toolbar of compact fields. */
  compact?: boolean;
  /** The checkbox or radio button, given its id: `{(control) => <input type="checkbox" {...control} … />}`. */
  children: (control: { id: string }) => ReactNode;
}

/** A checkbox (or a radio button) with its label beside it. */
export function CheckboxField({ label, id, compact = false, children }: CheckboxFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <div className={classes(styles.checkbox, compact && styles.compact)}>
      {children({ id: controlId })}
      <label htmlFor={controlId}>{label}</label>
    </div>
  );
}

/** A field's hint, for a control laid out by hand (its `id` goes in the control's `aria-describedby`), or what the field just did (`role="status"`). */
export function FieldHint({ className, ...paragraph }: HTMLAttributes<HTMLParagraphElement>) {
  return <p {...paragraph} className={classes(styles.hint, className)} />;
}

/** What is wrong with a value, in red: one sentence, or paragraphs (`<p>`) for several; `span` inside a line of controls. */
export function FieldProblem({ id, role, as: Element = 'div', children }: { id?: string; role?: 'alert'; as?: 'div' | 'span'; children: ReactNode }) {
  return (
    <Element id={id} className={styles.problem} role={role}>
      {children}
    </Element>
  );
}

interface FieldsetProps extends Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, 'className'> {
  legend: ReactNode;
  /** A value in it is wrong: the caller's class says how that looks. */
  className?: string;
  ref?: Ref<HTMLFieldSetElement>;
}

/** Fields that answer one question together, in a bordered box under their legend. */
export function Fieldset({ legend, className, children, ...fieldset }: FieldsetProps) {
  return (
    <fieldset {...fieldset} className={classes(styles.fieldset, className)}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
