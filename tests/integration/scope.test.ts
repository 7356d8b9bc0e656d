import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { auditLog } from '../../src/db/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import type { UnitDetail } from '../../src/contracts/units.js';

let t: TestApp;
let outsider: string;
let viewer: string;
let ids: Record<string, string>;
let xadoanId: string;
let xadoanGrant: string;
let versionOf: (code: string) => Promise<number>;
let memberId: string;
let memberVersion: number;

beforeAll(async () => {
  t = await startTestApp();
  outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
  viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
  ids = {};
  for (const code of ['HCH', 'TDP1', 'TDP2', 'LDG', 'DNG', 'HAN']) ids[code] = await t.unitId(code);
  const admin = await t.as('admin');
  const xadoan = (await t.call('GET', '/api/accounts?q=xadoan', admin)).json<{
    items: { id: string; roles: { id: string }[] }[];
  }>().items[0]!;
  xadoanId = xadoan.id;
  xadoanGrant = xadoan.roles[0]!.id;
  const page = (await t.call('GET', `/api/members?unitId=${ids.TDP1}&limit=1`, admin)).json<{
    items: { id: string; version: number }[];
  }>();
  memberId = page.items[0]!.id;
  memberVersion = (await t.call('GET', `/api/members/${memberId}`, admin)).json<{ version: number }>().version;
  versionOf = async (code) => (await t.call('GET', `/api/units/${ids[code]}`, admin)).json<UnitDetail>().version;
});
afterAll(async () => {
  await t.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Case {
  name: string;
  method: Method;
  url: () => string;
  body?: () => Promise<unknown> | unknown;
  write: boolean;
}

const unitCode = { name: 'Chi đoàn thử', code: 'THU1', kind: 'branch', sector: 'residential' };
const cases: Case[] = [
  { name: 'unit detail', method: 'GET', url: () => `/api/units/${ids.TDP1}`, write: false },
  { name: 'sub-units', method: 'GET', url: () => `/api/units/${ids.HCH}/children`, write: false },
  { name: 'unit history', method: 'GET', url: () => `/api/units/${ids.TDP1}/history`, write: false },
  {
    name: 'tree as of a date',
    method: 'GET',
    url: () => `/api/units/tree-as-of?date=2026-01-01&rootId=${ids.HCH}`,
    write: false,
  },
  { name: 'accounts of a unit', method: 'GET', url: () => `/api/accounts?unitId=${ids.HCH}`, write: false },
  { name: 'account detail', method: 'GET', url: () => `/api/accounts/${xadoanId}`, write: false },
  { name: 'audit of a unit', method: 'GET', url: () => `/api/audit?unitId=${ids.HCH}`, write: false },
  {
    name: 'create unit',
    method: 'POST',
    url: () => '/api/units',
    body: () => ({ ...unitCode, parentId: ids.HCH }),
    write: true,
  },
  {
    name: 'edit unit',
    method: 'PATCH',
    url: () => `/api/units/${ids.TDP1}`,
    body: async () => ({ version: await versionOf('TDP1'), address: 'x' }),
    write: true,
  },
  {
    name: 'move unit',
    method: 'POST',
    url: () => `/api/units/${ids.TDP1}/move`,
    body: async () => ({ newParentId: ids.HCH, version: await versionOf('TDP1') }),
    write: true,
  },
  {
    name: 'merge units',
    method: 'POST',
    url: () => '/api/units/merge',
    body: () => ({ sourceIds: [ids.TDP2], targetId: ids.TDP1 }),
    write: true,
  },
  {
    name: 'split unit',
    method: 'POST',
    url: () => `/api/units/${ids.TDP1}/split`,
    body: async () => ({
      version: await versionOf('TDP1'),
      parts: [
        { name: 'A', code: 'A' },
        { name: 'B', code: 'B' },
      ],
    }),
    write: true,
  },
  {
    name: 'close unit',
    method: 'POST',
    url: () => `/api/units/${ids.TDP1}/close`,
    body: async () => ({ closedOn: '2026-11-01', reason: 'x', version: await versionOf('TDP1') }),
    write: true,
  },
  {
    name: 'create account',
    method: 'POST',
    url: () => '/api/accounts',
    body: () => ({ username: 'khong.duoc', name: 'Không', password: 'Matkhau@2026', role: 'viewer', unitId: ids.HCH }),
    write: true,
  },
  {
    name: 'edit account',
    method: 'PATCH',
    url: () => `/api/accounts/${xadoanId}`,
    body: () => ({ disabled: true }),
    write: true,
  },
  {
    name: 'reset password',
    method: 'POST',
    url: () => `/api/accounts/${xadoanId}/password`,
    body: () => ({ password: 'Matkhau@2026' }),
    write: true,
  },
  {
    name: 'grant role',
    method: 'POST',
    url: () => `/api/accounts/${xadoanId}/roles`,
    body: () => ({ role: 'viewer', unitId: ids.TDP1 }),
    write: true,
  },
  { name: 'revoke role', method: 'DELETE', url: () => `/api/accounts/${xadoanId}/roles/${xadoanGrant}`, write: true },
  { name: 'member list', method: 'GET', url: () => `/api/members?unitId=${ids.HCH}`, write: false },
  { name: 'member record', method: 'GET', url: () => `/api/members/${memberId}`, write: false },
  { name: 'member duplicates', method: 'GET', url: () => `/api/members/duplicates?unitId=${ids.HCH}`, write: false },
  {
    name: 'merge members',
    method: 'POST',
    url: () => '/api/members/merge',
    body: () => ({ keepId: memberId, mergeId: memberId }),
    write: true,
  },
  {
    name: 'create member',
    method: 'POST',
    url: () => '/api/members',
    body: () => ({ unitId: ids.TDP1, fullName: 'Người Ngoài Cuộc', gender: 'male' }),
    write: true,
  },
  {
    name: 'edit member',
    method: 'PATCH',
    url: () => `/api/members/${memberId}`,
    body: () => ({ version: memberVersion, position: 'x' }),
    write: true,
  },
  {
    name: 'member comment',
    method: 'PUT',
    url: () => `/api/members/${memberId}/comments/2025`,
    body: () => ({ content: 'x' }),
    write: true,
  },
];

const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;

describe('an actor outside the subtree gets nothing', () => {
  for (const c of cases) {
    it(`${c.method} ${c.name}`, async () => {
      const before = await audits();
      const res = await t.call(c.method, c.url(), outsider, c.body ? await c.body() : undefined);
      expect([403, 404]).toContain(res.statusCode);
      expect(Object.keys(res.json())).toEqual(['error']);
      expect(res.body).not.toContain('Hải Châu');
      expect(await audits()).toBe(before);
    });
  }

  it('search, account and audit lists leave out what lies outside', async () => {
    const search = (await t.call('GET', '/api/units/search?q=hai%20chau', outsider)).json<unknown[]>();
    expect(search).toEqual([]);
    const accounts = (await t.call('GET', '/api/accounts?limit=200', outsider)).json<{
      items: { username: string }[];
    }>();
    expect(accounts.items.map((a) => a.username)).not.toContain('xadoan');
    const audit = (await t.call('GET', '/api/audit?limit=200', outsider)).json<{
      items: { unitId: string | null }[];
    }>();
    expect(audit.items.every((e) => e.unitId !== ids.HCH && e.unitId !== ids.TDP1)).toBe(true);
    const asOf = (await t.call('GET', '/api/units/tree-as-of?date=2026-01-01', outsider)).json<{ id: string }[]>();
    expect(asOf.map((n) => n.id)).not.toContain(ids.HCH);
  });
});

describe('a viewer reads but cannot write', () => {
  for (const c of cases) {
    it(`${c.method} ${c.name}`, async () => {
      const before = await audits();
      const res = await t.call(c.method, c.url(), viewer, c.body ? await c.body() : undefined);
      if (c.write) {
        expect([403, 404]).toContain(res.statusCode);
        expect(await audits()).toBe(before);
      } else if (c.url().includes('/api/accounts') || c.url().includes('/api/audit')) {
        expect(res.statusCode).toBe(403);
      } else {
        expect(res.statusCode).toBe(200);
      }
    });
  }
});

describe('without a session everything is 401', () => {
  for (const c of [
    ...cases,
    { name: 'me', method: 'GET' as const, url: () => '/api/auth/me', write: false },
    { name: 'unit kinds', method: 'GET' as const, url: () => '/api/unit-kinds', write: false },
  ]) {
    it(`${c.method} ${c.name}`, async () => {
      const res = await t.call(c.method, c.url(), undefined, 'body' in c && c.body ? await c.body() : undefined);
      expect(res.statusCode).toBe(401);
    });
  }
});

describe('system-wide settings', () => {
  it('lets only a system administrator add a unit kind', async () => {
    const body = { code: 'doan_khoi', nameVi: 'Đoàn khối', nameEn: 'Sector union', rank: 20 };
    expect((await t.call('POST', '/api/unit-kinds', await t.as('tinhdoan'), body)).statusCode).toBe(403);
    const res = await t.call('POST', '/api/unit-kinds', await t.as('admin'), body);
    expect(res.statusCode).toBe(200);
    expect((await t.call('POST', '/api/unit-kinds', await t.as('admin'), body)).statusCode).toBe(400);
    const kinds = (await t.call('GET', '/api/unit-kinds', await t.as('xadoan'))).json<{ code: string }[]>();
    expect(kinds.map((k) => k.code)).toContain('doan_khoi');
  });

  it('lets only a system administrator create a root unit', async () => {
    const body = { parentId: null, name: 'Gốc mới', code: 'ROOT2', kind: 'centre', sector: 'other' };
    expect((await t.call('POST', '/api/units', await t.as('tinhdoan'), body)).statusCode).toBe(403);
  });
});
