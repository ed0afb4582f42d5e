import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RouteErrorPage } from '../components/RouteErrorPage.tsx';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { PAGE_ACCESS } from './access.ts';
import { Layout } from './Layout.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { RequireRole } from './RequireRole.tsx';
import { RequireSignIn } from './RequireSignIn.tsx';

// Loaded on first visit: they bring the auth client, WebAuthn and QR code libraries, or serve only a few people.
const SignInPage = lazy(() => import('../features/auth/SignInPage.tsx').then((m) => ({ default: m.SignInPage })));
const SetupPage = lazy(() => import('../features/auth/SetupPage.tsx').then((m) => ({ default: m.SetupPage })));
const SetPasswordPage = lazy(() => import('../features/auth/SetPasswordPage.tsx').then((m) => ({ default: m.SetPasswordPage })));
const SecurityPage = lazy(() => import('../features/account/SecurityPage.tsx').then((m) => ({ default: m.SecurityPage })));
const UsersPage = lazy(() => import('../features/admin/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/admin/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const OutboxPage = lazy(() => import('../features/admin/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })));
const SettingsPage = lazy(() => import('../features/admin/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })));
const ImportPage = lazy(() => import('../features/inventory/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'setup', element: <SetupPage /> },
      { path: 'set-password', element: <SetPasswordPage /> },
    ],
  },
  {
    element: (
      <RequireSignIn>
        <Layout />
      </RequireSignIn>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      { path: 'dashboard', element: <DashboardPage />, errorElement: <RouteErrorPage /> },
      { path: 'vendors', lazy: async () => ({ Component: (await import('../features/vendors/VendorsPage.tsx')).VendorsPage }), errorElement: <RouteErrorPage /> },
      { path: 'vendors/:vendorId', lazy: async () => ({ Component: (await import('../features/vendors/VendorPage.tsx')).VendorPage }), errorElement: <RouteErrorPage /> },
      {
        path: 'vendors/import',
        element: (
          <RequireRole roles={PAGE_ACCESS.inventoryImport}>
            <ImportPage />
          </RequireRole>
        ),
        errorElement: <RouteErrorPage />,
      },
      { path: 'assessments', lazy: async () => ({ Component: (await import('../features/assessments/AssessmentsPage.tsx')).AssessmentsPage }), errorElement: <RouteErrorPage /> },
      { path: 'assessments/:assessmentId', lazy: async () => ({ Component: (await import('../features/assessments/AssessmentPage.tsx')).AssessmentPage }), errorElement: <RouteErrorPage /> },
      { path: 'assessments/:assessmentId/report', lazy: async () => ({ Component: (await import('../features/assessments/ReportPage.tsx')).ReportPage }), errorElement: <RouteErrorPage /> },
      { path: 'tasks', lazy: async () => ({ Component: (await import('../features/tasks/TasksPage.tsx')).TasksPage }), errorElement: <RouteErrorPage /> },
      { path: 'tasks/:taskId', lazy: async () => ({ Component: (await import('../features/tasks/TaskPage.tsx')).TaskPage }), errorElement: <RouteErrorPage /> },
      { path: 'reassessments', lazy: async () => ({ Component: (await import('../features/attention/ReassessmentsPage.tsx')).ReassessmentsPage }), errorElement: <RouteErrorPage /> },
      {
        path: 'attention',
        lazy: async () => {
          const { AttentionPage } = await import('../features/attention/AttentionPage.tsx');
          return {
            Component: () => (
              <RequireRole roles={PAGE_ACCESS.attention}>
                <AttentionPage />
              </RequireRole>
            ),
          };
        },
        errorElement: <RouteErrorPage />,
      },
      { path: 'templates', lazy: async () => ({ Component: (await import('../features/templates/TemplatesPage.tsx')).TemplatesPage }), errorElement: <RouteErrorPage /> },
      {
        path: 'templates/import',
        lazy: async () => {
          const { TemplateImportPage } = await import('../features/templates/TemplateImportPage.tsx');
          return {
            Component: () => (
              <RequireRole roles={PAGE_ACCESS.templateImport}>
                <TemplateImportPage />
              </RequireRole>
            ),
          };
        },
        errorElement: <RouteErrorPage />,
      },
      { path: 'templates/:key/:version', lazy: async () => ({ Component: (await import('../features/templates/TemplateVersionPage.tsx')).TemplateVersionPage }), errorElement: <RouteErrorPage /> },
      { path: 'account/security', element: <SecurityPage />, errorElement: <RouteErrorPage /> },
      {
        path: 'admin/users',
        element: (
          <RequireRole roles={PAGE_ACCESS.users}>
            <UsersPage />
          </RequireRole>
        ),
        errorElement: <RouteErrorPage />,
      },
      {
        path: 'admin/audit',
        element: (
          <RequireRole roles={PAGE_ACCESS.audit}>
            <AuditPage />
          </RequireRole>
        ),
        errorElement: <RouteErrorPage />,
      },
      {
        path: 'admin/outbox',
        element: (
          <RequireRole roles={PAGE_ACCESS.outbox}>
            <OutboxPage />
          </RequireRole>
        ),
        errorElement: <RouteErrorPage />,
      },
      {
        path: 'admin/settings',
        element: (
          <RequireRole roles={PAGE_ACCESS.settings}>
            <SettingsPage />
          </RequireRole>
        ),
        errorElement: <RouteErrorPage />,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
