import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { documents, members, partyIntroductions, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { OPEN_PARTY_INTRODUCTION_STATUSES } from '../../domain/workflows/party-introduction.js';

export type PartyIntroductionRow = typeof partyIntroductions.$inferSelect;

const branch = alias(units, 'branch');
const introducer = alias(units, 'introducer');

const columns = {
  intro: partyIntroductions,
  memberName: members.fullName,
  birthDate: members.birthDate,
  unitName: branch.name,
  unitPath: branch.path,
  introducingUnitName: introducer.name,
  introducingPath: introducer.path,
  letterNumber: documents.numberText,
};

/** An introduction with the names and paths the API shows. */
export interface IntroductionListRow {
  intro: PartyIntroductionRow;
  memberName: string;
  birthDate: string | null;
  unitName: string;
  unitPath: string;
  introducingUnitName: string | null;
  introducingPath: string | null;
  letterNumber: string | null;
}

function base(db: DbOrTx) {
  return db
    .select(columns)
    .from(partyIntroductions)
    .innerJoin(members, eq(members.id, partyIntroductions.memberId))
    .innerJoin(branch, eq(branch.id, partyIntroductions.unitId))
    .leftJoin(introducer, eq(introducer.id, partyIntroductions.introducingUnitId))
    .leftJoin(documents, eq(documents.id, partyIntroductions.letterId));
}

/** Filters of an introduction list. */
export interface IntroductionFilter {
  unitPath?: string;
  memberId?: string;
  year?: number;
  status?: string;
}

/** Introductions proposed by branches in the scope (and in `unitPath`), newest first; `limit + 1` rows. */
export async function introductionsIn(
  db: DbOrTx,
  scope: readonly string[],
  f: IntroductionFilter,
  limit: number,
): Promise<IntroductionListRow[]> {
  return base(db)
    .where(
      and(
        withinScope(branch.path, scope),
        f.unitPath ? sql`${branch.path} <@ ${f.unitPath}::ltree` : undefined,
        f.memberId ? eq(partyIntroductions.memberId, f.memberId) : undefined,
        f.year ? eq(partyIntroductions.year, f.year) : undefined,
        f.status ? eq(partyIntroductions.status, f.status) : undefined,
      ),
    )
    .orderBy(desc(partyIntroductions.resolutionOn), desc(partyIntroductions.createdAt))
    .limit(limit + 1);
}

/** One introduction whose branch lies in the scope, optionally locked. */
export async function introductionInScope(
  db: DbOrTx,
  scope: readonly string[],
  id: string,
  lock = false,
): Promise<IntroductionListRow | null> {
  const query = base(db).where(and(eq(partyIntroductions.id, id), withinScope(branch.path, scope)));
  const [row] = lock ? await query.for('update', { of: partyIntroductions }) : await query;
  return row ?? null;
}

/** The member's introduction still in progress (proposed or introduced), if any. */
export async function openIntroductionOf(db: DbOrTx, memberId: string): Promise<PartyIntroductionRow | null> {
  const [row] = await db
    .select()
    .from(partyIntroductions)
    .where(
      and(
        eq(partyIntroductions.memberId, memberId),
        inArray(partyIntroductions.status, [...OPEN_PARTY_INTRODUCTION_STATUSES]),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Counts of one sub-unit (the label of its path at the given depth). */
export interface StatsCountRow {
  child: string;
  introduced: number;
  admitted: number;
  not_admitted: number;
  pending: number;
}

/**
 * Introductions whose letter was issued in `year`, from branches in the scope under `unitPath`, counted per
 * sub-unit of `unitPath` (its direct children; the unit itself for a branch).
 */
export async function statsByChild(
  db: DbOrTx,
  scope: readonly string[],
  unitPath: string,
  year: number,
): Promise<StatsCountRow[]> {
  return rows<StatsCountRow>(
    db,
    sql`
      select subpath(u.path, 0, least(nlevel(u.path), nlevel(${unitPath}::ltree) + 1))::text as child,
             count(*)::int as introduced,
             count(*) filter (where pi.status = 'admitted')::int as admitted,
             count(*) filter (where pi.status = 'not_admitted')::int as not_admitted,
             count(*) filter (where pi.status = 'introduced')::int as pending
      from ${partyIntroductions} pi
      join ${units} u on u.id = pi.unit_id
      where u.path <@ ${unitPath}::ltree
        and ${withinScope(sql`u.path`, scope)}
        and pi.introduced_on is not null
        and pi.introduced_on >= ${`${year}-01-01`}::date
        and pi.introduced_on <= ${`${year}-12-31`}::date
      group by 1`,
  );
}
