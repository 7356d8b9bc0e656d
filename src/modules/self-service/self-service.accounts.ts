import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { account, memberAccounts, roleAssignments, user } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { hash } from '../../auth/passwords.js';
import type { MemberAccountSummary } from '../../contracts/members.js';
import type { createMemberAccountBody } from '../../contracts/self-service.js';
import { fail } from '../../domain/errors.js';
import { ACTIVE_STATUSES, type MemberStatus } from '../../domain/members/reference-lists.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { memberForWrite } from './self-service.policy.js';
import { toAccountSummary } from './self-service.presenter.js';
import { accountOfMember } from './self-service.queries.js';

type Ctx = RequestContext & { actor: Actor };

/**
 * Creates the member's own account: username and first password, the role "member" on the member's branch,
 * and the link to the record. Cadres with member.write on the branch may do it.
 */
export async function createMemberAccount(
  db: Db,
  ctx: Ctx,
  memberId: string,
  body: z.output<typeof createMemberAccountBody>,
): Promise<MemberAccountSummary> {
  const passwordHash = await hash(body.password);
  await db.transaction(async (tx) => {
    const found = await memberForWrite(tx, ctx.actor, memberId, true);
    const member = found.member;
    if (!ACTIVE_STATUSES.includes(member.status as MemberStatus))
      throw fail.rule('Chỉ tạo tài khoản cho đoàn viên đang sinh hoạt Đoàn.');
    const existing = await accountOfMember(tx, memberId);
    if (existing) throw fail.conflict(`Đoàn viên này đã có tài khoản "${existing.username ?? existing.email}".`);
    const [taken] = await tx.select({ id: user.id }).from(user).where(eq(user.username, body.username));
    if (taken) throw fail.invalid('username', `Tên đăng nhập "${body.username}" đã có người dùng.`);
    const userId = randomUUID();
    await tx.insert(user).values({
      id: userId,
      name: member.fullName,
      email: `${body.username}@accounts.doanso.invalid`,
      username: body.username,
      displayUsername: body.username,
    });
    await tx
      .insert(account)
      .values({ id: randomUUID(), accountId: userId, providerId: 'credential', userId, password: passwordHash });
    await tx
      .insert(roleAssignments)
      .values({ userId, unitId: member.unitId, role: 'member', grantedBy: ctx.actor.userId });
    await tx.insert(memberAccounts).values({ userId, memberId, createdBy: ctx.actor.userId });
    await audit(tx, ctx, {
      entity: 'account',
      entityId: userId,
      action: 'create',
      unitId: member.unitId,
      unitPath: found.unitPath,
      after: { username: body.username, name: member.fullName, role: 'member', unitId: member.unitId, memberId },
    });
  });
  const summary = toAccountSummary(await accountOfMember(db, memberId));
  if (!summary) throw new Error('member account missing after insert');
  return summary;
}
