import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { meetingInvitations, units, user } from '../../db/schema/index.js';
import { rows } from '../../db/rows.js';
import type { Actor } from '../../auth/actor.js';
import type { InvitableCadre, MeetingInvitation } from '../../contracts/meetings.js';
import { fail } from '../../domain/errors.js';
import { audit } from '../audit/audit.service.js';
import { assertNotCancelled, meetingForRead, meetingForWrite } from './meetings.policy.js';
import type { UnitRef } from './meetings.queries.js';
import type { Ctx } from './meetings.service.js';

/** The cadres invited to a meeting, with the superior unit they were invited for. */
export async function invitationsOf(db: DbOrTx, meetingId: string): Promise<MeetingInvitation[]> {
  const found = await db
    .select({
      userId: meetingInvitations.userId,
      name: user.name,
      username: user.username,
      unitId: meetingInvitations.unitId,
      unitName: units.name,
      createdAt: meetingInvitations.createdAt,
    })
    .from(meetingInvitations)
    .innerJoin(user, eq(user.id, meetingInvitations.userId))
    .innerJoin(units, eq(units.id, meetingInvitations.unitId))
    .where(eq(meetingInvitations.meetingId, meetingId))
    .orderBy(meetingInvitations.createdAt);
  return found.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() }));
}

/**
 * Accounts holding a cadre or unit-administrator role on a superior unit of the branch (its ancestors), nearest
 * unit first, one row per account (its nearest unit); at most 200.
 */
async function superiorCadres(db: DbOrTx, unit: UnitRef, meetingId: string, userId?: string) {
  const only = userId ? sql`and r.user_id = ${userId}` : sql``;
  return rows<{
    user_id: string;
    name: string;
    username: string | null;
    unit_id: string;
    unit_name: string;
    role: string;
    invited: boolean;
  }>(
    db,
    sql`select distinct on (r.user_id) r.user_id, a.name, a.username, u.id as unit_id, u.name as unit_name, r.role,
               exists (select 1 from meeting_invitations i where i.meeting_id = ${meetingId}::uuid and i.user_id = r.user_id) as invited
          from role_assignments r
          join units u on u.id = r.unit_id
          join "user" a on a.id = r.user_id
         where ${unit.path}::ltree <@ u.path and u.id <> ${unit.id}::uuid and u.closed_on is null
           and r.revoked_at is null and r.role in ('cadre', 'unit_admin') and not a.disabled ${only}
         order by r.user_id, nlevel(u.path) desc
         limit 200`,
  );
}

/** The superior cadres a meeting may invite, nearest unit first. */
export async function invitable(db: DbOrTx, actor: Actor, meetingId: string): Promise<{ items: InvitableCadre[] }> {
  const { meeting, unit } = await meetingForRead(db, actor, meetingId);
  const found = await superiorCadres(db, unit, meeting.id);
  const items = found
    .map((r) => ({
      userId: r.user_id,
      name: r.name,
      username: r.username,
      unitId: r.unit_id,
      unitName: r.unit_name,
      role: r.role,
      invited: Boolean(r.invited),
    }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || a.name.localeCompare(b.name, 'vi'));
  return { items };
}

/** Invites a superior cadre; inviting twice changes nothing. */
export async function invite(db: Db, ctx: Ctx, meetingId: string, userId: string): Promise<MeetingInvitation[]> {
  await db.transaction(async (tx) => {
    const { meeting: m, unit } = await meetingForWrite(tx, ctx.actor, meetingId, null);
    assertNotCancelled(m);
    const [cadre] = await superiorCadres(tx, unit, m.id, userId);
    if (!cadre)
      throw fail.invalid('userId', `Tài khoản được chọn không phải cán bộ Đoàn cấp trên của chi đoàn ${unit.name}.`);
    if (cadre.invited) return;
    await tx
      .insert(meetingInvitations)
      .values({ meetingId: m.id, userId, unitId: cadre.unit_id, invitedBy: ctx.actor.userId });
    await audit(tx, ctx, {
      entity: 'meeting_invitation',
      entityId: m.id,
      action: 'invite',
      unitId: unit.id,
      unitPath: unit.path,
      after: { meetingId: m.id, userId, unitId: cadre.unit_id },
    });
  });
  return invitationsOf(db, meetingId);
}

/** Withdraws an invitation. */
export async function uninvite(db: Db, ctx: Ctx, meetingId: string, userId: string): Promise<MeetingInvitation[]> {
  await db.transaction(async (tx) => {
    const { meeting: m, unit } = await meetingForWrite(tx, ctx.actor, meetingId, null);
    const [gone] = await tx
      .delete(meetingInvitations)
      .where(and(eq(meetingInvitations.meetingId, m.id), eq(meetingInvitations.userId, userId)))
      .returning();
    if (!gone) throw fail.notFound('lời mời');
    await audit(tx, ctx, {
      entity: 'meeting_invitation',
      entityId: m.id,
      action: 'uninvite',
      unitId: unit.id,
      unitPath: unit.path,
      before: gone,
    });
  });
  return invitationsOf(db, meetingId);
}
