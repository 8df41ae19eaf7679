import type { RiskDomain } from '@/gql/graphql';
import { RISK_DOMAIN_LABELS, optionsOf } from '@/shared/format/labels';
import { fieldId } from '../form/fieldPaths';
import { useFieldProblems } from '../form/FormProblemsContext';
import { FormFieldset } from './FormField';

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
      <div className="checkbox-row">
        {DOMAINS.map((option) => {
          const id = `${fieldId('riskDomains')}-${option.value}`;
          return (
            <div key={option.value} className="field--checkbox">
              <input id={id} type="checkbox" checked={value.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </FormFieldset>
  );
}
