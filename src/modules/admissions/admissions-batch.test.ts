import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { BatchResult, CandidateDetail } from '../../contracts/admissions.js';
import { admissionCandidates, documents, members } from '../../db/schema/index.js';
import { application, daysAgo, footprint, propose, voted } from './admissions.fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const names = ['Nguyễn Văn Một', 'Trần Thị Hai', 'Lê Văn Ba'];

async function votedClass(codes: string[]): Promise<CandidateDetail[]> {
  const xadoan = await t.as('xadoan');
  const out: CandidateDetail[] = [];
  for (const [i, code] of codes.entries()) {
    const c = await propose(
      t,
      xadoan,
      await application(t, code, { fullName: names[i] ?? `Phan Văn Số ${'I'.repeat(i)}` }),
    );
    out.push(await voted(t, xadoan, c));
  }
  return out;
}

const items = (list: { id: string; version: number }[]) => list.map((c) => ({ id: c.id, version: c.version }));
const statuses = async (ids: string[]) =>
  (
    await t.database.db
      .select({ status: admissionCandidates.status })
      .from(admissionCandidates)
      .where(inArray(admissionCandidates.id, ids))
  ).map((r) => r.status);

describe('batch admission', () => {
  it('approves a class in one decision with the list attached, then admits it at one ceremony', async () => {
    const list = await votedClass(['TDP1', 'TDP2', 'TDP3']);
    const tinhdoan = await t.as('tinhdoan');
    const res = await t.call('POST', '/api/admissions/approve-batch', tinhdoan, {
      items: items(list),
      approvedOn: daysAgo(20),
    });
    expect(res.statusCode, res.body).toBe(200);
    const approved = res.json<BatchResult>();
    expect(approved.items.map((i) => [i.fullName, i.status])).toEqual(names.map((n) => [n, 'approved']));
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, approved.decision!.id));
    expect(doc).toMatchObject({ kind: 'batch_admission', subject: 'Chuẩn y kết nạp 3 đoàn viên mới' });
    const data = doc!.data as { rows: Record<string, string>[]; columns: Record<string, string> };
    expect(data.columns).toEqual({ stt: 'STT', fullName: 'Họ và tên', birthDate: 'Ngày sinh', branch: 'Chi đoàn' });
    expect(data.rows.map((r) => [r.stt, r.fullName, r.branch])).toEqual([
      ['1', 'Nguyễn Văn Một', 'Chi đoàn Tổ dân phố 1'],
      ['2', 'Trần Thị Hai', 'Chi đoàn Tổ dân phố 2'],
      ['3', 'Lê Văn Ba', 'Chi đoàn Tổ dân phố 3'],
    ]);
    const decisions = await t.database.db
      .select({ decisionId: admissionCandidates.decisionId })
      .from(admissionCandidates)
      .where(
        inArray(
          admissionCandidates.id,
          list.map((c) => c.id),
        ),
      );
    expect(new Set(decisions.map((d) => d.decisionId))).toEqual(new Set([approved.decision!.id]));

    const admitted = await t.call('POST', '/api/admissions/admit-batch', await t.as('xadoan'), {
      items: items(approved.items),
      ceremonyOn: daysAgo(3),
    });
    expect(admitted.statusCode, admitted.body).toBe(200);
    const result = admitted.json<BatchResult>();
    expect(result.items.every((i) => i.status === 'admitted' && i.memberId)).toBe(true);
    expect(result.warnings).toEqual([]);
    const cards = result.items.map((i) => i.cardNumber);
    expect(new Set(cards).size).toBe(3);
    const created = await t.database.db
      .select({ unitId: members.unitId, joinedOn: members.joinedOn })
      .from(members)
      .where(
        inArray(
          members.id,
          result.items.map((i) => i.memberId!),
        ),
      );
    expect(created.every((m) => m.joinedOn === daysAgo(3))).toBe(true);
  });

  it('approves nothing when one candidate of the class cannot be approved', async () => {
    const list = await votedClass(['TDP4', 'TDP5']);
    const xadoan = await t.as('xadoan');
    const pending = await propose(t, xadoan, await application(t, 'TDP6', { fullName: 'Võ Thị Chưa Họp' }));
    const before = await footprint(t);
    const res = await t.call('POST', '/api/admissions/approve-batch', await t.as('tinhdoan'), {
      items: items([...list, pending]),
      approvedOn: daysAgo(20),
    });
    expect(res.statusCode).toBe(422);
    const error = res.json<{ error: { message: string; details: { field: string; message: string }[] } }>().error;
    expect(error.details).toEqual([
      { field: 'items.2', message: 'Võ Thị Chưa Họp: hồ sơ đang ở bước “Đã nộp đơn”: không thể chuẩn y kết nạp.' },
    ]);
    expect(await footprint(t)).toEqual(before);
    expect(await statuses([...list, pending].map((c) => c.id))).toEqual(['voted', 'voted', 'applied']);
  });

  it('approves nothing when a date is before one meeting, or the class has two deciding units', async () => {
    const list = await votedClass(['TDP7']);
    const nth = (await t.accountWithRole('cadre', 'NTH')).cookie;
    const other = await voted(t, nth, await propose(t, nth, await application(t, 'NT-THON2')));
    const attempt = async (cookie: string, body: unknown, status: number) => {
      const before = await footprint(t);
      const res = await t.call('POST', '/api/admissions/approve-batch', cookie, body);
      expect(res.statusCode).toBe(status);
      expect(await footprint(t)).toEqual(before);
      return res.json<{ error: { message: string; details: { field: string }[] } }>().error;
    };
    const early = await attempt(await t.as('tinhdoan'), { items: items(list), approvedOn: daysAgo(31) }, 422);
    expect(early.details[0]?.field).toBe('items.0');
    const mixed = await attempt(await t.as('admin'), { items: items([...list, other]), approvedOn: daysAgo(10) }, 422);
    expect(mixed.message).toMatch(/cùng một đơn vị chuẩn y/);
    await attempt(await t.as('xadoan'), { items: items(list), approvedOn: daysAgo(10) }, 403);
    await attempt(await t.as('tinhdoan'), { items: [...items(list), ...items(list)], approvedOn: daysAgo(10) }, 400);
  });

  it('admits nothing when one ceremony date is before its approval', async () => {
    const list = await votedClass(['TDP1', 'TDP2']);
    const tinhdoan = await t.as('tinhdoan');
    const first = (
      await t.call('POST', `/api/admissions/${list[0]!.id}/approve`, tinhdoan, {
        version: list[0]!.version,
        approvedOn: daysAgo(20),
      })
    ).json<CandidateDetail>();
    const second = (
      await t.call('POST', `/api/admissions/${list[1]!.id}/approve`, tinhdoan, {
        version: list[1]!.version,
        approvedOn: daysAgo(5),
      })
    ).json<CandidateDetail>();
    const before = await footprint(t);
    const res = await t.call('POST', '/api/admissions/admit-batch', await t.as('xadoan'), {
      items: items([first, second]),
      ceremonyOn: daysAgo(10),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['items.1']);
    expect(await footprint(t)).toEqual(before);
    expect(await statuses([first.id, second.id])).toEqual(['approved', 'approved']);
  });
});
