import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { UnitReviews, unitReviewsQuery } from '../../contracts/member-reviews.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import * as q from './member-reviews.queries.js';
import { decodePairCursor, encodeCursor } from '../../db/cursor.js';

/**
 * The reviews of a unit in a year: the months a branch recorded a review, or for a higher unit its branches
 * (a page by name) with the number of months each reviewed. 404 outside the read scope.
 */
export async function getUnitReviews(
  db: DbOrTx,
  actor: Actor,
  unitId: string,
  query: z.output<typeof unitReviewsQuery>,
): Promise<UnitReviews> {
  const scope = scopeOf(actor, 'member.read');
  const unit = await q.unitInScope(db, scope, unitId);
  if (!unit) throw fail.notFound('đơn vị');
  const year = query.year ?? Number(todayInVietnam().slice(0, 4));
  const base = { unitId, unitName: unit.name, year, isBranch: unit.isBranch };
  if (unit.isBranch) {
    const months = await q.reviewedMonths(db, unitId, year);
    return {
      ...base,
      months: months.map((m) => ({ ...m, updatedAt: m.updatedAt.toISOString() })),
      branches: [],
      next: null,
      total: 0,
    };
  }
  const after = query.cursor ? decodePairCursor(query.cursor) : undefined;
  const [rows, total] = await Promise.all([
    q.branchReviewCounts(db, { path: unit.path, scope, year, after, limit: query.limit }),
    q.branchCount(db, unit.path, scope, year),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    ...base,
    months: [],
    branches: page.map((r) => ({ ...r, monthsReviewed: Number(r.monthsReviewed) })),
    next: rows.length > query.limit && last ? encodeCursor([last.name, last.unitId]) : null,
    total,
  };
}
