import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { memberAccounts, memberChangeRequests, memberPhotos, members, units, user } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import type { ChangeRequestStatus } from '../../domain/members/self-service.js';

export type ChangeRequestRow = typeof memberChangeRequests.$inferSelect;

/** A member by id with their branch's name and path; no scope (the caller has proven the right to it). */
export async function findMemberById(db: DbOrTx, memberId: string, lock = false) {
  const query = db
    .select({ member: members, unitName: units.name, unitPath: units.path, parentId: units.parentId })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(eq(members.id, memberId));
  const [row] = lock ? await query.for('update', { of: members }) : await query;
  return row ?? null;
}

/** The name of a unit (the branch's parent on the card). */
export async function unitName(db: DbOrTx, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return row?.name ?? null;
}

/** The member's own account, if one was created. */
export async function accountOfMember(db: DbOrTx, memberId: string) {
  const [row] = await db
    .select({
      id: user.id,
      username: user.username,
      email: user.email,
      disabled: user.disabled,
      createdAt: user.createdAt,
    })
    .from(memberAccounts)
    .innerJoin(user, eq(user.id, memberAccounts.userId))
    .where(eq(memberAccounts.memberId, memberId));
  return row ?? null;
}

/** True when the member has a photo. */
export async function hasPhoto(db: DbOrTx, memberId: string): Promise<boolean> {
  const [row] = await db
    .select({ memberId: memberPhotos.memberId })
    .from(memberPhotos)
    .where(eq(memberPhotos.memberId, memberId));
  return Boolean(row);
}

/** The member's photo with its bytes. */
export async function photoOf(db: DbOrTx, memberId: string) {
  const [row] = await db.select().from(memberPhotos).where(eq(memberPhotos.memberId, memberId));
  return row ?? null;
}

/** The photo's description without its bytes. */
export async function photoInfo(db: DbOrTx, memberId: string) {
  const [row] = await db
    .select({
      memberId: memberPhotos.memberId,
      contentType: memberPhotos.contentType,
      byteSize: memberPhotos.byteSize,
      updatedAt: memberPhotos.updatedAt,
    })
    .from(memberPhotos)
    .where(eq(memberPhotos.memberId, memberId));
  return row ?? null;
}

const requester = alias(user, 'requester');
const decider = alias(user, 'decider');

const requestColumns = {
  request: memberChangeRequests,
  member: members,
  unitName: units.name,
  unitPath: units.path,
  requestedByName: requester.name,
  decidedByName: decider.name,
};

function requestsQuery(db: DbOrTx) {
  return db
    .select(requestColumns)
    .from(memberChangeRequests)
    .innerJoin(members, eq(members.id, memberChangeRequests.memberId))
    .innerJoin(units, eq(units.id, memberChangeRequests.unitId))
    .leftJoin(requester, eq(requester.id, memberChangeRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, memberChangeRequests.decidedBy));
}

/** A change request with the member's record, the deciding branch and the people's names. */
export type ChangeRequestListRow = Awaited<ReturnType<typeof requestsOfMember>>[number];

/** Requests of branches inside `unitPath` and the scope, by status, newest first, after the request `afterId`. */
export async function listRequests(
  db: DbOrTx,
  scope: readonly string[],
  filter: { unitPath?: string; status: ChangeRequestStatus; limit: number; afterId?: string },
) {
  const after = filter.afterId
    ? sql`(${memberChangeRequests.requestedAt}, ${memberChangeRequests.id}) <
        (select r.requested_at, r.id from member_change_requests r where r.id = ${filter.afterId}::uuid)`
    : undefined;
  return requestsQuery(db)
    .where(
      and(
        withinScope(units.path, scope),
        filter.unitPath ? sql`${units.path} <@ ${filter.unitPath}::ltree` : undefined,
        eq(memberChangeRequests.status, filter.status),
        after,
      ),
    )
    .orderBy(desc(memberChangeRequests.requestedAt), desc(memberChangeRequests.id))
    .limit(filter.limit + 1);
}

/** A member's own requests, newest first. */
export async function requestsOfMember(db: DbOrTx, memberId: string, limit = 20) {
  return requestsQuery(db)
    .where(eq(memberChangeRequests.memberId, memberId))
    .orderBy(desc(memberChangeRequests.requestedAt), desc(memberChangeRequests.id))
    .limit(limit);
}

/** One request with its names, whose deciding branch lies in the scope. */
export async function findRequestInScope(db: DbOrTx, scope: readonly string[], requestId: string) {
  const [row] = await requestsQuery(db).where(
    and(eq(memberChangeRequests.id, requestId), withinScope(units.path, scope)),
  );
  return row ?? null;
}

/** One request of a member, with its names. */
export async function findRequestOfMember(db: DbOrTx, memberId: string, requestId: string) {
  const [row] = await requestsQuery(db).where(
    and(eq(memberChangeRequests.id, requestId), eq(memberChangeRequests.memberId, memberId)),
  );
  return row ?? null;
}

/** The member's pending request, if any. */
export async function pendingRequestOf(db: DbOrTx, memberId: string) {
  const [row] = await db
    .select({ id: memberChangeRequests.id })
    .from(memberChangeRequests)
    .where(and(eq(memberChangeRequests.memberId, memberId), eq(memberChangeRequests.status, 'pending')));
  return row ?? null;
}

/** Moves a pending request at `version` to its decided status; null when someone else got there first. */
export async function decideRequest(
  tx: DbOrTx,
  requestId: string,
  version: number,
  values: { status: ChangeRequestStatus; decidedBy: string; decisionNote: string | null },
): Promise<ChangeRequestRow | null> {
  const [row] = await tx
    .update(memberChangeRequests)
    .set({ ...values, decidedAt: new Date(), version: version + 1 })
    .where(
      and(
        eq(memberChangeRequests.id, requestId),
        eq(memberChangeRequests.version, version),
        eq(memberChangeRequests.status, 'pending'),
      ),
    )
    .returning();
  return row ?? null;
}
