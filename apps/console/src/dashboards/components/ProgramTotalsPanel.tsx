import { MONEY_KIND_LABELS } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';
import type { ProgramTotalsData, ResolvedRange } from '../dashboardTypes';
import { daysOfData, formatHours, NO_DATA_IN_RANGE } from '../kpiWords';
import { MONEY_KIND_HOW, formatMoney, formatMoneyIn, moneyLineDetail, moneyPeriod, moneyLineLabel, moneyLineValue, type MoneyItem } from '../moneyWords';
import { PanelFigure } from './PanelFigure';
import stat from '@/shared/components/Stat.module.css';
import { Table } from '@/shared/ui/Table';
import styles from './ProgramTotalsPanel.module.css';

const CHANGE_WORDS = {
  saved: ['saved', 'more spent'],
  recovered: ['more recovered', 'less recovered'],
  at_stake: ['less at stake', 'more at stake'],
} as const;

/** "€17,500 saved per month", "€141,000 more recovered per month", "€177,000 less at stake at each month-end". */
function changeWords(item: MoneyItem): string {
  const [better, worse] = CHANGE_WORDS[item.kind];
  const period = moneyPeriod(item.unit, item.currency);
  return `${formatMoney(Math.abs(item.change), item.currency)} ${item.change >= 0 ? better : worse}${period === '' ? '' : ` ${period}`}`;
}

/** "From 1 day of data in the 90-day range", when the hours cover fewer days than the range. */
function hoursCoverage(totals: ProgramTotalsData, range: ResolvedRange): string | undefined {
  const covered = totals.hoursSavedItems.map((item) => item.days);
  if (covered.length === 0) {
    return undefined;
  }
  return daysOfData(Math.max(...covered), range.days) ?? undefined;
}

/**
 * Headline hours saved, and money per currency, unit and kind (saved, recovered, still at stake): the
 * only money figures that may be added. With the items they add up from and the KPIs left out.
 */
export function ProgramTotalsPanel({ totals, range }: { totals: ProgramTotalsData; range: ResolvedRange }) {
  return (
    <div className="stack">
      <div className={stat.grid}>
        <PanelFigure
          label="Staff time saved"
          value={totals.hoursSaved === null ? NO_DATA_IN_RANGE : formatHours(totals.hoursSaved)}
          how="For each KPI counting manual work: tasks avoided per day (before minus after) × minutes each task took (from the catalog) × days of the range with data, added up. Without data in the range there is nothing to add, which is not the same as no time saved."
          detail={[range.label, hoursCoverage(totals, range)].filter(Boolean).join(' · ')}
        />
        {totals.money.map((line) => (
          <PanelFigure
            key={`${line.currency}/${line.kind}/${line.unit}`}
            label={moneyLineLabel(line)}
            value={moneyLineValue(line)}
            how={`${MONEY_KIND_HOW[line.kind]} Added up only over KPIs in the same currency and unit (${line.unit}): a cost per month, a balance at month-end and a one-off amount are never one figure.`}
            detail={moneyLineDetail(line)}
          />
        ))}
      </div>
      {totals.hoursSavedItems.length > 0 ? (
        <Table>
          <caption className={styles.caption}>Where the hours come from</caption>
          <thead>
            <tr>
              <th scope="col">Automation</th>
              <th scope="col">Manual work</th>
              <th scope="col">Tasks avoided per day</th>
              <th scope="col">Minutes per task</th>
              <th scope="col">Days with data</th>
              <th scope="col">Hours saved</th>
            </tr>
          </thead>
          <tbody>
            {totals.hoursSavedItems.map((item) => (
              <tr key={`${item.automation}/${item.kpi}`}>
                <td>{item.automation}</td>
                <td>{item.kpiTitle}</td>
                <td>{formatNumber(Math.round(item.touchesAvoidedPerDay * 10) / 10)}</td>
                <td>{formatNumber(item.minutesPerTouch)}</td>
                <td>{formatNumber(Math.round(item.days * 10) / 10)}</td>
                <td className="strong">{formatHours(item.hours)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {totals.money.length > 0 ? (
        <Table>
          <caption className={styles.caption}>Where the money comes from</caption>
          <thead>
            <tr>
              <th scope="col">Automation</th>
              <th scope="col">KPI</th>
              <th scope="col">What it is</th>
              <th scope="col">Before</th>
              <th scope="col">Now</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {totals.money.flatMap((line) =>
              line.items.map((item) => (
                <tr key={`${item.automation}/${item.kpi}`}>
                  <td>{item.automation}</td>
                  <td>{item.kpiTitle}</td>
                  <td>{MONEY_KIND_LABELS[item.kind]}</td>
                  <td>{formatMoneyIn(item.before, item.unit, item.currency)}</td>
                  <td>{formatMoneyIn(item.after, item.unit, item.currency)}</td>
                  <td className="strong">{changeWords(item)}</td>
                </tr>
              )),
            )}
          </tbody>
        </Table>
      ) : null}
      {totals.skipped.length > 0 ? (
        <div>
          <p className="strong">Not counted in these totals</p>
          <ul className="plain-list">
            {totals.skipped.map((skipped) => (
              <li key={`${skipped.automation}/${skipped.kpi}`}>
                {skipped.kpiTitle} ({skipped.automation}): {skipped.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
