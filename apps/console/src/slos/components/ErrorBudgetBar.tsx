import type { SloIndicator } from '@/gql/graphql';
import { budgetUnitOf, describeBudget, type ErrorBudget } from '../sloWords';
import styles from './ErrorBudgetBar.module.css';

/**
 * The error budget left, as a bar with the words beside it. An overspent budget fills the bar in the
 * danger colour and says by how much; a budget with nothing counted says so instead of showing 100%.
 */
export function ErrorBudgetBar({ budget, label, objective, indicator }: { budget: ErrorBudget | null; label: string; objective: number; indicator: SloIndicator }) {
  if (budget === null) {
    return <span className="muted">No error budget (judged by its limit now)</span>;
  }
  const words = describeBudget(budget, objective, budgetUnitOf(indicator));
  if (budget.noData) {
    return <span className="muted">{words}</span>;
  }
  const left = Math.max(0, Math.min(1, budget.remainingFraction));
  const tone = budget.consumedFraction >= 1 ? 'danger' : left < 0.25 ? 'caution' : 'good';
  return (
    <span className={styles.budget}>
      <span className={styles.track} role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(left * 100)} aria-valuetext={words}>
        <span className={`${styles.fill} ${styles[tone]}`} style={{ width: budget.overspent ? '100%' : `${left * 100}%` }} />
      </span>
      <span className={budget.overspent ? `${styles.text} ${styles.overspent}` : styles.text}>{words}</span>
    </span>
  );
}
