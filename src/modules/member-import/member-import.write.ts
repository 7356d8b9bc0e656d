import { getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { memberEvents, members } from '../../db/schema/index.js';
import { foldVietnamese, givenName, nameSortKey } from '../../domain/text/vietnamese.js';
import { provinceOf } from '../org-units/org-units.history.js';
import { eventsForChange } from '../members/members.events.js';
import type { MemberRow } from '../members/members.queries.js';
import type { ClassifiedRow } from './member-import.classify.js';

/** Written so far by a commit. */
export interface WriteTally {
  create: number;
  update: number;
  unchanged: number;
}

/** Per-commit caches: the province of each branch. */
export type ProvinceCache = Map<string, string | null>;

const COLUMNS = getTableColumns(members);

/** The name columns a full name gives: given name, search form, Vietnamese sort key. */
export function derivedName(fullName: string) {
  return { givenName: givenName(fullName), searchName: foldVietnamese(fullName), sortKey: nameSortKey(fullName) };
}

/** The province of a branch, once per commit. */
export async function provinceFor(tx: DbOrTx, cache: ProvinceCache, branch: { id: string; path: string }) {
  if (!cache.has(branch.id)) cache.set(branch.id, await provinceOf(tx, branch.path));
  return cache.get(branch.id) ?? null;
}

type EventRow = typeof memberEvents.$inferInsert;

async function insertEvents(tx: DbOrTx, events: EventRow[]): Promise<void> {
  if (events.length === 0) return;
  const json = JSON.stringify(
    events.map((e) => ({
      member_id: e.memberId,
      unit_id: e.unitId,
      kind: e.kind,
      on_date: e.onDate,
      before: e.before ?? null,
      after: e.after ?? null,
      actor_id: e.actorId,
    })),
  );
  await tx.execute(sql`
    insert into ${memberEvents} (member_id, unit_id, kind, on_date, before, after, actor_id)
    select member_id, unit_id, kind, on_date, before, after, actor_id
    from jsonb_populate_recordset(null::member_events, ${json}::jsonb)`);
}

const SET_FIELDS = [
  'unitId',
  'provinceId',
  'fullName',
  'givenName',
  'searchName',
  'sortKey',
  'birthDate',
  'birthYearOnly',
  'gender',
  'ethnicity',
  'religion',
  'cccd',
  'phone',
  'email',
  'joinedOn',
  'admittedAt',
  'cardNumber',
  'cardIssuedOn',
  'position',
  'educationLevel',
  'qualification',
  'occupation',
  'schoolClass',
  'workplace',
  'hometown',
  'permanentAddress',
  'residenceAddress',
  'partyMember',
  'partyJoinedOn',
  'version',
] as const satisfies readonly (keyof MemberRow)[];

const SET_NAMES = SET_FIELDS.map((f) => COLUMNS[f].name);
const SET_LIST = sql.raw(SET_NAMES.join(', '));
const FROM_LIST = sql.raw(SET_NAMES.map((n) => `v.${n}`).join(', '));

async function afterOf(tx: DbOrTx, cache: ProvinceCache, row: ClassifiedRow): Promise<MemberRow> {
  const { unitPath: _p, ...before } = row.existing!;
  const after: MemberRow = { ...before, version: before.version + 1, updatedAt: new Date() };
  for (const change of row.changes ?? []) (after as Record<string, unknown>)[change.field] = change.after;
  if (after.fullName !== before.fullName) Object.assign(after, derivedName(after.fullName));
  if (row.branch && after.unitId !== before.unitId) after.provinceId = await provinceFor(tx, cache, row.branch);
  return after;
}

async function writeUpdates(tx: DbOrTx, rows: ClassifiedRow[], cache: ProvinceCache, today: string, actorId: string) {
  if (rows.length === 0) return;
  const pairs: { before: MemberRow; after: MemberRow }[] = [];
  for (const row of rows) {
    const { unitPath: _p, ...before } = row.existing!;
    pairs.push({ before, after: await afterOf(tx, cache, row) });
  }
  const json = JSON.stringify(
    pairs.map(({ after }) =>
      Object.fromEntries([['id', after.id], ...SET_FIELDS.map((f, i) => [SET_NAMES[i], after[f]])]),
    ),
  );
  await tx.execute(sql`
    update ${members} m set (${SET_LIST}, updated_at) = (${FROM_LIST}, now())
    from jsonb_populate_recordset(null::members, ${json}::jsonb) v
    where m.id = v.id`);
  await insertEvents(
    tx,
    pairs.flatMap(({ before, after }) =>
      eventsForChange(before, after).map((e) => ({
        memberId: after.id,
        unitId: after.unitId,
        kind: e.kind,
        onDate: today,
        before: e.before,
        after: e.after,
        actorId,
      })),
    ),
  );
}

/**
 * Writes one classified batch of updates inside the commit's transaction: one batched update of the changed
 * members and the events `updateMember` would record (branch, status, position, card, identity).
 */
export async function writeUpdateBatch(
  tx: DbOrTx,
  rows: readonly ClassifiedRow[],
  tally: WriteTally,
  cache: ProvinceCache,
  today: string,
  actorId: string,
): Promise<void> {
  const updates = rows.filter((r) => r.outcome === 'update');
  await writeUpdates(tx, updates, cache, today, actorId);
  tally.update += updates.length;
  tally.unchanged += rows.length - updates.length;
}
