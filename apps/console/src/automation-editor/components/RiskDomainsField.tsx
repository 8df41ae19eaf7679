import type { RiskDomain } from '@/gql/graphql';
import { RISK_DOMAIN_LABELS, optionsOf } from '@/shared/format/labels';
import { CheckboxField } from '@/shared/ui/Field';
import { fieldId } from '../form/fieldPaths';
import { useFieldProblems } from '../form/FormProblemsContext';
import { FormFieldset } from './FormField';
import styles from './RiskDomainsField.module.css';

const DOMAINS = optionsOf(RISK_DOMAIN_LABELS);

export function RiskDomainsField({ value, onChange }: { value: readonly RiskDomain[]; onChange: (value: RiskDomain[]) => void }) {
  const { clear } = useFieldProblems('riskDomains');
  const toggle = (domain: RiskDomain, checked: boolean) => {
    clear();
    // Keep the declaration order, whatever order they were ticked in.
    onChange(DOMAINS.map((option) => option.value).filter((candidate) => (candidate === domain ? checked : value.includes(candidate))));
  };
  return (
    <FormFieldset path="riskDomains" legend="Risk domains" hint="What a failure puts at risk. Revenue and billing raise the bar for bulk reprocessing.">
      <div className={styles.choices}>
        {DOMAINS.map((option) => (
          <CheckboxField key={option.value} id={`${fieldId('riskDomains')}-${option.value}`} label={option.label}>
            {(control) => <input {...control} type="checkbox" checked={value.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />}
          </CheckboxField>
        ))}
      </div>
    </FormFieldset>
  );
}
