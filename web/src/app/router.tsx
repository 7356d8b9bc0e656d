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
    unitRoute,
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
