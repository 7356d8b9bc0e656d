import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { comingOfAgeExceptions } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type {
  ComingOfAgeExceptionDto,
  createExceptionBody,
  exceptionListQuery,
} from '../../contracts/coming-of-age.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { assertExceptionInput } from '../../domain/workflows/coming-of-age.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { assertMayDecide, lockMember } from '../member-exits/member-exits.service.js';
import { grassrootsAt } from '../member-exits/member-exits.queries.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { ruleOn } from '../rules/rules.queries.js';
import * as q from './coming-of-age.queries.js';
import { toExceptionDto } from './coming-of-age.presenter.js';

type Ctx = RequestContext & { actor: Actor };

/** The đoàn cơ sở that decides for a member of the branch at `branchPath` (the branch's parent when none). */
async function decidingUnit(
  db: Parameters<typeof grassrootsAt>[0],
  branch: { id: string; path: string; name: string },
) {
  const { grassroots } = await grassrootsAt(db, branch.path);
  return grassroots ?? branch;
}

/** The exceptions recorded for the members of a unit's subtree, newest first. */
export async function listExceptions(
  db: Db,
  actor: Actor,
  query: z.output<typeof exceptionListQuery>,
): Promise<ComingOfAgeExceptionDto[]> {
  const unit = await loadForAction(db, actor, query.unitId, 'member.read');
  const rows = await q.exceptionsInUnit(db, scopeOf(actor, 'member.read'), unit.path, query.includeRevoked ?? false);
  const today = todayInVietnam();
  return rows.map((r) => toExceptionDto(r.exception, r, today));
}

/**
 * Records that a member stays past the age limit: committee member, full-time union worker, or an extension
 * decided by the đoàn cơ sở up to the day the member turns `extensionMaxAge`. One valid exception at a time.
 */
export async function createException(
  db: Db,
  ctx: Ctx,
  body: z.output<typeof createExceptionBody>,
): Promise<ComingOfAgeExceptionDto> {
  return db.transaction(async (tx) => {
    const found = await lockMember(tx, ctx.actor, body.memberId);
    const decider = await decidingUnit(tx, { id: found.member.unitId, path: found.unitPath, name: found.unitName });
    assertMayDecide(ctx.actor, decider);
    const today = todayInVietnam();
    const [existing, ageRule] = await Promise.all([
      q.openExceptionsOf(tx, [body.memberId]),
      ruleOn(tx, 'membershipAge', today),
    ]);
    const validUntil = body.validUntil ?? null;
    assertExceptionInput({
      member: found.member,
      reason: body.reason,
      validUntil,
      extensionMaxAge: ageRule.extensionMaxAge,
      today,
      existing,
    });
    const [row] = await tx
      .insert(comingOfAgeExceptions)
      .values({
        memberId: body.memberId,
        reason: body.reason,
        validUntil,
        note: body.note ?? null,
        decidedByUnitId: decider.id,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await audit(tx, ctx, {
      entity: 'coming_of_age_exception',
      entityId: row!.id,
      action: 'create',
      unitId: found.member.unitId,
      unitPath: found.unitPath,
      after: row,
    });
    return toExceptionDto(
      row!,
      { memberName: found.member.fullName, unitName: found.unitName, deciderName: decider.name },
      today,
    );
  });
}

/** Revokes an exception (the row stays, with the revocation time); a second revocation is a conflict. */
export async function revokeException(db: Db, ctx: Ctx, exceptionId: string): Promise<ComingOfAgeExceptionDto> {
  return db.transaction(async (tx) => {
    const found = await q.exceptionInScope(tx, scopeOf(ctx.actor, 'member.read'), exceptionId);
    if (!found) throw fail.notFound('trường hợp giữ lại sinh hoạt');
    const decider = await decidingUnit(tx, { id: found.member.unitId, path: found.unitPath, name: found.unitName });
    assertMayDecide(ctx.actor, decider);
    const [row] = await tx
      .update(comingOfAgeExceptions)
      .set({ revokedAt: new Date() })
      .where(and(eq(comingOfAgeExceptions.id, exceptionId), isNull(comingOfAgeExceptions.revokedAt)))
      .returning();
    if (!row) throw fail.conflict('Trường hợp này đã được thu hồi trước đó. Vui lòng tải lại.');
    await audit(tx, ctx, {
      entity: 'coming_of_age_exception',
      entityId: exceptionId,
      action: 'revoke',
      unitId: found.member.unitId,
      unitPath: found.unitPath,
      before: found.exception,
      after: row,
    });
    return toExceptionDto(
      row,
      { memberName: found.member.fullName, unitName: found.unitName, deciderName: decider.name },
      todayInVietnam(),
    );
  });
}
