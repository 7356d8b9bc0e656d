import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, redirect } from '@tanstack/react-router';
import { meQueryOptions } from '../features/auth/me-query';
import { LoginPage } from '../features/auth/login-page';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { UnitPage } from '../features/units/unit-page';
import { AccountsPage } from '../features/accounts/accounts-page';
import { AuditPage } from '../features/audit/audit-page';
import { UnitKindsPage } from '../features/unit-kinds/unit-kinds-page';
import { OrgHistoryPage } from '../features/org-history/org-history-page';
import { MembersTab } from '../features/members/members-tab';
import { MemberPage } from '../features/members/member-page';
import { parseMemberFilter } from '../features/members/member-search';
import { MemberImportPage } from '../features/member-import/member-import-page';
import { MyProfilePage } from '../features/self-service/my-profile-page';
import { MyCardPage } from '../features/self-service/my-card-page';
import { ChangeRequestsPage } from '../features/self-service/change-requests-page';
import { CardVerifyPage } from '../features/self-service/card-verify-page';
import { isMemberOnly } from '../features/self-service/member-account';
import { DocumentsPage } from '../features/documents/documents-page';
import { parseDocumentSearch } from '../features/documents/document-api';
import { RulesPage } from '../features/rules/rules-page';
import { parseTransferSearch, TransfersPage } from '../features/transfers/transfers-page';
import { TransferPage } from '../features/transfers/transfer-page';
import { ReceivePage } from '../features/transfers/receive-page';
import { useCurrentUser } from '../features/auth/current-user';
import { AdmissionsPage } from '../features/admissions/admissions-page';
import { parseAdmissionsSearch } from '../features/admissions/admission-search';
import { CandidatePage } from '../features/admissions/candidate-page';
import { UnitCardsPage } from '../features/member-cards/unit-cards-page';
import { ComingOfAgePage } from '../features/coming-of-age/coming-of-age-page';
import { DisciplinePage } from '../features/discipline/discipline-page';
import { PartyIntroductionsPage } from '../features/party-introductions/party-introductions-page';
import { parseUnitYearSearch } from '../features/member-exits/procedure-search';
import { MeetingsPage } from '../features/meetings/meetings-page';
import { MeetingPage } from '../features/meetings/meeting-page';
import { CheckInPage } from '../features/meetings/check-in-page';
import { CalendarPage } from '../features/meetings/calendar-page';
import { FeesPage } from '../features/fees/fees-page';
import { CarePage } from '../features/care/care-page';
import { AnnouncementsPage } from '../features/announcements/announcements-page';
import { AnnouncementPage } from '../features/announcements/announcement-page';
import { SurveysPage } from '../features/surveys/surveys-page';
import { SurveyPage } from '../features/surveys/survey-page';
import { IndicatorsPage } from '../features/branch-indicators/indicators-page';
import { BranchBookPage } from '../features/branch-indicators/branch-book-page';
import { appRoute, rootRoute } from './app-route';
import { evaluationRoutes } from './evaluation-routes';
import { NoScopePage } from './status-pages';

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' && /^\/(?!\/|login)/.test(search.redirect) ? { redirect: search.redirect } : {},
  component: LoginPage,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const me = context.queryClient.getQueryData(meQueryOptions.queryKey);
    if (me && isMemberOnly(me)) throw redirect({ to: '/me' });
    const first = me?.scopeRoots[0];
    if (first) throw redirect({ to: '/units/$unitId', params: { unitId: first.id } });
  },
  component: NoScopePage,
});

const unitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'units/$unitId',
  component: function UnitRoute() {
    const { unitId } = unitRoute.useParams();
    return <UnitPage key={unitId} unitId={unitId} />;
  },
});

/** The unit page on its "Đoàn viên" tab; the list filters live in the query string. */
const unitMembersRoute = createRoute({
  getParentRoute: () => unitRoute,
  path: 'members',
  validateSearch: parseMemberFilter,
  component: function UnitMembersRoute() {
    const { unitId } = unitMembersRoute.useParams();
    const filter = unitMembersRoute.useSearch();
    const navigate = unitMembersRoute.useNavigate();
    return (
      <MembersTab
        unitId={unitId}
        filter={filter}
        onFilterChange={(search) => void navigate({ search, replace: true })}
      />
    );
  },
});

const memberRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'members/$memberId',
  component: function MemberRoute() {
    const { memberId } = memberRoute.useParams();
    return <MemberPage key={memberId} memberId={memberId} />;
  },
});

/** The member import wizard of a unit; `job` keeps the running import across reloads. */
const memberImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'units/$unitId/member-import',
  validateSearch: (search: Record<string, unknown>): { job?: string } =>
    typeof search.job === 'string' && /^[0-9a-f-]{36}$/.test(search.job) ? { job: search.job } : {},
  component: function MemberImportRoute() {
    const { unitId } = memberImportRoute.useParams();
    const { job } = memberImportRoute.useSearch();
    const navigate = memberImportRoute.useNavigate();
    return (
      <MemberImportPage
        key={unitId}
        unitId={unitId}
        jobId={job}
        onJob={(id) => void navigate({ search: id ? { job: id } : {}, replace: Boolean(id) })}
      />
    );
  },
});

/** Member self-service: the member's own record and e-card; the cadres' change requests. */
const myProfileRoute = createRoute({ getParentRoute: () => appRoute, path: 'me', component: MyProfilePage });
const myCardRoute = createRoute({ getParentRoute: () => appRoute, path: 'me/card', component: MyCardPage });
const changeRequestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'member-change-requests',
  component: ChangeRequestsPage,
});

/** The public page a member card's QR code opens (no login). */
const cardVerifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'cards/verify/$ref',
  component: function CardVerifyRoute() {
    const { ref } = cardVerifyRoute.useParams();
    return <CardVerifyPage reference={ref} />;
  },
});

/** Văn bản: documents of a unit (the first unit of the scope by default), by kind and year in the query. */
const documentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'documents',
  validateSearch: parseDocumentSearch,
  component: function DocumentsRoute() {
    const search = documentsRoute.useSearch();
    const navigate = documentsRoute.useNavigate();
    return <DocumentsPage search={search} onSearchChange={(next) => void navigate({ search: next, replace: true })} />;
  },
});
const rulesRoute = createRoute({ getParentRoute: () => appRoute, path: 'rules', component: RulesPage });

/** Chuyển sinh hoạt: the tabs (going out, coming in, temporary), receiving by code or CCCD, one transfer. */
const transfersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'transfers',
  validateSearch: parseTransferSearch,
  component: function TransfersRoute() {
    const { tab } = transfersRoute.useSearch();
    const navigate = transfersRoute.useNavigate();
    return (
      <TransfersPage
        tab={tab ?? 'outgoing'}
        onTab={(next) => void navigate({ search: { tab: next }, replace: true })}
      />
    );
  },
});
const receiveRoute = createRoute({ getParentRoute: () => appRoute, path: 'transfers/receive', component: ReceivePage });
const transferRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'transfers/$transferId',
  component: function TransferRoute() {
    const { transferId } = transferRoute.useParams();
    return <TransferPage key={transferId} transferId={transferId} />;
  },
});

/** Kết nạp đoàn viên: candidates of a unit (the first unit of the scope by default) by step; one candidate. */
const admissionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admissions',
  validateSearch: parseAdmissionsSearch,
  component: function AdmissionsRoute() {
    const search = admissionsRoute.useSearch();
    const navigate = admissionsRoute.useNavigate();
    const { scopeRoots } = useCurrentUser();
    const unitId = search.unitId ?? scopeRoots[0]?.id;
    if (!unitId) return <NoScopePage />;
    return (
      <AdmissionsPage
        key={unitId}
        unitId={unitId}
        status={search.status}
        onSearch={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const candidateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admissions/$candidateId',
  component: function CandidateRoute() {
    const { candidateId } = candidateRoute.useParams();
    return <CandidatePage key={candidateId} candidateId={candidateId} />;
  },
});
/** Thẻ đoàn viên of a unit: card numbering and the card register. */
const unitCardsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'units/$unitId/cards',
  component: function UnitCardsRoute() {
    const { unitId } = unitCardsRoute.useParams();
    return <UnitCardsPage key={unitId} unitId={unitId} />;
  },
});

/** Trưởng thành đoàn: the yearly list of a unit (unit, year and tab in the query string). */
const comingOfAgeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'coming-of-age',
  validateSearch: parseUnitYearSearch,
  component: function ComingOfAgeRoute() {
    const search = comingOfAgeRoute.useSearch();
    const navigate = comingOfAgeRoute.useNavigate();
    return <ComingOfAgePage search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />;
  },
});
/** Kỷ luật: the discipline decisions of a unit. */
const disciplineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'discipline',
  validateSearch: parseUnitYearSearch,
  component: function DisciplineRoute() {
    const search = disciplineRoute.useSearch();
    const navigate = disciplineRoute.useNavigate();
    return <DisciplinePage search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />;
  },
});
/** Giới thiệu đảng viên: introductions of a unit and the yearly report. */
const partyIntroductionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'party-introductions',
  validateSearch: parseUnitYearSearch,
  component: function PartyIntroductionsRoute() {
    const search = partyIntroductionsRoute.useSearch();
    const navigate = partyIntroductionsRoute.useNavigate();
    return (
      <PartyIntroductionsPage search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />
    );
  },
});

/** Branch life pages that list by unit and year (unit, year and tab in the query string). */
function unitYearRoute(path: string, Page: typeof MeetingsPage) {
  const route = createRoute({
    getParentRoute: () => appRoute,
    path,
    validateSearch: parseUnitYearSearch,
    component: function UnitYearRoute() {
      const search = route.useSearch();
      const navigate = route.useNavigate();
      return <Page search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />;
    },
  });
  return route;
}
/** Sinh hoạt chi đoàn, đoàn phí, chăm lo, thông báo, khảo sát, chỉ tiêu. */
const meetingsRoute = unitYearRoute('meetings', MeetingsPage);
const feesRoute = unitYearRoute('fees', FeesPage);
const careRoute = unitYearRoute('care', CarePage);
const announcementsRoute = unitYearRoute('announcements', AnnouncementsPage);
const surveysRoute = unitYearRoute('surveys', SurveysPage);
const indicatorsRoute = unitYearRoute('indicators', IndicatorsPage);
const meetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'meetings/$meetingId',
  component: function MeetingRoute() {
    const { meetingId } = meetingRoute.useParams();
    return <MeetingPage key={meetingId} meetingId={meetingId} />;
  },
});
/** Where a member's phone lands after scanning the meeting's QR code. */
const checkInRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'checkin/$code',
  component: function CheckInRoute() {
    const { code } = checkInRoute.useParams();
    return <CheckInPage key={code} code={code} />;
  },
});
const calendarRoute = createRoute({ getParentRoute: () => appRoute, path: 'calendar', component: CalendarPage });
const announcementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'announcements/$announcementId',
  component: function AnnouncementRoute() {
    const { announcementId } = announcementRoute.useParams();
    return <AnnouncementPage key={announcementId} announcementId={announcementId} />;
  },
});
const surveyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'surveys/$surveyId',
  component: function SurveyRoute() {
    const { surveyId } = surveyRoute.useParams();
    return <SurveyPage key={surveyId} surveyId={surveyId} />;
  },
});
const branchBookRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'units/$unitId/branch-book',
  component: function BranchBookRoute() {
    const { unitId } = branchBookRoute.useParams();
    return <BranchBookPage key={unitId} unitId={unitId} />;
  },
});

const accountsRoute = createRoute({ getParentRoute: () => appRoute, path: 'accounts', component: AccountsPage });
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: 'audit', component: AuditPage });
const unitKindsRoute = createRoute({ getParentRoute: () => appRoute, path: 'unit-kinds', component: UnitKindsPage });
const orgHistoryRoute = createRoute({ getParentRoute: () => appRoute, path: 'org-history', component: OrgHistoryPage });
const passwordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account/password',
  component: ChangePasswordPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  cardVerifyRoute,
  appRoute.addChildren([
    indexRoute,
    unitRoute.addChildren([unitMembersRoute]),
    memberRoute,
    memberImportRoute,
    admissionsRoute,
    candidateRoute,
    unitCardsRoute,
    accountsRoute,
    auditRoute,
    unitKindsRoute,
    orgHistoryRoute,
    passwordRoute,
    documentsRoute,
    rulesRoute,
    transfersRoute,
    receiveRoute,
    transferRoute,
    comingOfAgeRoute,
    disciplineRoute,
    partyIntroductionsRoute,
    myProfileRoute,
    myCardRoute,
    changeRequestsRoute,
    meetingsRoute,
    meetingRoute,
    checkInRoute,
    calendarRoute,
    feesRoute,
    careRoute,
    announcementsRoute,
    announcementRoute,
    surveysRoute,
    surveyRoute,
    indicatorsRoute,
    branchBookRoute,
    ...evaluationRoutes,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
