import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { user } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('login and session', () => {
  it('logs in with an HTTP-only cookie, tells who is signed in, and logs out', async () => {
    const res = await t.call('POST', '/api/auth/login', undefined, { username: 'XaDoan', password: 'Xadoan@2025' });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(res.json()).toMatchObject({ username: 'xadoan', scopeRoots: [{ name: 'Đoàn phường Hải Châu' }] });
    const cookie = setCookie.split(';')[0]!;
    expect((await t.call('GET', '/api/auth/me', cookie)).statusCode).toBe(200);
    expect((await t.call('POST', '/api/auth/logout', cookie)).statusCode).toBe(200);
    const after = await t.call('GET', '/api/auth/me', cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toBe('Bạn cần đăng nhập để tiếp tục.');
  });

  it('answers a wrong password in Vietnamese and locks the username after five failures', async () => {
    const wrong = await t.call('POST', '/api/auth/login', undefined, { username: 'bithu', password: 'sai-mat-khau' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    for (let i = 0; i < 3; i++)
      await t.call('POST', '/api/auth/login', undefined, { username: 'bithu', password: 'sai-mat-khau' });
    const fifth = await t.call('POST', '/api/auth/login', undefined, { username: 'bithu', password: 'sai-mat-khau' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message).toMatch(/tạm thời bị khóa.*15 phút/);
    const right = await t.call('POST', '/api/auth/login', undefined, { username: 'bithu', password: 'Bithu@2025' });
    expect(right.statusCode).toBe(423);
  });

  it('validates the login form', async () => {
    const res = await t.call('POST', '/api/auth/login', undefined, { username: '', password: '' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['password', 'username']);
  });

  it('refuses a disabled account', async () => {
    const { username, userId } = await t.accountWithRole('viewer', 'HAN');
    await t.database.db.update(user).set({ disabled: true }).where(eq(user.id, userId));
    const res = await t.call('POST', '/api/auth/login', undefined, { username, password: 'Matkhau@123' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/vô hiệu hóa/);
  });

  it('changes the password only with the current one', async () => {
    const { cookie, username } = await t.accountWithRole('viewer', 'HAN');
    const bad = await t.call('POST', '/api/auth/password', cookie, {
      currentPassword: 'khong-dung',
      newPassword: 'MatKhauMoi@1',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('currentPassword');
    const short = await t.call('POST', '/api/auth/password', cookie, {
      currentPassword: 'Matkhau@123',
      newPassword: 'ngan',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/ít nhất 8 ký tự/);
    const ok = await t.call('POST', '/api/auth/password', cookie, {
      currentPassword: 'Matkhau@123',
      newPassword: 'MatKhauMoi@1',
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await t.call('POST', '/api/auth/login', undefined, { username, password: 'MatKhauMoi@1' })).statusCode,
    ).toBe(200);
  });
});

describe('server basics', () => {
  it('reports health and the database kind', async () => {
    const res = await t.call('GET', '/api/health');
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
  });

  it('publishes the OpenAPI document and sets security headers', async () => {
    const res = await t.call('GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining(['/api/units/{id}', '/api/accounts', '/api/audit']),
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBeTruthy();
    expect((await t.call('GET', '/api/docs')).statusCode).toBeLessThan(400);
  });

  it('answers unknown API paths and malformed ids in the error format', async () => {
    const missing = await t.call('GET', '/api/khong-co');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const malformed = await t.call('GET', '/api/units/abc', await t.as('admin'));
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].field).toBe('id');
    const unknown = await t.call('GET', '/api/units/00000000-0000-4000-8000-000000000000', await t.as('admin'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Không tìm thấy đơn vị.');
  });
});
