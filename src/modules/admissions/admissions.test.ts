import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { AdmissionPage, CandidateDetail, RecruitmentCredit } from '../../contracts/admissions.js';
import type { MemberDetail } from '../../contracts/members.js';
import type { MemberCards } from '../../contracts/member-cards.js';
import { documents, memberCards } from '../../db/schema/index.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { application, branchMembers, daysAgo, footprint, propose, voted, yearsAgo } from './admissions.fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the admission journey', () => {
  it('goes from the branch proposal to a member with a card, the approval coming from the level above HCH', async () => {
    const bithu = await t.as('bithu');
    const created = await propose(t, bithu, await application(t, 'TDP1', { fullName: 'Phạm Thị Hành Trình' }));
    expect(created).toMatchObject({ status: 'applied', unitName: 'Chi đoàn Tổ dân phố 1' });
    expect(created.decidingUnit?.name).toBe('Thành đoàn Đà Nẵng');
    expect(created.actions).toEqual(['edit', 'vote', 'reject', 'withdraw']);
    expect(created.steps.find((s) => s.key === 'vote')?.state).toBe('current');

    const afterVote = await voted(t, bithu, created);
    expect(afterVote).toMatchObject({ status: 'voted', meetingPresent: 10, meetingInFavour: 8 });
    expect(afterVote.actions).not.toContain('approve');

    // HCH has no approves_admission power: the ward cadre cannot approve; the city union can.
    const body = { version: afterVote.version, approvedOn: daysAgo(20), signerName: 'Nguyễn Văn Thành' };
    const before = await footprint(t);
    const byWard = await t.call('POST', `/api/admissions/${created.id}/approve`, await t.as('xadoan'), body);
    expect(byWard.statusCode).toBe(403);
    expect(byWard.json().error.message).toBe('Việc chuẩn y kết nạp thuộc thẩm quyền của Thành đoàn Đà Nẵng.');
    expect(await footprint(t)).toEqual(before);

    const tinhdoan = await t.as('tinhdoan');
    const seen = (await t.call('GET', `/api/admissions/${created.id}`, tinhdoan)).json<CandidateDetail>();
    expect(seen.actions).toContain('approve');
    const approved = await t.call('POST', `/api/admissions/${created.id}/approve`, tinhdoan, body);
    expect(approved.statusCode).toBe(200);
    const a = approved.json<CandidateDetail>();
    expect(a.status).toBe('approved');
    expect(a.decision?.numberText).toMatch(/^\d+-QĐ\/ĐTN$/);
    expect(a.decision?.fileUrl).toBe(`/api/documents/${a.decision?.id}/file`);
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, a.decision!.id));
    expect(doc).toMatchObject({
      kind: 'admission_approval',
      unitId: await t.unitId('DNG'),
      signerTitle: 'TM. BAN THƯỜNG VỤ\nBÍ THƯ',
      signerName: 'Nguyễn Văn Thành',
    });
    const data = doc!.data as { body: string[]; recipients: string[] };
    expect(data.body).toContain('Xét đề nghị của Ban Chấp hành Đoàn phường Hải Châu,');
    expect(
      data.body.some((p) =>
        p.startsWith('Điều 1. Chuẩn y kết nạp vào Đoàn TNCS Hồ Chí Minh đối với thanh niên Phạm Thị Hành Trình'),
      ),
    ).toBe(true);
    expect(data.recipients).toEqual(['- Như Điều 3;', '- Lưu VP.']);

    const admitted = await t.call('POST', `/api/admissions/${created.id}/admit`, bithu, {
      version: a.version,
      ceremonyOn: daysAgo(5),
    });
    expect(admitted.statusCode).toBe(200);
    const done = admitted.json<CandidateDetail>();
    expect(done).toMatchObject({ status: 'admitted', warnings: [] });
    expect(done.cardNumber).toMatch(/^DNG\d{6}$/);
    expect(done.steps.every((s) => s.state === 'done')).toBe(true);

    const member = (await t.call('GET', `/api/members/${done.memberId}`, bithu)).json<MemberDetail>();
    expect(member).toMatchObject({
      fullName: 'Phạm Thị Hành Trình',
      unitName: 'Chi đoàn Tổ dân phố 1',
      joinedOn: daysAgo(5),
      admittedAt: 'Chi đoàn Tổ dân phố 1',
      cardNumber: done.cardNumber,
      cardIssuedOn: daysAgo(5),
      status: 'active',
      hometown: 'Hải Châu, Đà Nẵng',
      occupation: 'Sinh viên',
    });
    expect(member.events.map((e) => e.kind).sort()).toEqual(['admitted', 'card_issued']);
    const cards = (await t.call('GET', `/api/members/${done.memberId}/cards`, bithu)).json<MemberCards>();
    expect(cards.items).toEqual([
      expect.objectContaining({
        cardNumber: done.cardNumber,
        reason: 'admission',
        status: 'active',
        unitName: 'Thành đoàn Đà Nẵng',
      }),
    ]);

    const credit = (
      await t.call('GET', `/api/admissions/recruitment?unitId=${await t.unitId('HCH')}`, await t.as('xadoan'))
    ).json<RecruitmentCredit>();
    expect(credit.byMember.find((r) => r.memberId === created.recruiter?.id)?.admitted).toBe(1);
    expect(credit.byUnit.find((r) => r.unitName === 'Chi đoàn Tổ dân phố 1')?.admitted).toBeGreaterThanOrEqual(1);
  });

  it('lets a đoàn cơ sở with the power approve its own branches', async () => {
    const cadre = (await t.accountWithRole('cadre', 'NTH')).cookie;
    const c = await voted(t, cadre, await propose(t, cadre, await application(t, 'NT-THON1')));
    expect(c.decidingUnit?.name).toBe('Đoàn xã Núi Thành');
    const res = await t.call('POST', `/api/admissions/${c.id}/approve`, cadre, {
      version: c.version,
      approvedOn: daysAgo(10),
    });
    expect(res.statusCode).toBe(200);
    const [doc] = await t.database.db
      .select()
      .from(documents)
      .where(eq(documents.id, res.json<CandidateDetail>().decision!.id));
    expect(doc).toMatchObject({ unitId: await t.unitId('NTH'), signerTitle: 'TM. BAN CHẤP HÀNH\nBÍ THƯ' });
    expect(await t.call('GET', `/api/admissions/${c.id}`, await t.as('xadoan')).then((r) => r.statusCode)).toBe(404);
  });

  it('lists candidates by status with counts, masks CCCD for a viewer and searches without diacritics', async () => {
    const xadoan = await t.as('xadoan');
    const body = await application(t, 'TDP2', { fullName: 'Đặng Văn Tìm Kiếm' });
    const c = await propose(t, xadoan, body);
    const url = `/api/admissions?unitId=${await t.unitId('HCH')}&status=applied&q=dang%20van%20tim`;
    const page = (await t.call('GET', url, xadoan)).json<AdmissionPage>();
    expect(page.items.map((i) => i.id)).toEqual([c.id]);
    expect(page.counts.applied).toBeGreaterThanOrEqual(1);
    expect(page.items[0]!.cccd).toBe(body.cccd);
    const viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
    const masked = (await t.call('GET', `/api/admissions/${c.id}`, viewer)).json<CandidateDetail>();
    expect(masked.cccd).toMatch(/^\*{9}\d{3}$/);
    expect(masked.actions).toEqual([]);
  });
});

describe('editing and closing an application', () => {
  it('records the course later, refuses a recruiter outside the scope and an edit after the vote', async () => {
    const bithu = await t.as('bithu');
    const bare = { courseName: null, courseCertificateNo: null, courseCompletedOn: null };
    const c = await propose(t, bithu, await application(t, 'TDP1', bare));
    expect(c.steps.find((s) => s.key === 'course')?.state).toBe('current');
    const [outsider] = await branchMembers(t, 'KP1');
    const before = await footprint(t);
    const far = await t.call('PATCH', `/api/admissions/${c.id}`, bithu, {
      version: c.version,
      recruiterMemberId: outsider,
    });
    expect(far.statusCode).toBe(422);
    expect(far.json().error.details[0].field).toBe('recruiterMemberId');
    expect(await footprint(t)).toEqual(before);
    const edited = await t.call('PATCH', `/api/admissions/${c.id}`, bithu, {
      version: c.version,
      courseName: 'Lớp cảm tình Đoàn đợt 2',
      courseCompletedOn: daysAgo(35),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const e = edited.json<CandidateDetail>();
    expect(e).toMatchObject({
      courseName: 'Lớp cảm tình Đoàn đợt 2',
      courseCertificateNo: null,
      version: c.version + 1,
    });
    expect(e.steps.find((s) => s.key === 'course')?.state).toBe('done');
    const v = await voted(t, bithu, e);
    const late = await t.call('PATCH', `/api/admissions/${c.id}`, bithu, { version: v.version, religion: 'Phật giáo' });
    expect(late.statusCode).toBe(422);
    const rejected = await t.call('POST', `/api/admissions/${c.id}/reject`, bithu, {
      version: v.version,
      reason: 'Vi phạm pháp luật sau khi chi đoàn biểu quyết',
    });
    expect(rejected.json<CandidateDetail>()).toMatchObject({ status: 'rejected', actions: [] });
  });
});

describe('refusals change nothing', () => {
  const refused = async (method: 'POST' | 'PATCH', url: string, cookie: string, body: unknown, status = 422) => {
    const before = await footprint(t);
    const res = await t.call(method, url, cookie, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(await footprint(t)).toEqual(before);
    return res.json<{ error: { message: string; details: { field: string; message: string }[] } }>().error;
  };

  it('refuses a candidate under 16 on the application date', async () => {
    const e = await refused(
      'POST',
      '/api/admissions',
      await t.as('bithu'),
      await application(t, 'TDP1', { birthDate: yearsAgo(16, -70) }),
    );
    expect(e.details[0]?.field).toBe('birthDate');
    expect(e.message).toMatch(/phải đủ 16 tuổi vào ngày làm đơn .*: mới 15 tuổi\.$/);
  });

  it('refuses a CCCD held by an active member or by another open application', async () => {
    const bithu = await t.as('bithu');
    const member = (await t.call('GET', `/api/members?unitId=${await t.unitId('TDP1')}&limit=1`, bithu)).json<{
      items: { cccd: string }[];
    }>().items[0]!;
    const e = await refused('POST', '/api/admissions', bithu, await application(t, 'TDP1', { cccd: member.cccd }));
    expect(e.details.map((d) => d.field)).toEqual(['cccd']);
    expect(e.message).toMatch(/thuộc đoàn viên đang sinh hoạt/);
    const first = await propose(t, bithu, await application(t, 'TDP1'));
    const again = await refused('POST', '/api/admissions', bithu, await application(t, 'TDP1', { cccd: first.cccd! }));
    expect(again.message).toMatch(/hồ sơ đề nghị kết nạp khác đang xử lý/);
  });

  it('refuses an introducer from another branch or known too shortly', async () => {
    const bithu = await t.as('bithu');
    const [other] = await branchMembers(t, 'TDP2');
    const e = await refused(
      'POST',
      '/api/admissions',
      await t.as('xadoan'),
      await application(t, 'TDP1', { introducerMemberId: other }),
    );
    expect(e.message).toMatch(/cùng chi đoàn/);
    const short = await refused(
      'POST',
      '/api/admissions',
      bithu,
      await application(t, 'TDP1', { introducerKnownSince: daysAgo(100) }),
    );
    expect(short.details[0]?.field).toBe('introducerKnownSince');
  });

  it('refuses a vote without a majority unless recorded as the outcome, and a vote before the course', async () => {
    const bithu = await t.as('bithu');
    const c = await propose(t, bithu, await application(t, 'TDP1'));
    const vote = { version: c.version, meetingOn: daysAgo(30), present: 12, inFavour: 6 };
    const e = await refused('POST', `/api/admissions/${c.id}/vote`, bithu, vote);
    expect(e.message).toMatch(/Chỉ 6\/12 đoàn viên có mặt tán thành, chưa quá một nửa/);
    const recorded = await t.call('POST', `/api/admissions/${c.id}/vote`, bithu, { ...vote, recordFailure: true });
    expect(recorded.json<CandidateDetail>()).toMatchObject({
      status: 'rejected',
      meetingPresent: 12,
      meetingInFavour: 6,
      rejectReason: expect.stringMatching(/không đủ quá nửa số đoàn viên có mặt tán thành \(6\/12\)/),
    });
    const noCourse = await propose(
      t,
      bithu,
      await application(t, 'TDP1', { courseName: null, courseCertificateNo: null, courseCompletedOn: null }),
    );
    const course = await refused('POST', `/api/admissions/${noCourse.id}/vote`, bithu, {
      ...vote,
      version: noCourse.version,
      inFavour: 10,
    });
    expect(course.details[0]?.field).toBe('courseName');
  });

  it('refuses a ceremony before the approval without using a card number, and warns about a late one', async () => {
    const bithu = await t.as('bithu');
    const tinhdoan = await t.as('tinhdoan');
    const p = await propose(t, bithu, await application(t, 'TDP1', { courseCompletedOn: daysAgo(55) }));
    const vote = { version: p.version, meetingOn: daysAgo(50), present: 9, inFavour: 9 };
    const c = (await t.call('POST', `/api/admissions/${p.id}/vote`, bithu, vote)).json<CandidateDetail>();
    const approved = (
      await t.call('POST', `/api/admissions/${c.id}/approve`, tinhdoan, { version: c.version, approvedOn: daysAgo(45) })
    ).json<CandidateDetail>();
    expect(approved.warnings[0]?.code).toBe('ceremony_overdue');
    const scheme = () =>
      t
        .call('GET', `/api/units/${c.decidingUnit!.id}/card-scheme`, tinhdoan)
        .then((r) => r.json<{ nextNumber: number }>().nextNumber);
    const next = await scheme();
    const e = await refused('POST', `/api/admissions/${c.id}/admit`, bithu, {
      version: approved.version,
      ceremonyOn: daysAgo(46),
    });
    expect(e.message).toMatch(/không được trước ngày chuẩn y/);
    expect(await scheme()).toBe(next);
    const late = await t.call('POST', `/api/admissions/${c.id}/admit`, bithu, {
      version: approved.version,
      ceremonyOn: todayInVietnam(),
    });
    expect(late.statusCode).toBe(200);
    expect(late.json<CandidateDetail>().warnings).toEqual([
      expect.objectContaining({
        code: 'late_ceremony',
        message: expect.stringMatching(/muộn hơn 1 tháng sau ngày chuẩn y/),
      }),
    ]);
    const rows = await t.database.db
      .select()
      .from(memberCards)
      .where(eq(memberCards.memberId, late.json<CandidateDetail>().memberId!));
    expect(rows).toHaveLength(1);
  });

  it('lets only one of two simultaneous approvals through (409 for the other, one number used)', async () => {
    const bithu = await t.as('bithu');
    const c = await voted(t, bithu, await propose(t, bithu, await application(t, 'TDP1')));
    const before = await footprint(t);
    const body = { version: c.version, approvedOn: daysAgo(10) };
    const [a, b] = await Promise.all([
      t.call('POST', `/api/admissions/${c.id}/approve`, await t.as('tinhdoan'), body),
      t.call('POST', `/api/admissions/${c.id}/approve`, await t.as('admin'), body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = await footprint(t);
    expect(after.numbers - before.numbers).toBe(1);
    expect(after.documents - before.documents).toBe(1);
  });

  it('refuses steps out of order and a stale version', async () => {
    const bithu = await t.as('bithu');
    const c = await propose(t, bithu, await application(t, 'TDP1'));
    await refused('POST', `/api/admissions/${c.id}/admit`, bithu, { version: c.version, ceremonyOn: daysAgo(1) });
    await refused(
      'POST',
      `/api/admissions/${c.id}/withdraw`,
      bithu,
      { version: c.version + 1, reason: 'Chuyển đi nơi khác' },
      409,
    );
    const w = await t.call('POST', `/api/admissions/${c.id}/withdraw`, bithu, {
      version: c.version,
      reason: 'Chuyển đi nơi khác',
    });
    expect(w.json<CandidateDetail>()).toMatchObject({
      status: 'withdrawn',
      rejectReason: 'Chuyển đi nơi khác',
      actions: [],
    });
    expect(w.json<CandidateDetail>().steps.at(-1)).toMatchObject({ key: 'closed', state: 'failed' });
  });
});
