import { sql, type SQL } from 'drizzle-orm';

/** `v1::type, v2::type, ...` for an `in (...)` list of typed parameters. */
export function typedList(values: readonly string[], type: 'uuid' | 'ltree'): SQL {
  return sql.join(
    values.map((v) => sql`${v}::${sql.raw(type)}`),
    sql`, `,
  );
}
