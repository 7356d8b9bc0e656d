import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type {
  AnnouncementDetail,
  AnnouncementPage,
  AnnouncementReads,
  MyAnnouncementDetail,
  MyAnnouncementPage,
} from '../../contracts/announcements.js';
import { announcementReads, announcements, auditLog, members, units } from '../../db/schema/index.js';
import { DEMO_MEMBER } from '../self-service/self-service.fixtures.js';
import {
  announcementScopeCases,
  announcementScopeFixtures,
  draftAnnouncement,
  publishedAnnouncement,
} from './announcements.fixtures.js';

let t: TestApp;
let xadoan: string;
let tinhdoan: string;
let member: string;
beforeAll(async () => {
  t = await startTestApp();
  xadoan = await t.as('xadoan');
  tinhdoan = await t.as('tinhdoan');
  member = await t.login(DEMO_MEMBER.username, DEMO_MEMBER.password);
});
afterAll(async () => {
  await t.close();
});

const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
const rowsCount = async () => (await t.database.db.select({ n: count() }).from(announcements))[0]?.n ?? 0;
const feed = async () => (await t.call('GET', '/api/me/announcements', member)).json<MyAnnouncementPage>();

/** Members of a branch counted in the audience (in the union at home; the demo has no temporary participation). */
async function audienceOf(code: string): Promise<number> {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(units.code, code), inArray(members.status, ['active', 'working_away'])));
  return row?.n ?? 0;
}

describe('drafting', () => {
  it('refuses a short title, an empty or overlong body and says what to fix; nothing is written', async () => {
    const before = [await rowsCount(), await audits()];
    const unitId = await t.unitId('HCH');
    const cases = [
      [{ unitId, title: 'Hop', body: 'Nội dung' }, 'title'],
      [{ unitId, title: 'Thông báo đủ dài', body: '  \n ' }, 'body'],
      [{ unitId, title: 'Thông báo đủ dài', body: 'x'.repeat(20_001) }, 'body'],
      [{ unitId, title: 'T'.repeat(201), body: 'Nội dung' }, 'title'],
    ] as const;
    for (const [body, field] of cases) {
      const res = await t.call('POST', '/api/announcements', xadoan, body);
      expect(res.statusCode).toBe(400);
      const error = res.json<{ error: { details: { field: string; message: string }[] } }>().error;
      expect(error.details.map((d) => d.field)).toContain(field);
      expect(error.details[0]!.message).toMatch(/[ạảấầếềểệịọốồộớờởụứừ]/u);
    }
    expect([await rowsCount(), await audits()]).toEqual(before);
  });

  it('keeps markup as plain text and line breaks, and audits the draft', async () => {
    const before = await audits();
    const draft = await draftAnnouncement(t, xadoan, 'HCH', 'Thông báo <b>đậm</b>', 'Dòng 1\r\n<script>x</script>');
    expect(draft.status).toBe('draft');
    expect(draft.title).toBe('Thông báo <b>đậm</b>');
    expect(draft.body).toBe('Dòng 1\n<script>x</script>');
    expect(draft.actions).toEqual(['edit', 'publish', 'withdraw']);
    expect(await audits()).toBe(before + 1);
  });

  it('gives 403 to a viewer of the unit and 404 outside the subtree', async () => {
    const viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
    const outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
    const body = { unitId: await t.unitId('HCH'), title: 'Thông báo thử quyền', body: 'x' };
    expect((await t.call('POST', '/api/announcements', viewer, body)).statusCode).toBe(403);
    expect((await t.call('POST', '/api/announcements', outsider, body)).statusCode).toBe(404);
    const draft = await draftAnnouncement(t, xadoan, 'HCH');
    expect((await t.call('GET', `/api/announcements/${draft.id}`, outsider)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/announcements/${draft.id}/reads`, outsider)).statusCode).toBe(404);
    const patch = { version: draft.version, title: 'Người ngoài sửa', body: 'x' };
    expect((await t.call('PATCH', `/api/announcements/${draft.id}`, outsider, patch)).statusCode).toBe(404);
  });
});

describe('publishing and withdrawing', () => {
  it('edits a draft, publishes once, refuses stale versions and edits after publication', async () => {
    const draft = await draftAnnouncement(t, xadoan, 'HCH', 'Thông báo về chiến dịch');
    const edited = (
      await t.call('PATCH', `/api/announcements/${draft.id}`, xadoan, {
        version: draft.version,
        title: 'Thông báo về chiến dịch tình nguyện',
        body: 'Nội dung mới',
      })
    ).json<AnnouncementDetail>();
    expect(edited.version).toBe(draft.version + 1);
    const before = await audits();
    const stale = await t.call('POST', `/api/announcements/${draft.id}/publish`, xadoan, { version: draft.version });
    expect(stale.statusCode).toBe(409);
    expect(await audits()).toBe(before);
    const res = await t.call('POST', `/api/announcements/${draft.id}/publish`, xadoan, { version: edited.version });
    expect(res.statusCode).toBe(200);
    const published = res.json<AnnouncementDetail>();
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    expect(published.actions).toEqual(['withdraw']);
    expect(await audits()).toBe(before + 1);
    const again = await t.call('POST', `/api/announcements/${draft.id}/publish`, xadoan, {
      version: published.version,
    });
    expect(again.statusCode).toBe(409);
    const edit = await t.call('PATCH', `/api/announcements/${draft.id}`, xadoan, {
      version: published.version,
      title: 'Sửa sau khi phát hành',
      body: 'x',
    });
    expect(edit.statusCode).toBe(409);
    expect(await audits()).toBe(before + 1);
  });

  it('hides drafts from members, shows the published one unread, and withdraws it from their feed', async () => {
    const draft = await draftAnnouncement(t, xadoan, 'HCH', 'Bản nháp chưa gửi đoàn viên');
    expect((await feed()).items.map((i) => i.id)).not.toContain(draft.id);
    expect((await t.call('GET', `/api/me/announcements/${draft.id}`, member)).statusCode).toBe(404);
    expect((await t.call('POST', `/api/me/announcements/${draft.id}/read`, member)).statusCode).toBe(404);
    const published = await publishedAnnouncement(t, xadoan, 'HCH', 'Thông báo gửi đoàn viên phường');
    const page = await feed();
    expect(page.items[0]).toMatchObject({ id: published.id, readAt: null, unitName: 'Đoàn phường Hải Châu' });
    const withdrawn = await t.call('POST', `/api/announcements/${published.id}/withdraw`, xadoan, {
      version: published.version,
      reason: 'Thông báo nhầm đối tượng',
    });
    expect(withdrawn.json<AnnouncementDetail>().status).toBe('withdrawn');
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, published.id), eq(auditLog.action, 'withdraw')));
    expect(entry?.after).toMatchObject({ reason: 'Thông báo nhầm đối tượng' });
    expect((await feed()).items.map((i) => i.id)).not.toContain(published.id);
    expect((await feed()).unread).toBe(page.unread - 1);
  });
});

describe('reading', () => {
  it('records a member read once and keeps it at their branch', async () => {
    const published = await publishedAnnouncement(t, xadoan, 'HCH', 'Thông báo đọc một lần');
    const before = await audits();
    const first = await t.call('POST', `/api/me/announcements/${published.id}/read`, member);
    expect(first.statusCode).toBe(200);
    const read = first.json<MyAnnouncementDetail>();
    expect(read.readAt).not.toBeNull();
    expect(read.body).toContain('Nội dung');
    const second = (
      await t.call('POST', `/api/me/announcements/${published.id}/read`, member)
    ).json<MyAnnouncementDetail>();
    expect(second.readAt).toBe(read.readAt);
    expect(await audits()).toBe(before + 1);
    const stored = await t.database.db
      .select()
      .from(announcementReads)
      .where(eq(announcementReads.announcementId, published.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.unitId).toBe(await t.unitId('TDP1'));
    expect((await feed()).items.find((i) => i.id === published.id)?.readAt).toBe(read.readAt);
  });

  it("keeps another branch's and another province's line out of a member's feed", async () => {
    const other = await publishedAnnouncement(t, xadoan, 'TDP2', 'Thông báo riêng chi đoàn 2');
    const far = await publishedAnnouncement(t, await t.as('admin'), 'LDG', 'Thông báo của tỉnh khác');
    const ids = (await feed()).items.map((i) => i.id);
    for (const a of [other, far]) {
      expect(ids).not.toContain(a.id);
      expect((await t.call('GET', `/api/me/announcements/${a.id}`, member)).statusCode).toBe(404);
      expect((await t.call('POST', `/api/me/announcements/${a.id}/read`, member)).statusCode).toBe(404);
    }
    expect((await t.call('GET', '/api/me/announcements', xadoan)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/announcements/${other.id}`, member)).statusCode).toBe(404);
  });

  it('counts reads per branch and per member, limited to the reader scope', async () => {
    const province = await publishedAnnouncement(t, tinhdoan, 'DNG', 'Phổ biến nghị quyết của Thành đoàn');
    await t.call('POST', `/api/me/announcements/${province.id}/read`, member);
    const tdp1 = await t.unitId('TDP1');
    const ward = (
      await t.call('GET', `/api/announcements/${province.id}/reads?unitId=${await t.unitId('HCH')}`, xadoan)
    ).json<AnnouncementReads>();
    expect(ward.mode).toBe('groups');
    expect(ward.unit.name).toBe('Đoàn phường Hải Châu');
    const group = ward.groups.find((g) => g.unitId === tdp1)!;
    expect(group).toMatchObject({ audience: await audienceOf('TDP1'), read: 1 });
    expect(group.percent).toBe(Math.round(100 / group.audience));
    expect(ward.read).toBe(1);
    const own = (await t.call('GET', `/api/announcements/${province.id}/reads`, xadoan)).json<AnnouncementReads>();
    expect(own.unit.id).toBe(await t.unitId('HCH'));
    expect(own.audience).toBe(ward.audience);
    const detail = (await t.call('GET', `/api/announcements/${province.id}`, xadoan)).json<AnnouncementDetail>();
    expect(detail.audience).toBe(ward.audience);
    expect(detail.actions).toEqual([]);
    const whole = (await t.call('GET', `/api/announcements/${province.id}`, tinhdoan)).json<AnnouncementDetail>();
    expect(whole.audience).toBeGreaterThan(ward.audience);
    const branch = (
      await t.call('GET', `/api/announcements/${province.id}/reads?unitId=${tdp1}`, xadoan)
    ).json<AnnouncementReads>();
    expect(branch.mode).toBe('members');
    expect(branch.members).toHaveLength(group.audience);
    const readers = branch.members.filter((m) => m.readAt);
    expect(readers.map((m) => m.fullName)).toEqual([DEMO_MEMBER.name]);
    expect(branch.trail.map((u) => u.name)).toEqual(['Đoàn phường Hải Châu']);
    const apart = await t.call(
      'GET',
      `/api/announcements/${province.id}/reads?unitId=${await t.unitId('LDG')}`,
      await t.as('admin'),
    );
    expect(apart.statusCode).toBe(422);
  });

  it('lists sent and received announcements newest first, with read shares', async () => {
    const ward = await publishedAnnouncement(t, xadoan, 'HCH', 'Thông báo phường gửi xuống chi đoàn');
    const draft = await draftAnnouncement(t, xadoan, 'HCH', 'Bản nháp không hiện ở chi đoàn');
    const bithu = await t.as('bithu');
    const page = (
      await t.call('GET', `/api/announcements?unitId=${await t.unitId('TDP1')}`, bithu)
    ).json<AnnouncementPage>();
    const listed = page.items.find((i) => i.id === ward.id)!;
    expect(listed.direction).toBe('received');
    expect(listed.audience).toBe(await audienceOf('TDP1'));
    expect(page.items.map((i) => i.id)).not.toContain(draft.id);
    const sorted = page.items.map((i) => i.publishedAt ?? i.createdAt);
    expect([...sorted].sort().reverse()).toEqual(sorted);
    const own = (
      await t.call('GET', `/api/announcements?unitId=${await t.unitId('HCH')}`, xadoan)
    ).json<AnnouncementPage>();
    expect(own.items.find((i) => i.id === draft.id)?.direction).toBe('sent');
    expect((await t.call('GET', `/api/announcements/${draft.id}`, bithu)).statusCode).toBe(404);
  });

  it('pages with a cursor without repeating items', async () => {
    const hch = await t.unitId('HCH');
    await t.database.db
      .insert(announcements)
      .values(Array.from({ length: 25 }, (_, i) => ({ unitId: hch, title: `Thông báo phân trang ${i}`, body: 'x' })));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/announcements?unitId=${await t.unitId('HCH')}${cursor ? `&cursor=${cursor}` : ''}`;
      const page: AnnouncementPage = (await t.call('GET', url, xadoan)).json<AnnouncementPage>();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const [total] = await t.database.db
      .select({ n: count() })
      .from(announcements)
      .innerJoin(units, eq(units.id, announcements.unitId))
      .where(
        sql`${units.path} @> (select path from units where code = 'HCH') or ${units.path} <@ (select path from units where code = 'HCH')`,
      );
    expect(seen.length).toBeLessThanOrEqual(total?.n ?? 0);
    expect(seen.length).toBeGreaterThan(20);
  });
});

describe('demo and scope', () => {
  it('seeds announcements the demo member has partly read', async () => {
    const bithu = (await t.call('GET', '/api/me/announcements', member)).json<MyAnnouncementPage>();
    const province = bithu.items.find((i) => i.unitName === 'Thành đoàn Đà Nẵng');
    expect(province?.readAt).not.toBeNull();
    expect(bithu.items.some((i) => i.unitName === 'Đoàn phường Hải Châu' && i.readAt === null)).toBe(true);
  });

  it('answers the scope cases: outsider and member account get nothing, a viewer reads only', async () => {
    const fx = await announcementScopeFixtures(t);
    const ids: Record<string, string> = {};
    for (const code of ['HCH', 'TDP1']) ids[code] = await t.unitId(code);
    const cases = announcementScopeCases({ unitId: (c) => ids[c]!, fx: () => fx });
    const outsider = (await t.accountWithRole('unit_admin', 'LDG')).cookie;
    const viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
    for (const c of cases) {
      const send = (cookie?: string) => t.call(c.method, c.url(), cookie, c.body?.());
      const before = await audits();
      expect([403, 404], `${c.name} outsider`).toContain((await send(outsider)).statusCode);
      const seen = await send(viewer);
      if (c.write || c.self) expect([403, 404], `${c.name} viewer`).toContain(seen.statusCode);
      else expect(seen.statusCode, `${c.name} viewer`).toBe(200);
      if (!c.self) expect([403, 404], `${c.name} member`).toContain((await send(member)).statusCode);
      expect(await audits(), c.name).toBe(before);
      expect((await send()).statusCode, `${c.name} anonymous`).toBe(401);
    }
  });
});
