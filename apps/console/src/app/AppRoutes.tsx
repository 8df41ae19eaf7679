import { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AlertsPage } from '@/alerts/components/AlertsPage';
import { ApprovalsPage } from '@/approvals/components/ApprovalsPage';
import { AuditPage } from '@/audit/components/AuditPage';
import { SignInPage } from '@/auth/components/SignInPage';
import { AutomationHealthTab } from '@/automation/components/AutomationHealthTab';
import { AutomationOverview } from '@/automation/components/AutomationOverview';
import { AutomationPage } from '@/automation/components/AutomationPage';
import { AutomationReprocessingTab } from '@/automation/components/AutomationReprocessingTab';
import { AutomationRunsTab } from '@/automation/components/AutomationRunsTab';
import { AutomationSlosTab } from '@/automation/components/AutomationSlosTab';
import { EditAutomationPage } from '@/automation-editor/components/EditAutomationPage';
import { RegisterAutomationPage } from '@/automation-editor/components/RegisterAutomationPage';
import { CatalogPage } from '@/catalog/components/CatalogPage';
import { DashboardSkeleton } from '@/dashboards/components/DashboardSkeleton';
import { DashboardsPage } from '@/dashboards/components/DashboardsPage';
import { DeadLetterPage } from '@/dead-letters/components/DeadLetterPage';
import { DeadLettersPage } from '@/dead-letters/components/DeadLettersPage';
import { QuarantinePage } from '@/quarantine/components/QuarantinePage';
import { ReprocessRequestPage } from '@/reprocess/components/ReprocessRequestPage';
import { ReprocessRequestsPage } from '@/reprocess/components/ReprocessRequestsPage';
import { RunsPage } from '@/runs/components/RunsPage';
import { NotFoundPage } from '@/shared/components/NotFoundPage';
import { TeamsPage } from '@/teams/components/TeamsPage';
import { RuntimeTokensPage, TokensIndexPage } from '@/tokens/components/RuntimeTokensPage';
import { TrailPage } from '@/trail/components/TrailPage';
import { AppLayout } from './AppLayout';

// The dashboard page brings recharts and every panel; it loads when a dashboard is opened, not with the catalog.
const DashboardPage = lazy(() => import('@/dashboards/components/DashboardPage'));

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
        <Route
          path="dashboards/:name"
          element={
            <Suspense fallback={<DashboardSkeleton />}>
              <DashboardPage />
            </Suspense>
          }
        />
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
