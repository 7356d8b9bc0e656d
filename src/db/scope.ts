import { sql, type SQL, type AnyColumn } from 'drizzle-orm';

/**
 * `path <@ p1 OR path <@ p2 ...`: the SQL filter every scoped query carries (index-friendly);
 * an empty scope matches nothing.
 */
export function withinScope(path: AnyColumn | SQL, scope: readonly string[]): SQL {
  if (scope.length === 0) return sql`false`;
  const terms = scope.map((p) => sql`${path} <@ ${p}::ltree`);
  return sql`(${sql.join(terms, sql` or `)})`;
}
