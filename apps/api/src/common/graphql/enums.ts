import { registerEnumType } from '@nestjs/graphql';
import { AUTOMATION_TYPES, KPI_DIRECTIONS, KPI_MONEY_KINDS, KPI_SOURCES, LIFECYCLES, LINK_TYPES, RISK_DOMAINS, RUNTIME_KINDS, SLO_INDICATORS } from '@roundhouse/contracts';

/** GraphQL enums use the contracts' own lower-case values: one vocabulary in YAML, API and console. */
function enumOf<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
}

export const AutomationTypeEnum = enumOf(AUTOMATION_TYPES);
export const LifecycleEnum = enumOf(LIFECYCLES);
export const RiskDomainEnum = enumOf(RISK_DOMAINS);
export const RuntimeKindEnum = enumOf(RUNTIME_KINDS);
export const SloIndicatorEnum = enumOf(SLO_INDICATORS);
export const KpiDirectionEnum = enumOf(KPI_DIRECTIONS);
export const KpiSourceEnum = enumOf(KPI_SOURCES);
export const KpiMoneyKindEnum = enumOf(KPI_MONEY_KINDS);
export const LinkTypeEnum = enumOf(LINK_TYPES);
export const EntitySourceEnum = enumOf(['file', 'console'] as const);

registerEnumType(AutomationTypeEnum, { name: 'AutomationType' });
registerEnumType(LifecycleEnum, { name: 'Lifecycle' });
registerEnumType(RiskDomainEnum, { name: 'RiskDomain' });
registerEnumType(RuntimeKindEnum, { name: 'RuntimeKind' });
registerEnumType(SloIndicatorEnum, { name: 'SloIndicator' });
registerEnumType(KpiDirectionEnum, { name: 'KpiDirection' });
registerEnumType(KpiSourceEnum, { name: 'KpiSource' });
registerEnumType(KpiMoneyKindEnum, {
  name: 'KpiMoneyKind',
  description: 'What a money KPI is to finance.',
  valuesMap: {
    saved: { description: 'Money saved: a cost that went down (e.g. compensation paid per month).' },
    recovered: { description: 'Money recovered: cash that came in (e.g. overdue invoices paid per month).' },
    at_stake: { description: 'Money still at stake: a balance at a date that is still at risk (e.g. unreconciled cash at month-end).' },
  },
});
registerEnumType(LinkTypeEnum, { name: 'LinkType' });
registerEnumType(EntitySourceEnum, { name: 'EntitySource', description: 'file: catalog/ in Git (read-only here); console: registered in Roundhouse.' });
