import { randomBytes } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { username } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { account, appSettings, session, user, verification } from '../db/schema/index.js';

/** better-auth configured for our tables: username + password, sessions in HTTP-only cookies. */
export function createAuth(db: Db, options: { secret: string; baseURL: string }) {
  return betterAuth({
    appName: 'Đoàn Số',
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: '/api/auth/core',
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    plugins: [username({ minUsernameLength: 3, maxUsernameLength: 30 })],
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { level: 'error' },
    advanced: { cookiePrefix: 'doanso', useSecureCookies: options.baseURL.startsWith('https://') },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The session-signing secret: from the environment, else kept in the database (shared by instances). */
export async function resolveAuthSecret(db: Db, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'auth_secret'));
  if (row) return row.value;
  const value = randomBytes(32).toString('hex');
  await db.insert(appSettings).values({ key: 'auth_secret', value }).onConflictDoNothing();
  const [stored] = await db.select().from(appSettings).where(eq(appSettings.key, 'auth_secret'));
  return stored?.value ?? value;
}
