import type { DashboardQuery } from '@/gql/graphql';

export type DashboardData = NonNullable<DashboardQuery['dashboard']>;
export type DashboardPanelData = DashboardData['panels'][number];
export type ResolvedRange = DashboardData['range'];
export type SloRow = NonNullable<DashboardPanelData['slos']>[number];
export type BacklogRow = NonNullable<DashboardPanelData['backlog']>[number];
export type ProgramTotalsData = NonNullable<DashboardPanelData['totals']>;
export type KpiTrendData = NonNullable<DashboardPanelData['trend']>;
