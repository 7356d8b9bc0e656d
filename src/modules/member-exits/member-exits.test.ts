import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { documents, memberEvents } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { MemberExitResult } from '../../contracts/member-exits.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { auditCount, counters, insertMember, memberRow } from './member-exits.fixtures.js';
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

const newMember = (fullName: string, extra = {}) =>
  insertMember(t.database.db, tdp1, { fullName, birthDate: '1999-09-09', ...extra });

describe('name removal', () => {
  it('removes a member by a decision of the đoàn cơ sở, with an event, the card ended and an audit row', async () => {
    const m = await newMember('Xóa Tên Một');
    const audits = await auditCount(t.database.db);
    const res = await t.call('POST', `/api/members/${m.id}/remove`, await t.as('xadoan'), {
      version: m.version,
      reason: 'Bỏ sinh hoạt đoàn quá 6 tháng không có lý do chính đáng',
      decidedOn: today,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<MemberExitResult>();
    expect(body.member.status).toBe('removed');
    expect(body.document?.numberText).toMatch(/^\d+-QĐ\/ĐTN$/);
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, body.document!.id));
    expect(doc).toMatchObject({ kind: 'removal_decision', unitId: hch, issuedOn: today });
    expect(JSON.stringify(doc!.data)).toContain('Xóa tên đồng chí Xóa Tên Một');
    const file = await t.call('GET', `/api/documents/${doc!.id}/file`, await t.as('xadoan'));
    const text = docxText(file.rawPayload);
    expect(text).toContain('V/v xóa tên đoàn viên Xóa Tên Một');
    expect(text).toContain(
      'Điều 1. Xóa tên đồng chí Xóa Tên Một, sinh ngày 09/09/1999, đoàn viên Chi đoàn Tổ dân phố 1',
    );
    expect((await memberRow(t.database.db, m.id)).cardNumber).toBeNull();
    const events = await t.database.db.select().from(memberEvents).where(eq(memberEvents.memberId, m.id));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'status_change', after: { status: 'removed' } }));
    expect(await auditCount(t.database.db)).toBe(audits + 2);
  });

  it('leaves the removal to the đoàn cơ sở, refuses a stale version, a future date and a member already gone', async () => {
    const m = await newMember('Xóa Tên Hai');
    const body = { version: m.version, reason: 'Tự ý bỏ sinh hoạt', decidedOn: today };
    const db = t.database.db;
    const [audits, docs] = [await auditCount(db), await counters(db, hch)];
    const branch = await t.call('POST', `/api/members/${m.id}/remove`, await t.as('bithu'), body);
    expect(branch.statusCode).toBe(403);
    expect(branch.json().error.message).toContain('Đoàn phường Hải Châu');
    const stale = await t.call('POST', `/api/members/${m.id}/remove`, await t.as('xadoan'), {
      ...body,
      version: m.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const future = await t.call('POST', `/api/members/${m.id}/remove`, await t.as('xadoan'), {
      ...body,
      decidedOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    const gone = await newMember('Đã Trưởng Thành Ba', { status: 'matured' });
    const refused = await t.call('POST', `/api/members/${gone.id}/remove`, await t.as('xadoan'), {
      ...body,
      version: gone.version,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/không còn sinh hoạt đoàn \(tình trạng: Đã trưởng thành\)/);
    expect(await auditCount(db)).toBe(audits);
    expect(await counters(db, hch)).toEqual(docs);
    expect((await memberRow(db, m.id)).status).toBe('active');
  });
});

describe('what the page offers', () => {
  it('offers removal to the đoàn cơ sở only, and nothing once the member has left', async () => {
    const m = await newMember('Thủ Tục Sáu');
    const url = `/api/members/${m.id}/procedure-actions`;
    expect((await t.call('GET', url, await t.as('bithu'))).json()).toEqual({
      remove: false,
      death: true,
      discipline: true,
      partyProposal: true,
    });
    expect((await t.call('GET', url, await t.as('xadoan'))).json()).toMatchObject({ remove: true });
    const gone = await newMember('Đã Mất Bảy', { status: 'deceased' });
    expect((await t.call('GET', `/api/members/${gone.id}/procedure-actions`, await t.as('xadoan'))).json()).toEqual({
      remove: false,
      death: false,
      discipline: false,
      partyProposal: false,
    });
  });
});

describe('death', () => {
  it('lets the branch record a death without a document, once', async () => {
    const m = await newMember('Báo Tử Bốn');
    const docs = await counters(t.database.db, hch);
    const res = await t.call('POST', `/api/members/${m.id}/death`, await t.as('bithu'), {
      version: m.version,
      diedOn: today,
      note: 'Tai nạn giao thông',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<MemberExitResult>()).toMatchObject({ member: { status: 'deceased' }, document: null });
    expect(await counters(t.database.db, hch)).toEqual(docs);
    const events = await t.database.db.select().from(memberEvents).where(eq(memberEvents.memberId, m.id));
    expect(events.find((e) => e.kind === 'status_change')?.note).toMatch(/^Từ trần ngày .* Tai nạn giao thông$/);
    const again = await t.call('POST', `/api/members/${m.id}/death`, await t.as('bithu'), {
      version: m.version + 1,
      diedOn: today,
    });
    expect(again.statusCode).toBe(422);
  });

  it('refuses a date before birth and an outsider', async () => {
    const m = await newMember('Báo Tử Năm');
    const early = await t.call('POST', `/api/members/${m.id}/death`, await t.as('bithu'), {
      version: m.version,
      diedOn: '1990-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0]).toMatchObject({ field: 'diedOn' });
    const outsider = (await t.accountWithRole('cadre', 'HAN')).cookie;
    const res = await t.call('POST', `/api/members/${m.id}/death`, outsider, { version: m.version, diedOn: today });
    expect(res.statusCode).toBe(404);
  });
});
