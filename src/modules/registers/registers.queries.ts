import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { rows } from '../../db/rows.js';
import { memberWhere, type MemberFilter } from '../members/members.filters.js';

/** The register's subtree, the actor's scope and the year (null: every year). */
export interface RegisterFilter {
  unitPath: string;
  scope: readonly string[];
  year: number | null;
  memberFilter: MemberFilter;
}

const yearEnd = (year: number) => `${year}-12-31`;
const inYear = (column: SQL, year: number | null) =>
  year === null ? sql`true` : sql`${column} between ${`${year}-01-01`}::date and ${yearEnd(year)}::date`;

function memberRegisterWhere(f: RegisterFilter): SQL | undefined {
  return and(
    memberWhere(f.scope, f.memberFilter),
    f.year === null ? undefined : sql`(${members.joinedOn} is null or ${members.joinedOn} <= ${yearEnd(f.year)}::date)`,
  );
}

/** Keyset position of the member register: branch name, member sort key, id. */
export type MemberRegisterKey = [string, string, string];

/** Members of the subtree with an active status (joined by the end of the year), by branch then name. */
export async function memberRegisterPage(
  db: DbOrTx,
  f: RegisterFilter,
  after: MemberRegisterKey | undefined,
  limit: number,
) {
  const next = after
    ? sql`(${units.name}, ${members.sortKey}, ${members.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`
    : undefined;
  return db
    .select({ member: members, unitName: units.name })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(memberRegisterWhere(f), next))
    .orderBy(asc(units.name), asc(members.sortKey), asc(members.id))
    .limit(limit);
}

/** How many members the register lists. */
export async function countMemberRegister(db: DbOrTx, f: RegisterFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(memberRegisterWhere(f));
  return row?.n ?? 0;
}

/** A line of the admissions and cards register. */
export interface CardRegisterRow {
  id: number;
  cardNumber: string;
  issuedOn: string;
  reason: string;
  status: string;
  issuingUnitName: string;
  fullName: string;
  birthDate: string | null;
  birthYearOnly: boolean;
  gender: string;
  branchName: string;
  joinedOn: string | null;
  ceremonyOn: string | null;
  approvedOn: string | null;
  decisionNumber: string | null;
}

const cardsFrom = (f: RegisterFilter) => sql`
  from member_cards c
  join units iu on iu.id = c.unit_id
  join members m on m.id = c.member_id
  join units mu on mu.id = m.unit_id
  left join lateral (
    select ac.ceremony_on, ac.approved_on, ac.decision_id from admission_candidates ac
    where ac.member_id = c.member_id and ac.status = 'admitted'
    order by ac.approved_on desc nulls last limit 1) a on true
  left join documents d on d.id = a.decision_id
  where iu.path <@ ${f.unitPath}::ltree and ${withinScope(sql`iu.path`, f.scope)} and ${inYear(sql`c.issued_on`, f.year)}`;

/** Cards issued by units of the subtree, with the admission that led to them, by date of issue. */
export async function cardRegisterPage(
  db: DbOrTx,
  f: RegisterFilter,
  after: [string, number] | undefined,
  limit: number,
): Promise<CardRegisterRow[]> {
  const next = after ? sql`and (c.issued_on, c.id) > (${after[0]}::date, ${after[1]})` : sql``;
  return rows<CardRegisterRow>(
    db,
    sql`select c.id::int as id, c.card_number as "cardNumber", c.issued_on::text as "issuedOn", c.reason, c.status,
        iu.name as "issuingUnitName", m.full_name as "fullName", m.birth_date::text as "birthDate",
        m.birth_year_only as "birthYearOnly", m.gender, mu.name as "branchName", m.joined_on::text as "joinedOn",
        a.ceremony_on::text as "ceremonyOn", a.approved_on::text as "approvedOn", d.number_text as "decisionNumber"
      ${cardsFrom(f)} ${next}
      order by c.issued_on, c.id limit ${limit}`,
  );
}

/** How many cards the register lists. */
export async function countCardRegister(db: DbOrTx, f: RegisterFilter): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n ${cardsFrom(f)}`);
  return row?.n ?? 0;
}

/** A line of the transfers register. */
export interface TransferRegisterRow {
  id: string;
  kind: string;
  status: string;
  code: string;
  fullName: string;
  birthDate: string | null;
  birthYearOnly: boolean;
  cccd: string | null;
  fromUnitName: string | null;
  fromGrassrootsName: string | null;
  toGrassrootsName: string | null;
  toUnitName: string | null;
  destinationText: string | null;
  letterNumber: string | null;
  sentOn: string | null;
  acceptedOn: string | null;
  returnedOn: string | null;
  feePaidUntil: string | null;
  /** The date the row is filed under: sent (out) or accepted, else sent (in). */
  onDate: string;
}

/** Out: sent from the subtree to elsewhere; in: received from elsewhere. Drafts and cancelled ones are left out. */
export type TransferDirection = 'out' | 'in';

function transferWhere(f: RegisterFilter, direction: TransferDirection): SQL {
  const [own, other] = direction === 'out' ? [sql`fg.path`, sql`tg.path`] : [sql`tg.path`, sql`fg.path`];
  return sql`t.status not in ('draft','cancelled') and ${own} <@ ${f.unitPath}::ltree
    and ${withinScope(own, f.scope)} and not coalesce(${other} <@ ${f.unitPath}::ltree, false)
    and ${inYear(direction === 'out' ? sql`t.sent_on` : sql`coalesce(t.accepted_on, t.sent_on)`, f.year)}`;
}

const transfersFrom = sql`
  from transfers t
  join members m on m.id = t.member_id
  left join units fu on fu.id = t.from_unit_id
  left join units fg on fg.id = t.from_grassroots_id
  left join units tg on tg.id = t.to_grassroots_id
  left join units tu on tu.id = t.to_unit_id
  left join documents d on d.id = t.letter_id`;

/** Transfers out of or into the subtree, by date. */
export async function transferRegisterPage(
  db: DbOrTx,
  f: RegisterFilter,
  direction: TransferDirection,
  after: [string, string] | undefined,
  limit: number,
): Promise<TransferRegisterRow[]> {
  const onDate = direction === 'out' ? sql`t.sent_on` : sql`coalesce(t.accepted_on, t.sent_on)`;
  const next = after
    ? sql`and (coalesce(${onDate}, t.created_at::date), t.id) > (${after[0]}::date, ${after[1]}::uuid)`
    : sql``;
  return rows<TransferRegisterRow>(
    db,
    sql`select t.id, t.kind, t.status, t.code, m.full_name as "fullName", m.birth_date::text as "birthDate",
        m.birth_year_only as "birthYearOnly", m.cccd, fu.name as "fromUnitName", fg.name as "fromGrassrootsName",
        tg.name as "toGrassrootsName", tu.name as "toUnitName", t.destination_text as "destinationText",
        d.number_text as "letterNumber", t.sent_on::text as "sentOn", t.accepted_on::text as "acceptedOn",
        t.returned_on::text as "returnedOn", t.fee_paid_until as "feePaidUntil",
        coalesce(${onDate}, t.created_at::date)::text as "onDate"
      ${transfersFrom} where ${transferWhere(f, direction)} ${next}
      order by coalesce(${onDate}, t.created_at::date), t.id limit ${limit}`,
  );
}

/** How many transfers each sheet lists. */
export async function countTransferRegister(
  db: DbOrTx,
  f: RegisterFilter,
  direction: TransferDirection,
): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n ${transfersFrom} where ${transferWhere(f, direction)}`,
  );
  return row?.n ?? 0;
}
