import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { members } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type { contactBody, SelfProfile } from '../../contracts/self-service.js';
import { fail } from '../../domain/errors.js';
import { idsOnPath } from '../../domain/org/unit-path.js';
import { changedValues, CONTACT_FIELDS, valuesOf } from '../../domain/members/self-service.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { recordEvents } from '../members/members.events.js';
import { toRecord } from '../members/members.presenter.js';
import { commentsOf, eventsOf, unitNamesOnPath } from '../members/members.queries.js';
import { assertActiveMember, ownMemberId } from './self-service.policy.js';
import { toChangeRequestDto } from './self-service.presenter.js';
import { findMemberById, requestsOfMember } from './self-service.queries.js';
import { selfServiceSummary } from './self-service.summary.js';

type Ctx = RequestContext & { actor: Actor };

const STALE = 'Hồ sơ vừa được chi đoàn thay đổi. Vui lòng tải lại và thực hiện lại.';

/** The linked member record of a member account, or a 404 naming the missing link. */
export async function loadOwnMember(db: DbOrTx, actor: Actor, lock = false) {
  const found = await findMemberById(db, ownMemberId(actor), lock);
  if (!found) throw fail.notFound('hồ sơ đoàn viên của tài khoản');
  return found;
}

/** The member's own profile: record unmasked, branch path, timeline, comments, account, photo and requests. */
export async function ownProfile(db: DbOrTx, actor: Actor): Promise<SelfProfile> {
  const found = await loadOwnMember(db, actor);
  const memberId = found.member.id;
  const [events, comments, unitPath, summary, requests] = await Promise.all([
    eventsOf(db, memberId),
    commentsOf(db, memberId),
    unitNamesOnPath(db, idsOnPath(found.unitPath)),
    selfServiceSummary(db, memberId),
    requestsOfMember(db, memberId),
  ]);
  return {
    ...toRecord(found.member, true),
    unitName: found.unitName,
    unitPath,
    events: events.map(({ event, unitName }) => ({
      id: String(event.id),
      kind: event.kind,
      onDate: event.onDate,
      unitName: unitName ?? null,
      before: event.before,
      after: event.after,
      note: event.note,
    })),
    comments: comments.map((c) => ({ year: c.year, content: c.content, updatedAt: c.updatedAt.toISOString() })),
    actions: [],
    ...summary,
    requests: requests.map(toChangeRequestDto),
  };
}

/** Applies the member's own correction of contact fields, with a history event and an audit row. */
export async function updateContact(db: Db, ctx: Ctx, body: z.output<typeof contactBody>): Promise<SelfProfile> {
  await db.transaction(async (tx) => {
    const found = await loadOwnMember(tx, ctx.actor, true);
    const before = found.member;
    assertActiveMember(before.status);
    if (before.version !== body.version) throw fail.conflict(STALE);
    const { version, ...requested } = body;
    const changes = changedValues(before, requested, CONTACT_FIELDS);
    const fields = Object.keys(changes);
    if (fields.length === 0) throw fail.invalid('version', 'Thông tin liên hệ không có gì thay đổi.');
    const [after] = await tx
      .update(members)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(and(eq(members.id, before.id), eq(members.version, version)))
      .returning();
    if (!after) throw fail.conflict(STALE);
    const previous = valuesOf(before, fields);
    await recordEvents(
      tx,
      after,
      [{ kind: 'contact_change', before: previous, after: changes, note: 'Đoàn viên tự cập nhật.' }],
      todayInVietnam(),
      ctx.actor.userId,
    );
    await audit(tx, ctx, {
      entity: 'member',
      entityId: before.id,
      action: 'update_contact',
      unitId: before.unitId,
      unitPath: found.unitPath,
      before: previous,
      after: changes,
    });
  });
  return ownProfile(db, ctx.actor);
}
