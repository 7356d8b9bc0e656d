import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, ne } from 'drizzle-orm';
import { auditLog, members, user } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { MemberDetail } from '../../contracts/members.js';
import type { ChangeRequestDto, ChangeRequestPage, SelfProfile } from '../../contracts/self-service.js';
import { DEMO_MEMBER } from './self-service.fixtures.js';

let t: TestApp;
let member: string;
let memberId: string;
beforeAll(async () => {
  t = await startTestApp();
  member = await t.login(DEMO_MEMBER.username, DEMO_MEMBER.password);
  memberId = (await t.call('GET', '/api/me/member', member)).json<SelfProfile>().id;
});
afterAll(async () => {
  await t.close();
});

const ask = (changes: Record<string, unknown>, note?: string) =>
  t.call('POST', '/api/me/change-requests', member, { changes, ...(note ? { note } : {}) });
const decide = async (id: string, decision: 'approve' | 'reject', cookie: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/member-change-requests/${id}/${decision}`, cookie, body);
const requestAudits = async () =>
  (await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'member_change_request')))[0]
    ?.n ?? 0;

describe('identity change requests', () => {
  it('keeps only the changed fields, one pending request at a time, and refuses bad values', async () => {
    const res = await ask({ fullName: 'Phạm  Minh Tuấn Anh', ethnicity: 'Kinh' }, 'Theo giấy khai sinh.');
    expect(res.statusCode).toBe(200);
    const request = res.json<ChangeRequestDto>();
    expect(request).toMatchObject({
      status: 'pending',
      changes: { fullName: 'Phạm Minh Tuấn Anh' },
      previous: { fullName: DEMO_MEMBER.name },
      unitName: 'Chi đoàn Tổ dân phố 1',
      note: 'Theo giấy khai sinh.',
      version: 1,
    });

    const second = await ask({ hometown: 'Hội An' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/đang có một yêu cầu chờ chi đoàn duyệt/);

    const withdrawn = await t.call('POST', `/api/me/change-requests/${request.id}/withdraw`, member, { version: 1 });
    expect(withdrawn.json<ChangeRequestDto>()).toMatchObject({ status: 'withdrawn', version: 2 });
    const again = await t.call('POST', `/api/me/change-requests/${request.id}/withdraw`, member, { version: 2 });
    expect(again.statusCode).toBe(409);

    const bad = await ask({ cccd: '12345', birthDate: '2003-02-30' });
    expect(bad.statusCode).toBe(400);
    const fields = Object.fromEntries(
      (bad.json().error.details as { field: string; message: string }[]).map((d) => [d.field, d.message]),
    );
    expect(fields).toEqual({
      'changes.cccd': 'Số CCCD phải gồm đúng 12 chữ số (đang có 5 chữ số).',
      'changes.birthDate': 'Ngày không tồn tại.',
    });
    const nothing = await ask({ fullName: DEMO_MEMBER.name });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.message).toBe('Thông tin đề nghị sửa giống hồ sơ hiện tại: không có gì để gửi.');

    const [other] = await t.database.db
      .select({ cccd: members.cccd })
      .from(members)
      .where(and(eq(members.status, 'active'), ne(members.id, memberId)))
      .limit(1);
    const taken = await ask({ cccd: other!.cccd });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.details[0].field).toBe('changes.cccd');
  });

  it('is listed for the branch and the commune, not for an outsider; approval writes the record once', async () => {
    const request = (
      await ask({ fullName: 'Phạm Minh Tuấn Anh', hometown: 'Hội An, Quảng Nam' })
    ).json<ChangeRequestDto>();
    const bithu = await t.as('bithu');
    const xadoan = await t.as('xadoan');
    const outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;

    const listed = (await t.call('GET', '/api/member-change-requests', bithu)).json<ChangeRequestPage>();
    expect(listed.items.map((r) => r.id)).toContain(request.id);
    const byUnit = await t.call('GET', `/api/member-change-requests?unitId=${await t.unitId('HCH')}`, xadoan);
    expect(byUnit.json<ChangeRequestPage>().items.map((r) => r.id)).toContain(request.id);
    const foreign = (await t.call('GET', '/api/member-change-requests', outsider)).json<ChangeRequestPage>();
    expect(foreign.items.map((r) => r.id)).not.toContain(request.id);
    expect((await decide(request.id, 'approve', outsider, { version: 1 })).statusCode).toBe(404);

    const before = await requestAudits();
    const [first, second] = await Promise.all([
      decide(request.id, 'approve', bithu, { version: 1, note: 'Đã đối chiếu giấy khai sinh.' }),
      decide(request.id, 'reject', xadoan, { version: 1, reason: 'Thiếu giấy tờ.' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const winner = (first.statusCode === 200 ? first : second).json<ChangeRequestDto>();
    expect(await requestAudits()).toBe(before + 1);

    const profile = (await t.call('GET', '/api/me/member', member)).json<SelfProfile>();
    if (winner.status === 'approved') {
      expect(profile.fullName).toBe('Phạm Minh Tuấn Anh');
      expect(profile.hometown).toBe('Hội An, Quảng Nam');
      expect(profile.events[0]).toMatchObject({
        kind: 'identity_change',
        before: { fullName: DEMO_MEMBER.name, hometown: 'Điện Bàn, Quảng Nam' },
        after: { fullName: 'Phạm Minh Tuấn Anh', hometown: 'Hội An, Quảng Nam' },
      });
      const [row] = await t.database.db.select().from(members).where(eq(members.id, memberId));
      expect(row).toMatchObject({ givenName: 'Anh', searchName: 'pham minh tuan anh' });
      const [account] = await t.database.db.select({ name: user.name }).from(user).where(eq(user.username, 'doanvien'));
      expect(account?.name).toBe('Phạm Minh Tuấn Anh');
    } else {
      expect(profile.fullName).toBe(DEMO_MEMBER.name);
      expect(winner.decisionNote).toBe('Thiếu giấy tờ.');
    }
    expect(profile.requests[0]).toMatchObject({ id: request.id, status: winner.status });
  });

  it('refuses to approve when the record changed since the request, and accepts a rejection with a reason', async () => {
    const request = (await ask({ religion: 'Phật giáo' })).json<ChangeRequestDto>();
    const xadoan = await t.as('xadoan');
    const detail = (await t.call('GET', `/api/members/${memberId}`, xadoan)).json<MemberDetail>();
    const edit = await t.call('PATCH', `/api/members/${memberId}`, xadoan, {
      version: detail.version,
      religion: 'Công giáo',
    });
    expect(edit.statusCode).toBe(200);

    const stale = await decide(request.id, 'approve', xadoan, { version: 1 });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().error.message).toBe(
      'Hồ sơ đã được sửa sau khi đoàn viên gửi yêu cầu (Tôn giáo), nên không thể duyệt yêu cầu này. Hãy từ chối để đoàn viên xem lại hồ sơ và gửi yêu cầu mới.',
    );
    const pending = (await t.call('GET', '/api/member-change-requests', xadoan)).json<ChangeRequestPage>();
    expect(pending.items.find((r) => r.id === request.id)).toMatchObject({
      status: 'pending',
      previous: { religion: 'Không' },
      current: { religion: 'Công giáo' },
    });

    const noReason = await decide(request.id, 'reject', xadoan, { version: 1, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    const rejected = await decide(request.id, 'reject', xadoan, { version: 1, reason: 'Hồ sơ đã được cập nhật.' });
    expect(rejected.json<ChangeRequestDto>()).toMatchObject({
      status: 'rejected',
      decisionNote: 'Hồ sơ đã được cập nhật.',
      decidedByName: 'Lê Văn Hùng',
    });
    const done = (await t.call('GET', '/api/member-change-requests?status=rejected', xadoan)).json<ChangeRequestPage>();
    expect(done.items.map((r) => r.id)).toContain(request.id);
  });

  it('re-checks the CCCD when approving', async () => {
    const cccd = '048203009991';
    const request = (await ask({ cccd })).json<ChangeRequestDto>();
    const xadoan = await t.as('xadoan');
    const created = await t.call('POST', '/api/members', xadoan, {
      unitId: await t.unitId('TDP2'),
      fullName: 'Võ Thị Trùng',
      gender: 'female',
      cccd,
    });
    expect(created.statusCode).toBe(200);
    const res = await decide(request.id, 'approve', xadoan, { version: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe(`Số CCCD ${cccd} đã có trong hồ sơ đoàn viên khác đang sinh hoạt.`);
    const profile = (await t.call('GET', '/api/me/member', member)).json<SelfProfile>();
    expect(profile.cccd).toBe('048203000777');
  });

  it('lets a viewer read the list but not decide', async () => {
    const viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
    expect((await t.call('GET', '/api/member-change-requests', viewer)).statusCode).toBe(403);
    const pending = (await t.call('GET', '/api/member-change-requests', await t.as('bithu'))).json<ChangeRequestPage>();
    const id = pending.items[0]!.id;
    expect((await decide(id, 'approve', viewer, { version: 1 })).statusCode).toBe(403);
  });
});
