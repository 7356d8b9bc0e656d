import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { memberCards, members, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';

export type MemberCardRow = typeof memberCards.$inferSelect;

/** A member's cards, newest first, with the issuing unit's name. */
export async function cardsOf(db: DbOrTx, memberId: string) {
  return db
    .select({ card: memberCards, unitName: units.name })
    .from(memberCards)
    .innerJoin(units, eq(units.id, memberCards.unitId))
    .where(eq(memberCards.memberId, memberId))
    .orderBy(desc(memberCards.issuedOn), desc(memberCards.id));
}

/** The member's active card, locked until the transaction ends. */
export async function lockActiveCard(tx: DbOrTx, memberId: string): Promise<MemberCardRow | null> {
  const [row] = await tx
    .select()
    .from(memberCards)
    .where(and(eq(memberCards.memberId, memberId), eq(memberCards.status, 'active')))
    .for('update');
  return row ?? null;
}

/** Adds a card row. */
export async function insertCard(
  tx: DbOrTx,
  card: Pick<MemberCardRow, 'memberId' | 'unitId' | 'cardNumber' | 'issuedOn' | 'reason'> & {
    createdBy: string | null;
  },
): Promise<MemberCardRow> {
  const [row] = await tx.insert(memberCards).values(card).returning();
  if (!row) throw new Error('card insert returned no row');
  return row;
}

/** Ends an active card as replaced or revoked. */
export async function endCard(
  tx: DbOrTx,
  cardId: number,
  status: 'replaced' | 'revoked',
  endedOn: string,
  endReason: string,
): Promise<void> {
  await tx.update(memberCards).set({ status, endedOn, endReason }).where(eq(memberCards.id, cardId));
}

/** Register filters: the unit's path, the actor's scope, a year, a keyset position. */
export interface RegisterFilter {
  unitPath: string;
  scope: readonly string[];
  year?: number;
  after?: [string, number];
  limit: number;
}

const issuer = alias(units, 'issuer');

/** Cards issued by units of the subtree or held by members of its branches, visible in the scope. */
function registerWhere(f: RegisterFilter) {
  return and(
    sql`(${issuer.path} <@ ${f.unitPath}::ltree or ${units.path} <@ ${f.unitPath}::ltree)`,
    sql`(${withinScope(issuer.path, f.scope)} or ${withinScope(units.path, f.scope)})`,
    f.year ? sql`${memberCards.issuedOn} between ${`${f.year}-01-01`}::date and ${`${f.year}-12-31`}::date` : undefined,
  );
}

/** One page of the card register, newest first. */
export async function registerPage(db: DbOrTx, f: RegisterFilter) {
  return db
    .select({
      card: memberCards,
      unitName: issuer.name,
      memberName: members.fullName,
      birthDate: members.birthDate,
      branchName: units.name,
    })
    .from(memberCards)
    .innerJoin(members, eq(members.id, memberCards.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .innerJoin(issuer, eq(issuer.id, memberCards.unitId))
    .where(
      and(
        registerWhere(f),
        f.after ? sql`(${memberCards.issuedOn}, ${memberCards.id}) < (${f.after[0]}::date, ${f.after[1]})` : undefined,
      ),
    )
    .orderBy(desc(memberCards.issuedOn), desc(memberCards.id))
    .limit(f.limit + 1);
}

/** How many cards the register holds with the filter, and the years it covers. */
export async function registerTotals(db: DbOrTx, f: RegisterFilter): Promise<{ total: number; years: number[] }> {
  const base = db
    .select({ year: sql<number>`extract(year from ${memberCards.issuedOn})::int`.as('year') })
    .from(memberCards)
    .innerJoin(members, eq(members.id, memberCards.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .innerJoin(issuer, eq(issuer.id, memberCards.unitId))
    .where(registerWhere({ ...f, year: undefined }))
    .as('r');
  const found = await db
    .select({ year: base.year, n: sql<number>`count(*)::int` })
    .from(base)
    .groupBy(base.year)
    .orderBy(asc(base.year));
  const total = found.filter((r) => !f.year || r.year === f.year).reduce((sum, r) => sum + Number(r.n), 0);
  return { total, years: found.map((r) => Number(r.year)).reverse() };
}

/**
 * Records the card number already on a member record as its "initial" card (issued on the recorded date,
 * else the joining date, else today, by the member's branch), like the migration's backfill. Does nothing
 * when the number is on another member's active card.
 */
export async function insertInitialCard(
  tx: DbOrTx,
  member: {
    id: string;
    unitId: string;
    cardNumber: string | null;
    cardIssuedOn: string | null;
    joinedOn: string | null;
  },
  actorId: string | null,
  today: string,
): Promise<void> {
  if (!member.cardNumber) return;
  await tx
    .insert(memberCards)
    .values({
      memberId: member.id,
      unitId: member.unitId,
      cardNumber: member.cardNumber,
      issuedOn: member.cardIssuedOn ?? member.joinedOn ?? today,
      reason: 'initial',
      createdBy: actorId,
    })
    .onConflictDoNothing();
}
