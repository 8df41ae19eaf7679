import { Route, Routes } from 'react-router';
import { SignInPage } from '@/auth/components/SignInPage';
import { AutomationPage } from '@/automation/components/AutomationPage';
import { EditAutomationPage } from '@/automation-editor/components/EditAutomationPage';
import { RegisterAutomationPage } from '@/automation-editor/components/RegisterAutomationPage';
import { CatalogPage } from '@/catalog/components/CatalogPage';
import { NotFoundPage } from '@/shared/components/NotFoundPage';
import { AppLayout } from './AppLayout';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<AppLayout />}>
        <Route index element={<CatalogPage />} />
        <Route path="automations/new" element={<RegisterAutomationPage />} />
        <Route path="automations/:slug" element={<AutomationPage />} />
        <Route path="automations/:slug/edit" element={<EditAutomationPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
