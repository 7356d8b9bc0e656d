import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documents, units, user } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { rows } from '../../db/rows.js';
import { typedList } from '../../db/sql-lists.js';
import { idsOnPath } from '../../domain/org/unit-path.js';
import type { IssuerContext } from '../../domain/documents/template-data.js';

export type DocumentRow = typeof documents.$inferSelect;

/** The keyset position after the last row of a page: issued on, created at (full precision), id. */
export type DocumentCursor = [string, string, string];

const columns = {
  document: documents,
  unitName: units.name,
  unitPath: units.path,
  createdByName: user.name,
  cursorAt: sql<string>`${documents.createdAt}::text`,
};

/**
 * Who may see a document: actors whose scope holds the issuing unit, or the unit of the member the document
 * concerns (`data.fields.memberUnitId`), so a đoàn cơ sở reads the decision its superior issued on its member.
 */
function visibleTo(scope: readonly string[]): SQL {
  return sql`(${withinScope(units.path, scope)} or exists (
    select 1 from ${units} mu
    where mu.id::text = ${documents.data} #>> '{fields,memberUnitId}' and ${withinScope(sql`mu.path`, scope)}))`;
}

/** One document visible in the scope, with its issuing unit; null otherwise. */
export async function findDocumentInScope(db: DbOrTx, scope: readonly string[], documentId: string) {
  const [row] = await db
    .select(columns)
    .from(documents)
    .innerJoin(units, eq(units.id, documents.unitId))
    .leftJoin(user, eq(user.id, documents.createdBy))
    .where(and(eq(documents.id, documentId), visibleTo(scope)));
  return row ?? null;
}

/** What a document list is filtered by. */
export interface DocumentFilter {
  /** Documents issued in this subtree. */
  unitPath: string;
  kind?: string;
  year?: number;
}

/** A page of the documents issued by units of a subtree in the scope, newest first. */
export async function listDocuments(
  db: DbOrTx,
  scope: readonly string[],
  filter: DocumentFilter,
  page: { limit: number; cursor?: DocumentCursor },
) {
  const after = page.cursor
    ? sql`(${documents.issuedOn}, ${documents.createdAt}, ${documents.id}) < (${page.cursor[0]}::date, ${page.cursor[1]}::timestamptz, ${page.cursor[2]}::uuid)`
    : undefined;
  return db
    .select(columns)
    .from(documents)
    .innerJoin(units, eq(units.id, documents.unitId))
    .leftJoin(user, eq(user.id, documents.createdBy))
    .where(
      and(
        withinScope(units.path, scope),
        sql`${units.path} <@ ${filter.unitPath}::ltree`,
        filter.kind ? eq(documents.kind, filter.kind) : undefined,
        filter.year ? eq(documents.year, filter.year) : undefined,
        after,
      ),
    )
    .orderBy(desc(documents.issuedOn), desc(documents.createdAt), desc(documents.id))
    .limit(page.limit + 1);
}

interface NamedUnit {
  id: string;
  name: string;
  kind: string;
}

/** Name and kind of units as they were on a date (their version then), else as they are now. */
async function unitsAsOf(db: DbOrTx, ids: readonly string[], onDate: string): Promise<Map<string, NamedUnit>> {
  if (ids.length === 0) return new Map();
  const found = await rows<NamedUnit>(
    db,
    sql`select u.id, coalesce(v.name, u.name) as name, coalesce(v.kind, u.kind) as kind
      from units u left join lateral (
        select name, kind from unit_versions v
        where v.unit_id = u.id and v.valid_from <= ${onDate}::date and (v.valid_to is null or v.valid_to > ${onDate}::date)
        order by v.valid_from desc limit 1) v on true
      where u.id in (${typedList(ids, 'uuid')})`,
  );
  return new Map(found.map((u) => [u.id, u]));
}

/**
 * The issuing unit as it stood on the date of issue: its name and kind, its superior's name and its province's
 * name, so a renamed or moved unit still prints the heading of the day the document was signed.
 */
export async function issuerAsOf(db: DbOrTx, unitId: string, unitPath: string, onDate: string): Promise<IssuerContext> {
  const [version] = await rows<{ path: string }>(
    db,
    sql`select path::text as path from unit_versions where unit_id = ${unitId}::uuid
      and valid_from <= ${onDate}::date and (valid_to is null or valid_to > ${onDate}::date)
      order by valid_from desc limit 1`,
  );
  const ids = idsOnPath(version?.path ?? unitPath);
  const named = await unitsAsOf(db, ids, onDate);
  const self = named.get(unitId);
  const parentId = ids.length > 1 ? ids[ids.length - 2] : undefined;
  const province = ids.map((i) => named.get(i)).find((u) => u?.kind === 'province');
  return {
    name: self?.name ?? '',
    kind: self?.kind ?? '',
    parentName: parentId ? (named.get(parentId)?.name ?? null) : null,
    provinceName: province?.name ?? null,
  };
}
