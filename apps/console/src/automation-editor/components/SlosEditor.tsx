import { describeSloObjective } from '@/shared/format/describeSlo';
import { SLO_INDICATOR_LABELS, optionsOf } from '@/shared/format/labels';
import { FieldHint } from '@/shared/ui/Field';
import { fieldPath } from '../form/fieldPaths';
import { SLO_EXTRA_FIELDS, type SloValues, newSlo } from '../form/formValues';
import type { ListEditorProps } from './editorProps';
import { SelectField, TextField } from './FormField';
import { RepeatableList, patchAt } from './RepeatableList';
import { FieldGrid } from './FieldGrid';

const INDICATORS = optionsOf(SLO_INDICATOR_LABELS);

function preview(slo: SloValues): string | undefined {
  const objective = Number(slo.objective);
  if (slo.objective.trim() === '' || !Number.isFinite(objective)) {
    return undefined;
  }
  const whole = (value: string) => (value.trim() === '' ? null : Number(value));
  return describeSloObjective({
    indicator: slo.indicator,
    objective,
    threshold: slo.threshold.trim() || null,
    percentile: whole(slo.percentile),
    maxBacklog: whole(slo.maxBacklog),
    window: slo.window.trim() || '30d',
  });
}

interface SlosEditorProps extends ListEditorProps<SloValues> {
  /** The runbook ids in the form, for "alerts answered by". */
  runbookIds: readonly string[];
}

export function SlosEditor({ items, update, onItemsMoved, runbookIds }: SlosEditorProps) {
  return (
    <RepeatableList
      list="slos"
      items={items}
      empty="No objectives yet: say what “working” means, e.g. 99.5% of runs succeed over 30d."
      onAdd={() => update((slos) => [...slos, newSlo()])}
      onRemove={(index) => {
        onItemsMoved();
        update((slos) => slos.filter((_, position) => position !== index));
      }}
      renderItem={(slo, index, isNew) => {
        const change = (patch: Partial<SloValues>) => update((slos) => patchAt(slos, index, patch));
        const uses = new Set(SLO_EXTRA_FIELDS[slo.indicator]);
        const runbookOptions = [...new Set([...runbookIds.filter(Boolean), ...(slo.runbook ? [slo.runbook] : [])])].map((id) => ({
          value: id,
          label: runbookIds.includes(id) ? id : `${id} (not in this form)`,
        }));
        const reads = preview(slo);
        return (
          <>
            <FieldGrid columns={2}>
              <TextField path={fieldPath.slo(index, 'name')} required autoFocus={isNew} placeholder="invoices-succeed" value={slo.name} onChange={(name) => change({ name })} />
              <TextField
                path={fieldPath.slo(index, 'title')}
                required
                placeholder="99.5% of closed-won deals invoiced without a manual touch"
                value={slo.title}
                onChange={(title) => change({ title })}
              />
            </FieldGrid>
            <FieldGrid columns={4}>
              <SelectField path={fieldPath.slo(index, 'indicator')} options={INDICATORS} value={slo.indicator} onChange={(indicator) => change({ indicator })} />
              <TextField
                path={fieldPath.slo(index, 'objective')}
                required
                inputMode="decimal"
                placeholder="99.5"
                value={slo.objective}
                onChange={(objective) => change({ objective })}
              />
              <TextField path={fieldPath.slo(index, 'window')} placeholder="30d" hint="A number and s, m, h or d." value={slo.window} onChange={(window) => change({ window })} />
              <SelectField
                path={fieldPath.slo(index, 'runbook')}
                options={runbookOptions}
                emptyOption="No runbook"
                value={slo.runbook}
                onChange={(runbook) => change({ runbook })}
              />
              {uses.has('threshold') ? (
                <TextField
                  path={fieldPath.slo(index, 'threshold')}
                  required
                  placeholder="15m"
                  hint={slo.indicator === 'latency' ? 'How fast a run must finish.' : 'The oldest age allowed.'}
                  value={slo.threshold}
                  onChange={(threshold) => change({ threshold })}
                />
              ) : null}
              {uses.has('percentile') ? (
                <TextField
                  path={fieldPath.slo(index, 'percentile')}
                  inputMode="numeric"
                  placeholder="95"
                  value={slo.percentile}
                  onChange={(percentile) => change({ percentile })}
                />
              ) : null}
              {uses.has('maxBacklog') ? (
                <TextField
                  path={fieldPath.slo(index, 'maxBacklog')}
                  required
                  inputMode="numeric"
                  placeholder="20"
                  value={slo.maxBacklog}
                  onChange={(maxBacklog) => change({ maxBacklog })}
                />
              ) : null}
            </FieldGrid>
            {reads ? <FieldHint>Reads as: {reads}</FieldHint> : null}
          </>
        );
      }}
    />
  );
}
