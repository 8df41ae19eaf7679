import { fromLocalInput, toLocalInput } from '@/shared/format/localInput';

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
      <div className="field field--compact">
        <label htmlFor={`${idPrefix}-from`}>{fromLabel}</label>
        <input id={`${idPrefix}-from`} type="datetime-local" value={toLocalInput(from)} onChange={(event) => onChange('from', fromLocalInput(event.target.value))} />
      </div>
      <div className="field field--compact">
        <label htmlFor={`${idPrefix}-to`}>{toLabel}</label>
        <input id={`${idPrefix}-to`} type="datetime-local" value={toLocalInput(to)} onChange={(event) => onChange('to', fromLocalInput(event.target.value))} />
      </div>
    </>
  );
}
