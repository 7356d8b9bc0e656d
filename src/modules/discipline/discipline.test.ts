import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { disciplines, documents, memberCards, memberEvents } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { DisciplineDto, DisciplineList, DisciplineOptions } from '../../contracts/discipline.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { auditCount, counters, insertMember, memberRow } from '../member-exits/member-exits.fixtures.js';
import { docxText } from '../documents/documents.render.js';

let t: TestApp;
let hch: string;
let tdp1: string;
const today = todayInVietnam();

beforeAll(async () => {
  t = await startTestApp();
  hch = await t.unitId('HCH');
  tdp1 = await t.unitId('TDP1');
});
afterAll(async () => {
  await t.close();
});

const vote = { meetingOn: today, eligibleCount: 9, presentCount: 7, inFavourCount: 5, secretBallot: true };
async function memberBody(memberId: string, form: string, decidingUnitId: string, extra: Record<string, unknown> = {}) {
  return {
    subjectKind: 'member',
    memberId,
    memberVersion: (await memberRow(t.database.db, memberId)).version,
    decidingUnitId,
    form,
    reason: 'Vi phạm Điều lệ Đoàn, bỏ sinh hoạt nhiều lần không có lý do',
    decidedOn: today,
    effectiveOn: today,
    ...vote,
    ...extra,
  };
}
const newMember = (fullName: string, extra = {}) =>
  insertMember(t.database.db, tdp1, { fullName, birthDate: '2000-05-05', ...extra });

describe('a branch decides a reprimand', () => {
  it('records the vote, the decision document, an event and an audit row', async () => {
    const m = await newMember('Khiển Trách Một');
    const audits = await auditCount(t.database.db);
    const res = await t.call(
      'POST',
      '/api/disciplines',
      await t.as('bithu'),
      await memberBody(m.id, 'reprimand', tdp1),
    );
    expect(res.statusCode).toBe(200);
    const d = res.json<DisciplineDto>();
    expect(d).toMatchObject({
      formLabel: 'Khiển trách',
      decidingUnitId: tdp1,
      status: 'decided',
      memberName: 'Khiển Trách Một',
      canAnnul: true,
    });
    expect(d.decision?.numberText).toMatch(/^\d+-QĐ\/ĐTN$/);
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, d.decision!.id));
    expect(doc).toMatchObject({ kind: 'discipline_decision', unitId: tdp1, signerTitle: null });
    const file = await t.call('GET', `/api/documents/${doc!.id}/file`, await t.as('bithu'));
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const text = docxText(file.rawPayload);
    expect(text).toContain('V/v thi hành kỷ luật khiển trách đối với đồng chí Khiển Trách Một');
    expect(text).toContain('QUYẾT ĐỊNH:');
    expect(text).toContain('Điều 1. Thi hành kỷ luật bằng hình thức khiển trách đối với đồng chí Khiển Trách Một');
    expect((await memberRow(t.database.db, m.id)).status).toBe('active');
    const events = await t.database.db.select().from(memberEvents).where(eq(memberEvents.memberId, m.id));
    expect(events.map((e) => e.kind)).toEqual(['discipline']);
    expect(await auditCount(t.database.db)).toBe(audits + 2);

    const mine = (await t.call('GET', `/api/disciplines?memberId=${m.id}`, await t.as('bithu'))).json<DisciplineList>();
    expect(mine.items.map((i) => i.id)).toEqual([d.id]);
  });

  it('refuses a warning decided by the branch, and a vote without quorum, leaving nothing behind', async () => {
    const m = await newMember('Cảnh Cáo Hai');
    const db = t.database.db;
    const [audits, docs] = [await auditCount(db), await counters(db, tdp1)];
    const warning = await t.call(
      'POST',
      '/api/disciplines',
      await t.as('bithu'),
      await memberBody(m.id, 'warning', tdp1),
    );
    expect(warning.statusCode).toBe(422);
    expect(warning.json().error.details[0]).toMatchObject({ field: 'decidingUnitId' });
    const noQuorum = await t.call(
      'POST',
      '/api/disciplines',
      await t.as('bithu'),
      await memberBody(m.id, 'reprimand', tdp1, { presentCount: 5, inFavourCount: 5 }),
    );
    expect(noQuorum.statusCode).toBe(422);
    expect(noQuorum.json().error.message).toMatch(/không đủ số lượng.*6\/9/);
    const noMajority = await t.call(
      'POST',
      '/api/disciplines',
      await t.as('bithu'),
      await memberBody(m.id, 'reprimand', tdp1, { presentCount: 8, inFavourCount: 4 }),
    );
    expect(noMajority.statusCode).toBe(422);
    const before = await t.call(
      'POST',
      '/api/disciplines',
      await t.as('bithu'),
      await memberBody(m.id, 'reprimand', tdp1, { effectiveOn: '2000-01-01' }),
    );
    expect(before.statusCode).toBe(400);
    expect(before.json().error.details[0]).toMatchObject({ field: 'effectiveOn' });
    expect(await auditCount(db)).toBe(audits);
    expect(await counters(db, tdp1)).toEqual(docs);
    expect(await db.select().from(disciplines).where(eq(disciplines.memberId, m.id))).toEqual([]);
  });

  it('offers the branch only the forms it may decide', async () => {
    const m = await newMember('Lựa Chọn Ba');
    const options = (
      await t.call('GET', `/api/disciplines/options?memberId=${m.id}`, await t.as('bithu'))
    ).json<DisciplineOptions>();
    expect(options.quorum).toEqual([2, 3]);
    const deciders = Object.fromEntries(options.forms.map((f) => [f.key, f.deciders.map((d) => d.id)]));
    expect(deciders).toEqual({ reprimand: [tdp1], warning: [], removal_from_post: [], expulsion: [] });
    const commune = (
      await t.call('GET', `/api/disciplines/options?memberId=${m.id}`, await t.as('xadoan'))
    ).json<DisciplineOptions>();
    expect(commune.forms.find((f) => f.key === 'warning')!.deciders.map((d) => d.id)).toEqual([hch]);
    expect(commune.forms.find((f) => f.key === 'reprimand')!.deciders.map((d) => d.id)).toEqual([tdp1, hch]);
  });
});

describe('the đoàn cơ sở decides heavier forms', () => {
  it('removes a member from post and expels another, ending the card', async () => {
    const cookie = await t.as('xadoan');
    const deputy = await newMember('Cách Chức Bốn', { position: 'Phó Bí thư' });
    const removed = await t.call(
      'POST',
      '/api/disciplines',
      cookie,
      await memberBody(deputy.id, 'removal_from_post', hch),
    );
    expect(removed.statusCode).toBe(200);
    const afterRemoval = await memberRow(t.database.db, deputy.id);
    expect(afterRemoval).toMatchObject({ position: null, status: 'active' });
    const kinds = (await t.database.db.select().from(memberEvents).where(eq(memberEvents.memberId, deputy.id))).map(
      (e) => e.kind,
    );
    expect(kinds.sort()).toEqual(['discipline', 'position_change']);

    const m = await newMember('Khai Trừ Năm');
    const expelled = await t.call('POST', '/api/disciplines', cookie, await memberBody(m.id, 'expulsion', hch));
    expect(expelled.statusCode).toBe(200);
    expect(expelled.json<DisciplineDto>().decision).not.toBeNull();
    const row = await memberRow(t.database.db, m.id);
    expect(row).toMatchObject({ status: 'expelled', cardNumber: null });
    const cards = await t.database.db.select().from(memberCards).where(eq(memberCards.memberId, m.id));
    expect(cards.every((c) => c.status !== 'active')).toBe(true);

    const again = await t.call('POST', '/api/disciplines', cookie, await memberBody(m.id, 'reprimand', hch));
    expect(again.statusCode).toBe(422);
  });

  it('lets one of two concurrent decisions on a member through and answers the other with 409', async () => {
    const m = await newMember('Đồng Thời Sáu');
    const body = await memberBody(m.id, 'warning', hch);
    const [a, b] = await Promise.all([
      t.call('POST', '/api/disciplines', await t.as('xadoan'), body),
      t.call('POST', '/api/disciplines', await t.as('tinhdoan'), body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await t.database.db.select().from(disciplines).where(eq(disciplines.memberId, m.id))).toHaveLength(1);
  });

  it('records the dissolution of a branch on the unit and leaves the unit open', async () => {
    const tdp7 = await t.unitId('TDP7');
    const res = await t.call('POST', '/api/disciplines', await t.as('xadoan'), {
      subjectKind: 'unit',
      subjectUnitId: tdp7,
      decidingUnitId: hch,
      form: 'dissolution',
      reason: 'Không duy trì sinh hoạt trong 12 tháng',
      decidedOn: today,
      effectiveOn: today,
      ...vote,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<DisciplineDto>()).toMatchObject({ subjectKind: 'unit', subjectUnitId: tdp7, dissolvesUnit: true });
    const unit = await t.call('GET', `/api/units/${tdp7}`, await t.as('xadoan'));
    expect(unit.json<{ closedOn: string | null }>().closedOn).toBeNull();
    const branchDecides = await t.call('POST', '/api/disciplines', await t.as('bithu'), {
      subjectKind: 'unit',
      subjectUnitId: tdp1,
      decidingUnitId: tdp1,
      form: 'unit_reprimand',
      reason: 'x',
      decidedOn: today,
      effectiveOn: today,
      ...vote,
    });
    expect(branchDecides.statusCode).toBe(422);
    const list = (await t.call('GET', `/api/disciplines?unitId=${hch}`, await t.as('xadoan'))).json<DisciplineList>();
    expect(list.items.some((i) => i.subjectUnitId === tdp7 && i.form === 'dissolution')).toBe(true);
  });
});

describe('annulment', () => {
  it('annuls once with a reason, keeping the effects, and only by the deciding level', async () => {
    const m = await newMember('Hủy Bảy', { position: 'Ủy viên' });
    const d = (
      await t.call('POST', '/api/disciplines', await t.as('xadoan'), await memberBody(m.id, 'removal_from_post', hch))
    ).json<DisciplineDto>();
    const body = { version: d.version, annulledOn: today, reason: 'Cấp trên xem xét lại, không đủ căn cứ' };
    const branch = await t.call('POST', `/api/disciplines/${d.id}/annul`, await t.as('bithu'), body);
    expect(branch.statusCode).toBe(403);
    const ok = await t.call('POST', `/api/disciplines/${d.id}/annul`, await t.as('xadoan'), body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<DisciplineDto>()).toMatchObject({ status: 'annulled', annulReason: body.reason, canAnnul: false });
    expect((await memberRow(t.database.db, m.id)).position).toBeNull();
    expect((await t.call('POST', `/api/disciplines/${d.id}/annul`, await t.as('xadoan'), body)).statusCode).toBe(409);
  });
});
