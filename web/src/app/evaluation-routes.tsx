import { createRoute } from '@tanstack/react-router';
import { CriteriaSetPage } from '../features/evaluations/criteria-set-page';
import { CriteriaSetsPage } from '../features/evaluations/criteria-sets-page';
import { CyclePage } from '../features/evaluations/cycle-page';
import { CyclesPage } from '../features/evaluations/cycles-page';
import { EvaluationDashboardPage } from '../features/evaluations/dashboard-page';
import { EvaluationPage } from '../features/evaluations/evaluation-page';
import { parseCycleSearch, parseCyclesSearch, parseDashboardSearch } from '../features/evaluations/evaluation-search';
import { MyEvaluationsPage } from '../features/evaluations/my-evaluations-page';
import { appRoute } from './app-route';

const getParentRoute = () => appRoute;

const cyclesRoute = createRoute({
  getParentRoute,
  path: 'evaluations',
  validateSearch: parseCyclesSearch,
  component: function CyclesRoute() {
    const navigate = cyclesRoute.useNavigate();
    return (
      <CyclesPage
        search={cyclesRoute.useSearch()}
        onSearch={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const cycleRoute = createRoute({
  getParentRoute,
  path: 'evaluations/cycles/$cycleId',
  validateSearch: parseCycleSearch,
  component: function CycleRoute() {
    const { cycleId } = cycleRoute.useParams();
    const navigate = cycleRoute.useNavigate();
    return (
      <CyclePage
        key={cycleId}
        cycleId={cycleId}
        search={cycleRoute.useSearch()}
        onSearch={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const fileRoute = createRoute({
  getParentRoute,
  path: 'evaluations/files/$evaluationId',
  component: function EvaluationRoute() {
    const { evaluationId } = fileRoute.useParams();
    return <EvaluationPage key={evaluationId} evaluationId={evaluationId} />;
  },
});
const dashboardRoute = createRoute({
  getParentRoute,
  path: 'evaluations/dashboard',
  validateSearch: parseDashboardSearch,
  component: function DashboardRoute() {
    const navigate = dashboardRoute.useNavigate();
    return (
      <EvaluationDashboardPage
        search={dashboardRoute.useSearch()}
        onSearch={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const setsRoute = createRoute({ getParentRoute, path: 'evaluations/criteria-sets', component: CriteriaSetsPage });
const setRoute = createRoute({
  getParentRoute,
  path: 'evaluations/criteria-sets/$setId',
  component: function CriteriaSetRoute() {
    const { setId } = setRoute.useParams();
    return <CriteriaSetPage key={setId} setId={setId} />;
  },
});
const mineRoute = createRoute({ getParentRoute, path: 'evaluations/mine', component: MyEvaluationsPage });
/**
 * Đánh giá, xếp loại: cycles, one cycle (board and subjects), one evaluation file, the dashboard, the criteria
 * sets and the account's own evaluations to fill. Filters live in the query string.
 */
export const evaluationRoutes = [
  cyclesRoute,
  cycleRoute,
  fileRoute,
  dashboardRoute,
  setsRoute,
  setRoute,
  mineRoute,
] as const;
