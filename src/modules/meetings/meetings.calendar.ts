import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import type { Actor } from '../../auth/actor.js';
import type { Calendar, CalendarItem } from '../../contracts/meetings.js';
import type { MeetingForm, MeetingStatus } from '../../domain/branch-life/meeting-rules.js';
import { fail } from '../../domain/errors.js';

const MAX_DAYS = 100;
const MAX_ITEMS = 500;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * The meetings an account sees in its calendar between two dates: those it is invited to; for a member account,
 * its branch's and its host branch's; for a cadre of branches, the branches it holds a role on directly.
 */
export async function calendarOf(db: DbOrTx, actor: Actor, from: string, to: string): Promise<Calendar> {
  if (to < from) throw fail.invalid('to', 'Ngày kết thúc phải sau ngày bắt đầu.');
  if (daysBetween(from, to) > MAX_DAYS) throw fail.invalid('to', `Mỗi lần xem lịch tối đa ${MAX_DAYS} ngày.`);
  const branchIds = actor.grants.filter((g) => g.role === 'cadre' || g.role === 'unit_admin').map((g) => g.unitId);
  const cadreBranches = branchIds.length
    ? sql`select m.id, 'cadre' as reason, 3 as rank from meetings m join units u on u.id = m.unit_id
           join unit_kinds k on k.code = u.kind
          where k.is_leaf and m.unit_id in (${sql.join(
            branchIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
    : sql`select null::uuid, null, null where false`;
  const memberId = actor.memberId;
  const own = memberId
    ? sql`select m.id, 'member', 2 from meetings m join members me on me.unit_id = m.unit_id
           where me.id = ${memberId}::uuid and me.status in ('active', 'working_away')
          union all
          select m.id, 'hosted', 2 from meetings m join transfers t on t.to_unit_id = m.unit_id
           where t.member_id = ${memberId}::uuid and t.kind = 'temporary' and t.status = 'accepted'`
    : sql`select null::uuid, null, null where false`;
  const found = await rows<{
    id: string;
    unit_id: string;
    unit_name: string;
    date: string;
    starts_at: string | null;
    status: MeetingStatus;
    form: MeetingForm;
    topic: string | null;
    place: string | null;
    reason: CalendarItem['reason'];
  }>(
    db,
    sql`with seen (id, reason, rank) as (
          select i.meeting_id, 'invited', 1 from meeting_invitations i where i.user_id = ${actor.userId}
          union all ${own}
          union all ${cadreBranches}
        ), best as (select distinct on (id) id, reason from seen where id is not null order by id, rank)
        select m.id, m.unit_id, u.name as unit_name, coalesce(m.held_on, m.planned_on)::text as date,
               m.starts_at, m.status, m.form, m.topic, m.place, best.reason
          from best join meetings m on m.id = best.id join units u on u.id = m.unit_id
         where coalesce(m.held_on, m.planned_on) between ${from}::date and ${to}::date
         order by coalesce(m.held_on, m.planned_on), m.starts_at nulls last, u.name
         limit ${MAX_ITEMS}`,
  );
  return {
    from,
    to,
    items: found.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      date: r.date,
      startsAt: r.starts_at,
      status: r.status,
      form: r.form,
      topic: r.topic,
      place: r.place,
      reason: r.reason,
    })),
  };
}
