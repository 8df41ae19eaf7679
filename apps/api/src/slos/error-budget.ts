/**
 * Error budgets and burn rates, from good/total counts.
 *
 * An SLO's objective is a percentage, as in the catalog (`objective: 99.5` means 99.5 % of events,
 * or of minutes, must be good). Its error budget is the rest: 0.5 % of the events in the window may
 * be bad. The burn rate over a window is how fast that budget is being spent there:
 * (bad / total) ÷ (1 − objective). A burn rate of 1 spends exactly the whole budget by the end of the
 * SLO window; 14.4 would spend a 30-day budget in 50 hours.
 *
 * The budget is kept as a ratio of whole numbers (99.9 % → 1/1000), so that a count sitting exactly
 * on a threshold computes to exactly that threshold: 144 bad out of 10,000 at 99.9 % is a burn rate
 * of 14.4, not 14.399999999999999.
 */

/** Events (or minutes) that met the objective, out of all that were counted. */
export interface GoodTotal {
  good: number;
  total: number;
}

/** The error budget over an SLO window when nothing was counted: nothing spent, nothing to show. */
export interface NoDataErrorBudget {
  noData: true;
  objective: number;
  good: 0;
  total: 0;
  bad: 0;
  allowedBad: 0;
  consumedFraction: 0;
  remainingFraction: 1;
  overspent: false;
  attainedPercent: null;
}

export interface MeasuredErrorBudget {
  noData: false;
  /** The objective, in percent, as given. */
  objective: number;
  good: number;
  total: number;
  /** total − good. */
  bad: number;
  /** Bad events the objective allows among `total`: total × (1 − objective). Not rounded. */
  allowedBad: number;
  /** bad ÷ allowedBad: 0 is untouched, 1 is exactly spent, above 1 is overspent. Equals the burn rate over the whole window. */
  consumedFraction: number;
  /** 1 − consumedFraction; negative when the budget is overspent. */
  remainingFraction: number;
  /** More bad events than the objective allows. Spending exactly the budget is not overspending. */
  overspent: boolean;
  /** good ÷ total, in percent, to compare with the objective. */
  attainedPercent: number;
}

export type ErrorBudget = NoDataErrorBudget | MeasuredErrorBudget;

/** The budget (1 − objective) as numerator / denominator, both whole numbers when the objective has at most 12 decimals. */
interface BudgetRatio {
  numerator: number;
  denominator: number;
}

const MAX_OBJECTIVE_DECIMALS = 12;

function budgetRatio(objective: number): BudgetRatio {
  if (!Number.isFinite(objective) || objective <= 0 || objective >= 100) {
    throw new RangeError(`An SLO objective is a percentage above 0 and below 100, e.g. 99.5; got ${objective}`);
  }
  for (let decimals = 0; decimals <= MAX_OBJECTIVE_DECIMALS; decimals += 1) {
    const scale = 10 ** decimals;
    const scaled = Math.round(objective * scale);
    if (scaled / scale === objective) {
      return { numerator: 100 * scale - scaled, denominator: 100 * scale };
    }
  }
  return { numerator: 100 - objective, denominator: 100 };
}

function checkCounts({ good, total }: GoodTotal): void {
  if (!Number.isFinite(good) || !Number.isFinite(total) || good < 0 || good > total) {
    throw new RangeError(`Counts must be finite with 0 ≤ good ≤ total; got good ${good}, total ${total}`);
  }
}

/**
 * The error budget over an SLO window. With no events at all the budget is intact and the result
 * says so (`noData: true`); a dashboard shows "no data", not "100 % remaining".
 *
 * Example: 99.9 % over 30 days with 1,000,000 runs allows 1,000 bad runs; 250 bad runs have
 * consumed 25 % of the budget and 75 % remains.
 */
export function errorBudget(objective: number, counts: GoodTotal): ErrorBudget {
  const { numerator, denominator } = budgetRatio(objective);
  checkCounts(counts);
  const { good, total } = counts;
  if (total === 0) {
    return { noData: true, objective, good: 0, total: 0, bad: 0, allowedBad: 0, consumedFraction: 0, remainingFraction: 1, overspent: false, attainedPercent: null };
  }
  const bad = total - good;
  const consumedFraction = (bad * denominator) / (total * numerator);
  return {
    noData: false,
    objective,
    good,
    total,
    bad,
    allowedBad: (total * numerator) / denominator,
    consumedFraction,
    remainingFraction: 1 - consumedFraction,
    // bad > total × numerator / denominator, compared in whole numbers
    overspent: bad * denominator > total * numerator,
    attainedPercent: (good * 100) / total,
  };
}

/**
 * The burn rate over one window: (bad / total) ÷ (1 − objective), or null when nothing was counted
 * in the window (no traffic burns no budget, and no rule may fire on it).
 *
 * Example: at 99.5 % (a 0.5 % budget), 72 bad runs out of 1,000 in the last hour is 7.2 % bad, a
 * burn rate of 7.2 ÷ 0.5 = 14.4.
 */
export function burnRate(objective: number, counts: GoodTotal): number | null {
  const { numerator, denominator } = budgetRatio(objective);
  checkCounts(counts);
  if (counts.total === 0) {
    return null;
  }
  return ((counts.total - counts.good) * denominator) / (counts.total * numerator);
}
