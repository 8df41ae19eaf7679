import { Route, Routes } from 'react-router';
import { SignInPage } from '@/auth/components/SignInPage';
import { CatalogPage } from '@/catalog/components/CatalogPage';
import { DashboardSkeleton } from '@/dashboards/components/DashboardSkeleton';
import { NotFoundPage } from '@/shared/components/NotFoundPage';
import { AppLayout } from './AppLayout';
import { lazyPage } from './lazy-page';

// Every page but the first (the catalog) and sign-in is its own chunk, loaded when it is first visited.
const DashboardPage = lazyPage(() => import('@/dashboards/components/DashboardPage'), 'DashboardPage', <DashboardSkeleton />);
const AlertsPage = lazyPage(() => import('@/alerts/components/AlertsPage'), 'AlertsPage');
const ApprovalsPage = lazyPage(() => import('@/approvals/components/ApprovalsPage'), 'ApprovalsPage');
const TeamsPage = lazyPage(() => import('@/teams/components/TeamsPage'), 'TeamsPage');
const AuditPage = lazyPage(() => import('@/audit/components/AuditPage'), 'AuditPage');
const AutomationHealthTab = lazyPage(() => import('@/automation/components/AutomationHealthTab'), 'AutomationHealthTab');
const AutomationOverview = lazyPage(() => import('@/automation/components/AutomationOverview'), 'AutomationOverview');
const AutomationPage = lazyPage(() => import('@/automation/components/AutomationPage'), 'AutomationPage');
const AutomationReprocessingTab = lazyPage(() => import('@/automation/components/AutomationReprocessingTab'), 'AutomationReprocessingTab');
const AutomationRunsTab = lazyPage(() => import('@/automation/components/AutomationRunsTab'), 'AutomationRunsTab');
const AutomationSlosTab = lazyPage(() => import('@/automation/components/AutomationSlosTab'), 'AutomationSlosTab');
const EditAutomationPage = lazyPage(() => import('@/automation-editor/components/EditAutomationPage'), 'EditAutomationPage');
const RegisterAutomationPage = lazyPage(() => import('@/automation-editor/components/RegisterAutomationPage'), 'RegisterAutomationPage');
const DashboardsPage = lazyPage(() => import('@/dashboards/components/DashboardsPage'), 'DashboardsPage');
const DeadLetterPage = lazyPage(() => import('@/dead-letters/components/DeadLetterPage'), 'DeadLetterPage');
const DeadLettersPage = lazyPage(() => import('@/dead-letters/components/DeadLettersPage'), 'DeadLettersPage');
const QuarantinePage = lazyPage(() => import('@/quarantine/components/QuarantinePage'), 'QuarantinePage');
const ReprocessRequestPage = lazyPage(() => import('@/reprocess/components/ReprocessRequestPage'), 'ReprocessRequestPage');
const ReprocessRequestsPage = lazyPage(() => import('@/reprocess/components/ReprocessRequestsPage'), 'ReprocessRequestsPage');
const RunsPage = lazyPage(() => import('@/runs/components/RunsPage'), 'RunsPage');
const RuntimeTokensPage = lazyPage(() => import('@/tokens/components/RuntimeTokensPage'), 'RuntimeTokensPage');
const TokensIndexPage = lazyPage(() => import('@/tokens/components/RuntimeTokensPage'), 'TokensIndexPage');
const TrailPage = lazyPage(() => import('@/trail/components/TrailPage'), 'TrailPage');

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<AppLayout />}>
        <Route index element={<CatalogPage />} />
        <Route path="automations/new" element={<RegisterAutomationPage />} />
        <Route path="automations/:slug" element={<AutomationPage />}>
          <Route index element={<AutomationOverview />} />
          <Route path="health" element={<AutomationHealthTab />} />
          <Route path="slos" element={<AutomationSlosTab />} />
          <Route path="runs" element={<AutomationRunsTab />} />
          <Route path="reprocessing" element={<AutomationReprocessingTab />} />
        </Route>
        <Route path="automations/:slug/edit" element={<EditAutomationPage />} />
        <Route path="runs" element={<RunsPage />} />
        <Route path="trail/:correlationId" element={<TrailPage />} />
        <Route path="dead-letters" element={<DeadLettersPage />} />
        <Route path="dead-letters/:id" element={<DeadLetterPage />} />
        <Route path="reprocess" element={<ReprocessRequestsPage />} />
        <Route path="reprocess/:id" element={<ReprocessRequestPage />} />
        <Route path="approvals" element={<ApprovalsPage />} />
        <Route path="quarantine" element={<QuarantinePage />} />
        <Route path="dashboards" element={<DashboardsPage />} />
        <Route path="dashboards/:name" element={<DashboardPage />} />
        <Route path="alerts" element={<AlertsPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="tokens" element={<TokensIndexPage />} />
        <Route path="teams/:team/tokens" element={<RuntimeTokensPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
