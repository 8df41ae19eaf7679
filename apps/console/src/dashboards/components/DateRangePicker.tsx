import { type FormEvent, useState } from 'react';
import type { DateRangeInput } from '@/gql/graphql';
import { Segmented, SegmentedOption } from '@/shared/components/Segmented';
import { Button } from '@/shared/ui/Button';
import { FieldProblem } from '@/shared/ui/Field';
import { RANGE_PRESETS, type RangeSpec, customRangeProblem, isoDay, lastDayOf } from '../dateRange';
import type { ResolvedRange } from '../dashboardTypes';
import styles from './DateRangePicker.module.css';

interface DateRangePickerProps {
  /** The range in the URL; null when the dashboard's default applies. */
  value: DateRangeInput | null;
  defaultRange: RangeSpec | undefined;
  /** The window the figures on screen were computed over, to start the custom dates from. */
  resolved: ResolvedRange | undefined;
  onChange: (range: RangeSpec) => void;
}

/**
 * Presets (last 7, 30, 90 days) and whole days from–to; the choice goes to the URL. The custom dates
 * start from the range on screen; remount it (key) when that range changes.
 */
export function DateRangePicker({ value, defaultRange, resolved, onChange }: DateRangePickerProps) {
  const current = value ?? defaultRange ?? null;
  const [from, setFrom] = useState(current?.from ?? (resolved ? isoDay(resolved.start) : ''));
  const [to, setTo] = useState(current?.to ?? (resolved ? lastDayOf(resolved.end) : ''));
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = customRangeProblem(from, to);
    setProblem(found);
    if (found === null) {
      onChange({ from, to });
    }
  };

  return (
    <div className={styles.picker}>
      <Segmented label="Date range">
        {RANGE_PRESETS.map((preset) => (
          <SegmentedOption key={preset.last} active={current?.last === preset.last} onClick={() => onChange({ last: preset.last })}>
            {preset.label}
          </SegmentedOption>
        ))}
      </Segmented>
      <form className={styles.custom} onSubmit={submit} aria-label="Custom dates" noValidate>
        <label>
          From
          <input type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          To (included)
          <input type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} />
        </label>
        <Button type="submit" size="small">
          Show these dates
        </Button>
        {problem ? (
          <FieldProblem as="span" role="alert">
            {problem}
          </FieldProblem>
        ) : null}
      </form>
    </div>
  );
}
