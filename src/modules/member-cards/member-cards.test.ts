import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { CardRegisterPage, CardScheme, MemberCards } from '../../contracts/member-cards.js';
import type { MemberDetail } from '../../contracts/members.js';
import { memberCards, members } from '../../db/schema/index.js';
import { daysAgo, footprint } from '../admissions/admissions.fixtures.js';
import { endActiveCard } from './member-cards.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A demo member of a branch with the card number recorded on the record. */
async function memberOf(code: string, skip = 0) {
  const [row] = await t.database.db
    .select()
    .from(members)
    .where(
      and(
        eq(members.unitId, await t.unitId(code)),
        eq(members.status, 'active'),
        // The demo's dates are drawn at random: take members who joined well before the dates the tests use.
        sql`${members.cardNumber} is not null and ${members.joinedOn} < current_date - 60`,
      ),
    )
    .orderBy(members.id)
    .offset(skip)
    .limit(1);
  return row!;
}

const cardsOf = async (id: string, cookie: string) =>
  (await t.call('GET', `/api/members/${id}/cards`, cookie)).json<MemberCards>();

describe('member cards', () => {
  it('reissues a damaged card with the same number and a lost one with a new number from the scheme', async () => {
    const xadoan = await t.as('xadoan');
    const m = await memberOf('TDP3');
    const start = await cardsOf(m.id, xadoan);
    expect(start).toMatchObject({
      cardNumber: m.cardNumber,
      actions: ['reissue', 'revoke'],
      issuer: { name: 'Thành đoàn Đà Nẵng' },
    });

    const damaged = await t.call('POST', `/api/members/${m.id}/cards/reissue`, xadoan, {
      version: start.version,
      cause: 'damaged',
      issuedOn: daysAgo(10),
    });
    expect(damaged.statusCode, damaged.body).toBe(200);
    const d = damaged.json<MemberCards>();
    expect(d.cardNumber).toBe(m.cardNumber);
    expect(d.items.map((c) => [c.reason, c.status])).toEqual([
      ['reissue_damaged', 'active'],
      ['initial', 'replaced'],
    ]);

    const lost = (
      await t.call('POST', `/api/members/${m.id}/cards/reissue`, xadoan, {
        version: d.version,
        cause: 'lost',
        issuedOn: daysAgo(2),
      })
    ).json<MemberCards>();
    expect(lost.cardNumber).toMatch(/^DNG\d{6}$/);
    expect(lost.items[1]).toMatchObject({ status: 'replaced', endReason: 'Cấp lại do mất thẻ', endedOn: daysAgo(2) });
    const record = (await t.call('GET', `/api/members/${m.id}`, xadoan)).json<MemberDetail>();
    expect(record).toMatchObject({ cardNumber: lost.cardNumber, cardIssuedOn: daysAgo(2) });
    expect(record.events.filter((e) => e.kind === 'card_reissued')).toHaveLength(2);
  });

  it('revokes with a reason, then issues a new card; refuses a second card and a stale version', async () => {
    const bithu = await t.as('bithu');
    const m = await memberOf('TDP1', 1);
    const start = await cardsOf(m.id, bithu);
    const before = await footprint(t);
    const twice = await t.call('POST', `/api/members/${m.id}/cards/issue`, bithu, {
      version: start.version,
      issuedOn: daysAgo(1),
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.message).toMatch(/đang có thẻ số/);
    expect(await footprint(t)).toEqual(before);

    const revoked = (
      await t.call('POST', `/api/members/${m.id}/cards/revoke`, bithu, {
        version: start.version,
        revokedOn: daysAgo(3),
        reason: 'Thẻ bị sử dụng sai mục đích',
      })
    ).json<MemberCards>();
    expect(revoked).toMatchObject({ cardNumber: null, cardIssuedOn: null, actions: ['issue'] });
    expect(revoked.items[0]).toMatchObject({ status: 'revoked', endReason: 'Thẻ bị sử dụng sai mục đích' });

    const stale = await t.call('POST', `/api/members/${m.id}/cards/issue`, bithu, {
      version: start.version,
      issuedOn: daysAgo(1),
    });
    expect(stale.statusCode).toBe(409);
    const issued = (
      await t.call('POST', `/api/members/${m.id}/cards/issue`, bithu, {
        version: revoked.version,
        issuedOn: daysAgo(1),
      })
    ).json<MemberCards>();
    expect(issued.cardNumber).toMatch(/^DNG\d{6}$/);
    expect(issued.items.map((c) => c.status)).toEqual(['active', 'revoked']);
  });

  it('lets a viewer read the cards but not change them', async () => {
    const viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
    const m = await memberOf('TDP2');
    const cards = await cardsOf(m.id, viewer);
    expect(cards.actions).toEqual([]);
    const res = await t.call('POST', `/api/members/${m.id}/cards/revoke`, viewer, {
      version: cards.version,
      revokedOn: daysAgo(1),
      reason: 'x',
    });
    expect(res.statusCode).toBe(403);
  });

  it('ends the active card when membership ends, for other procedures to call in their transaction', async () => {
    const m = await memberOf('TDP4');
    const ended = await t.database.db.transaction((tx) => endActiveCard(tx, m.id, daysAgo(1), 'Trưởng thành đoàn'));
    expect(ended?.cardNumber).toBe(m.cardNumber);
    const [after] = await t.database.db.select().from(members).where(eq(members.id, m.id));
    expect(after).toMatchObject({ cardNumber: null, cardIssuedOn: null, version: m.version });
    const rows = await t.database.db.select().from(memberCards).where(eq(memberCards.memberId, m.id));
    expect(rows.map((r) => [r.status, r.endReason])).toEqual([['revoked', 'Trưởng thành đoàn']]);
    expect(await t.database.db.transaction((tx) => endActiveCard(tx, m.id, daysAgo(1), 'x'))).toBeNull();
  });
});

describe('numbering scheme and register', () => {
  it('starts from the unit code, accepts a jump forward and refuses going back onto a used number', async () => {
    const tinhdoan = await t.as('tinhdoan');
    const dng = await t.unitId('DNG');
    const scheme = (await t.call('GET', `/api/units/${dng}/card-scheme`, tinhdoan)).json<CardScheme>();
    expect(scheme).toMatchObject({ prefix: 'DNG', width: 6, canEdit: true });
    const put = (body: object) => t.call('PUT', `/api/units/${dng}/card-scheme`, tinhdoan, body);
    const jumped = await put({ prefix: 'DNG', width: 6, nextNumber: 500, version: scheme.version });
    expect(jumped.statusCode, jumped.body).toBe(200);
    const j = jumped.json<CardScheme>();
    expect(j).toMatchObject({ nextNumber: 500, nextCardNumber: 'DNG000500', stored: true });

    const m = await memberOf('TDP5');
    const cards = await cardsOf(m.id, tinhdoan);
    const lost = (
      await t.call('POST', `/api/members/${m.id}/cards/reissue`, tinhdoan, {
        version: cards.version,
        cause: 'lost',
        issuedOn: daysAgo(1),
      })
    ).json<MemberCards>();
    expect(lost.cardNumber).toBe('DNG000500');

    const now = (await t.call('GET', `/api/units/${dng}/card-scheme`, tinhdoan)).json<CardScheme>();
    expect(now).toMatchObject({ nextNumber: 501, highestUsed: 500 });
    const before = await footprint(t);
    const back = await put({ prefix: 'DNG', width: 6, nextNumber: 500, version: now.version });
    expect(back.statusCode).toBe(422);
    expect(back.json().error.message).toBe(
      'Số thẻ DNG000500 đã được cấp: số tiếp theo phải lớn hơn 500 để không trùng.',
    );
    const stale = await put({ prefix: 'DNG', width: 6, nextNumber: 900, version: j.version });
    expect(stale.statusCode).toBe(409);
    expect(await footprint(t)).toEqual(before);
    expect((await put({ prefix: 'DN-', width: 6, nextNumber: 1, version: now.version })).statusCode).toBe(200);
  });

  it('refuses a scheme outside the actor scope and lists the register of a subtree by year', async () => {
    const xadoan = await t.as('xadoan');
    const dng = await t.unitId('DNG');
    expect((await t.call('GET', `/api/units/${dng}/card-scheme`, xadoan)).statusCode).toBe(404);
    const hch = await t.unitId('HCH');
    const page = (await t.call('GET', `/api/units/${hch}/card-register?limit=5`, xadoan)).json<CardRegisterPage>();
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(5);
    const year = Number(daysAgo(1).slice(0, 4));
    const thisYear = (
      await t.call('GET', `/api/units/${hch}/card-register?year=${year}`, xadoan)
    ).json<CardRegisterPage>();
    expect(thisYear.items.every((r) => r.issuedOn.startsWith(String(year)))).toBe(true);
    expect(thisYear.items.some((r) => r.reason === 'reissue_lost' && r.unitName === 'Thành đoàn Đà Nẵng')).toBe(true);
    const second = (
      await t.call('GET', `/api/units/${hch}/card-register?limit=5&cursor=${page.next}`, xadoan)
    ).json<CardRegisterPage>();
    expect(second.items.map((r) => r.id)).not.toContain(page.items[0]!.id);
  });
});
