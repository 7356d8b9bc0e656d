import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { members } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { MemberCount, MemberDetail, MemberPage } from '../../contracts/members.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const memberCount = async () => (await t.database.db.select({ n: count() }).from(members))[0]?.n ?? 0;
const newMember = async (overrides: Record<string, unknown> = {}) => ({
  unitId: await t.unitId('TDP2'),
  fullName: 'Nguyễn Thị Ánh Tuyết',
  birthDate: '2003-05-19',
  gender: 'female',
  ethnicity: 'Kinh',
  religion: 'Không',
  cccd: '048303001234',
  phone: '0905 111 222',
  joinedOn: '2019-03-26',
  cardNumber: 'DV9990001',
  ...overrides,
});

describe('member records', () => {
  it('creates a member in a branch with a first history event and an audit row', async () => {
    const res = await t.call('POST', '/api/members', await t.as('xadoan'), await newMember());
    expect(res.statusCode).toBe(200);
    const m = res.json<MemberDetail>();
    expect(m).toMatchObject({
      fullName: 'Nguyễn Thị Ánh Tuyết',
      phone: '0905111222',
      cccd: '048303001234',
      unitName: 'Chi đoàn Tổ dân phố 2',
    });
    expect(m.unitPath.map((u) => u.name)).toEqual([
      'Trung ương Đoàn TNCS Hồ Chí Minh',
      'Thành đoàn Đà Nẵng',
      'Đoàn phường Hải Châu',
      'Chi đoàn Tổ dân phố 2',
    ]);
    expect(m.events.map((e) => [e.kind, e.onDate])).toEqual([['registered', '2019-03-26']]);
  });

  it('rejects bad input field by field in Vietnamese and writes nothing', async () => {
    const before = await memberCount();
    const res = await t.call(
      'POST',
      '/api/members',
      await t.as('xadoan'),
      await newMember({ fullName: '12345', cccd: '04830300123', birthDate: '2001-02-31', phone: '123' }),
    );
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { field: string; message: string }[];
    expect(Object.fromEntries(details.map((d) => [d.field, d.message]))).toMatchObject({
      fullName: 'Họ và tên chỉ gồm chữ cái (không có chữ số hay ký hiệu).',
      cccd: 'Số CCCD phải gồm đúng 12 chữ số (đang có 11 chữ số).',
      birthDate: 'Ngày không tồn tại.',
    });
    expect(await memberCount()).toBe(before);
  });

  it('refuses a CCCD already held by an active member, and a non-branch unit', async () => {
    const cookie = await t.as('xadoan');
    const dup = await t.call(
      'POST',
      '/api/members',
      cookie,
      await newMember({ fullName: 'Trần Văn Khác', cardNumber: null }),
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details[0].field).toBe('cccd');
    const notBranch = await t.call(
      'POST',
      '/api/members',
      cookie,
      await newMember({ cccd: '048303009999', unitId: await t.unitId('HCH') }),
    );
    expect(notBranch.statusCode).toBe(400);
    expect(notBranch.json().error.message).toMatch(/chi đoàn/);
  });

  it('records status, branch and card changes as dated events, and refuses a stale edit', async () => {
    const cookie = await t.as('xadoan');
    const created = (
      await t.call(
        'POST',
        '/api/members',
        cookie,
        await newMember({ cccd: '048303005555', fullName: 'Lê Văn Bình', gender: 'male', cardNumber: 'DV9990002' }),
      )
    ).json<MemberDetail>();
    const res = await t.call('PATCH', `/api/members/${created.id}`, cookie, {
      version: created.version,
      status: 'working_away',
      awayPlace: 'Bình Dương',
      unitId: await t.unitId('TDP3'),
      cardNumber: 'DV9990003',
    });
    expect(res.statusCode).toBe(200);
    const kinds = res
      .json<MemberDetail>()
      .events.map((e) => e.kind)
      .sort();
    expect(kinds).toEqual(['branch_change', 'card_change', 'registered', 'status_change']);
    const stale = await t.call('PATCH', `/api/members/${created.id}`, cookie, {
      version: created.version,
      position: 'Bí thư',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('changes only the fields sent, and masks CCCD in the history for a viewer', async () => {
    const cookie = await t.as('xadoan');
    const created = (
      await t.call(
        'POST',
        '/api/members',
        cookie,
        await newMember({
          cccd: '048303007777',
          fullName: 'Đinh Thị Thu',
          cardNumber: 'DV9990007',
          status: 'working_away',
          partyMember: true,
          careFlags: ['hardship'],
        }),
      )
    ).json<MemberDetail>();
    const res = await t.call('PATCH', `/api/members/${created.id}`, cookie, {
      version: created.version,
      position: 'Ủy viên',
      cccd: '048303007778',
    });
    expect(res.json<MemberDetail>()).toMatchObject({
      status: 'working_away',
      partyMember: true,
      careFlags: ['hardship'],
      position: 'Ủy viên',
    });
    expect(
      res
        .json<MemberDetail>()
        .events.map((e) => e.kind)
        .sort(),
    ).toEqual(['identity_change', 'position_change', 'registered']);
    const viewer = await t.accountWithRole('viewer', 'HCH');
    const seen = (await t.call('GET', `/api/members/${created.id}`, viewer.cookie)).json<MemberDetail>();
    expect(JSON.stringify(seen)).not.toContain('048303007778');
    expect(JSON.stringify(seen)).not.toContain('048303007777');
  });

  it('keeps one comment per year and refuses a future year', async () => {
    const cookie = await t.as('xadoan');
    const page = (
      await t.call('GET', `/api/members?unitId=${await t.unitId('TDP1')}&limit=1`, cookie)
    ).json<MemberPage>();
    const id = page.items[0]!.id;
    await t.call('PUT', `/api/members/${id}/comments/2025`, cookie, { content: 'Tích cực tham gia sinh hoạt.' });
    const res = await t.call('PUT', `/api/members/${id}/comments/2025`, cookie, {
      content: 'Hoàn thành tốt nhiệm vụ.',
    });
    expect(res.json<MemberDetail>().comments).toEqual([
      expect.objectContaining({ year: 2025, content: 'Hoàn thành tốt nhiệm vụ.' }),
    ]);
    expect((await t.call('PUT', `/api/members/${id}/comments/2099`, cookie, { content: 'x' })).statusCode).toBe(400);
  });
});

describe('member lists', () => {
  it('lists a subtree in Vietnamese name order with keyset pages and a total', async () => {
    const cookie = await t.as('tinhdoan');
    const unitId = await t.unitId('HAN');
    const first = (await t.call('GET', `/api/members?unitId=${unitId}&limit=10`, cookie)).json<MemberPage>();
    expect(first.items).toHaveLength(10);
    const count = (await t.call('GET', `/api/members/count?unitId=${unitId}`, cookie)).json<MemberCount>();
    expect(count.total).toBeGreaterThan(20);
    const second = (
      await t.call('GET', `/api/members?unitId=${unitId}&limit=10&cursor=${first.next}`, cookie)
    ).json<MemberPage>();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((m) => m.id)).size).toBe(20);
    const given = all.map((m) =>
      m.fullName
        .split(' ')
        .at(-1)!
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'dz'),
    );
    expect(given).toEqual([...given].sort());
  });

  it('finds the same people whatever the diacritics, case or Unicode form', async () => {
    const cookie = await t.as('tinhdoan');
    const unitId = await t.unitId('DNG');
    const some = (await t.call('GET', `/api/members?unitId=${unitId}&limit=1`, cookie)).json<MemberPage>().items[0]!;
    const forms = [
      some.fullName,
      some.fullName.normalize('NFD'),
      some.fullName
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .toUpperCase(),
    ];
    const results = await Promise.all(
      forms.map(async (q) =>
        (await t.call('GET', `/api/members?unitId=${unitId}&q=${encodeURIComponent(q)}&limit=200`, cookie))
          .json<MemberPage>()
          .items.map((m) => m.id)
          .sort(),
      ),
    );
    expect(results[0]).toContain(some.id);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('filters by status, age, turning 30 and finds by CCCD', async () => {
    const cookie = await t.as('admin');
    const unitId = await t.unitId('TW');
    const away = (
      await t.call('GET', `/api/members?unitId=${unitId}&status=working_away&limit=200`, cookie)
    ).json<MemberPage>();
    expect(away.items.length).toBeGreaterThan(0);
    expect(away.items.every((m) => m.status === 'working_away')).toBe(true);
    const young = (await t.call('GET', `/api/members?unitId=${unitId}&ageMax=17&limit=200`, cookie)).json<MemberPage>();
    expect(young.items.every((m) => Number(m.birthDate!.slice(0, 4)) >= 2008)).toBe(true);
    const year = 2026;
    const turning = (
      await t.call('GET', `/api/members?unitId=${unitId}&turns30In=${year}&limit=200`, cookie)
    ).json<MemberPage>();
    expect(turning.items.every((m) => m.birthDate!.startsWith(String(year - 30)))).toBe(true);
    const target = away.items[0]!;
    const byCccd = (
      await t.call('GET', `/api/members?unitId=${unitId}&q=${target.cccd}&status=working_away`, cookie)
    ).json<MemberPage>();
    expect(byCccd.items.map((m) => m.id)).toEqual([target.id]);
  });

  it('masks CCCD and phone for a viewer, not for a cadre', async () => {
    const viewer = await t.accountWithRole('viewer', 'HCH');
    const unitId = await t.unitId('TDP1');
    const masked = (await t.call('GET', `/api/members?unitId=${unitId}&limit=5`, viewer.cookie)).json<MemberPage>();
    expect(masked.items.every((m) => !m.cccd || /^\*+\d{3}$/.test(m.cccd))).toBe(true);
    const clear = (
      await t.call('GET', `/api/members?unitId=${unitId}&limit=5`, await t.as('xadoan'))
    ).json<MemberPage>();
    expect(clear.items.some((m) => m.cccd && /^\d{12}$/.test(m.cccd))).toBe(true);
  });
});

describe('duplicates', () => {
  it('finds records with the same name and birth date and merges them, keeping both histories', async () => {
    const cookie = await t.as('bithu');
    const unitId = await t.unitId('TDP1');
    const base = { unitId, fullName: 'Võ Thị Hồng Nhung', birthDate: '2000-08-08', gender: 'female' };
    const a = (await t.call('POST', '/api/members', cookie, { ...base, joinedOn: '2015-03-26' })).json<MemberDetail>();
    const b = (
      await t.call('POST', '/api/members', cookie, { ...base, fullName: 'VÕ THỊ HỒNG NHUNG', phone: '0912345678' })
    ).json<MemberDetail>();
    await t.call('PUT', `/api/members/${b.id}/comments/2024`, cookie, { content: 'Nhận xét trên hồ sơ trùng.' });
    const groups = (await t.call('GET', `/api/members/duplicates?unitId=${unitId}`, cookie)).json<
      { reason: string; members: { id: string }[] }[]
    >();
    const group = groups.find((g) => g.members.some((m) => m.id === a.id));
    expect(group?.reason).toBe('name_birth');
    expect(group?.members.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());

    const merged = await t.call('POST', '/api/members/merge', cookie, { keepId: a.id, mergeId: b.id });
    expect(merged.statusCode).toBe(200);
    const kept = merged.json<MemberDetail>();
    expect(kept.phone).toBe('0912345678');
    expect(kept.events.map((e) => e.kind).sort()).toEqual(['merged', 'registered', 'registered']);
    expect(kept.comments.map((c) => c.year)).toEqual([2024]);
    const gone = (await t.call('GET', `/api/members/${b.id}`, cookie)).json<MemberDetail>();
    expect(gone.status).toBe('removed');
    expect(gone.events.map((e) => e.kind)).toEqual(['merged_into']);
    const after = (await t.call('GET', `/api/members/duplicates?unitId=${unitId}`, cookie)).json<
      { members: { id: string }[] }[]
    >();
    expect(after.some((g) => g.members.some((m) => m.id === b.id))).toBe(false);
  });

  it('refuses merging a record with itself or one outside the scope', async () => {
    const cookie = await t.as('bithu');
    const page = (
      await t.call('GET', `/api/members?unitId=${await t.unitId('TDP1')}&limit=1`, cookie)
    ).json<MemberPage>();
    const own = page.items[0]!.id;
    expect((await t.call('POST', '/api/members/merge', cookie, { keepId: own, mergeId: own })).statusCode).toBe(400);
    const other = (
      await t.call('GET', `/api/members?unitId=${await t.unitId('TDP2')}&limit=1`, await t.as('xadoan'))
    ).json<MemberPage>().items[0]!.id;
    expect((await t.call('POST', '/api/members/merge', cookie, { keepId: own, mergeId: other })).statusCode).toBe(404);
  });
});
