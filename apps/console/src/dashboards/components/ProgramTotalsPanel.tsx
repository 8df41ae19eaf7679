import { formatNumber } from '@/shared/format/numbers';
import type { ProgramTotalsData } from '../dashboardTypes';
import { formatKpiValue, roundForReading } from '../kpiWords';
import { PanelFigure } from './PanelFigure';

const hours = (value: number) => `${formatNumber(roundForReading(value))} ${Math.abs(value) === 1 ? 'hour' : 'hours'}`;

/** Headline hours saved and money per currency, with the items they add up from and the KPIs left out. */
export function ProgramTotalsPanel({ totals, rangeLabel }: { totals: ProgramTotalsData; rangeLabel: string }) {
  return (
    <div className="stack">
      <div className="stat-grid">
        <PanelFigure
          label="Staff time saved"
          value={hours(totals.hoursSaved)}
          how="For each KPI counting manual work: tasks avoided per day (before minus after) × minutes each task took (from the catalog) × days in the range, added up."
          detail={rangeLabel}
        />
        {totals.money.map((money) => (
          <PanelFigure
            key={money.currency}
            label={`Money, ${money.currency}`}
            value={formatKpiValue(money.amount, money.currency, money.currency)}
            how="The KPIs that carry this currency, each over the selected dates, added up. KPIs kept in different units (per month, per month-end) are shown separately below."
            detail={
              money.byUnit.length > 1
                ? money.byUnit.map((unit) => formatKpiValue(unit.amount, unit.unit, money.currency)).join(' · ')
                : undefined
            }
          />
        ))}
      </div>
      {totals.hoursSavedItems.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="panel-caption">Where the hours come from</caption>
            <thead>
              <tr>
                <th scope="col">Automation</th>
                <th scope="col">Manual work</th>
                <th scope="col">Tasks avoided per day</th>
                <th scope="col">Minutes per task</th>
                <th scope="col">Days</th>
                <th scope="col">Hours saved</th>
              </tr>
            </thead>
            <tbody>
              {totals.hoursSavedItems.map((item) => (
                <tr key={`${item.automation}/${item.kpi}`}>
                  <td>{item.automation}</td>
                  <td>{item.kpiTitle}</td>
                  <td>{formatNumber(roundForReading(item.touchesAvoidedPerDay))}</td>
                  <td>{formatNumber(item.minutesPerTouch)}</td>
                  <td>{formatNumber(roundForReading(item.days))}</td>
                  <td className="strong">{hours(item.hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {totals.money.some((money) => money.items.length > 0) ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="panel-caption">Where the money comes from</caption>
            <thead>
              <tr>
                <th scope="col">Automation</th>
                <th scope="col">KPI</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {totals.money.flatMap((money) =>
                money.items.map((item) => (
                  <tr key={`${money.currency}/${item.automation}/${item.kpi}`}>
                    <td>{item.automation}</td>
                    <td>{item.kpiTitle}</td>
                    <td>{formatKpiValue(item.amount, item.unit, money.currency)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
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
