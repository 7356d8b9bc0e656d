import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { documents, members, transfers, unitKinds, units } from '../../db/schema/index.js';
import { rows } from '../../db/rows.js';
import { withinScope } from '../../db/scope.js';
import { typedList } from '../../db/sql-lists.js';
import { idsOnPath } from '../../domain/org/unit-path.js';

/** A stored transfer. */
export type TransferRow = typeof transfers.$inferSelect;

const fu = alias(units, 'fu');
const fg = alias(units, 'fg');
const tu = alias(units, 'tu');
const tg = alias(units, 'tg');

/** A transfer with its member and the units on both sides (ids, names, paths). */
const joined = {
  transfer: transfers,
  member: members,
  fromUnit: { id: fu.id, name: fu.name, path: fu.path },
  fromGrassroots: { id: fg.id, name: fg.name, path: fg.path },
  toUnit: { id: tu.id, name: tu.name, path: tu.path },
  toGrassroots: { id: tg.id, name: tg.name, path: tg.path },
  letterNumber: documents.numberText,
  letterIssuedOn: documents.issuedOn,
  /** created_at at full precision, for keyset pages. */
  createdKey: sql<string>`${transfers.createdAt}::text`,
};

function from(db: DbOrTx) {
  return db
    .select(joined)
    .from(transfers)
    .innerJoin(members, eq(members.id, transfers.memberId))
    .innerJoin(fu, eq(fu.id, transfers.fromUnitId))
    .leftJoin(fg, eq(fg.id, transfers.fromGrassrootsId))
    .leftJoin(tu, eq(tu.id, transfers.toUnitId))
    .leftJoin(tg, eq(tg.id, transfers.toGrassrootsId))
    .leftJoin(documents, eq(documents.id, transfers.letterId));
}

/** A transfer row with its member, both sides' units and its letter. */
export type JoinedTransfer = Awaited<ReturnType<ReturnType<typeof from>['execute']>>[number];

/** Sent from the scope: the sending branch lies in it. */
export function outgoingWhere(scope: readonly string[]): SQL {
  return withinScope(fu.path, scope);
}

/**
 * Addressed to the scope and sent (a draft stays with the sender): the receiving (or host) branch or the
 * receiving đoàn cơ sở lies in it.
 */
export function incomingWhere(scope: readonly string[]): SQL {
  return sql`(${transfers.sentOn} is not null and ${or(withinScope(tu.path, scope), withinScope(tg.path, scope))})`;
}

/**
 * A transfer the actor can reach: either side in `scope`, or, with `openToReceivers`, any sent external
 * transfer (the receiving unit found it by code or CCCD).
 */
export async function findTransfer(
  db: DbOrTx,
  scope: readonly string[],
  transferId: string,
  options: { openToReceivers?: boolean; lock?: boolean } = {},
): Promise<JoinedTransfer | null> {
  const receivers = options.openToReceivers
    ? sql`(${transfers.kind} = 'external' and ${transfers.status} = 'sent')`
    : sql`false`;
  const query = from(db).where(
    and(eq(transfers.id, transferId), or(outgoingWhere(scope), incomingWhere(scope), receivers)),
  );
  const [row] = options.lock ? await query.for('update', { of: transfers }) : await query;
  return row ?? null;
}

/** The sent external transfer with this code or for the member with this CCCD (what the receiving side types). */
export async function lookupSent(db: DbOrTx, by: { code?: string; cccd?: string }): Promise<JoinedTransfer | null> {
  const match = by.code ? eq(transfers.code, by.code) : eq(members.cccd, by.cccd ?? '');
  const [row] = await from(db)
    .where(and(match, eq(transfers.kind, 'external'), eq(transfers.status, 'sent')))
    .orderBy(desc(transfers.createdAt))
    .limit(1);
  return row ?? null;
}

/** Filters of a transfer list, already resolved to SQL-friendly values. */
export interface TransferFilter {
  direction: 'outgoing' | 'incoming' | 'all';
  kinds?: string[];
  statuses?: string[];
  overdue?: boolean;
  memberId?: string;
  today: string;
}

function listWhere(scope: readonly string[], f: TransferFilter): SQL | undefined {
  const side =
    f.direction === 'outgoing'
      ? outgoingWhere(scope)
      : f.direction === 'incoming'
        ? incomingWhere(scope)
        : or(outgoingWhere(scope), incomingWhere(scope));
  return and(
    side,
    f.kinds?.length ? inArray(transfers.kind, f.kinds) : undefined,
    f.statuses?.length ? inArray(transfers.status, f.statuses) : undefined,
    f.overdue === true ? sql`${transfers.status} = 'sent' and ${transfers.dueOn} < ${f.today}::date` : undefined,
    f.overdue === false
      ? sql`not (${transfers.status} = 'sent' and coalesce(${transfers.dueOn} < ${f.today}::date, false))`
      : undefined,
    f.memberId ? eq(transfers.memberId, f.memberId) : undefined,
  );
}

/** A page of transfers, newest first, after the keyset cursor [createdAt, id]. */
export async function listTransfers(
  db: DbOrTx,
  scope: readonly string[],
  filter: TransferFilter,
  page: { limit: number; cursor?: [string, string] },
) {
  const after = page.cursor
    ? sql`(${transfers.createdAt}, ${transfers.id}) < (${page.cursor[0]}::timestamptz, ${page.cursor[1]}::uuid)`
    : undefined;
  return from(db)
    .where(and(listWhere(scope, filter), after))
    .orderBy(desc(transfers.createdAt), desc(transfers.id))
    .limit(page.limit + 1);
}

/** How many transfers the filtered list holds. */
export async function countTransfers(db: DbOrTx, scope: readonly string[], filter: TransferFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(transfers)
    .innerJoin(fu, eq(fu.id, transfers.fromUnitId))
    .leftJoin(tu, eq(tu.id, transfers.toUnitId))
    .leftJoin(tg, eq(tg.id, transfers.toGrassrootsId))
    .where(listWhere(scope, filter));
  return row?.n ?? 0;
}

/** Counts for the tabs: open and overdue each way, temporary participations hosted, pending and away. */
export async function summaryCounts(db: DbOrTx, scope: readonly string[], today: string) {
  const out = outgoingWhere(scope);
  const inc = incomingWhere(scope);
  const overdue = sql`${transfers.status} = 'sent' and ${transfers.dueOn} < ${today}::date`;
  const open = sql`${transfers.kind} <> 'temporary' and ${transfers.status} in ('draft','sent')`;
  const count = (cond: SQL) => sql<number>`count(*) filter (where ${cond})::int`;
  const [row] = await db
    .select({
      outgoingOpen: count(sql`${out} and ${open}`),
      outgoingOverdue: count(sql`${out} and ${transfers.kind} = 'external' and ${overdue}`),
      incomingOpen: count(sql`${inc} and ${open}`),
      incomingOverdue: count(sql`${inc} and ${transfers.kind} = 'external' and ${overdue}`),
      hosted: count(sql`${inc} and ${transfers.kind} = 'temporary' and ${transfers.status} = 'accepted'`),
      pending: count(sql`${inc} and ${transfers.kind} = 'temporary' and ${transfers.status} = 'sent'`),
      away: count(sql`${out} and ${transfers.kind} = 'temporary' and ${transfers.status} = 'accepted'`),
    })
    .from(transfers)
    .innerJoin(fu, eq(fu.id, transfers.fromUnitId))
    .leftJoin(tu, eq(tu.id, transfers.toUnitId))
    .leftJoin(tg, eq(tg.id, transfers.toGrassrootsId))
    .where(or(out, inc));
  return row!;
}

/** Accepted temporary participations at host branches in the scope, still running on `today`. */
export async function hostedTemporaries(db: DbOrTx, scope: readonly string[], today: string) {
  return from(db)
    .where(
      and(
        eq(transfers.kind, 'temporary'),
        eq(transfers.status, 'accepted'),
        withinScope(tu.path, scope),
        sql`(${transfers.endsOn} is null or ${transfers.endsOn} >= ${today}::date)`,
      ),
    )
    .orderBy(members.sortKey, members.id)
    .limit(2000);
}

/** True when the member has an open transfer, or a temporary participation waiting or running. */
export async function hasOpenTransfer(db: DbOrTx, memberId: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: transfers.id })
    .from(transfers)
    .where(
      and(
        eq(transfers.memberId, memberId),
        sql`((${transfers.kind} <> 'temporary' and ${transfers.status} in ('draft','sent'))
          or (${transfers.kind} = 'temporary' and ${transfers.status} in ('sent','accepted')))`,
        exceptId ? sql`${transfers.id} <> ${exceptId}::uuid` : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** True when a transfer already uses the code. */
export async function codeTaken(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ id: transfers.id }).from(transfers).where(eq(transfers.code, code)).limit(1);
  return Boolean(row);
}

/** The units along a path, root first, with their kinds. */
export async function unitsOnPath(db: DbOrTx, path: string) {
  const ids = idsOnPath(path);
  const found = await db
    .select({ id: units.id, name: units.name, kind: units.kind, path: units.path })
    .from(units)
    .where(sql`${units.id} in (${typedList(ids, 'uuid')})`);
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A unit with the facts placement rules need (open, leaf kind), without scope: callers check scope first. */
export async function placementUnit(db: DbOrTx, unitId: string) {
  const [row] = await db
    .select({
      id: units.id,
      name: units.name,
      path: units.path,
      kind: units.kind,
      closedOn: units.closedOn,
      isLeaf: sql<boolean>`coalesce(${unitKinds.isLeaf}, false)`,
    })
    .from(units)
    .leftJoin(unitKinds, eq(unitKinds.code, units.kind))
    .where(eq(units.id, unitId));
  return row ?? null;
}

/** The name of the province (or other top unit below the centre) above a path. */
export async function provinceNameOf(db: DbOrTx, path: string): Promise<string | null> {
  const [row] = await db
    .select({ name: units.name })
    .from(units)
    .where(and(eq(units.kind, 'province'), sql`${path}::ltree <@ ${units.path}`))
    .limit(1);
  return row?.name ?? null;
}

/** Temporary comments written by host branches on a member, newest first. */
export async function hostCommentsOf(db: DbOrTx, memberIds: readonly string[]) {
  if (memberIds.length === 0) return [];
  return rows<{ member_id: string; on_date: string; note: string | null; after: unknown }>(
    db,
    sql`
    select member_id, on_date::text as on_date, note, after
    from member_events
    where kind = 'temporary_comment' and member_id in (${typedList(memberIds, 'uuid')})
    order by on_date desc, id desc`,
  );
}

/** Open units anywhere in the country matching `q` by name or code: đoàn cơ sở kinds or branch (leaf) kinds. */
export async function searchDestinations(
  db: DbOrTx,
  q: string,
  kinds: { grassroots: readonly string[] } | { leaf: true },
  limit: number,
) {
  const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const kindWhere =
    'leaf' in kinds
      ? sql`exists (select 1 from ${unitKinds} k where k.code = ${units.kind} and k.is_leaf)`
      : inArray(units.kind, [...kinds.grassroots]);
  return db
    .select({
      id: units.id,
      name: units.name,
      code: units.code,
      path: units.path,
      context: sql<string>`(select string_agg(a.name, ', ' order by nlevel(a.path) desc) from units a
        where "units"."path" <@ a.path and a.id <> "units"."id" and nlevel(a.path) > 1)`,
    })
    .from(units)
    .where(
      and(
        isNull(units.closedOn),
        kindWhere,
        sql`(lower(unaccent_immutable(${units.name})) like lower(unaccent_immutable(${pattern})) or lower(${units.code}) like lower(${pattern}))`,
      ),
    )
    .orderBy(units.name)
    .limit(limit);
}
