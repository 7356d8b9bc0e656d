import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import type { EvaluationSubject } from '../../domain/evaluations/criteria.js';
import type { StepKey } from '../../domain/evaluations/cycle-steps.js';
import { DEFAULT_ELIGIBILITY } from '../../domain/evaluations/eligibility.js';
import { GRASSROOTS_KINDS } from '../../domain/org/unit-kind.js';

/** What enrolment needs to know of the cycle. */
export interface EnrolInput {
  cycleId: string;
  ownerId: string;
  ownerPath: string;
  subject: EvaluationSubject;
  firstStep: StepKey;
  periodEnd: string;
}

const grassrootsKinds = sql.join(
  GRASSROOTS_KINDS.map((k) => sql`${k}`),
  sql`, `,
);

/** The units of the owner's subtree a programme of this subject rates. */
function subjectFilter(subject: Exclude<EvaluationSubject, 'member'>): SQL {
  if (subject === 'grassroots') return sql`u.kind in (${grassrootsKinds})`;
  return sql`k.is_leaf and u.kind not in (${grassrootsKinds})`;
}

/**
 * The evaluator of a unit: its nearest ancestor inside the owner's subtree that is a đoàn cơ sở or above (a branch
 * under a liên chi đoàn is rated by its đoàn cơ sở); the owner when none is.
 */
const evaluatorOfUnit = (ownerId: string, ownerPath: string) => sql`coalesce((
    select a.id from units a join unit_kinds ak on ak.code = a.kind
    where a.path @> u.path and a.id <> u.id and a.path <@ ${ownerPath}::ltree and not ak.is_leaf
      and ak.rank <= (select rank from unit_kinds where code = 'grassroots')
    order by nlevel(a.path) desc limit 1), ${ownerId}::uuid)`;

/** Enrols every open unit of the subject's kind below the owner; returns how many. */
async function enrolUnits(tx: DbOrTx, input: EnrolInput, subject: Exclude<EvaluationSubject, 'member'>) {
  const inserted = await rows<{ id: string }>(
    tx,
    sql`insert into evaluations (cycle_id, unit_id, evaluator_unit_id, step, status)
      select ${input.cycleId}::uuid, u.id, ${evaluatorOfUnit(input.ownerId, input.ownerPath)}, ${input.firstStep}, 'ready'
      from units u join unit_kinds k on k.code = u.kind
      where u.path <@ ${input.ownerPath}::ltree and u.id <> ${input.ownerId}::uuid and u.closed_on is null
        and ${subjectFilter(subject)}
      returning id`,
  );
  return inserted.length;
}

/**
 * Enrols the members of the owner's branches who are rated (DOMAIN.md §6): active or working away, at least six
 * months of activity by the period end, Party members of union age exempt. Members hosted under temporary
 * participation keep their home branch as `unit_id`, so the host branch never rates them. The branch evaluates.
 */
async function enrolMembers(tx: DbOrTx, input: EnrolInput) {
  const rule = DEFAULT_ELIGIBILITY;
  const inserted = await rows<{ id: string }>(
    tx,
    sql`insert into evaluations (cycle_id, unit_id, member_id, evaluator_unit_id, step, status)
      select ${input.cycleId}::uuid, m.unit_id, m.id, m.unit_id, ${input.firstStep}, 'ready'
      from members m join units u on u.id = m.unit_id
      where u.path <@ ${input.ownerPath}::ltree and u.closed_on is null and m.status in ('active', 'working_away')
        and coalesce(m.joined_on, date '1900-01-01') + make_interval(months => ${rule.minActiveMonths}) <= ${input.periodEnd}::date
        and not (m.party_member and (m.birth_date is null
          or m.birth_date > ${input.periodEnd}::date - make_interval(years => ${rule.unionMaxAge + 1})))
      returning id`,
  );
  return inserted.length;
}

/** Enrols the cycle's subjects at the first step; returns how many. */
export async function enrolSubjects(tx: DbOrTx, input: EnrolInput): Promise<number> {
  if (input.subject === 'member') return enrolMembers(tx, input);
  return enrolUnits(tx, input, input.subject);
}
