/** URL routes. Every page is a lazy chunk; guards decide by session and permission. */
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth, RequireNav } from './layout/guards.tsx';
import { PageLoading } from './components/PageLoading.tsx';

const LoginPage = lazy(() => import('./pages/auth/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/auth/ChangePasswordPage.tsx'));
const HomePage = lazy(() => import('./pages/home/HomePage.tsx'));
const ProvincesPage = lazy(() => import('./pages/units/ProvincesPage.tsx'));
const CommunesPage = lazy(() => import('./pages/units/CommunesPage.tsx'));
const CommunePage = lazy(() => import('./pages/units/CommunePage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const OfficialsPage = lazy(() => import('./pages/officials/OfficialsPage.tsx'));
const OfficialDetailPage = lazy(() => import('./pages/officials/OfficialDetailPage.tsx'));
const MyRecordPage = lazy(() => import('./pages/officials/MyRecordPage.tsx'));
const ImportPage = lazy(() => import('./pages/officials/ImportPage.tsx'));
const PositionsPage = lazy(() => import('./pages/positions/PositionsPage.tsx'));
const NeedsPage = lazy(() => import('./pages/needs/NeedsPage.tsx'));
const UrgentPage = lazy(() => import('./pages/needs/UrgentPage.tsx'));
const WarningsPage = lazy(() => import('./pages/needs/WarningsPage.tsx'));
// Learner portal (SPEC §7, §12): classes, notifications, learning record, self-report, survey, essay; staff review pages.
const MyClassesPage = lazy(() => import('./pages/learner/MyClassesPage.tsx'));
const NotificationsPage = lazy(() => import('./pages/learner/NotificationsPage.tsx'));
const LearningRecordPage = lazy(() => import('./pages/learner/LearningRecordPage.tsx'));
const SurveyPage = lazy(() => import('./pages/learner/SurveyPage.tsx'));
const SelfReportPage = lazy(() => import('./pages/self-reports/SelfReportPage.tsx'));
const ReviewSelfReportsPage = lazy(() => import('./pages/self-reports/ReviewSelfReportsPage.tsx'));
const EssayPage = lazy(() => import('./pages/essays/EssayPage.tsx'));
const EssaysReviewPage = lazy(() => import('./pages/essays/EssaysReviewPage.tsx'));
const MentoringPage = lazy(() => import('./pages/mentoring/MentoringPage.tsx'));
const SurveySummaryPage = lazy(() => import('./pages/surveys/SurveySummaryPage.tsx'));
// Post-training evaluations, annual ratings, effect analysis (SPEC §8).
const EvaluationsPage = lazy(() => import('./pages/evaluations/EvaluationsPage.tsx'));
const AssessPage = lazy(() => import('./pages/evaluations/AssessPage.tsx'));
const MyEvaluationsPage = lazy(() => import('./pages/evaluations/MyEvaluationsPage.tsx'));
const EvaluationConfigPage = lazy(() => import('./pages/evaluations/EvaluationConfigPage.tsx'));
const RatingsPage = lazy(() => import('./pages/evaluations/RatingsPage.tsx'));
const EffectsPage = lazy(() => import('./pages/evaluations/EffectsPage.tsx'));
// Training (SPEC §5–§6, §12) and the public certificate verification page.
const PlansPage = lazy(() => import('./pages/training/plans/PlansPage.tsx'));
const PlanDetailPage = lazy(() => import('./pages/training/plans/PlanDetailPage.tsx'));
const ProgrammesPage = lazy(() => import('./pages/training/programmes/ProgrammesPage.tsx'));
const ClassesPage = lazy(() => import('./pages/training/classes/ClassesPage.tsx'));
const ClassDetailPage = lazy(() => import('./pages/training/classes/ClassDetailPage.tsx'));
const NominatePage = lazy(() => import('./pages/training/nominations/NominatePage.tsx'));
const ApprovalsPage = lazy(() => import('./pages/training/nominations/ApprovalsPage.tsx'));
const RecordPage = lazy(() => import('./pages/training/results/RecordPage.tsx'));
const CertificatesPage = lazy(() => import('./pages/training/certificates/CertificatesPage.tsx'));
const InstructorsPage = lazy(() => import('./pages/training/instructors/InstructorsPage.tsx'));
const VerifyPage = lazy(() => import('./pages/public/VerifyPage.tsx'));
// Reports and key tasks (SPEC §10).
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage.tsx'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx'));
const AllWarningsPage = lazy(() => import('./pages/warnings/WarningsPage.tsx'));
const ReportDetailPage = lazy(() => import('./pages/reports/ReportDetailPage.tsx'));
const KeyTasksPage = lazy(() => import('./pages/key-tasks/KeyTasksPage.tsx'));
// Digital learning library and the assistant (SPEC §11).
const LibraryPage = lazy(() => import('./pages/library/LibraryPage.tsx'));
const MaterialPage = lazy(() => import('./pages/library/MaterialPage.tsx'));
const LibraryManagePage = lazy(() => import('./pages/library/LibraryManagePage.tsx'));
const AssistantPage = lazy(() => import('./pages/assistant/AssistantPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

const page = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/dang-nhap', element: page(<LoginPage />) },
  // Public, no login, outside the app layout: the QR code on a certificate points here.
  { path: '/xac-thuc/:number', element: page(<VerifyPage />) },
  {
    path: '/',
    element: <RequireAuth />,
    children: [
      { index: true, element: page(<HomePage />) },
      { path: 'doi-mat-khau', element: page(<ChangePasswordPage />) },
      {
        element: <RequireNav navKey="units" />,
        children: [
          { path: 'quan-tri/don-vi', element: page(<ProvincesPage />) },
          { path: 'quan-tri/don-vi/tinh/:code', element: page(<CommunesPage />) },
          { path: 'quan-tri/don-vi/xa/:code', element: page(<CommunePage />) },
        ],
      },
      {
        element: <RequireNav navKey="users" />,
        children: [{ path: 'quan-tri/tai-khoan', element: page(<UsersPage />) }],
      },
      {
        element: <RequireNav navKey="audit" />,
        children: [{ path: 'quan-tri/nhat-ky', element: page(<AuditPage />) }],
      },
      {
        element: <RequireNav navKey="officials" />,
        children: [{ path: 'can-bo', element: page(<OfficialsPage />) }],
      },
      {
        element: <RequireNav navKey="officials-import" />,
        children: [{ path: 'can-bo/nhap-excel', element: page(<ImportPage />) }],
      },
      // A record: staff of the scope, and an official its own (the server answers 404 otherwise).
      { path: 'can-bo/:id', element: page(<OfficialDetailPage />) },
      { path: 'ho-so-cua-toi', element: page(<MyRecordPage />) },
      {
        element: <RequireNav navKey="positions" />,
        children: [{ path: 'vi-tri-viec-lam', element: page(<PositionsPage />) }],
      },
      {
        element: <RequireNav navKey="needs" />,
        children: [{ path: 'nhu-cau', element: page(<NeedsPage />) }],
      },
      {
        element: <RequireNav navKey="needs-urgent" />,
        children: [{ path: 'nhu-cau/can-boi-duong-ngay', element: page(<UrgentPage />) }],
      },
      {
        element: <RequireNav navKey="needs-warnings" />,
        children: [{ path: 'nhu-cau/canh-bao', element: page(<WarningsPage />) }],
      },
      {
        element: <RequireNav navKey="dashboard" />,
        children: [{ path: 'tong-quan', element: page(<DashboardPage />) }],
      },
      {
        element: <RequireNav navKey="warnings" />,
        children: [{ path: 'canh-bao', element: page(<AllWarningsPage />) }],
      },
      {
        element: <RequireNav navKey="reports" />,
        children: [
          { path: 'bao-cao', element: page(<ReportsPage />) },
          { path: 'bao-cao/:id', element: page(<ReportDetailPage />) },
        ],
      },
      {
        element: <RequireNav navKey="key-tasks" />,
        children: [{ path: 'nhiem-vu-trong-tam', element: page(<KeyTasksPage />) }],
      },
      {
        element: <RequireNav navKey="plans" />,
        children: [
          { path: 'ke-hoach', element: page(<PlansPage />) },
          { path: 'ke-hoach/:id', element: page(<PlanDetailPage />) },
        ],
      },
      {
        element: <RequireNav navKey="programmes" />,
        children: [{ path: 'chuong-trinh', element: page(<ProgrammesPage />) }],
      },
      {
        element: <RequireNav navKey="classes" />,
        children: [
          { path: 'lop-boi-duong', element: page(<ClassesPage />) },
          { path: 'lop-boi-duong/:id', element: page(<ClassDetailPage />) },
        ],
      },
      {
        element: <RequireNav navKey="nominate" />,
        children: [{ path: 'lop-boi-duong/cu-di-hoc', element: page(<NominatePage />) }],
      },
      {
        element: <RequireNav navKey="nomination-approvals" />,
        children: [{ path: 'lop-boi-duong/phe-duyet', element: page(<ApprovalsPage />) }],
      },
      {
        element: <RequireNav navKey="class-records" />,
        children: [{ path: 'lop-boi-duong/diem-danh', element: page(<RecordPage />) }],
      },
      {
        element: <RequireNav navKey="certificates" />,
        children: [{ path: 'lop-boi-duong/chung-chi', element: page(<CertificatesPage />) }],
      },
      {
        element: <RequireNav navKey="instructors" />,
        children: [{ path: 'giang-vien', element: page(<InstructorsPage />) }],
      },
      { path: 'lop-cua-toi', element: page(<MyClassesPage />) },
      { path: 'ho-so-hoc-tap', element: page(<LearningRecordPage />) },
      { path: 'khao-sat/:classId', element: page(<SurveyPage />) },
      { path: 'bao-cao-ket-qua/:enrolmentId', element: page(<SelfReportPage />) },
      { path: 'bai-thu-hoach/:enrolmentId', element: page(<EssayPage />) },
      {
        element: <RequireNav navKey="self-reports" />,
        children: [{ path: 'bao-cao-ket-qua', element: page(<ReviewSelfReportsPage />) }],
      },
      {
        element: <RequireNav navKey="essays" />,
        children: [{ path: 'bai-thu-hoach', element: page(<EssaysReviewPage />) }],
      },
      {
        element: <RequireNav navKey="mentoring" />,
        children: [{ path: 'kem-cap', element: page(<MentoringPage />) }],
      },
      {
        element: <RequireNav navKey="survey-summaries" />,
        children: [{ path: 'khao-sat-lop', element: page(<SurveySummaryPage />) }],
      },
      { path: 'hoc-lieu', element: page(<LibraryPage />) },
      { path: 'hoc-lieu/:id', element: page(<MaterialPage />) },
      { path: 'tro-ly', element: page(<AssistantPage />) },
      {
        element: <RequireNav navKey="library-manage" />,
        children: [{ path: 'quan-ly-hoc-lieu', element: page(<LibraryManagePage />) }],
      },
      { path: 'thong-bao', element: page(<NotificationsPage />) },
      {
        element: <RequireNav navKey="evaluations" />,
        children: [
          { path: 'danh-gia-sau-boi-duong', element: page(<EvaluationsPage />) },
          { path: 'danh-gia-sau-boi-duong/cau-hinh', element: page(<EvaluationConfigPage />) },
        ],
      },
      { path: 'danh-gia-sau-boi-duong/:enrolmentId', element: page(<AssessPage />) },
      { path: 'danh-gia-cua-toi', element: page(<MyEvaluationsPage />) },
      {
        element: <RequireNav navKey="ratings" />,
        children: [{ path: 'xep-loai', element: page(<RatingsPage />) }],
      },
      {
        element: <RequireNav navKey="effects" />,
        children: [{ path: 'phan-tich-tac-dong', element: page(<EffectsPage />) }],
      },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
]);
