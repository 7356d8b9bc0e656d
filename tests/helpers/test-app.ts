import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createAuth } from '../../src/auth/auth.js';
import { hash } from '../../src/auth/passwords.js';
import type { Database } from '../../src/db/client.js';
import { account, roleAssignments, units, user } from '../../src/db/schema/index.js';
import type { Role } from '../../src/domain/auth/permissions.js';
import { createApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { openTestDb } from './test-db.js';

/** A running app on a private database copy, with helpers to log in and call the API. */
export interface TestApp {
  app: App;
  database: Database;
  /** Logs in and returns the session cookie. */
  login(username: string, password: string): Promise<string>;
  /** Logs in as a demo account (admin, tinhdoan, xadoan, bithu). */
  as(username: 'admin' | 'tinhdoan' | 'xadoan' | 'bithu'): Promise<string>;
  /** Calls the API with an optional session cookie. */
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    cookie?: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** The id of a unit by its code (codes are unique in the demo). */
  unitId(code: string): Promise<string>;
  /** Creates an account with one role on a unit; returns its session cookie. */
  accountWithRole(role: Role, unitCode: string): Promise<{ cookie: string; userId: string; username: string }>;
  close(): Promise<void>;
}

const DEMO_PASSWORDS = {
  admin: 'Admin@2025',
  tinhdoan: 'Tinhdoan@2025',
  xadoan: 'Xadoan@2025',
  bithu: 'Bithu@2025',
} as const;

/** Starts the app for one test file. */
export async function startTestApp(): Promise<TestApp> {
  const database = await openTestDb();
  const auth = createAuth(database.db, {
    secret: 'test-secret-test-secret-test-secret-1234',
    baseURL: 'http://localhost:3000',
  });
  const app = await createApp({ database, auth, logLevel: 'silent', webDist: '/nonexistent' });
  await app.ready();
  const cookies = new Map<string, string>();

  const call: TestApp['call'] = (method, url, cookie, payload) =>
    app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  async function login(username: string, password: string): Promise<string> {
    const res = await call('POST', '/api/auth/login', undefined, { username, password });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const setCookie = res.headers['set-cookie'];
    const list = Array.isArray(setCookie) ? setCookie : [setCookie ?? ''];
    return list.map((c) => c.split(';')[0]).join('; ');
  }

  async function unitId(code: string): Promise<string> {
    const found = await database.db.select({ id: units.id }).from(units).where(eq(units.code, code));
    const row = found[0];
    if (!row || found.length > 1) throw new Error(`expected one unit with code ${code}, found ${found.length}`);
    return row.id;
  }

  return {
    app,
    database,
    login,
    call,
    unitId,
    async as(username) {
      const cached = cookies.get(username);
      if (cached) return cached;
      const cookie = await login(username, DEMO_PASSWORDS[username]);
      cookies.set(username, cookie);
      return cookie;
    },
    async accountWithRole(role, unitCode) {
      const userId = randomUUID();
      const username = `t${userId.slice(0, 8)}`;
      await database.db
        .insert(user)
        .values({ id: userId, name: `Thử ${role}`, email: `${username}@test.invalid`, username });
      await database.db.insert(account).values({
        id: randomUUID(),
        accountId: userId,
        providerId: 'credential',
        userId,
        password: await hash('Matkhau@123'),
      });
      await database.db.insert(roleAssignments).values({ userId, unitId: await unitId(unitCode), role });
      return { cookie: await login(username, 'Matkhau@123'), userId, username };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
