import { graphql } from '@/gql';

/** One KPI's before/after over a range, as every dashboard panel and the automation page show it. */
export const KpiReportFieldsFragment = graphql(`
  fragment KpiReportFields on KpiReport {
    automation
    automationTitle
    name
    title
    unit
    direction
    source
    currency
    target
    baseline
    baselineNote
    baselineFrom
    baselineTo
    after
    coverage
    partial
    noData
    delta
    change
    improvementPercent
    progressPercent
    progressDisplayPercent
    targetReached
    caveat
    howComputed
    range {
      start
      end
      days
      label
    }
  }
`);
