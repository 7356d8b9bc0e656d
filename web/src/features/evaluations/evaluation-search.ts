import type { StepKey, StepStatus } from '../../../../src/domain/evaluations/cycle-steps';
import { STATUSES, STEPS } from './evaluation-labels';

const UUID = /^[0-9a-f-]{36}$/;
const PROGRAMME = /^[A-Za-z0-9_-]{1,50}$/;

function yearOf(value: unknown): number | undefined {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2200 ? year : undefined;
}

const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.trim() !== '' ? value.slice(0, max) : undefined;

/** The cycles list: year and programme in the query string. */
export interface CyclesSearch {
  year?: number;
  programme?: string;
}

export function parseCyclesSearch(search: Record<string, unknown>): CyclesSearch {
  const out: CyclesSearch = {};
  const year = yearOf(search.year);
  if (year) out.year = year;
  if (typeof search.programme === 'string' && PROGRAMME.test(search.programme)) out.programme = search.programme;
  return out;
}

/** A cycle page: the viewed unit (drill-down) and the filters of its subject list. */
export interface CycleSearch {
  unitId?: string;
  step?: StepKey;
  status?: StepStatus;
  late?: boolean;
  q?: string;
}

export function parseCycleSearch(search: Record<string, unknown>): CycleSearch {
  const out: CycleSearch = {};
  if (typeof search.unitId === 'string' && UUID.test(search.unitId)) out.unitId = search.unitId;
  const step = STEPS.find((s) => s === search.step);
  if (step) out.step = step;
  const status = STATUSES.find((s) => s === search.status);
  if (status) out.status = status;
  if (search.late === true || search.late === 'true') out.late = true;
  const q = text(search.q, 100);
  if (q) out.q = q;
  return out;
}

/** The dashboard: programme, unit, years and tab. */
export interface DashboardSearch {
  programme?: string;
  unitId?: string;
  fromYear?: number;
  toYear?: number;
  tab?: 'results' | 'comparison';
}

export function parseDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const out: DashboardSearch = {};
  if (typeof search.programme === 'string' && PROGRAMME.test(search.programme)) out.programme = search.programme;
  if (typeof search.unitId === 'string' && UUID.test(search.unitId)) out.unitId = search.unitId;
  const fromYear = yearOf(search.fromYear);
  if (fromYear) out.fromYear = fromYear;
  const toYear = yearOf(search.toYear);
  if (toYear) out.toYear = toYear;
  if (search.tab === 'results' || search.tab === 'comparison') out.tab = search.tab;
  return out;
}
