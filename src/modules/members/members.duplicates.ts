import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { memberComments, memberEvents, members, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { rows } from '../../db/rows.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { DuplicateGroup, MemberDetail } from '../../contracts/members.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { recordEvents } from './members.events.js';
import { toRecord } from './members.presenter.js';
import { findMemberInScope } from './members.queries.js';
import { getMember, seesPersonalData } from './members.service.js';

/**
 * Candidate duplicates in a unit's subtree: records sharing a CCCD, then records sharing the folded name and
 * date of birth (the fallback when CCCD is missing). Merged-away records are left out.
 */
export async function findDuplicates(db: Db, actor: Actor, unitId: string): Promise<DuplicateGroup[]> {
  const unit = await loadForAction(db, actor, unitId, 'member.read');
  const scope = scopeOf(actor, 'member.read');
  const inTree = sql`${withinScope(sql`u.path`, scope)} and u.path <@ ${unit.path}::ltree and not (m.status = 'removed' and exists (select 1 from member_events e where e.member_id = m.id and e.kind = 'merged_into'))`;
  const groups = await rows<{ reason: 'cccd' | 'name_birth'; ids: string[] }>(
    db,
    sql`select 'cccd' as reason, array_agg(m.id order by m.created_at) as ids
          from members m join units u on u.id = m.unit_id
          where m.cccd is not null and ${inTree}
          group by m.cccd having count(*) > 1
        union all
        select 'name_birth' as reason, array_agg(m.id order by m.created_at) as ids
          from members m join units u on u.id = m.unit_id
          where m.birth_date is not null and ${inTree}
          group by m.search_name, m.birth_date having count(*) > 1 and count(distinct m.cccd) <= 1
        limit 200`,
  );
  const ids = [...new Set(groups.flatMap((g) => g.ids))];
  if (ids.length === 0) return [];
  const found = await db
    .select({ member: members, unitName: units.name })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(inArray(members.id, ids));
  const byId = new Map(found.map((f) => [f.member.id, f]));
  const personal = seesPersonalData(actor, unit.path);
  return groups.map((g) => ({
    reason: g.reason,
    members: g.ids.flatMap((id) => {
      const f = byId.get(id);
      return f ? [{ ...toRecord(f.member, personal), unitName: f.unitName }] : [];
    }),
  }));
}

async function loadWritable(tx: DbOrTx, actor: Actor, memberId: string) {
  const found = await findMemberInScope(tx, scopeOf(actor, 'member.read'), memberId, true);
  if (!found) throw fail.notFound('đoàn viên');
  if (!inScope(scopeOf(actor, 'member.write'), found.unitPath)) throw fail.forbidden();
  return found;
}

/**
 * Merges a duplicate record into the one kept: the duplicate's history and comments move to the kept record
 * (both histories stay, each event marked), missing fields are filled from the duplicate, and the duplicate is
 * closed as removed with a "merged into" event.
 */
export async function mergeMembers(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  keepId: string,
  mergeId: string,
): Promise<MemberDetail> {
  await db.transaction(async (tx) => {
    const keep = await loadWritable(tx, ctx.actor, keepId);
    if (keepId === mergeId) throw fail.invalid('mergeId', 'Chọn hai hồ sơ khác nhau để hợp nhất.');
    const dup = await loadWritable(tx, ctx.actor, mergeId);
    const today = todayInVietnam();
    const filled = Object.fromEntries(
      Object.entries(dup.member).filter(
        ([k, v]) =>
          v !== null &&
          (keep.member as Record<string, unknown>)[k] === null &&
          !['givenName', 'searchName', 'sortKey'].includes(k),
      ),
    );
    await tx
      .update(memberEvents)
      .set({
        note: sql`coalesce(${memberEvents.note} || ' ', '') || ${`(từ hồ sơ trùng ${dup.member.fullName})`}`,
        memberId: keepId,
      })
      .where(eq(memberEvents.memberId, mergeId));
    const keptYears = (
      await tx.select({ year: memberComments.year }).from(memberComments).where(eq(memberComments.memberId, keepId))
    ).map((c) => c.year);
    await tx
      .update(memberComments)
      .set({ memberId: keepId })
      .where(
        and(
          eq(memberComments.memberId, mergeId),
          keptYears.length > 0 ? notInArray(memberComments.year, keptYears) : undefined,
        ),
      );
    await tx
      .update(members)
      .set({ status: 'removed', version: dup.member.version + 1, updatedAt: new Date() })
      .where(eq(members.id, mergeId));
    if (Object.keys(filled).length > 0) {
      await tx
        .update(members)
        .set({ ...filled, version: keep.member.version + 1, updatedAt: new Date() })
        .where(eq(members.id, keepId));
    }
    await recordEvents(
      tx,
      { ...dup.member, id: mergeId },
      [{ kind: 'merged_into', after: { memberId: keepId } }],
      today,
      ctx.actor.userId,
    );
    await recordEvents(
      tx,
      keep.member,
      [{ kind: 'merged', before: { memberId: mergeId, fullName: dup.member.fullName }, after: filled }],
      today,
      ctx.actor.userId,
    );
    await audit(tx, ctx, {
      entity: 'member',
      entityId: keepId,
      action: 'merge',
      unitId: keep.member.unitId,
      unitPath: keep.unitPath,
      before: { kept: keep.member, merged: dup.member },
      after: { filled },
    });
  });
  return getMember(db, ctx.actor, keepId);
}
