import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/rows.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { MemberCount, MemberListItem, MemberPage } from '../../contracts/members.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const cookie = await t.as('xadoan');
  for (const [fullName, gender] of [
    ['Trần Văn Chưa Rõ', 'male'],
    ['Lê Thị Không Ngày', 'female'],
  ] as const) {
    const res = await t.call('POST', '/api/members', cookie, { unitId: await t.unitId('TDP2'), fullName, gender });
    expect(res.statusCode).toBe(200);
  }
});
afterAll(async () => {
  await t.close();
});

/** Every item of a list, following the cursors page by page. */
async function allPages(cookie: string, query: string, limit: number): Promise<MemberListItem[]> {
  const items: MemberListItem[] = [];
  let cursor = '';
  for (let guard = 0; guard < 500; guard++) {
    const res = await t.call('GET', `/api/members?${query}&limit=${limit}${cursor}`, cookie);
    expect(res.statusCode).toBe(200);
    const page = res.json<MemberPage>();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (!page.next) return items;
    cursor = `&cursor=${page.next}`;
  }
  throw new Error('too many pages');
}

const countOf = async (cookie: string, query: string) => {
  const res = await t.call('GET', `/api/members/count?${query}`, cookie);
  expect(res.statusCode).toBe(200);
  return res.json<MemberCount>().total;
};

const ACTIVE = sql`m.status in ('active','working_away','temporary_elsewhere','in_transit')`;

/** Ids of the members of a subtree matching `where` (active ones unless `status` says), in name order, from SQL. */
async function expectedByName(unitCode: string, where = sql`true`, status = ACTIVE): Promise<string[]> {
  const found = await rows<{ id: string }>(
    t.database.db,
    sql`select m.id from members m join units u on u.id = m.unit_id
        where u.path <@ (select path from units where code = ${unitCode}) and ${status} and ${where}
        order by m.sort_key, m.id`,
  );
  return found.map((r) => r.id);
}

describe('member counts', () => {
  it('give the same total as the list, from the per-unit counts or by counting', async () => {
    const admin = await t.as('admin');
    for (const code of ['TW', 'DNG', 'HCH', 'TDP2']) {
      const unitId = await t.unitId(code);
      for (const filter of ['', '&status=working_away', '&status=active,working_away', '&gender=female', '&q=nguyen']) {
        const query = `unitId=${unitId}${filter}`;
        const listed = await allPages(admin, query, 200);
        expect(await countOf(admin, query), `${code} ${filter}`).toBe(listed.length);
      }
    }
  });

  it('follow member changes at once', async () => {
    const cookie = await t.as('xadoan');
    const query = `unitId=${await t.unitId('DNG')}`;
    const tinhdoan = await t.as('tinhdoan');
    const before = await countOf(tinhdoan, query);
    const created = await t.call('POST', '/api/members', cookie, {
      unitId: await t.unitId('TDP3'),
      fullName: 'Phạm Văn Mới',
      gender: 'male',
    });
    expect(await countOf(tinhdoan, query)).toBe(before + 1);
    const { id, version } = created.json<{ id: string; version: number }>();
    await t.call('PATCH', `/api/members/${id}`, cookie, { version, status: 'matured' });
    expect(await countOf(tinhdoan, query)).toBe(before);
  });

  it('are refused outside the scope like the list', async () => {
    const outsider = await t.accountWithRole('cadre', 'TDP1');
    const res = await t.call('GET', `/api/members/count?unitId=${await t.unitId('TDP2')}`, outsider.cookie);
    expect(res.statusCode).toBe(404);
    expect((await t.call('GET', `/api/members/count?unitId=${await t.unitId('TDP2')}`)).statusCode).toBe(401);
  });
});

describe('member list orders', () => {
  it('pages by date of birth with undated members last: a province, a commune union, the whole country', async () => {
    const cookie = await t.as('admin');
    for (const [code, limit] of [
      ['DNG', 7],
      ['HCH', 7],
      ['TW', 150],
    ] as const) {
      const listed = await allPages(cookie, `unitId=${await t.unitId(code)}&sort=birthDate`, limit);
      const expected = await rows<{ id: string }>(
        t.database.db,
        sql`select m.id from members m join units u on u.id = m.unit_id
            where u.path <@ (select path from units where code = ${code})
              and m.status in ('active','working_away','temporary_elsewhere','in_transit')
            order by m.birth_date nulls last, m.id`,
      );
      expect(listed.map((m) => m.id)).toEqual(expected.map((r) => r.id));
      expect(listed.slice(-2).every((m) => m.birthDate === null)).toBe(true);
    }
  });

  it('refuses a cursor that is not a date when sorting by date of birth', async () => {
    const res = await t.call(
      'GET',
      `/api/members?unitId=${await t.unitId('DNG')}&sort=birthDate&cursor=${Buffer.from('["abc","x"]').toString('base64url')}`,
      await t.as('tinhdoan'),
    );
    expect(res.statusCode).toBe(400);
  });

  it('finds a name in a province and in the whole country page by page, in name order', async () => {
    const admin = await t.as('admin');
    const cases = [
      ['nguyen', '', sql`true`],
      ['Thị', '', sql`true`],
      ['văn an', '', sql`true`],
      ['zzz', '', sql`true`],
      ['nguyen', '&gender=female&partyMember=false', sql`m.gender = 'female' and not m.party_member`],
      ['n', '&status=working_away', sql`true`],
    ] as const;
    for (const code of ['DNG', 'TW', 'HCH']) {
      for (const [q, extra, where] of cases) {
        const listed = await allPages(admin, `unitId=${await t.unitId(code)}&q=${encodeURIComponent(q)}${extra}`, 5);
        const folded = q
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase();
        const status = extra.includes('status=') ? sql`m.status = 'working_away'` : ACTIVE;
        const expected = await expectedByName(code, sql`m.search_name like ${`%${folded}%`} and ${where}`, status);
        expect(
          listed.map((m) => m.id),
          `${code} ${q}${extra}`,
        ).toEqual(expected);
      }
    }
  });

  it('lists a province and the whole country in name order with filters', async () => {
    const admin = await t.as('admin');
    for (const code of ['DNG', 'TW']) {
      const listed = await allPages(admin, `unitId=${await t.unitId(code)}&gender=female&partyMember=false`, 50);
      const expected = await expectedByName(code, sql`m.gender = 'female' and not m.party_member`);
      expect(listed.map((m) => m.id)).toEqual(expected);
    }
  });
});
