import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
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
import { ShellLayout } from './shell-layout';
import { NoScopePage, NotFoundPage } from './status-pages';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' && /^\/(?!\/|login)/.test(search.redirect) ? { redirect: search.redirect } : {},
  component: LoginPage,
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: ShellLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const first = context.queryClient.getQueryData(meQueryOptions.queryKey)?.scopeRoots[0];
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
  appRoute.addChildren([
    indexRoute,
    unitRoute.addChildren([unitMembersRoute]),
    memberRoute,
    memberImportRoute,
    accountsRoute,
    auditRoute,
    unitKindsRoute,
    orgHistoryRoute,
    passwordRoute,
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
