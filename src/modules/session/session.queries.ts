import { and, desc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginAttempts, user } from '../../db/schema/index.js';
import { LOCKOUT } from '../../domain/auth/lockout.js';

/** Failed attempts for a username since its last success, inside the lockout window. */
export async function recentFailures(db: DbOrTx, username: string, now: Date): Promise<Date[]> {
  const since = new Date(now.getTime() - LOCKOUT.windowMinutes * 60_000);
  const rows = await db
    .select({ at: loginAttempts.at, succeeded: loginAttempts.succeeded })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(50);
  const failures: Date[] = [];
  for (const row of rows) {
    if (row.succeeded) break;
    failures.push(row.at);
  }
  return failures;
}

/** Records one login attempt. */
export async function recordAttempt(
  db: DbOrTx,
  username: string,
  ip: string | null,
  succeeded: boolean,
): Promise<void> {
  await db.insert(loginAttempts).values({ username, ip, succeeded });
}

/** The account with this username, if any. */
export async function findAccountByUsername(db: DbOrTx, username: string) {
  const [row] = await db.select().from(user).where(eq(user.username, username));
  return row ?? null;
}
