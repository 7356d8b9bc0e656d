import { randomUUID } from 'node:crypto';
import { eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { account, roleAssignments, units, user } from '../../db/schema/index.js';
import { hash } from '../../auth/passwords.js';
import { createAccountBody } from '../../contracts/accounts.js';
import { DomainError } from '../../domain/errors.js';
import { childPath } from '../../domain/org/unit-path.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit } from '../audit/audit.service.js';
import { startVersion } from '../org-units/org-units.history.js';

/** Creates a system administrator on the root unit, creating the root (Trung ương Đoàn) when the tree is empty. */
export async function createAdmin(db: Db, input: { username: string; password: string; name: string }) {
  const parsed = createAccountBody.pick({ username: true, password: true, name: true }).safeParse(input);
  if (!parsed.success) throw new DomainError('validation', parsed.error.issues.map((i) => i.message).join(' '));
  const { username, password, name } = parsed.data;
  const passwordHash = await hash(password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: user.id }).from(user).where(eq(user.username, username));
    if (taken) throw new DomainError('validation', `Tên đăng nhập "${username}" đã có người dùng.`);
    let [root] = await tx.select().from(units).where(isNull(units.parentId)).orderBy(units.createdAt).limit(1);
    if (!root) {
      const id = randomUUID();
      [root] = await tx
        .insert(units)
        .values({
          id,
          path: childPath(null, id),
          code: 'TW',
          name: 'Trung ương Đoàn TNCS Hồ Chí Minh',
          kind: 'centre',
          sector: 'other',
        })
        .returning();
      if (!root) throw new Error('root insert returned no row');
      await startVersion(tx, root.id, todayInVietnam());
    }
    const userId = randomUUID();
    await tx
      .insert(user)
      .values({ id: userId, name, email: `${username}@accounts.doanso.invalid`, username, displayUsername: username });
    await tx
      .insert(account)
      .values({ id: randomUUID(), accountId: userId, providerId: 'credential', userId, password: passwordHash });
    await tx.insert(roleAssignments).values({ userId, unitId: root.id, role: 'system_admin' });
    await audit(
      tx,
      { actor: null, requestId: null },
      {
        entity: 'account',
        entityId: userId,
        action: 'create_admin',
        unitId: root.id,
        unitPath: root.path,
        after: { username },
      },
    );
    return { username, unitName: root.name };
  });
}
