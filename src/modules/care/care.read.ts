import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type {
  careListQuery,
  CareRecordDetail,
  CareRecordPage,
  CareSuggestionList,
  CareSummary,
} from '../../contracts/care.js';
import { CARE_CATEGORIES, yearRange, type CareCategory } from '../../domain/branch-life/care.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { foldVietnamese } from '../../domain/text/vietnamese.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { seesPersonalData } from '../members/members.service.js';
import { decodeCursor, encodeCursor, toAction, toItem, toSuggestion } from './care.presenter.js';
import * as q from './care.queries.js';

const SUGGESTION_LIMIT = 200;

/** The year asked for, else this year in Vietnam. */
export function yearOf(year: number | undefined): number {
  return year ?? Number(todayInVietnam().slice(0, 4));
}

/** A care record in the actor's read scope with its help timeline; 404 outside the scope. */
export async function getCareRecord(db: DbOrTx, actor: Actor, recordId: string): Promise<CareRecordDetail> {
  const found = await q.findRecord(db, scopeOf(actor, 'member.read'), recordId);
  if (!found) throw fail.notFound('hồ sơ chăm lo');
  const actions = await q.actionsOf(db, recordId);
  const given = actions.filter((a) => a.kind === 'given');
  const next = actions.filter((a) => a.kind === 'planned').sort((a, b) => a.onDate.localeCompare(b.onDate))[0];
  const item = toItem(
    {
      ...found,
      givenCount: given.length,
      givenAmount: given.reduce((sum, a) => sum + (a.amount ?? 0), 0),
      plannedOn: next?.onDate ?? null,
      plannedWhat: next?.description ?? null,
    },
    seesPersonalData(actor, found.unitPath),
  );
  return {
    ...item,
    actions: actions.map(toAction),
    canWrite: inScope(scopeOf(actor, 'member.write'), found.unitPath),
  };
}

/** The list filter of a unit after checking `member.read` on it (404 outside the scope). */
export async function careFilter(
  db: DbOrTx,
  actor: Actor,
  query: Omit<z.output<typeof careListQuery>, 'limit' | 'cursor'>,
) {
  const unit = await loadForAction(db, actor, query.unitId, 'member.read');
  const [from, to] = yearRange(yearOf(query.year));
  const folded = query.q ? foldVietnamese(query.q) : '';
  const filter: q.CareFilter = {
    unitPath: unit.path,
    scope: scopeOf(actor, 'member.read'),
    from,
    to,
    category: query.category,
    status: query.status,
    who: query.who,
    q: folded || undefined,
  };
  return { unit, filter };
}

/** A page of a unit's care list (its subtree) in Vietnamese name order, with the total. */
export async function listCareRecords(
  db: DbOrTx,
  actor: Actor,
  query: z.output<typeof careListQuery>,
): Promise<CareRecordPage> {
  const { filter } = await careFilter(db, actor, query);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const [rows, total] = await Promise.all([
    q.listRecords(db, filter, query.limit + 1, after),
    q.countRecords(db, filter),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const personal = (path: string) => seesPersonalData(actor, path);
  return {
    items: page.map((r) => toItem(r, personal(r.unitPath))),
    next: rows.length > query.limit && last ? encodeCursor(last) : null,
    total,
  };
}

/** Counts per category, help of the year and one row per direct sub-unit. */
export async function careSummary(db: DbOrTx, actor: Actor, unitId: string, year?: number): Promise<CareSummary> {
  const unit = await loadForAction(db, actor, unitId, 'member.read');
  const scope = scopeOf(actor, 'member.read');
  const range = yearRange(yearOf(year));
  const [byCategory, open, given, planned, suggestions, children] = await Promise.all([
    q.categoryCounts(db, unit.path, scope),
    q.openCounts(db, unit.path, scope),
    q.helpTotals(db, unit.path, scope, 'given', range),
    q.helpTotals(db, unit.path, scope, 'planned'),
    q.countSuggestions(db, unit.path, scope),
    q.childRows(db, unit.id, scope, range),
  ]);
  const counted = new Map(byCategory.map((c) => [c.category as CareCategory, c]));
  return {
    unit: { id: unit.id, name: unit.name },
    year: yearOf(year),
    open,
    categories: CARE_CATEGORIES.map((category) => ({
      category,
      members: counted.get(category)?.members ?? 0,
      youth: counted.get(category)?.youth ?? 0,
    })),
    given: { count: given.count, amount: Number(given.amount), people: given.people },
    planned: { count: planned.count, amount: Number(planned.amount) },
    suggestions,
    children: children.map((c) => ({ ...c, givenAmount: Number(c.givenAmount) })),
    canWrite: inScope(scopeOf(actor, 'member.write'), unit.path),
  };
}

/** Members of the subtree flagged for care (care flags) without an open record, at most 200. */
export async function careSuggestions(db: DbOrTx, actor: Actor, unitId: string): Promise<CareSuggestionList> {
  const unit = await loadForAction(db, actor, unitId, 'member.read');
  const rows = await q.suggestions(db, unit.path, scopeOf(actor, 'member.read'), SUGGESTION_LIMIT + 1);
  return { items: rows.slice(0, SUGGESTION_LIMIT).map(toSuggestion), truncated: rows.length > SUGGESTION_LIMIT };
}
