import { fromLocalInput, toLocalInput } from '@/shared/format/localInput';
import { Field } from '@/shared/ui/Field';

interface TimeRangeFieldsProps {
  /** The inputs' ids are `<idPrefix>-from` and `<idPrefix>-to`. */
  idPrefix: string;
  fromLabel: string;
  toLabel: string;
  /** ISO instants ('' for none). */
  from: string;
  to: string;
  onChange: (name: 'from' | 'to', value: string) => void;
}

/** From and before, picked in the viewer's time zone and passed on as ISO instants. */
export function TimeRangeFields({ idPrefix, fromLabel, toLabel, from, to, onChange }: TimeRangeFieldsProps) {
  return (
    <>
      <Field id={`${idPrefix}-from`} label={fromLabel} compact>
        {(control) => <input {...control} type="datetime-local" value={toLocalInput(from)} onChange={(event) => onChange('from', fromLocalInput(event.target.value))} />}
      </Field>
      <Field id={`${idPrefix}-to`} label={toLabel} compact>
        {(control) => <input {...control} type="datetime-local" value={toLocalInput(to)} onChange={(event) => onChange('to', fromLocalInput(event.target.value))} />}
      </Field>
    </>
  );
}
