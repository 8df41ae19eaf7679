import { graphql } from '@/gql';

/** An SLO as it stands now: state, attainment, error budget, burn rates and the runbook that answers it. */
export const SloStatusFieldsFragment = graphql(`
  fragment SloStatusFields on SloStatus {
    name
    title
    indicator
    objective
    window
    state
    attainedPercent
    runbook {
      id
      title
    }
    errorBudget {
      allowedBad
      bad
      good
      total
      consumedFraction
      remainingFraction
      overspent
      noData
    }
    burnRates {
      rule
      severity
      threshold
      longWindow
      shortWindow
      longBurnRate
      shortBurnRate
      firing
      budgetSpentInLongWindow
    }
    deadLetters {
      pending
      maxBacklog
      headroom
      oldestPendingSince
      oldestAgeMs
      thresholdMs
      withinLimit
    }
    freshness {
      ageMs
      fresh
      lastSuccessAt
      thresholdMs
    }
  }
`);
