import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { EvidenceFigure } from '../../contracts/evaluations.js';
import { rows } from '../../db/rows.js';
import { members } from '../../db/schema/index.js';
import { addMonths, type Month } from '../../domain/branch-life/months.js';
import { periodMasks } from '../../domain/branch-life/month-masks.js';
import { REQUIRED_RECORD_FIELDS, type RequiredRecordField } from '../../domain/branch-life/review.js';
import {
  cadenceWindow,
  evidenceFigures,
  evidencePeriod,
  type CadenceWindow,
  type EvaluationHalf,
  type EvidencePeriod,
  type MemberEvidenceRaw,
  type ThreeProactiveResult,
  type UnitEvidenceRaw,
} from '../../domain/evaluations/evidence.js';
import { GRASSROOTS_3_PROACTIVE } from '../../domain/evaluations/programme-3-proactive.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import type { MeetingRule } from '../../domain/rules/rule-sets.js';
import { ruleOn } from '../rules/rules.queries.js';

/** What `computeEvidence` computes: the subjects, by unit id (branch, grassroots) or member id, and the period. */
export interface EvidenceInput {
  subject: 'member' | 'branch' | 'grassroots';
  ids: string[];
  year: number;
  half: EvaluationHalf;
  /** The day the figures are computed on (yyyy-mm-dd, Vietnam). */
  today: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RECORD_FIELDS = Object.keys(REQUIRED_RECORD_FIELDS) as RequiredRecordField[];

/** Every id as one `uuid[]` parameter (no parameter limit for a province's thousands of units). */
function idArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** `m.<column>` of a required record field. */
const recordColumn = (field: RequiredRecordField) => sql`m.${sql.identifier(members[field].name)}`;

/** True when a member row `m` has every field the monthly review expects (its "incomplete data" rule). */
const completeRecord = sql.join(
  RECORD_FIELDS.map((field) => sql`nullif(btrim(${recordColumn(field)}::text), '') is not null`),
  sql` and `,
);

/** The first day of a month and the first day after it. */
const firstDay = (month: Month) => `${month}-01`;
const dayAfter = (month: Month) => `${addMonths(month, 1)}-01`;

/** Period bounds and meeting cadences the unit SQL reads. */
interface UnitArgs {
  period: EvidencePeriod;
  regular: CadenceWindow;
  remote: CadenceWindow;
}

/** Held meeting periods of `y` (a `branch_meeting_years` row): one bit test per judged period (constants inlined). */
function heldPeriods(year: number, w: CadenceWindow): SQL {
  const masks = w.last < w.first ? [] : periodMasks(year, w.first, w.last, w.everyMonths);
  if (masks.length === 0) return sql`0`;
  return sql.raw(masks.map((m) => `((y.held_mask & ${m}) <> 0)::int`).join(' + '));
}

/** The sum of `y.<column>[m]` over the months from `from` to `until` of the period's year. */
function monthSum(column: 'present' | 'expected', period: EvidencePeriod): SQL {
  const first = Number(period.from.slice(5, 7));
  const last = period.factsUntil < period.from ? first - 1 : Number(period.factsUntil.slice(5, 7));
  const months: string[] = [];
  for (let m = first; m <= last; m++) months.push(`y.${column}[${m}]`);
  return months.length === 0 ? sql`0` : sql.raw(months.join(' + '));
}

/** `case when bc.remote then <remote> else <regular> end`. */
const byCadence = (remote: SQL, regular: SQL) => sql`(case when bc.remote then ${remote} else ${regular} end)`;

/**
 * The subjects (`subj`), every unit of their subtrees (`su`), the branches among them open during the period
 * (`bc`, with their cadence: remote when designated so during the period) and each branch's figures (`bs`).
 */
function branchCtes(ids: readonly string[], a: UnitArgs): SQL {
  const { period, regular, remote } = a;
  const fromDay = firstDay(period.from);
  const toEnd = dayAfter(period.to);
  const step = (w: CadenceWindow) => sql`${Math.max(1, Math.min(12, Math.floor(w.everyMonths)))}::int`;
  const reviewIndex = sql`(substr(rv.period, 6, 2)::int - 1) / ${byCadence(step(remote), step(regular))}`;
  return sql`
    subj as materialized (select u.id, u.path from units u where u.id = any(${idArray(ids)})),
    su as materialized (
      select s.id as subject_id, u.id, u.kind, u.closed_on, u.founded_on
      from subj s join units u on u.path <@ s.path
    ),
    lg as materialized (
      select distinct su.id, (select min(f.month) from fee_payments f where f.unit_id = su.id) as ledger from su
    ),
    b as (
      select su.subject_id, su.id from su join unit_kinds k on k.code = su.kind
      where k.is_leaf and (su.closed_on is null or su.closed_on >= ${fromDay}::date)
        and (su.founded_on is null or su.founded_on < ${toEnd}::date)
    ),
    rb as (
      select distinct d.unit_id from branch_designations d
      where d.kind = 'remote' and d.unit_id in (select id from b)
        and d.valid_from < ${toEnd}::date and (d.valid_to is null or d.valid_to > ${fromDay}::date)
    ),
    bc as materialized (
      select b.subject_id, b.id, (rb.unit_id is not null) as remote from b left join rb on rb.unit_id = b.id
    ),
    bs as (
      select bc.subject_id, bc.id, bc.remote,
        ${byCadence(sql`${remote.required}::int`, sql`${regular.required}::int`)} as required,
        coalesce(${byCadence(heldPeriods(period.year, remote), heldPeriods(period.year, regular))}, 0) as held,
        coalesce(${monthSum('present', period)}, 0) as present,
        coalesce(${monthSum('expected', period)}, 0) as expected,
        (select count(distinct ${reviewIndex}) from member_reviews rv
          where rv.unit_id = bc.id
            and rv.period >= ${byCadence(sql`${remote.first}::text`, sql`${regular.first}::text`)}
            and rv.period <= ${byCadence(sql`${remote.last}::text`, sql`${regular.last}::text`)}) as reviewed,
        lg.ledger
      from bc left join branch_meeting_years y on y.unit_id = bc.id and y.year = ${period.year}::int
      left join lg on lg.id = bc.id
    ),
    ba as (
      select subject_id, count(*)::int as branches, bool_or(remote) as remote,
        count(*) filter (where required > 0)::int as judged,
        count(*) filter (where required > 0 and held >= required)::int as charter,
        count(*) filter (where required > 0 and reviewed >= required)::int as "reviewedAll",
        sum(held)::int as held, sum(reviewed)::int as reviewed, sum(required)::int as required,
        sum(present)::bigint as present, sum(expected)::bigint as expected,
        count(*) filter (where ledger is null)::int as "withoutLedger"
      from bs group by subject_id
    )`;
}

/**
 * Members in the union of each subject: complete records, and fee standing at `closedUntil` (the fee arrears rule).
 * Counted per unit through its members index (an aggregate per unit, never a scan of the whole members table), then
 * summed per subject.
 */
function memberCte(period: EvidencePeriod): SQL {
  const until = period.closedUntil;
  return sql`
    mu as (
      select lg.id, x.* from lg cross join lateral (
        select count(*)::int as members,
          count(*) filter (where ${completeRecord})::int as complete,
          count(*) filter (where p.paid is not null or lg.ledger is not null)::int as "feeKnown",
          count(*) filter (where (p.paid is not null and p.paid >= ${until})
            or (p.paid is null and lg.ledger is not null
                and greatest(to_char(m.joined_on, 'YYYY-MM'), lg.ledger) > ${until}))::int as "feePaid"
        from members m
        cross join lateral (select max(f.month) as paid from fee_payments f where f.member_id = m.id) p
        where m.unit_id = lg.id and m.status in (${list(ACTIVE_STATUSES)})
      ) x
    ),
    ms as (
      select su.subject_id, sum(mu.members)::int as members, sum(mu.complete)::int as complete,
        sum(mu."feeKnown")::int as "feeKnown", sum(mu."feePaid")::int as "feePaid"
      from su join mu on mu.id = su.id group by su.subject_id
    )`;
}

/** Admissions, 1 + 1 credits, Party introductions and care lists of each subject's subtree in the period. */
function activityCtes(period: EvidencePeriod): SQL {
  const fromDay = firstDay(period.from);
  const factsEnd = dayAfter(period.factsUntil);
  const admitted = sql`c.status = 'admitted' and c.ceremony_on >= ${fromDay}::date and c.ceremony_on < ${factsEnd}::date`;
  const openedOn = sql`((c.created_at at time zone 'UTC') + interval '7 hours')::date`;
  return sql`
    ad as (
      select su.subject_id, count(*)::int as n from admission_candidates c join su on su.id = c.unit_id
      where ${admitted} group by su.subject_id
    ),
    cr as (
      select su.subject_id, count(*)::int as n, count(distinct c.recruiter_member_id)::int as recruiters
      from admission_candidates c join members r on r.id = c.recruiter_member_id join su on su.id = r.unit_id
      where ${admitted} group by su.subject_id
    ),
    pi as (
      select su.subject_id, count(*)::int as n, count(*) filter (where p.status = 'admitted')::int as admitted
      from party_introductions p join su on su.id = p.unit_id
      where p.status <> 'withdrawn' and p.introduced_on >= ${fromDay}::date and p.introduced_on < ${factsEnd}::date
      group by su.subject_id
    ),
    ca as (
      select su.subject_id, count(*)::int as n from care_records c join su on su.id = c.unit_id
      where ${openedOn} < ${factsEnd}::date and (c.closed_on is null or c.closed_on >= ${fromDay}::date)
      group by su.subject_id
    ),
    cg as (
      select su.subject_id, count(*)::int as n
      from care_actions a join care_records c on c.id = a.care_record_id join su on su.id = c.unit_id
      where a.kind = 'given' and a.on_date >= ${fromDay}::date and a.on_date < ${factsEnd}::date
      group by su.subject_id
    )`;
}

/** One subject's row of the unit statement. */
type UnitRow = Omit<UnitEvidenceRaw, 'subject' | 'everyMonths' | 'present' | 'expected'> & {
  id: string;
  remote: boolean | null;
  present: number | string;
  expected: number | string;
};

async function unitRows(db: DbOrTx, ids: readonly string[], a: UnitArgs): Promise<UnitRow[]> {
  const n = (expr: string) => sql.raw(`coalesce(${expr}, 0)`);
  return rows<UnitRow>(
    db,
    sql`with ${branchCtes(ids, a)}, ${memberCte(a.period)}, ${activityCtes(a.period)}
      select s.id, ba.remote,
        ${n('ba.branches')}::int as branches, ${n('ba.judged')}::int as "branchesJudged",
        ${n('ba.charter')}::int as "branchesMeetingCharter", ${n('ba."reviewedAll"')}::int as "branchesReviewedAll",
        ${n('ba.held')}::int as "heldPeriods", ${n('ba.reviewed')}::int as "reviewedPeriods",
        ${n('ba.required')}::int as "requiredPeriods",
        ${n('ba.present')}::bigint as present, ${n('ba.expected')}::bigint as expected,
        ${n('ms.members')}::int as members, ${n('ms.complete')}::int as "completeRecords",
        ${n('ms."feeKnown"')}::int as "feeKnown", ${n('ms."feePaid"')}::int as "feePaid",
        ${n('ba."withoutLedger"')}::int as "branchesWithoutLedger",
        ${n('ad.n')}::int as admitted, ${n('cr.n')}::int as credited, ${n('cr.recruiters')}::int as recruiters,
        ${n('pi.n')}::int as introduced, ${n('pi.admitted')}::int as "introducedAdmitted",
        ${n('ca.n')}::int as "careListed", ${n('cg.n')}::int as "careHelpGiven"
      from subj s
      left join ba on ba.subject_id = s.id left join ms on ms.subject_id = s.id
      left join ad on ad.subject_id = s.id left join cr on cr.subject_id = s.id
      left join pi on pi.subject_id = s.id left join ca on ca.subject_id = s.id
      left join cg on cg.subject_id = s.id`,
  );
}

/** One member's row of the member statement. */
type MemberRow = Omit<MemberEvidenceRaw, 'subject' | 'record'> & { id: string } & Record<
    RequiredRecordField,
    string | null
  >;

async function memberRows(db: DbOrTx, ids: readonly string[], period: EvidencePeriod): Promise<MemberRow[]> {
  const fromDay = firstDay(period.from);
  const factsEnd = dayAfter(period.factsUntil);
  const fields = sql.join(
    RECORD_FIELDS.map((field) => sql`${recordColumn(field)}::text as ${sql.identifier(field)}`),
    sql`, `,
  );
  return rows<MemberRow>(
    db,
    sql`with s as (select distinct unnest(${idArray(ids)}) as id),
      cr as (
        select c.recruiter_member_id as id, count(*)::int as n from admission_candidates c
        join s on s.id = c.recruiter_member_id
        where c.status = 'admitted' and c.ceremony_on >= ${fromDay}::date and c.ceremony_on < ${factsEnd}::date
        group by c.recruiter_member_id
      )
      select m.id, ${fields}, to_char(m.joined_on, 'YYYY-MM') as "joinedMonth",
        (select max(f.month) from fee_payments f where f.member_id = m.id) as "paidUpTo",
        (select min(f.month) from fee_payments f where f.unit_id = m.unit_id) as "ledgerStart",
        coalesce(att.marked, 0)::int as marked, coalesce(att.present, 0)::int as present,
        coalesce(cr.n, 0)::int as credited
      from s join members m on m.id = s.id
      left join lateral (
        select count(*) as marked, count(*) filter (where ma.status = 'present') as present
        from meeting_attendance ma join meetings mt on mt.id = ma.meeting_id
        where ma.member_id = m.id and mt.status = 'held'
          and mt.period >= ${period.from} and mt.period <= ${period.factsUntil}
      ) att on true
      left join cr on cr.id = m.id`,
  );
}

function memberRaw(row: MemberRow): MemberEvidenceRaw {
  const record = Object.fromEntries(RECORD_FIELDS.map((f) => [f, row[f]])) as MemberEvidenceRaw['record'];
  return {
    subject: 'member',
    record,
    paidUpTo: row.paidUpTo,
    joinedMonth: row.joinedMonth,
    ledgerStart: row.ledgerStart,
    marked: Number(row.marked),
    present: Number(row.present),
    credited: Number(row.credited),
  };
}

function unitRaw(
  subject: 'branch' | 'grassroots',
  row: UnitRow,
  rule: MeetingRule,
  threeProactive: ThreeProactiveResult | null,
): UnitEvidenceRaw {
  const { id: _id, remote, present, expected, ...counts } = row;
  return {
    ...counts,
    subject,
    everyMonths: remote ? rule.remoteEveryMonths : rule.regularEveryMonths,
    present: Number(present),
    expected: Number(expected),
    threeProactive,
  };
}

/**
 * Each đoàn cơ sở's "3 chủ động" evaluation of the year (the yearly cycle of the programme, whoever opened it): the
 * decided one first, by unit id. Its class is "recognised" when it is the programme's first class.
 */
async function threeProactiveResults(
  db: DbOrTx,
  ids: readonly string[],
  year: number,
): Promise<Map<string, ThreeProactiveResult>> {
  const found = await rows<ThreeProactiveResult & { id: string }>(
    db,
    sql`select distinct on (e.unit_id) e.unit_id::text as id, e.step, e.status,
        to_char(e.decided_on, 'YYYY-MM-DD') as "decidedOn",
        case when e.class_key is null then null else e.class_key = s.definition->'classes'->0->>'key' end as recognised
      from evaluations e join evaluation_cycles c on c.id = e.cycle_id join criteria_sets s on s.id = c.criteria_set_id
      where c.programme = ${GRASSROOTS_3_PROACTIVE} and c.kind = 'year' and c.year = ${year}::int
        and e.member_id is null and e.unit_id = any(${idArray(ids)})
      order by e.unit_id, (e.status = 'accepted') desc, e.decided_on desc nulls last, e.updated_at desc`,
  );
  return new Map(found.map(({ id, ...r }) => [id, r]));
}

/**
 * The automatic evidence of many subjects of one kind for a year (`half` 0) or a half-year, by subject id: unit
 * ids for branches and đoàn cơ sở (a đoàn cơ sở sums the branches and members of its subtree), member ids for
 * members; a đoàn cơ sở also gets its "3 chủ động" result of the same year. A few statements whatever the number of
 * ids (the meeting rule, the "3 chủ động" results, then one batched query); ids not found are left out and the map
 * is keyed by lower-case ids.
 */
export async function computeEvidence(db: DbOrTx, input: EvidenceInput): Promise<Map<string, EvidenceFigure[]>> {
  const ids = [...new Set(input.ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  const out = new Map<string, EvidenceFigure[]>();
  if (ids.length === 0) return out;
  const period = evidencePeriod(input.year, input.half, input.today);
  if (input.subject === 'member') {
    for (const row of await memberRows(db, ids, period)) out.set(row.id, evidenceFigures(memberRaw(row), period));
    return out;
  }
  const rule = await ruleOn(db, 'meeting', firstDay(period.to));
  const args: UnitArgs = {
    period,
    regular: cadenceWindow(period, rule.regularEveryMonths),
    remote: cadenceWindow(period, rule.remoteEveryMonths),
  };
  const proactive = input.subject === 'grassroots' ? await threeProactiveResults(db, ids, input.year) : new Map();
  for (const row of await unitRows(db, ids, args))
    out.set(row.id, evidenceFigures(unitRaw(input.subject, row, rule, proactive.get(row.id) ?? null), period));
  return out;
}
