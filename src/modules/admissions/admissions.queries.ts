import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { rows } from '../../db/rows.js';
import { admissionCandidates, documents, members, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { foldVietnamese } from '../../domain/text/vietnamese.js';
import { OPEN_ADMISSION_STATUSES } from '../../domain/workflows/admission.js';

export type CandidateRow = typeof admissionCandidates.$inferSelect;

const withBranch = { candidate: admissionCandidates, unitName: units.name, unitPath: units.path };

/** A candidate whose branch lies in the scope, with the branch's name and path (locked when asked). */
export async function findCandidateInScope(db: DbOrTx, scope: readonly string[], id: string, lock = false) {
  const query = db
    .select(withBranch)
    .from(admissionCandidates)
    .innerJoin(units, eq(units.id, admissionCandidates.unitId))
    .where(and(eq(admissionCandidates.id, id), withinScope(units.path, scope)));
  const [row] = lock ? await query.for('update', { of: admissionCandidates }) : await query;
  return row ?? null;
}

/** Several candidates in the scope, in id order; locked when asked (in id order: two batches never deadlock). */
export async function candidatesInScope(db: DbOrTx, scope: readonly string[], ids: readonly string[], lock = false) {
  const query = db
    .select(withBranch)
    .from(admissionCandidates)
    .innerJoin(units, eq(units.id, admissionCandidates.unitId))
    .where(and(inArray(admissionCandidates.id, [...ids]), withinScope(units.path, scope)))
    .orderBy(asc(admissionCandidates.id));
  return lock ? query.for('update', { of: admissionCandidates }) : query;
}

/** Filters of a candidate list. */
export interface CandidateFilter {
  unitPath: string;
  status?: string;
  q?: string;
}

function candidateWhere(scope: readonly string[], f: CandidateFilter, withStatus: boolean): SQL | undefined {
  const text = f.q ? containsPattern(foldVietnamese(f.q)) : null;
  return and(
    withinScope(units.path, scope),
    sql`${units.path} <@ ${f.unitPath}::ltree`,
    withStatus && f.status ? eq(admissionCandidates.status, f.status) : undefined,
    text
      ? sql`(lower(unaccent_immutable(replace(replace(${admissionCandidates.fullName}, 'đ', 'd'), 'Đ', 'D'))) like ${text} or ${admissionCandidates.cccd} like ${text})`
      : undefined,
  );
}

/** One page of candidates, newest application first, after the keyset position. */
export async function listCandidates(
  db: DbOrTx,
  scope: readonly string[],
  f: CandidateFilter,
  page: { limit: number; after?: [string, string] },
) {
  const after = page.after
    ? sql`(${admissionCandidates.applicationDate}, ${admissionCandidates.id}) < (${page.after[0]}::date, ${page.after[1]}::uuid)`
    : undefined;
  return db
    .select(withBranch)
    .from(admissionCandidates)
    .innerJoin(units, eq(units.id, admissionCandidates.unitId))
    .where(and(candidateWhere(scope, f, true), after))
    .orderBy(desc(admissionCandidates.applicationDate), desc(admissionCandidates.id))
    .limit(page.limit + 1);
}

/** How many candidates of each status the (unfiltered by status) list holds. */
export async function countByStatus(db: DbOrTx, scope: readonly string[], f: CandidateFilter) {
  const found = await db
    .select({ status: admissionCandidates.status, n: sql<number>`count(*)::int` })
    .from(admissionCandidates)
    .innerJoin(units, eq(units.id, admissionCandidates.unitId))
    .where(candidateWhere(scope, f, false))
    .groupBy(admissionCandidates.status);
  return new Map(found.map((r) => [r.status, Number(r.n)]));
}

/** An active member holding this CCCD. */
export async function activeMemberByCccd(db: DbOrTx, cccd: string) {
  const [row] = await db
    .select({ id: members.id, fullName: members.fullName })
    .from(members)
    .where(and(eq(members.cccd, cccd), inArray(members.status, [...ACTIVE_STATUSES])))
    .limit(1);
  return row ?? null;
}

/** Another application still under way with this CCCD. */
export async function openCandidateByCccd(db: DbOrTx, cccd: string, exceptId?: string) {
  const [row] = await db
    .select({ id: admissionCandidates.id, fullName: admissionCandidates.fullName })
    .from(admissionCandidates)
    .where(
      and(
        eq(admissionCandidates.cccd, cccd),
        inArray(admissionCandidates.status, [...OPEN_ADMISSION_STATUSES]),
        exceptId ? sql`${admissionCandidates.id} <> ${exceptId}::uuid` : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** A member in the scope, with what the introducer and recruiter checks need. */
export async function memberBrief(db: DbOrTx, scope: readonly string[], memberId: string) {
  const [row] = await db
    .select({ id: members.id, fullName: members.fullName, unitId: members.unitId, status: members.status })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(members.id, memberId), withinScope(units.path, scope)));
  return row ?? null;
}

/** Names of members by id (unscoped: used for members the candidate record already names). */
export async function memberNames(db: DbOrTx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => Boolean(i)))];
  if (wanted.length === 0) return new Map();
  const found = await db
    .select({ id: members.id, fullName: members.fullName })
    .from(members)
    .where(inArray(members.id, wanted));
  return new Map(found.map((m) => [m.id, m.fullName]));
}

/** The decision document of an approved candidate. */
export async function decisionOf(db: DbOrTx, documentId: string) {
  const [row] = await db
    .select({ id: documents.id, numberText: documents.numberText, issuedOn: documents.issuedOn })
    .from(documents)
    .where(eq(documents.id, documentId));
  return row ?? null;
}

/** Changes a candidate only if its version is still the one read; null when someone changed it first. */
export async function updateCandidate(
  tx: DbOrTx,
  id: string,
  version: number,
  set: Partial<typeof admissionCandidates.$inferInsert>,
): Promise<CandidateRow | null> {
  const [row] = await tx
    .update(admissionCandidates)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(and(eq(admissionCandidates.id, id), eq(admissionCandidates.version, version)))
    .returning();
  return row ?? null;
}

/** Filters of the "1+1" credit. */
export interface CreditFilter {
  unitPath: string;
  scope: readonly string[];
  year?: number;
}

function creditWhere(f: CreditFilter): SQL {
  const year = f.year ? sql`and extract(year from c.ceremony_on) = ${f.year}` : sql``;
  return sql`c.status = 'admitted' and cu.path <@ ${f.unitPath}::ltree
    and ${withinScope(sql`cu.path`, f.scope)} and ${withinScope(sql`ru.path`, f.scope)} ${year}`;
}

/** Candidates admitted per recruiting member, most first. */
export async function creditByMember(db: DbOrTx, f: CreditFilter) {
  return rows<{ memberId: string; fullName: string; unitId: string; unitName: string; admitted: number }>(
    db,
    sql`select r.id as "memberId", r.full_name as "fullName", ru.id as "unitId", ru.name as "unitName",
          count(*)::int as admitted
        from admission_candidates c
        join units cu on cu.id = c.unit_id
        join members r on r.id = c.recruiter_member_id
        join units ru on ru.id = r.unit_id
        where ${creditWhere(f)}
        group by r.id, r.full_name, r.sort_key, ru.id, ru.name
        order by admitted desc, r.sort_key
        limit 500`,
  );
}

/** Candidates admitted through "1+1" per branch of the recruiters, and how many members recruited. */
export async function creditByUnit(db: DbOrTx, f: CreditFilter) {
  return rows<{ unitId: string; unitName: string; admitted: number; recruiters: number }>(
    db,
    sql`select ru.id as "unitId", ru.name as "unitName", count(*)::int as admitted,
          count(distinct r.id)::int as recruiters
        from admission_candidates c
        join units cu on cu.id = c.unit_id
        join members r on r.id = c.recruiter_member_id
        join units ru on ru.id = r.unit_id
        where ${creditWhere(f)}
        group by ru.id, ru.name
        order by admitted desc, ru.name
        limit 500`,
  );
}
