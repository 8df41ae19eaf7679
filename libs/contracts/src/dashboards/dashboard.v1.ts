import { z } from 'zod';
import { duration, isoDate, ownerRef, slug } from '../catalog/common.js';

export const DASHBOARD_API_VERSION = 'roundhouse.dev/v1';

export const DASHBOARD_PANEL_KINDS = ['kpi_before_after', 'kpi_trend', 'slo_table', 'dead_letter_backlog', 'program_totals'] as const;
export type DashboardPanelKind = (typeof DASHBOARD_PANEL_KINDS)[number];

export const DASHBOARD_TREND_INTERVALS = ['hour', 'day', 'week'] as const;
export type DashboardTrendInterval = (typeof DASHBOARD_TREND_INTERVALS)[number];

/**
 * The date range a dashboard opens with (the viewer can pick another): the "after" window its KPIs
 * are measured over, compared with each KPI's baseline from the catalog. Either a rolling `last`
 * duration ending now, or whole calendar days `from`–`to` in UTC, both included.
 */
export const dashboardDateRange = z
  .strictObject({
    last: duration.optional().meta({ description: 'A rolling range ending now, e.g. "30d".', examples: ['30d', '90d'] }),
    from: isoDate.optional().meta({ description: 'First day of a fixed range (UTC).' }),
    to: isoDate.optional().meta({ description: 'Last day of a fixed range (UTC), included.' }),
  })
  .superRefine((value, ctx) => {
    const fixed = value.from !== undefined || value.to !== undefined;
    if (value.last !== undefined && fixed) {
      ctx.addIssue({ code: 'custom', path: ['last'], message: 'either last (e.g. "30d") or from and to, not both' });
    } else if (value.last === undefined && value.from === undefined) {
      ctx.addIssue({ code: 'custom', path: [value.to === undefined ? 'last' : 'from'], message: 'a rolling range such as last: 30d, or a fixed range with from and to' });
    } else if (value.last === undefined && value.to === undefined) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the last day of the range, on or after ${value.from}` });
    } else if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `a date on or after from (${value.from})` });
    }
  })
  .meta({ description: 'The default date range: last, or from and to.' });
export type DashboardDateRange = z.infer<typeof dashboardDateRange>;

const panelText = {
  title: z.string().min(1).max(120).meta({ description: 'The panel’s heading, in words a stakeholder uses.' }),
  description: z.string().min(1).max(1000).optional().meta({ description: 'What the panel shows and how to read it.' }),
};

function uniqueSlugs(items: string[], ctx: z.RefinementCtx): void {
  items.forEach((item, index) => {
    if (items.indexOf(item) !== index) {
      ctx.addIssue({ code: 'custom', path: [index], message: `each automation once; "${item}" appears twice` });
    }
  });
}

const automationList = z.array(slug).min(1).max(50).superRefine(uniqueSlugs).meta({ description: 'Automations by slug, in the order shown.' });

export const kpiBeforeAfterPanel = z
  .strictObject({
    kind: z.literal('kpi_before_after'),
    ...panelText,
    automation: slug.meta({ description: 'The automation, by slug.' }),
    kpi: slug.meta({ description: 'One of the automation’s KPIs, by name.' }),
  })
  .meta({ description: 'One KPI: its baseline ("before") beside its value over the date range ("after"), the change and the progress to target.' });

export const kpiTrendPanel = z
  .strictObject({
    kind: z.literal('kpi_trend'),
    ...panelText,
    automation: slug.meta({ description: 'The automation, by slug.' }),
    kpi: slug.meta({ description: 'One of the automation’s KPIs, by name.' }),
    interval: z.enum(DASHBOARD_TREND_INTERVALS).default('day').meta({ description: 'One point per hour, day or week.' }),
  })
  .meta({ description: 'One KPI over the date range, with its baseline and target drawn as lines.' });

export const sloTablePanel = z
  .strictObject({ kind: z.literal('slo_table'), ...panelText, automations: automationList })
  .meta({ description: 'Every SLO of the automations: attainment, error budget left, burn, open alerts.' });

export const deadLetterBacklogPanel = z
  .strictObject({ kind: z.literal('dead_letter_backlog'), ...panelText, automations: automationList })
  .meta({ description: 'Failed items waiting for a decision, per automation: how many and the oldest.' });

export const programTotalsPanel = z
  .strictObject({ kind: z.literal('program_totals'), ...panelText, automations: automationList })
  .meta({ description: 'Hours saved (manual touches avoided × minutes per touch) and money per currency across the automations.' });

/** Each panel kind's schema, by kind. */
export const DASHBOARD_PANELS = {
  kpi_before_after: kpiBeforeAfterPanel,
  kpi_trend: kpiTrendPanel,
  slo_table: sloTablePanel,
  dead_letter_backlog: deadLetterBacklogPanel,
  program_totals: programTotalsPanel,
} as const satisfies Record<DashboardPanelKind, unknown>;

export const dashboardPanel = z.discriminatedUnion('kind', [kpiBeforeAfterPanel, kpiTrendPanel, sloTablePanel, deadLetterBacklogPanel, programTotalsPanel], {
  error: `one of ${DASHBOARD_PANEL_KINDS.join(', ')}`,
});
export type DashboardPanel = z.infer<typeof dashboardPanel>;

export const dashboardMetadata = z.strictObject({
  name: slug.meta({ description: 'The dashboard’s slug: its id in URLs.' }),
  title: z.string().min(3).max(120),
  description: z.string().min(1).max(4000),
  owner: ownerRef,
});

export const dashboardSpec = z.strictObject({
  defaultRange: dashboardDateRange,
  panels: z.array(dashboardPanel).min(1).max(50),
});

/**
 * Dashboard, version 1: a stakeholder dashboard as code, in the envelope of the catalog kinds. See
 * `dashboards/` for real examples. A new version of this contract is a new file.
 */
export const dashboardV1 = z
  .strictObject({
    apiVersion: z.literal(DASHBOARD_API_VERSION),
    kind: z.literal('Dashboard'),
    metadata: dashboardMetadata,
    spec: dashboardSpec,
  })
  .meta({
    title: 'Dashboard v1',
    description: 'A stakeholder dashboard: which automations and KPIs, over which default date range, in which panels.',
  });

export type DashboardV1 = z.infer<typeof dashboardV1>;
export type DashboardV1Input = z.input<typeof dashboardV1>;
