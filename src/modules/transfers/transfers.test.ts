import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import { documents, transfers, units } from '../../db/schema/index.js';
import type { MemberDetail } from '../../contracts/members.js';
import type { TransferDetail, TransferLookupResult, TransferPage, TransferSummary } from '../../contracts/transfers.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { addDays } from '../../domain/workflows/transfer.js';
import {
  auditCount,
  externalDraft,
  lastNumber,
  memberOf,
  memberRow,
  sentTransfer,
  transferRow,
} from './transfers.fixtures.js';

let t: TestApp;
let lamDong: { cookie: string };
const today = todayInVietnam();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  t = await startTestApp();
  lamDong = await t.accountWithRole('cadre', 'LNG');
});
afterAll(async () => {
  await t.close();
});

describe('inside one đoàn cơ sở', () => {
  it('moves a member to another branch in one step, with a branch event and an audit row', async () => {
    const m = await memberOf(t, 'TDP3');
    const before = await auditCount(t);
    const res = await t.call('POST', '/api/transfers', await t.as('xadoan'), {
      kind: 'internal',
      memberId: m.id,
      memberVersion: m.version,
      toUnitId: await t.unitId('TDP4'),
      reason: 'Chuyển nơi ở',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<TransferDetail>()).toMatchObject({
      kind: 'internal',
      status: 'accepted',
      acceptedOn: today,
      fromUnit: { name: 'Chi đoàn Tổ dân phố 3' },
      toUnit: { name: 'Chi đoàn Tổ dân phố 4' },
      actions: [],
    });
    expect(res.json<TransferDetail>().code).toMatch(/^NB-\d{4}-[2-9A-Z]{6}$/);
    const member = (await t.call('GET', `/api/members/${m.id}`, await t.as('xadoan'))).json<MemberDetail>();
    expect(member.unitName).toBe('Chi đoàn Tổ dân phố 4');
    expect(member.status).toBe('active');
    expect(member.events[0]).toMatchObject({
      kind: 'branch_change',
      note: 'Chuyển sinh hoạt trong Đoàn phường Hải Châu: Chuyển nơi ở',
    });
    expect(await auditCount(t)).toBe(before + 1);
  });

  it('is for the đoàn cơ sở only, inside it, to another open branch', async () => {
    const m = await memberOf(t, 'TDP1', 'active', 1);
    const body = { kind: 'internal', memberId: m.id, memberVersion: m.version };
    const bithu = await t.call('POST', '/api/transfers', await t.as('bithu'), {
      ...body,
      toUnitId: await t.unitId('TDP2'),
    });
    expect(bithu.statusCode).toBe(403);
    const xadoan = await t.as('xadoan');
    const same = await t.call('POST', '/api/transfers', xadoan, { ...body, toUnitId: await t.unitId('TDP1') });
    expect(same.statusCode).toBe(422);
    expect(same.json().error.message).toBe('Đoàn viên đang sinh hoạt ở chi đoàn này.');
    const outside = await t.call('POST', '/api/transfers', xadoan, { ...body, toUnitId: await t.unitId('KP1') });
    expect(outside.statusCode).toBe(404);
    const other = await t.call('POST', '/api/transfers', await t.as('tinhdoan'), {
      ...body,
      toUnitId: await t.unitId('KP1'),
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.message).toMatch(/không thuộc cùng đoàn cơ sở/);
    const notBranch = await t.call('POST', '/api/transfers', xadoan, { ...body, toUnitId: await t.unitId('HCH') });
    expect(notBranch.json().error.message).toMatch(/không phải là chi đoàn/);
    const stale = await t.call('POST', '/api/transfers', xadoan, {
      ...body,
      memberVersion: m.version + 5,
      toUnitId: await t.unitId('TDP2'),
    });
    expect(stale.statusCode).toBe(409);
    expect((await memberRow(t, m.id)).version).toBe(m.version);
  });
});

describe('between provinces: Đà Nẵng → Lâm Đồng', () => {
  it('goes draft → letter with code and number → found by code → accepted into a Lâm Đồng branch', async () => {
    const m = await memberOf(t, 'TDP1', 'active', 2);
    const bithu = await t.as('bithu');
    const xadoan = await t.as('xadoan');
    const draft = await externalDraft(t, bithu, m, { branchComment: null, feePaidUntil: null });
    expect(draft).toMatchObject({
      status: 'draft',
      actions: ['update', 'cancel'],
      toGrassroots: { name: 'Đoàn thị trấn Liên Nghĩa' },
    });
    expect(draft.code).toMatch(/^GT-\d{4}-[2-9A-HJKMNP-Z]{6}$/);

    // The branch cannot send, and the đoàn cơ sở cannot send before the branch's comment and fee.
    expect(
      (await t.call('POST', `/api/transfers/${draft.id}/send`, bithu, { version: draft.version })).statusCode,
    ).toBe(403);
    const early = await t.call('POST', `/api/transfers/${draft.id}/send`, xadoan, { version: draft.version });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details[0].field).toBe('branchComment');
    const completed = await t.call('PATCH', `/api/transfers/${draft.id}`, bithu, {
      version: draft.version,
      branchComment: 'Gương mẫu, nhiệt tình.',
      feePaidUntil: '2026-10',
    });
    expect(completed.statusCode).toBe(200);

    const number = await lastNumber(t, 'HCH', year);
    const sent = await t.call('POST', `/api/transfers/${draft.id}/send`, xadoan, {
      version: completed.json<TransferDetail>().version,
      signerName: 'Lê Văn Hùng',
    });
    expect(sent.statusCode).toBe(200);
    const detail = sent.json<TransferDetail>();
    expect(detail).toMatchObject({
      status: 'sent',
      sentOn: today,
      dueOn: addDays(today, 30),
      previousStatus: 'active',
      member: { status: 'in_transit' },
      letter: { numberText: `${number + 1}-GGT/ĐTN`, url: `/api/documents/${detail.letter?.id}/file` },
      actions: ['cancel'],
    });
    const [letter] = await t.database.db.select().from(documents).where(eq(documents.id, detail.letter!.id));
    expect(letter).toMatchObject({
      kind: 'transfer_letter',
      place: 'Đà Nẵng',
      signerName: 'Lê Văn Hùng',
      entityId: draft.id,
    });
    const body = (letter!.data as { body: string[] }).body;
    expect(body[0]).toBe('BAN CHẤP HÀNH ĐOÀN PHƯỜNG HẢI CHÂU trân trọng giới thiệu:');
    expect(body.join('\n')).toContain(`được chuyển sinh hoạt đoàn về Đoàn thị trấn Liên Nghĩa, Tỉnh đoàn Lâm Đồng.`);
    expect(body.join('\n')).toContain('đã đóng đoàn phí đến hết tháng 10/2026');
    expect(body.join('\n')).toContain(detail.code);

    // While in transit the member stays in the sending branch, visible to the sending side.
    const own = (await t.call('GET', `/api/members/${m.id}`, bithu)).json<MemberDetail>();
    expect(own).toMatchObject({ status: 'in_transit', unitName: 'Chi đoàn Tổ dân phố 1' });

    // Lâm Đồng finds it by the code, typed loosely, and sees it in its incoming list.
    const typed = detail.code.toLowerCase().replace(/-/g, ' ');
    const found = await t.call('GET', `/api/transfers/incoming?code=${encodeURIComponent(typed)}`, lamDong.cookie);
    expect(found.statusCode).toBe(200);
    expect(found.json<TransferLookupResult>()).toMatchObject({
      id: draft.id,
      fromUnit: 'Chi đoàn Tổ dân phố 1',
      actions: ['accept', 'return'],
    });
    const incoming = (await t.call('GET', '/api/transfers?direction=incoming', lamDong.cookie)).json<TransferPage>();
    expect(incoming.items.map((i) => i.id)).toContain(draft.id);

    const accepted = await t.call('POST', `/api/transfers/${draft.id}/accept`, lamDong.cookie, {
      version: detail.version,
      toUnitId: await t.unitId('LN-TDP1'),
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<TransferDetail>()).toMatchObject({
      status: 'accepted',
      acceptedOn: today,
      toUnit: { name: 'Chi đoàn Tổ dân phố 10' },
      member: { status: 'active' },
    });
    const moved = await memberRow(t, m.id);
    expect(moved.unitId).toBe(await t.unitId('LN-TDP1'));
    expect(moved.provinceId).toBe(await t.unitId('LDG'));
    const history = (await t.call('GET', `/api/members/${m.id}`, lamDong.cookie)).json<MemberDetail>();
    expect(
      history.events
        .slice(0, 3)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['branch_change', 'status_change', 'status_change']);

    // The sending side keeps the transfer record, not the member.
    expect((await t.call('GET', `/api/transfers/${draft.id}`, xadoan)).json<TransferDetail>().status).toBe('accepted');
    expect((await t.call('GET', `/api/members/${m.id}`, xadoan)).statusCode).toBe(404);

    // Accepting twice is refused.
    const again = await t.call('POST', `/api/transfers/${draft.id}/accept`, lamDong.cookie, {
      version: accepted.json<TransferDetail>().version,
      toUnitId: await t.unitId('LN-TDP2'),
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toBe('Đoàn viên đã được tiếp nhận rồi.');
  });

  it('finds the transfer by the member CCCD too, and refuses a second open transfer for the member', async () => {
    const m = await memberOf(t, 'TDP2', 'active', 0);
    const sent = await sentTransfer(t, m);
    const byCccd = await t.call('GET', `/api/transfers/incoming?cccd=${m.cccd}`, lamDong.cookie);
    expect(byCccd.json<TransferLookupResult>().id).toBe(sent.id);
    const second = await t.call('POST', '/api/transfers', await t.as('xadoan'), {
      kind: 'external',
      memberId: m.id,
      memberVersion: (await memberRow(t, m.id)).version,
      destinationText: 'Thành phố Hồ Chí Minh',
    });
    expect(second.statusCode).toBe(422);
  });

  it('returns with a reason: the member is back to the previous status in the sending branch', async () => {
    const m = await memberOf(t, 'TDP2', 'working_away', 0).catch(() => memberOf(t, 'TDP5', 'working_away', 0));
    const sent = await sentTransfer(t, m);
    expect((await memberRow(t, m.id)).status).toBe('in_transit');
    const noReason = await t.call('POST', `/api/transfers/${sent.id}/return`, lamDong.cookie, {
      version: sent.version,
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0]).toMatchObject({ field: 'reason', message: 'Lý do trả lại là bắt buộc.' });
    const res = await t.call('POST', `/api/transfers/${sent.id}/return`, lamDong.cookie, {
      version: sent.version,
      reason: 'Đoàn viên không cư trú tại địa bàn',
    });
    expect(res.statusCode).toBe(200);
    const row = await memberRow(t, m.id);
    expect(row.status).toBe('working_away');
    const seen = (await t.call('GET', `/api/transfers/${sent.id}`, await t.as('xadoan'))).json<TransferDetail>();
    expect(seen).toMatchObject({
      status: 'returned',
      returnedOn: today,
      returnReason: 'Đoàn viên không cư trú tại địa bàn',
    });
  });

  it('shows "overdue" on both sides once the due date has passed', async () => {
    const m = await memberOf(t, 'TDP6', 'active', 0);
    const sent = await sentTransfer(t, m);
    await t.database.db
      .update(transfers)
      .set({ sentOn: addDays(today, -45), dueOn: addDays(today, -15) })
      .where(eq(transfers.id, sent.id));
    for (const [cookie, direction] of [
      [await t.as('xadoan'), 'outgoing'],
      [lamDong.cookie, 'incoming'],
    ] as const) {
      const page = (
        await t.call('GET', `/api/transfers?direction=${direction}&overdue=true`, cookie)
      ).json<TransferPage>();
      expect(page.items.find((i) => i.id === sent.id)?.overdue).toBe(true);
      const summary = (await t.call('GET', '/api/transfers/summary', cookie)).json<TransferSummary>();
      expect(summary[direction].overdue).toBeGreaterThanOrEqual(1);
    }
    const notOverdue = (
      await t.call('GET', '/api/transfers?direction=outgoing&overdue=false', await t.as('xadoan'))
    ).json<TransferPage>();
    expect(notOverdue.items.map((i) => i.id)).not.toContain(sent.id);
  });

  it('refuses accepting into a closed branch, into a unit that is not a branch, or a transfer not sent', async () => {
    const m = await memberOf(t, 'TDP7', 'active', 0);
    const sent = await sentTransfer(t, m);
    const closed = await t.unitId('LN-TDP3');
    await t.database.db.update(units).set({ closedOn: '2026-01-01' }).where(eq(units.id, closed));
    const intoClosed = await t.call('POST', `/api/transfers/${sent.id}/accept`, lamDong.cookie, {
      version: sent.version,
      toUnitId: closed,
    });
    expect(intoClosed.statusCode).toBe(422);
    expect(intoClosed.json().error.message).toMatch(/đã ngừng hoạt động từ 01\/01\/2026/);
    const intoUnit = await t.call('POST', `/api/transfers/${sent.id}/accept`, lamDong.cookie, {
      version: sent.version,
      toUnitId: await t.unitId('LNG'),
    });
    expect(intoUnit.json().error.message).toMatch(/không phải là chi đoàn/);
    const elsewhere = await t.call('POST', `/api/transfers/${sent.id}/accept`, await t.as('admin'), {
      version: sent.version,
      toUnitId: await t.unitId('HT-THON1'),
    });
    expect(elsewhere.json().error.message).toMatch(/Giấy giới thiệu gửi "Đoàn thị trấn Liên Nghĩa"/);
    expect((await transferRow(t, sent.id)).status).toBe('sent');
    expect((await memberRow(t, m.id)).status).toBe('in_transit');

    const draft = await externalDraft(t, await t.as('xadoan'), await memberOf(t, 'TDP7', 'active', 0));
    const notSent = await t.call('POST', `/api/transfers/${draft.id}/accept`, await t.as('admin'), {
      version: draft.version,
      toUnitId: await t.unitId('LN-TDP1'),
    });
    expect(notSent.statusCode).toBe(422);
    expect(notSent.json().error.message).toMatch(/Chỉ tiếp nhận hoặc trả lại được khi đã gửi/);
    expect(
      (await t.call('POST', `/api/transfers/${draft.id}/accept`, lamDong.cookie, { version: draft.version }))
        .statusCode,
    ).toBe(404);
  });

  it('lets only one of two cadres accepting at the same time succeed', async () => {
    const m = await memberOf(t, 'TDP5', 'active', 0);
    const sent = await sentTransfer(t, m);
    const other = await t.accountWithRole('cadre', 'LDG');
    const results = await Promise.all([
      t.call('POST', `/api/transfers/${sent.id}/accept`, lamDong.cookie, {
        version: sent.version,
        toUnitId: await t.unitId('LN-TDP1'),
      }),
      t.call('POST', `/api/transfers/${sent.id}/accept`, other.cookie, {
        version: sent.version,
        toUnitId: await t.unitId('LN-TDP2'),
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = (await t.call('GET', `/api/members/${m.id}`, other.cookie)).json<MemberDetail>().events;
    expect(events.filter((e) => e.kind === 'branch_change')).toHaveLength(1);
  });

  it('leaves a transfer a draft, the member unchanged and no number used when the letter cannot be issued', async () => {
    const m = await memberOf(t, 'TDP4', 'active', 0);
    const xadoan = await t.as('xadoan');
    const draft = await externalDraft(t, xadoan, m);
    const member = await memberRow(t, m.id);
    const number = await lastNumber(t, 'HCH', year);
    const audits = await auditCount(t);
    await t.database.db.execute(sql`
      create function fail_document() returns trigger language plpgsql as $$
      begin raise exception 'disk full while storing the letter'; end $$`);
    await t.database.db.execute(
      sql`create trigger fail_document before insert on documents for each row execute function fail_document()`,
    );
    try {
      const res = await t.call('POST', `/api/transfers/${draft.id}/send`, xadoan, { version: draft.version });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.database.db.execute(sql`drop trigger fail_document on documents`);
      await t.database.db.execute(sql`drop function fail_document()`);
    }
    expect(await transferRow(t, draft.id)).toMatchObject({
      status: 'draft',
      version: draft.version,
      letterId: null,
      sentOn: null,
    });
    expect(await memberRow(t, m.id)).toMatchObject({ status: member.status, version: member.version });
    expect(await lastNumber(t, 'HCH', year)).toBe(number);
    expect(await auditCount(t)).toBe(audits);
    const retry = await t.call('POST', `/api/transfers/${draft.id}/send`, xadoan, { version: draft.version });
    expect(retry.json<TransferDetail>().letter?.numberText).toBe(`${number + 1}-GGT/ĐTN`);
  });
});
