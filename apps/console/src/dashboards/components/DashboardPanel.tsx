import { useId } from 'react';
import type { DashboardPanelKind } from '@/gql/graphql';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { Panel, PanelHeader, PanelTitle } from '@/shared/ui/Panel';
import type { DashboardPanelData, ResolvedRange } from '../dashboardTypes';
import { downloadCsv, panelCsv } from '../panelCsv';
import { DeadLetterBacklogPanel } from './DeadLetterBacklogPanel';
import { KpiBeforeAfterPanel } from './KpiBeforeAfterPanel';
import { KpiTrendPanel } from './KpiTrendPanel';
import { ProgramTotalsPanel } from './ProgramTotalsPanel';
import { SloTablePanel } from './SloTablePanel';
import styles from './DashboardPanel.module.css';

/** Panels that take a whole row on a wide screen: totals and the tables of many automations. */
const WIDE_PANELS: ReadonlySet<DashboardPanelKind> = new Set(['program_totals', 'slo_table', 'dead_letter_backlog']);

const MISSING = <p className="muted">The api sent this panel without its data.</p>;

function PanelBody({ panel, range }: { panel: DashboardPanelData; range: ResolvedRange }) {
  switch (panel.kind) {
    case 'kpi_before_after':
      return panel.kpi ? <KpiBeforeAfterPanel kpi={panel.kpi} /> : MISSING;
    case 'kpi_trend':
      return panel.trend ? <KpiTrendPanel trend={panel.trend} /> : MISSING;
    case 'slo_table':
      return panel.slos ? <SloTablePanel rows={panel.slos} rangeLabel={range.label} /> : MISSING;
    case 'dead_letter_backlog':
      return panel.backlog ? <DeadLetterBacklogPanel rows={panel.backlog} rangeLabel={range.label} /> : MISSING;
    case 'program_totals':
      return panel.totals ? <ProgramTotalsPanel totals={panel.totals} range={range} /> : MISSING;
  }
}

interface DashboardPanelProps {
  dashboardName: string;
  panel: DashboardPanelData;
  range: ResolvedRange;
}

/** One panel: its title and description, a CSV of its data, and its chart or table — or why it cannot be computed. */
export function DashboardPanel({ dashboardName, panel, range }: DashboardPanelProps) {
  const titleId = useId();
  return (
    <Panel className={WIDE_PANELS.has(panel.kind) ? `${styles.panel} ${styles.wide}` : styles.panel} aria-labelledby={titleId}>
      <PanelHeader>
        <PanelTitle id={titleId}>{panel.title}</PanelTitle>
        <Button variant="quiet" size="small" title="The numbers behind this panel, for a spreadsheet" onClick={() => downloadCsv(panelCsv(dashboardName, panel, range))}>
          Download CSV
        </Button>
      </PanelHeader>
      {panel.description ? <p className={styles.description}>{panel.description}</p> : null}
      {panel.problem === null ? (
        <PanelBody panel={panel} range={range} />
      ) : (
        <Banner tone="caution" role="status">
          This panel cannot be shown: {panel.problem}
        </Banner>
      )}
    </Panel>
  );
}
