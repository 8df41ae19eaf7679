/**
 * What a field's own database work costs, on top of the one every field costs, in the unit of
 * MAX_COST: an indexed lookup of a few rows ≈ 20; a grouped scan of one automation's rows or a
 * page of the trail ≈ 100–500; reading per-minute rollups over a window ≈ 1,000; a whole
 * dashboard (every panel's KPIs, trends, SLO statuses over their windows and burn-rate windows,
 * backlog and totals: dozens of statements) ≈ 5,000. Declared on the resolver with
 * `{ complexity: FIELD_COST.x }`; a paginated field's selection is counted once per item as well.
 * An operation may cost MAX_COST (20,000): three dashboards, or a dozen health charts.
 */
export const FIELD_COST = {
  /** Every panel computed over the range, from hourly and per-minute rollups and KPI measurements. */
  dashboard: 5_000,
  /** Health over a window (up to 30 days) from per-minute rollups, bucketed. */
  automationHealth: 1_000,
  /** Every KPI of an automation before and after: rollups and measurements over two periods. */
  automationKpis: 1_000,
  /** One KPI over a range, point by point. */
  kpiTrend: 1_000,
  /** Each SLO's error budget over its window and burn rate over every alert rule's windows. */
  automationSlos: 1_000,
  /** Two positions: the primary's and the read replica's. */
  dataFreshness: 20,
  /** Every run of every automation in one business transaction (not paginated). */
  trail: 500,
  /** Groups every dead letter by fingerprint (a grouped scan). */
  deadLetterGroups: 500,
  /** Counts every dead letter a selection holds, by automation and source. */
  reprocessPreview: 500,
  /** The automation with its SLOs, KPIs, runbooks and releases, as YAML. */
  exportAutomation: 200,
  /** Pending reprocess requests and automation changes for the viewer's teams. */
  approvals: 200,
  /** A filtered page of the audit trail (filters over team and automation arrays). */
  auditEntries: 100,
  /** Every distinct action in the trail the viewer may read. */
  auditActions: 100,
  /** A page of quarantined events, scoped to the viewer's teams. */
  quarantine: 100,
  /** Tags and systems of every automation. */
  automationFacets: 100,
  /** Asked once per automation in a list, answered for the whole list at once: recent runs from the per-minute rollups and open alerts. */
  automationStatus: 20,
  /** Asked once per automation in a list: the change waiting for its team. */
  pendingChange: 20,
  /** Asked once per request: its items whose dead letter failed again (the request's ledger, by index). */
  reprocessFailedAgain: 20,
  /** Asked once per dead letter in a list: the requests that included it. */
  deadLetterActions: 20,
  /** Asked once per SLO row of a dashboard (read once per automation and request). */
  openAlerts: 10,
} as const;
