import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditLog, user } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { AccountDto } from '../../contracts/accounts.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const accountCount = async () => (await t.database.db.select({ n: count() }).from(user))[0]?.n ?? 0;

describe('accounts and roles', () => {
  it('creates an account with a role on a unit; the new account logs in and sees that subtree', async () => {
    const cookie = await t.as('tinhdoan');
    const res = await t.call('POST', '/api/accounts', cookie, {
      username: 'BiThu.KP2',
      name: 'Phạm Thị Thảo',
      password: 'Matkhau@2026',
      role: 'cadre',
      unitId: await t.unitId('KP2'),
    });
    expect(res.statusCode).toBe(200);
    const created = res.json<AccountDto>();
    expect(created).toMatchObject({
      username: 'bithu.kp2',
      email: null,
      roles: [{ role: 'cadre', unitName: 'Chi đoàn khối phố Minh An', revokedAt: null }],
    });
    const login = await t.login('bithu.kp2', 'Matkhau@2026');
    const me = (await t.call('GET', '/api/auth/me', login)).json();
    expect(me.scopeRoots.map((r: { name: string }) => r.name)).toEqual(['Chi đoàn khối phố Minh An']);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('rejects a taken username, a weak password and a role above the actor, writing nothing', async () => {
    const cookie = await t.as('tinhdoan');
    const before = await accountCount();
    const unitId = await t.unitId('KP2');
    const taken = await t.call('POST', '/api/accounts', cookie, {
      username: 'xadoan',
      name: 'Trùng',
      password: 'Matkhau@2026',
      role: 'viewer',
      unitId,
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.details[0]).toEqual({
      field: 'username',
      message: 'Tên đăng nhập "xadoan" đã có người dùng.',
    });
    const weak = await t.call('POST', '/api/accounts', cookie, {
      username: 'moi.tk',
      name: 'Mới',
      password: '123',
      role: 'viewer',
      unitId,
    });
    expect(weak.statusCode).toBe(400);
    const above = await t.call('POST', '/api/accounts', cookie, {
      username: 'moi.tk',
      name: 'Mới',
      password: 'Matkhau@2026',
      role: 'system_admin',
      unitId,
    });
    expect(above.statusCode).toBe(403);
    const cadre = await t.call('POST', '/api/accounts', await t.as('xadoan'), {
      username: 'moi.tk',
      name: 'Mới',
      password: 'Matkhau@2026',
      role: 'viewer',
      unitId: await t.unitId('TDP2'),
    });
    expect(cadre.statusCode).toBe(403);
    expect(await accountCount()).toBe(before);
  });

  it('lists only accounts holding roles in the scope, and only the roles inside it', async () => {
    const list = (await t.call('GET', '/api/accounts?limit=200', await t.as('tinhdoan'))).json<{
      items: AccountDto[];
    }>();
    const names = list.items.map((a) => a.username);
    expect(names).toEqual(expect.arrayContaining(['tinhdoan', 'xadoan', 'bithu']));
    expect(names).not.toContain('admin');
    const searched = (await t.call('GET', '/api/accounts?q=le%20van', await t.as('tinhdoan'))).json<{
      items: AccountDto[];
    }>();
    expect(searched.items.map((a) => a.username)).toEqual(['xadoan']);
  });

  it('pages accounts by username', async () => {
    const admin = await t.as('admin');
    const first = (await t.call('GET', '/api/accounts?limit=2', admin)).json<{ items: AccountDto[]; next: string }>();
    expect(first.items).toHaveLength(2);
    const second = (await t.call('GET', `/api/accounts?limit=2&cursor=${first.next}`, admin)).json<{
      items: AccountDto[];
    }>();
    expect(second.items[0]!.username > first.items[1]!.username).toBe(true);
  });

  it('grants and revokes roles, keeping revoked ones as history', async () => {
    const cookie = await t.as('tinhdoan');
    const { userId } = await t.accountWithRole('viewer', 'HAN');
    const granted = await t.call('POST', `/api/accounts/${userId}/roles`, cookie, {
      role: 'cadre',
      unitId: await t.unitId('KP3'),
    });
    expect(granted.statusCode).toBe(200);
    const grant = granted.json<AccountDto>().roles.find((r) => r.role === 'cadre')!;
    const again = await t.call('POST', `/api/accounts/${userId}/roles`, cookie, {
      role: 'cadre',
      unitId: await t.unitId('KP3'),
    });
    expect(again.statusCode).toBe(400);
    const revoked = await t.call('DELETE', `/api/accounts/${userId}/roles/${grant.id}`, cookie);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<AccountDto>().roles.find((r) => r.id === grant.id)?.revokedAt).not.toBeNull();
  });

  it('disables an account (ending its sessions) and resets a password', async () => {
    const cookie = await t.as('tinhdoan');
    const other = await t.accountWithRole('viewer', 'HAN');
    const disabled = await t.call('PATCH', `/api/accounts/${other.userId}`, cookie, { disabled: true });
    expect(disabled.json<AccountDto>().disabled).toBe(true);
    expect((await t.call('GET', '/api/auth/me', other.cookie)).statusCode).toBe(401);
    await t.call('PATCH', `/api/accounts/${other.userId}`, cookie, { disabled: false });
    expect(
      (await t.call('POST', `/api/accounts/${other.userId}/password`, cookie, { password: 'DatLai@2026' })).statusCode,
    ).toBe(200);
    expect(await t.login(other.username, 'DatLai@2026')).toBeTruthy();
  });

  it('does not let a commune admin change an account that also holds a role outside the commune', async () => {
    const communeAdmin = await t.accountWithRole('unit_admin', 'HCH');
    const xadoan = (await t.call('GET', '/api/accounts?q=xadoan', await t.as('admin'))).json<{ items: AccountDto[] }>()
      .items[0]!;
    await t.call('POST', `/api/accounts/${xadoan.id}/roles`, await t.as('admin'), {
      role: 'viewer',
      unitId: await t.unitId('HAN'),
    });
    const res = await t.call('PATCH', `/api/accounts/${xadoan.id}`, communeAdmin.cookie, { disabled: true });
    expect(res.statusCode).toBe(403);
  });
});
