import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { comingOfAgeRecords, documents, memberEvents } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type {
  ComingOfAgeExceptionDto,
  ComingOfAgeList,
  ProcessComingOfAgeResult,
} from '../../contracts/coming-of-age.js';
import { auditCount, counters, insertMember, LAST_YEAR, memberRow } from '../member-exits/member-exits.fixtures.js';

let t: TestApp;
let hch: string;
const ids: Record<string, string> = {};
const Y = LAST_YEAR;
const CEREMONY = `${Y}-12-22`;

beforeAll(async () => {
  t = await startTestApp();
  hch = await t.unitId('HCH');
  const tdp2 = await t.unitId('TDP2');
  const tdp3 = await t.unitId('TDP3');
  const db = t.database.db;
  const add = async (key: string, unitId: string, fullName: string, birthDate: string, extra = {}) => {
    ids[key] = (await insertMember(db, unitId, { fullName, birthDate, ...extra })).id;
  };
  await add('due1', tdp2, 'Trưởng Thành Một', `${Y - 30}-02-10`);
  await add('due2', tdp3, 'Trưởng Thành Hai', `${Y - 30}-11-30`);
  await add('overdue', tdp2, 'Quá Hạn Ba', `${Y - 32}-05-05`);
  await add('young', tdp2, 'Còn Trẻ Bốn', `${Y - 29}-01-01`);
  await add('committee', tdp3, 'Ủy Viên Năm', `${Y - 30}-04-04`, { position: 'Ủy viên BCH' });
  await add('extended', tdp2, 'Gia Hạn Sáu', `${Y - 30}-08-08`);
  await add('left', tdp2, 'Đã Chuyển Bảy', `${Y - 30}-03-03`, { status: 'removed' });
});
afterAll(async () => {
  await t.close();
});

const list = async (cookie: string, unitCode = 'HCH', year = Y) =>
  t.call('GET', `/api/coming-of-age?unitId=${await t.unitId(unitCode)}&year=${year}`, cookie);
const version = async (key: string) => (await memberRow(t.database.db, ids[key]!)).version;
const batch = async (...keys: string[]) =>
  Promise.all(keys.map(async (k) => ({ id: ids[k]!, version: await version(k) })));

describe('exceptions', () => {
  it('records a committee exception and an extension up to the 35th birthday, refusing more', async () => {
    const cookie = await t.as('xadoan');
    const committee = await t.call('POST', '/api/coming-of-age/exceptions', cookie, {
      memberId: ids.committee,
      reason: 'committee',
      note: 'Ủy viên Ban Chấp hành Đoàn phường nhiệm kỳ 2022–2027',
    });
    expect(committee.statusCode).toBe(200);
    expect(committee.json<ComingOfAgeExceptionDto>()).toMatchObject({ reason: 'committee', valid: true });

    const tooLong = await t.call('POST', '/api/coming-of-age/exceptions', cookie, {
      memberId: ids.extended,
      reason: 'extension',
      validUntil: `${Y + 5}-08-09`,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details[0]).toMatchObject({ field: 'validUntil' });
    expect(tooLong.json().error.message).toContain(`08/08/${Y + 5}`);

    const ok = await t.call('POST', '/api/coming-of-age/exceptions', cookie, {
      memberId: ids.extended,
      reason: 'extension',
      validUntil: `${Y + 5}-08-08`,
    });
    expect(ok.statusCode).toBe(200);
    const second = await t.call('POST', '/api/coming-of-age/exceptions', cookie, {
      memberId: ids.extended,
      reason: 'full_time',
    });
    expect(second.statusCode).toBe(422);
  });

  it('lets only the đoàn cơ sở record an exception, and revokes once', async () => {
    const tdp1 = await t.unitId('TDP1');
    const mine = await insertMember(t.database.db, tdp1, { fullName: 'Chi Đoàn Tám', birthDate: `${Y - 30}-01-01` });
    const bithu = await t.call('POST', '/api/coming-of-age/exceptions', await t.as('bithu'), {
      memberId: mine.id,
      reason: 'committee',
    });
    expect(bithu.statusCode).toBe(403);

    const cookie = await t.as('xadoan');
    const created = (
      await t.call('POST', '/api/coming-of-age/exceptions', cookie, { memberId: mine.id, reason: 'full_time' })
    ).json<ComingOfAgeExceptionDto>();
    const revoke = await t.call('POST', `/api/coming-of-age/exceptions/${created.id}/revoke`, cookie);
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json<ComingOfAgeExceptionDto>()).toMatchObject({ valid: false });
    expect((await t.call('POST', `/api/coming-of-age/exceptions/${created.id}/revoke`, cookie)).statusCode).toBe(409);
    const all = (await t.call('GET', `/api/coming-of-age/exceptions?unitId=${hch}&includeRevoked=true`, cookie)).json<
      ComingOfAgeExceptionDto[]
    >();
    expect(all.map((e) => e.memberName)).toEqual(expect.arrayContaining(['Chi Đoàn Tám', 'Ủy Viên Năm']));
  });
});

describe('the yearly list', () => {
  it('lists the members of the year and the overdue ones, leaving out exceptions, the young and those who left', async () => {
    const res = await list(await t.as('xadoan'));
    expect(res.statusCode).toBe(200);
    const body = res.json<ComingOfAgeList>();
    expect(body).toMatchObject({ year: Y, age: 30, extensionMaxAge: 35, canProcess: true });
    expect(body.grassroots?.id).toBe(hch);
    expect(body.ceremonyDates).toEqual([`${Y}-03-26`, `${Y}-05-19`, `${Y}-10-15`, `${Y}-12-22`]);
    const due = new Map(body.due.map((m) => [m.memberId, m]));
    expect(due.get(ids.due1!)).toMatchObject({ overdue: false, turnsOn: `${Y}-02-10`, exception: null });
    expect(due.get(ids.overdue!)).toMatchObject({ overdue: true });
    for (const key of ['committee', 'extended', 'young', 'left']) expect(due.has(ids[key]!)).toBe(false);
    expect(body.excepted.map((m) => m.memberId)).toEqual(expect.arrayContaining([ids.committee, ids.extended]));
  });

  it('shows a branch list to its secretary without the right to process', async () => {
    const res = await list(await t.as('bithu'), 'TDP1');
    expect(res.statusCode).toBe(200);
    expect(res.json<ComingOfAgeList>()).toMatchObject({ canProcess: false, grassroots: { id: hch } });
    expect((await list(await t.as('bithu'), 'TDP2')).statusCode).toBe(404);
  });
});

describe('processing a batch', () => {
  it('refuses a ceremony date that is not configured, and changes nothing', async () => {
    const db = t.database.db;
    const [audits, docs, before] = [await auditCount(db), await counters(db, hch), await memberRow(db, ids.due1!)];
    const res = await t.call('POST', '/api/coming-of-age/process', await t.as('xadoan'), {
      unitId: hch,
      year: Y,
      ceremonyOn: `${Y}-12-21`,
      members: await batch('due1'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'ceremonyOn' });
    expect(res.json().error.message).toContain(`22/12/${Y}`);
    expect(await auditCount(db)).toBe(audits);
    expect(await counters(db, hch)).toEqual(docs);
    expect(await memberRow(db, ids.due1!)).toEqual(before);
  });

  it('refuses the whole batch when one member cannot come of age', async () => {
    const db = t.database.db;
    const [audits, docs] = [await auditCount(db), await counters(db, hch)];
    const res = await t.call('POST', '/api/coming-of-age/process', await t.as('xadoan'), {
      unitId: hch,
      year: Y,
      ceremonyOn: CEREMONY,
      members: await batch('due1', 'young', 'committee'),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['members.1', 'members.2']);
    expect((await memberRow(db, ids.due1!)).status).toBe('active');
    expect(await auditCount(db)).toBe(audits);
    expect(await counters(db, hch)).toEqual(docs);
    const records = await db.select({ n: count() }).from(comingOfAgeRecords);
    expect(records[0]!.n).toBe(0);
  });

  it('refuses a branch as the deciding unit, an outsider, and a stale version', async () => {
    const body = { year: Y, ceremonyOn: CEREMONY, members: await batch('due1') };
    const branch = await t.call('POST', '/api/coming-of-age/process', await t.as('xadoan'), {
      ...body,
      unitId: await t.unitId('TDP2'),
    });
    expect(branch.statusCode).toBe(400);
    expect(branch.json().error.details[0]).toMatchObject({ field: 'unitId' });
    expect(
      (await t.call('POST', '/api/coming-of-age/process', await t.as('bithu'), { ...body, unitId: hch })).statusCode,
    ).toBe(404);
    const stale = await t.call('POST', '/api/coming-of-age/process', await t.as('xadoan'), {
      ...body,
      unitId: hch,
      members: [{ id: ids.due1, version: (await version('due1')) + 1 }],
    });
    expect(stale.statusCode).toBe(409);
  });

  it('matures every member of the batch with a record, a certificate, an event and an audit row', async () => {
    const db = t.database.db;
    const audits = await auditCount(db);
    const res = await t.call('POST', '/api/coming-of-age/process', await t.as('xadoan'), {
      unitId: hch,
      year: Y,
      ceremonyOn: CEREMONY,
      members: await batch('due1', 'due2', 'overdue'),
      signerName: 'Lê Văn Hùng',
    });
    expect(res.statusCode).toBe(200);
    const { processed } = res.json<ProcessComingOfAgeResult>();
    expect(processed).toHaveLength(3);
    const numbers = processed.map((p) => p.certificate!.numberText);
    expect(numbers.every((n) => /^\d+-GCN\/ĐTN$/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(3);
    for (const key of ['due1', 'due2', 'overdue']) {
      const m = await memberRow(db, ids[key]!);
      expect(m.status).toBe('matured');
      const events = await db.select().from(memberEvents).where(eq(memberEvents.memberId, m.id));
      expect(events).toContainEqual(
        expect.objectContaining({ kind: 'status_change', onDate: CEREMONY, after: { status: 'matured' } }),
      );
    }
    const [doc] = await db.select().from(documents).where(eq(documents.id, processed[0]!.certificate!.id));
    expect(doc).toMatchObject({ kind: 'coming_of_age_certificate', unitId: hch, issuedOn: CEREMONY });
    const file = await t.call('GET', `/api/documents/${doc!.id}/file`, await t.as('xadoan'));
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await auditCount(db)).toBeGreaterThanOrEqual(audits + 6);

    const after = (await list(await t.as('xadoan'))).json<ComingOfAgeList>();
    expect(after.due.map((m) => m.memberId)).not.toContain(ids.due1);
    expect(after.processed.map((p) => p.memberId)).toEqual(expect.arrayContaining([ids.due1, ids.due2, ids.overdue]));

    const again = await t.call('POST', '/api/coming-of-age/process', await t.as('xadoan'), {
      unitId: hch,
      year: Y,
      ceremonyOn: CEREMONY,
      members: await batch('due1'),
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toMatch(/không còn sinh hoạt/);
  });
});
