import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireAuth, SignInPage, SetPasswordPage } from './features/session';
import { AboutPage } from './pages/AboutPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

// Everything behind sign-in arrives in its own chunks, so the sign-in page stays small.
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));
const DashboardPage = named(() => import('./features/cases/DashboardPage'), 'DashboardPage');
const CaseListPage = named(() => import('./features/cases/CaseListPage'), 'CaseListPage');
const CasePage = named(() => import('./features/cases/CasePage'), 'CasePage');
const NewCasePage = named(() => import('./features/cases/NewCasePage'), 'NewCasePage');
const CaseFormPage = named(() => import('./features/cases/CaseFormPage'), 'CaseFormPage');
const SubmissionPage = named(() => import('./features/cases/SubmissionPage'), 'SubmissionPage');
const PlanPrintPage = named(() => import('./features/cases/PlanPrintPage'), 'PlanPrintPage');
const FormsPage = named(() => import('./features/forms/FormsPage'), 'FormsPage');
const FormEditPage = named(() => import('./features/forms/FormEditPage'), 'FormEditPage');
const WorkflowsPage = named(() => import('./features/workflows/WorkflowsPage'), 'WorkflowsPage');
const WorkflowEditorPage = named(() => import('./features/workflows/WorkflowEditorPage'), 'WorkflowEditorPage');
const UsersPage = named(() => import('./features/admin/UsersPage'), 'UsersPage');
const RolesPage = named(() => import('./features/admin/RolesPage'), 'RolesPage');
const OrganisationsPage = named(() => import('./features/admin/OrganisationsPage'), 'OrganisationsPage');
const PersonViewPage = named(() => import('./features/person/PersonViewPage'), 'PersonViewPage');
const AuditPage = named(() => import('./features/admin/AuditPage'), 'AuditPage');
const InboxPage = named(() => import('./features/inbox/InboxPage'), 'InboxPage');

function Guarded({ children, can }: { children: ReactNode; can?: [string, string] }) {
  const { t } = useTranslation();
  return (
    <RequireAuth can={can}>
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>{children}</Suspense>
    </RequireAuth>
  );
}

export function App() {
  return (
    <Routes>
      {/* Full screen for the person, without the staff layout and navigation (issue 18). */}
      <Route path="cases/:caseId/person" element={<Guarded can={['read', 'Case']}><PersonViewPage /></Guarded>} />
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="about" element={<AboutPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="set-password" element={<SetPasswordPage />} />
        <Route path="dashboard" element={<Guarded><DashboardPage /></Guarded>} />
        <Route path="inbox" element={<Guarded><InboxPage /></Guarded>} />
        <Route path="cases" element={<Guarded can={['read', 'Case']}><CaseListPage /></Guarded>} />
        <Route path="cases/new" element={<Guarded can={['create', 'Case']}><NewCasePage /></Guarded>} />
        <Route path="cases/:caseId" element={<Guarded can={['read', 'Case']}><CasePage /></Guarded>} />
        <Route path="cases/:caseId/plan" element={<Guarded can={['read', 'Case']}><PlanPrintPage /></Guarded>} />
        <Route path="cases/:caseId/forms/*" element={<Guarded can={['read', 'Case']}><CaseFormPage /></Guarded>} />
        <Route path="cases/:caseId/submissions/:submissionId" element={<Guarded can={['read', 'Submission']}><SubmissionPage /></Guarded>} />
        <Route path="forms" element={<Guarded can={['read', 'Form']}><FormsPage /></Guarded>} />
        <Route path="forms/:formId/:tab?" element={<Guarded can={['read', 'Form']}><FormEditPage /></Guarded>} />
        <Route path="workflows" element={<Guarded can={['read', 'Workflow']}><WorkflowsPage /></Guarded>} />
        <Route path="workflows/:workflowId/:tab?" element={<Guarded can={['read', 'Workflow']}><WorkflowEditorPage /></Guarded>} />
        <Route path="admin/users" element={<Guarded can={['read', 'User']}><UsersPage /></Guarded>} />
        <Route path="admin/roles" element={<Guarded can={['read', 'Role']}><RolesPage /></Guarded>} />
        <Route path="admin/organisations" element={<Guarded can={['read', 'Organisation']}><OrganisationsPage /></Guarded>} />
        <Route path="audit" element={<Guarded can={['read', 'AuditEntry']}><AuditPage /></Guarded>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
