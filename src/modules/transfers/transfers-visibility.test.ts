import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { TransferDetail, TransferLookupResult, TransferPage } from '../../contracts/transfers.js';
import { externalDraft, memberOf, sentTransfer } from './transfers.fixtures.js';

let t: TestApp;
let lamDong: { cookie: string };

beforeAll(async () => {
  t = await startTestApp();
  lamDong = await t.accountWithRole('cadre', 'LNG');
});
afterAll(async () => {
  await t.close();
});

describe('who sees what', () => {
  it('hides a transfer from an outsider, except what the lookup by exact code or CCCD reveals', async () => {
    const m = await memberOf(t, 'TDP3', 'active', 1);
    const sent = await sentTransfer(t, m, { toGrassrootsId: null, destinationText: 'Thành phố Hồ Chí Minh' });
    const outsider = await t.accountWithRole('cadre', 'HAN');
    expect((await t.call('GET', `/api/transfers/${sent.id}`, outsider.cookie)).statusCode).toBe(404);
    const list = (await t.call('GET', '/api/transfers', outsider.cookie)).json<TransferPage>();
    expect(list.items.map((i) => i.id)).not.toContain(sent.id);

    const found = await t.call('GET', `/api/transfers/incoming?code=${sent.code}`, outsider.cookie);
    expect(found.statusCode).toBe(200);
    const result = found.json<TransferLookupResult>();
    expect(Object.keys(result).sort()).toEqual(
      [
        'actions',
        'branchComment',
        'code',
        'destinationText',
        'dueOn',
        'feePaidUntil',
        'fromGrassroots',
        'fromProvince',
        'fromUnit',
        'id',
        'letterNumber',
        'member',
        'overdue',
        'reason',
        'sentOn',
        'status',
        'toGrassroots',
        'version',
      ].sort(),
    );
    expect(Object.keys(result.member).sort()).toEqual([
      'birthDate',
      'birthYearOnly',
      'cardNumber',
      'fullName',
      'gender',
    ]);
    expect(result).toMatchObject({
      fromGrassroots: 'Đoàn phường Hải Châu',
      fromProvince: 'Thành đoàn Đà Nẵng',
      actions: ['accept', 'return'],
    });
    expect(found.body).not.toContain(m.cccd);
    expect(found.body).not.toContain(m.id);

    // Not a draft, not an unknown code, not for a viewer, not for a sender reading their own.
    const draft = await externalDraft(t, await t.as('xadoan'), await memberOf(t, 'TDP3', 'active', 2));
    expect((await t.call('GET', `/api/transfers/incoming?code=${draft.code}`, outsider.cookie)).statusCode).toBe(404);
    expect((await t.call('GET', '/api/transfers/incoming?code=GT-2026-ZZZZZZ', outsider.cookie)).statusCode).toBe(404);
    expect((await t.call('GET', '/api/transfers/incoming?code=abc', outsider.cookie)).statusCode).toBe(400);
    const viewer = await t.accountWithRole('viewer', 'LDG');
    expect((await t.call('GET', `/api/transfers/incoming?code=${sent.code}`, viewer.cookie)).statusCode).toBe(403);
    const own = (
      await t.call('GET', `/api/transfers/incoming?code=${sent.code}`, await t.as('xadoan'))
    ).json<TransferLookupResult>();
    expect(own.actions).toEqual(['cancel']);
  });

  it('finds receiving units anywhere in the country for those who write, names only', async () => {
    const found = await t.call('GET', '/api/transfers/destinations?q=lien%20nghia', await t.as('bithu'));
    expect(found.json()).toEqual([
      {
        id: await t.unitId('LNG'),
        name: 'Đoàn thị trấn Liên Nghĩa',
        code: 'LNG',
        context: 'Huyện đoàn Đức Trọng, Tỉnh đoàn Lâm Đồng',
      },
    ]);
    const branches = (
      await t.call('GET', '/api/transfers/destinations?q=to%20dan%20pho%2011&level=branch', await t.as('bithu'))
    ).json<{ name: string; context: string }[]>();
    expect(branches).toEqual([
      expect.objectContaining({
        name: 'Chi đoàn Tổ dân phố 11',
        context: expect.stringContaining('Đoàn thị trấn Liên Nghĩa'),
      }),
    ]);
    const closed = (await t.call('GET', '/api/transfers/destinations?q=phuoc%20ninh', await t.as('bithu'))).json<
      unknown[]
    >();
    expect(closed).toEqual([]);
    const viewer = await t.accountWithRole('viewer', 'HCH');
    expect((await t.call('GET', '/api/transfers/destinations?q=lien', viewer.cookie)).statusCode).toBe(403);
  });

  it('lets the đoàn cơ sở cancel a sent transfer: the member is back as before', async () => {
    const m = await memberOf(t, 'TDP1', 'active', 4);
    const sent = await sentTransfer(t, m);
    expect(
      (await t.call('POST', `/api/transfers/${sent.id}/cancel`, await t.as('bithu'), { version: sent.version }))
        .statusCode,
    ).toBe(403);
    const res = await t.call('POST', `/api/transfers/${sent.id}/cancel`, await t.as('xadoan'), {
      version: sent.version,
      reason: 'Đoàn viên đổi ý',
    });
    expect(res.json<TransferDetail>()).toMatchObject({
      status: 'cancelled',
      member: { status: 'active' },
      actions: [],
    });
    const lookup = await t.call('GET', `/api/transfers/incoming?code=${sent.code}`, lamDong.cookie);
    expect(lookup.statusCode).toBe(404);
  });
});
