import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { meQueryOptions } from '../features/auth/me-query';
import { ShellLayout } from './shell-layout';
import { NotFoundPage } from './status-pages';

export interface RouterContext {
  queryClient: QueryClient;
}

/** The root of every page. */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/** The signed-in shell: every page below it needs a session (else: to the login page, coming back afterwards). */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: ShellLayout,
});
