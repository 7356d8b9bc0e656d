import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import { transfers } from '../../db/schema/index.js';
import type { MemberDetail } from '../../contracts/members.js';
import type { HostedMember, TransferDetail, TransferSummary } from '../../contracts/transfers.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { addDays } from '../../domain/workflows/transfer.js';
import { memberOf, memberRow, transferRow } from './transfers.fixtures.js';
import { endLapsedTemporaries } from './transfers.temporary.js';

let t: TestApp;
let host: { cookie: string };
const today = todayInVietnam();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  t = await startTestApp();
  host = await t.accountWithRole('cadre', 'LN-TDP2');
});
afterAll(async () => {
  await t.close();
});

async function register(member: { id: string; version: number }, extra: Record<string, unknown> = {}) {
  return t.call('POST', '/api/transfers', await t.as('bithu'), {
    kind: 'temporary',
    memberId: member.id,
    memberVersion: member.version,
    toUnitId: await t.unitId('LN-TDP2'),
    startsOn: today,
    endsOn: addDays(today, 180),
    reason: 'Làm việc tại khu công nghiệp',
    ...extra,
  });
}

describe('temporary participation (sinh hoạt tạm thời)', () => {
  it('is registered by the home branch, accepted by the host, listed there, commented, then ended', async () => {
    const m = await memberOf(t, 'TDP1', 'active', 0);
    const res = await register(m);
    expect(res.statusCode).toBe(200);
    const registered = res.json<TransferDetail>();
    expect(registered).toMatchObject({ kind: 'temporary', status: 'sent', actions: ['cancel'] });
    expect(registered.code).toMatch(/^TT-/);
    expect((await memberRow(t, m.id)).status).toBe('active');

    const pending = (await t.call('GET', '/api/transfers/summary', host.cookie)).json<TransferSummary>();
    expect(pending.temporary.pending).toBe(1);
    const seen = (await t.call('GET', `/api/transfers/${registered.id}`, host.cookie)).json<TransferDetail>();
    expect(seen.actions).toEqual(['accept', 'return']);
    expect(seen.member.cccd).toMatch(/^\*+\d{3}$/);

    const accepted = await t.call('POST', `/api/transfers/${registered.id}/accept`, host.cookie, {
      version: seen.version,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<TransferDetail>()).toMatchObject({
      status: 'accepted',
      previousStatus: 'active',
      actions: ['end', 'comment'],
    });
    const member = await memberRow(t, m.id);
    expect(member.status).toBe('temporary_elsewhere');
    expect(member.unitId).toBe(await t.unitId('TDP1'));

    // The host sees the member's basics in its own list, not the member record.
    const hosted = (await t.call('GET', '/api/transfers/hosted', host.cookie)).json<HostedMember[]>();
    expect(hosted).toHaveLength(1);
    expect(hosted[0]).toMatchObject({
      memberId: m.id,
      homeUnit: 'Chi đoàn Tổ dân phố 1',
      homeGrassroots: 'Đoàn phường Hải Châu',
    });
    expect((await t.call('GET', `/api/members/${m.id}`, host.cookie)).statusCode).toBe(404);
    expect((await t.call('GET', '/api/transfers/hosted', await t.as('xadoan'))).json<HostedMember[]>()).toEqual([]);

    // The host's comment for the year lands in the member's history, read by the home branch.
    const comment = await t.call('POST', `/api/transfers/${registered.id}/comments`, host.cookie, {
      year,
      content: 'Tham gia đầy đủ sinh hoạt chi đoàn nơi cư trú.',
    });
    expect(comment.statusCode).toBe(200);
    expect(comment.json<TransferDetail>().comments).toEqual([
      { year, content: 'Tham gia đầy đủ sinh hoạt chi đoàn nơi cư trú.', onDate: today },
    ]);
    expect(
      (await t.call('POST', `/api/transfers/${registered.id}/comments`, await t.as('bithu'), { year, content: 'x' }))
        .statusCode,
    ).toBe(403);
    const home = (await t.call('GET', `/api/members/${m.id}`, await t.as('bithu'))).json<MemberDetail>();
    expect(home.events[0]).toMatchObject({
      kind: 'temporary_comment',
      unitName: 'Chi đoàn Tổ dân phố 11',
      note: 'Tham gia đầy đủ sinh hoạt chi đoàn nơi cư trú.',
    });
    expect(
      (await t.call('GET', '/api/transfers/hosted', host.cookie)).json<HostedMember[]>()[0]?.latestComment?.year,
    ).toBe(year);

    // The home branch ends it: the member is back to the status they had.
    const current = (
      await t.call('GET', `/api/transfers/${registered.id}`, await t.as('bithu'))
    ).json<TransferDetail>();
    expect(current.actions).toEqual(['end']);
    const ended = await t.call('POST', `/api/transfers/${registered.id}/end`, await t.as('bithu'), {
      version: current.version,
    });
    expect(ended.json<TransferDetail>()).toMatchObject({ status: 'ended', endsOn: today });
    expect((await memberRow(t, m.id)).status).toBe('active');
    expect((await t.call('GET', '/api/transfers/hosted', host.cookie)).json<HostedMember[]>()).toEqual([]);
  });

  it('ends by itself once the end date has passed', async () => {
    const m = await memberOf(t, 'TDP1', 'working_away', 0).catch(() => memberOf(t, 'TDP1', 'active', 3));
    const before = await memberRow(t, m.id);
    const registered = (await register(m)).json<TransferDetail>();
    await t.call('POST', `/api/transfers/${registered.id}/accept`, host.cookie, { version: registered.version });
    expect((await memberRow(t, m.id)).status).toBe('temporary_elsewhere');
    await t.database.db
      .update(transfers)
      .set({ startsOn: addDays(today, -200), endsOn: addDays(today, -1) })
      .where(eq(transfers.id, registered.id));
    expect((await t.call('GET', '/api/transfers/hosted', host.cookie)).json<HostedMember[]>()).toEqual([]);
    expect(await endLapsedTemporaries(t.database.db, today)).toBe(1);
    expect(await transferRow(t, registered.id)).toMatchObject({ status: 'ended', endsOn: addDays(today, -1) });
    expect((await memberRow(t, m.id)).status).toBe(before.status);
    expect(await endLapsedTemporaries(t.database.db, today)).toBe(0);
  });

  it('is refused by the host with a reason, or cancelled by the home branch while waiting', async () => {
    const a = await memberOf(t, 'TDP1', 'active', 5);
    const first = (await register(a)).json<TransferDetail>();
    const refused = await t.call('POST', `/api/transfers/${first.id}/return`, host.cookie, {
      version: first.version,
      reason: 'Không cư trú tại tổ dân phố',
    });
    expect(refused.statusCode).toBe(200);
    expect(await transferRow(t, first.id)).toMatchObject({
      status: 'returned',
      returnReason: 'Không cư trú tại tổ dân phố',
    });
    expect((await memberRow(t, a.id)).status).toBe('active');

    const second = (await register(await memberRow(t, a.id))).json<TransferDetail>();
    const cancelled = await t.call('POST', `/api/transfers/${second.id}/cancel`, await t.as('bithu'), {
      version: second.version,
    });
    expect(cancelled.json<TransferDetail>().status).toBe('cancelled');
    const late = await t.call('POST', `/api/transfers/${second.id}/accept`, host.cookie, { version: second.version });
    expect(late.statusCode).toBe(409);
  });

  it('refuses a period ending before it starts, a host that is not a branch, and a member already elsewhere', async () => {
    const m = await memberOf(t, 'TDP1', 'active', 6);
    const backwards = await register(m, { startsOn: addDays(today, 10), endsOn: today });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].field).toBe('endsOn');
    const notBranch = await register(m, { toUnitId: await t.unitId('LNG') });
    expect(notBranch.statusCode).toBe(422);
    const first = (await register(m)).json<TransferDetail>();
    const twice = await register(await memberRow(t, m.id));
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.message).toMatch(/chưa hoàn tất/);
    const external = await t.call('POST', '/api/transfers', await t.as('xadoan'), {
      kind: 'external',
      memberId: m.id,
      memberVersion: (await memberRow(t, m.id)).version,
      destinationText: 'Hà Nội',
    });
    expect(external.statusCode).toBe(422);
    expect(first.status).toBe('sent');
  });
});
