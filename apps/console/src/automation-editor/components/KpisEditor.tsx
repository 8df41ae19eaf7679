import { KPI_DIRECTION_LABELS, KPI_SOURCE_LABELS, MONEY_KIND_LABELS, optionsOf } from '@/shared/format/labels';
import { fieldPath } from '../form/fieldPaths';
import { type KpiBaselineValues, type KpiValues, newKpi } from '../form/formValues';
import type { ListEditorProps } from './editorProps';
import { FormFieldset, SelectField, TextAreaField, TextField } from './FormField';
import { RepeatableList, patchAt } from './RepeatableList';
import { FieldGrid } from './FieldGrid';

const DIRECTIONS = optionsOf(KPI_DIRECTION_LABELS);
const SOURCES = optionsOf(KPI_SOURCE_LABELS);
const MONEY_KINDS = optionsOf(MONEY_KIND_LABELS);

export function KpisEditor({ items, update, onItemsMoved }: ListEditorProps<KpiValues>) {
  return (
    <RepeatableList
      list="kpis"
      items={items}
      empty="No KPIs yet: agree the “before” picture with the business, then record it and the target here."
      onAdd={() => update((kpis) => [...kpis, newKpi()])}
      onRemove={(index) => {
        onItemsMoved();
        update((kpis) => kpis.filter((_, position) => position !== index));
      }}
      renderItem={(kpi, index, isNew) => {
        const change = (patch: Partial<KpiValues>) => update((kpis) => patchAt(kpis, index, patch));
        const changeBaseline = (patch: Partial<KpiBaselineValues>) => change({ baseline: { ...kpi.baseline, ...patch } });
        return (
          <>
            <FieldGrid columns={3}>
              <TextField
                path={fieldPath.kpi(index, 'name')}
                required
                autoFocus={isNew}
                placeholder="close-to-invoice-time"
                value={kpi.name}
                onChange={(name) => change({ name })}
              />
              <TextField path={fieldPath.kpi(index, 'title')} required placeholder="Close-to-invoice cycle time" value={kpi.title} onChange={(title) => change({ title })} />
              <TextField path={fieldPath.kpi(index, 'unit')} required placeholder="hours" value={kpi.unit} onChange={(unit) => change({ unit })} />
              <SelectField path={fieldPath.kpi(index, 'direction')} options={DIRECTIONS} value={kpi.direction} onChange={(direction) => change({ direction })} />
              <SelectField path={fieldPath.kpi(index, 'source')} options={SOURCES} value={kpi.source} onChange={(source) => change({ source })} />
              <TextField path={fieldPath.kpi(index, 'target')} required inputMode="decimal" placeholder="0.25" value={kpi.target} onChange={(target) => change({ target })} />
              <TextField
                path={fieldPath.kpi(index, 'currency')}
                placeholder="USD"
                hint="For money KPIs: an ISO 4217 code."
                value={kpi.currency}
                onChange={(currency) => change({ currency })}
              />
              <SelectField
                path={fieldPath.kpi(index, 'money')}
                options={MONEY_KINDS}
                emptyOption="Read from direction and unit"
                hint="For money KPIs: what the change is to finance, so dashboards never add unlike money."
                value={kpi.money}
                onChange={(money) => change({ money })}
              />
              <TextField
                path={fieldPath.kpi(index, 'minutesPerTouch')}
                inputMode="decimal"
                placeholder="12"
                hint="For manual touches: the work each one costs."
                value={kpi.minutesPerTouch}
                onChange={(minutesPerTouch) => change({ minutesPerTouch })}
              />
            </FieldGrid>
            <FormFieldset
              path={`kpis[${index}].baseline`}
              legend="Baseline (the agreed “before”)"
              hint="Give a value, or the period it was measured over (from and to), and always how it was measured."
            >
              <FieldGrid columns={3}>
                <TextField
                  path={fieldPath.kpiBaseline(index, 'value')}
                  inputMode="decimal"
                  placeholder="26"
                  value={kpi.baseline.value}
                  onChange={(value) => changeBaseline({ value })}
                />
                <TextField path={fieldPath.kpiBaseline(index, 'from')} type="date" value={kpi.baseline.from} onChange={(from) => changeBaseline({ from })} />
                <TextField path={fieldPath.kpiBaseline(index, 'to')} type="date" value={kpi.baseline.to} onChange={(to) => changeBaseline({ to })} />
              </FieldGrid>
              <TextAreaField
                path={fieldPath.kpiBaseline(index, 'note')}
                required
                rows={2}
                placeholder="Median hours from closed-won to invoice sent, Salesforce close date vs NetSuite invoice timestamp, Q1 2026."
                value={kpi.baseline.note}
                onChange={(note) => changeBaseline({ note })}
              />
            </FormFieldset>
          </>
        );
      }}
    />
  );
}
