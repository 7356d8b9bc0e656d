import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import {
  auditLog,
  meetingAttendance,
  meetings,
  memberLastSeen,
  members,
  transfers,
  units,
} from '../../db/schema/index.js';
import type { CheckInCode, MeetingAttendance, MeetingDetail, MeetingList, Calendar } from '../../contracts/meetings.js';
import { signCheckInCode } from '../../domain/branch-life/meeting-code.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { DEMO_MEMBER, PNG } from '../self-service/self-service.fixtures.js';
import { codeSigner } from './meetings.checkin.js';
import {
  addMeeting,
  meetingScopeCases,
  meetingScopeFixtures,
  uploadTo,
  userIdOf,
  type MeetingFixtures,
} from './meetings.fixtures.js';

const SECRET = 'test-secret-test-secret-test-secret-1234';
const today = todayInVietnam();
const year = Number(today.slice(0, 4));
let t: TestApp;
let bithu: string;
let memberAccount: string;

const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
const meetingsOf = async (code: string) =>
  t.database.db
    .select()
    .from(meetings)
    .where(eq(meetings.unitId, await t.unitId(code)));

beforeAll(async () => {
  t = await startTestApp();
  bithu = await t.as('bithu');
  memberAccount = await t.login(DEMO_MEMBER.username, DEMO_MEMBER.password);
});
afterAll(async () => {
  await t.close();
});

async function held(code = 'TDP1', cookie = bithu): Promise<MeetingDetail> {
  const m = await addMeeting(t, cookie, code);
  const res = await t.call('PATCH', `/api/meetings/${m.id}`, cookie, { version: m.version, heldOn: today });
  expect(res.statusCode).toBe(200);
  return res.json<MeetingDetail>();
}

async function roster(id: string, cookie = bithu) {
  return (await t.call('GET', `/api/meetings/${id}/attendance`, cookie)).json<MeetingAttendance>();
}

describe('year plan and list', () => {
  it('plans one meeting per month, is idempotent and audited once', async () => {
    const unitId = await t.unitId('TDP2');
    const next = year + 1;
    const before = await audits();
    const first = await t.call('POST', `/api/units/${unitId}/meeting-plan`, await t.as('xadoan'), {
      year: next,
      dayOfMonth: 31,
    });
    expect(first.statusCode).toBe(200);
    const list = first.json<MeetingList>();
    expect(list.kind).toBe('branch');
    if (list.kind !== 'branch') return;
    expect(list.items).toHaveLength(12);
    expect(list.items.find((i) => i.period === `${next}-02`)?.plannedOn).toMatch(/^\d{4}-02-2[89]$/);
    expect(await audits()).toBe(before + 1);
    const again = await t.call('POST', `/api/units/${unitId}/meeting-plan`, await t.as('xadoan'), { year: next });
    expect(again.json<MeetingList & { kind: 'branch' }>().items).toHaveLength(12);
    expect(await audits()).toBe(before + 1);
  });

  it('plans quarterly for a remote branch', async () => {
    const unitId = await t.unitId('HT-THON4');
    const res = await t.call('POST', `/api/units/${unitId}/meeting-plan`, await t.as('admin'), { year: year + 1 });
    expect(res.statusCode).toBe(200);
    const list = res.json<MeetingList>();
    expect(list.kind === 'branch' && list.items.map((i) => i.period)).toEqual(
      ['01', '04', '07', '10'].map((m) => `${year + 1}-${m}`),
    );
  });

  it('refuses a plan on a unit that is not a branch', async () => {
    const res = await t.call('POST', `/api/units/${await t.unitId('HCH')}/meeting-plan`, await t.as('xadoan'), {
      year,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/không phải là chi đoàn/);
  });

  it('lists the branches of a higher unit with keyset pages', async () => {
    const hch = await t.unitId('HCH');
    const res = await t.call('GET', `/api/meetings?unitId=${hch}&year=${year}&limit=3`, await t.as('xadoan'));
    expect(res.statusCode).toBe(200);
    const page = res.json<MeetingList>();
    if (page.kind !== 'units') throw new Error('expected units');
    expect(page.items).toHaveLength(3);
    expect(page.total).toBeGreaterThan(3);
    expect(page.next).not.toBeNull();
    const tdp1 = page.items.find((i) => i.unitName.includes('Tổ dân phố 1'));
    if (tdp1) expect(tdp1.required).toBeGreaterThan(0);
    const second = await t.call(
      'GET',
      `/api/meetings?unitId=${hch}&year=${year}&limit=3&after=${page.next}`,
      await t.as('xadoan'),
    );
    const names = second.json<MeetingList & { kind: 'units' }>().items.map((i) => i.unitName);
    expect(names.some((n) => page.items.some((p) => p.unitName === n))).toBe(false);
  });
});

describe('recording a meeting', () => {
  it('never records a meeting held in the future, and changes nothing', async () => {
    const m = await addMeeting(t, bithu, 'TDP1');
    const before = await audits();
    const future = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const res = await t.call('PATCH', `/api/meetings/${m.id}`, bithu, { version: m.version, heldOn: future });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Ngày sinh hoạt không được sau hôm nay.');
    expect(await audits()).toBe(before);
    const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(row).toMatchObject({ status: 'planned', version: m.version });
  });

  it('records minutes, form and chair; the second of two secretaries gets a conflict', async () => {
    const m = await addMeeting(t, bithu, 'TDP1');
    const other = await t.as('xadoan');
    const a = await t.call('PATCH', `/api/meetings/${m.id}`, bithu, {
      version: m.version,
      heldOn: today,
      form: 'three_plus_one',
      minutes: 'Biên bản buổi sinh hoạt',
      chairName: 'Đồng chí Bí thư chi bộ',
    });
    expect(a.statusCode).toBe(200);
    expect(a.json<MeetingDetail>()).toMatchObject({ status: 'held', form: 'three_plus_one', heldOn: today });
    const before = await audits();
    const b = await t.call('PATCH', `/api/meetings/${m.id}`, other, { version: m.version, topic: 'Ghi đè' });
    expect(b.statusCode).toBe(409);
    expect(b.json().error.message).toMatch(/^Buổi sinh hoạt vừa được người khác sửa/);
    expect(await audits()).toBe(before);
  });

  it('refuses a chair who is not in the branch', async () => {
    const m = await addMeeting(t, bithu, 'TDP1');
    const [stranger] = await t.database.db
      .select({ id: members.id })
      .from(members)
      .where(eq(members.unitId, await t.unitId('TDP2')))
      .limit(1);
    const res = await t.call('PATCH', `/api/meetings/${m.id}`, bithu, {
      version: m.version,
      chairMemberId: stranger!.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('chairMemberId');
  });

  it('cancels a planned meeting but not a held one', async () => {
    const m = await addMeeting(t, bithu, 'TDP1');
    const ok = await t.call('POST', `/api/meetings/${m.id}/cancel`, bithu, { version: m.version, reason: 'Mưa bão' });
    expect(ok.json<MeetingDetail>()).toMatchObject({ status: 'cancelled', cancelReason: 'Mưa bão' });
    const h = await held();
    const no = await t.call('POST', `/api/meetings/${h.id}/cancel`, bithu, { version: h.version, reason: 'x' });
    expect(no.statusCode).toBe(422);
  });

  it('refuses every write on a closed branch', async () => {
    const admin = await t.as('admin');
    const m = await held('TDP3', admin);
    await t.database.db
      .update(units)
      .set({ closedOn: today })
      .where(eq(units.id, await t.unitId('TDP3')));
    const before = await audits();
    const tries = [
      t.call('PATCH', `/api/meetings/${m.id}`, admin, { version: m.version, topic: 'x' }),
      t.call('PUT', `/api/meetings/${m.id}/attendance`, admin, { version: m.version, items: [] }),
      t.call('PUT', `/api/meetings/${m.id}/attendance`, admin, {
        version: m.version,
        items: [{ memberId: m.id, status: 'present' }],
      }),
      t.call('POST', `/api/units/${await t.unitId('TDP3')}/meeting-plan`, admin, { year }),
      t.call('POST', `/api/meetings/${m.id}/check-in-code`, admin),
    ];
    const res = await Promise.all(tries);
    expect(res.map((r) => r.statusCode)).toEqual([422, 400, 422, 422, 422]);
    expect(res[0]!.json().error.message).toMatch(/đã ngừng hoạt động/);
    expect(res[2]!.json().error.message).toMatch(/đã ngừng hoạt động/);
    expect(await audits()).toBe(before);
    await t.database.db
      .update(units)
      .set({ closedOn: null })
      .where(eq(units.id, await t.unitId('TDP3')));
  });
});

describe('attendance', () => {
  it('records all or nothing, keeps counts, version and last-seen', async () => {
    const m = await held();
    const list = await roster(m.id);
    expect(list.items.length).toBeGreaterThan(5);
    expect(list.expectedCount).toBe(list.items.length);
    const [a, b, c] = list.items;
    const stranger = (await roster((await held('TDP2', await t.as('xadoan'))).id, await t.as('xadoan'))).items[0]!;
    const before = await audits();
    const bad = await t.call('PUT', `/api/meetings/${m.id}/attendance`, bithu, {
      version: list.version,
      items: [
        { memberId: a!.memberId, status: 'present' },
        { memberId: stranger.memberId, status: 'present' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/không sinh hoạt tại Chi đoàn Tổ dân phố 1/);
    expect(await audits()).toBe(before);
    expect((await roster(m.id)).items.filter((i) => i.status)).toHaveLength(0);

    const ok = await t.call('PUT', `/api/meetings/${m.id}/attendance`, bithu, {
      version: list.version,
      items: [
        { memberId: a!.memberId, status: 'present' },
        { memberId: b!.memberId, status: 'excused', note: 'Ốm' },
        { memberId: c!.memberId, status: 'absent' },
      ],
    });
    expect(ok.statusCode).toBe(200);
    const after = ok.json<MeetingAttendance>();
    expect(after).toMatchObject({ presentCount: 1, excusedCount: 1, absentCount: 1, version: list.version + 1 });
    expect(await audits()).toBe(before + 1);
    const seen = await t.database.db.select().from(memberLastSeen).where(eq(memberLastSeen.memberId, a!.memberId));
    expect(seen[0]?.lastPresentOn).toBe(today);

    const stale = await t.call('PUT', `/api/meetings/${m.id}/attendance`, bithu, {
      version: list.version,
      items: [{ memberId: a!.memberId, status: 'absent' }],
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses attendance for a meeting planned later', async () => {
    const later = `${year}-12-31` > today ? `${year}-12-31` : today;
    const m = await addMeeting(t, bithu, 'TDP1', { period: `${year}-12`, plannedOn: later });
    if (later === today) return;
    const list = await roster(m.id);
    expect(list.open).toBe(false);
    const res = await t.call('PUT', `/api/meetings/${m.id}/attendance`, bithu, {
      version: m.version,
      items: [{ memberId: list.items[0]!.memberId, status: 'present' }],
    });
    expect(res.statusCode).toBe(422);
  });

  it('lists a hosted member at the host branch and not at home', async () => {
    const [guest] = await t.database.db
      .select()
      .from(members)
      .where(and(eq(members.unitId, await t.unitId('TDP2')), eq(members.status, 'active')))
      .orderBy(members.sortKey)
      .limit(1);
    await t.database.db.update(members).set({ status: 'temporary_elsewhere' }).where(eq(members.id, guest!.id));
    await t.database.db.insert(transfers).values({
      memberId: guest!.id,
      kind: 'temporary',
      fromUnitId: guest!.unitId,
      toUnitId: await t.unitId('TDP1'),
      code: `TT-MEET-${Date.now()}`,
      status: 'accepted',
      acceptedOn: today,
      startsOn: today,
    });
    const host = await roster((await held()).id);
    expect(host.items.find((i) => i.memberId === guest!.id)).toMatchObject({ hosted: true, status: null });
    const home = await roster((await held('TDP2', await t.as('xadoan'))).id, await t.as('xadoan'));
    expect(home.items.some((i) => i.memberId === guest!.id)).toBe(false);
  });
});

describe('QR check-in', () => {
  async function code(meetingId: string): Promise<CheckInCode> {
    const res = await t.call('POST', `/api/meetings/${meetingId}/check-in-code`, bithu);
    expect(res.statusCode).toBe(200);
    return res.json<CheckInCode>();
  }

  it('checks a member in once, updating counts and last-seen', async () => {
    const m = await held();
    const c = await code(m.id);
    expect(c.code).toMatch(/^MT1\.[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]+$/);
    expect(c.url).toContain(`/checkin/`);
    const before = await audits();
    const ok = await t.call('POST', '/api/me/check-in', memberAccount, { code: c.code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ meetingId: m.id, unitName: 'Chi đoàn Tổ dân phố 1' });
    expect(await audits()).toBe(before + 1);
    const list = await roster(m.id);
    expect(list.presentCount).toBe(1);
    expect(list.qrCount).toBe(1);
    const twice = await t.call('POST', '/api/me/check-in', memberAccount, { code: c.code });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/^Bạn đã điểm danh buổi sinh hoạt này lúc \d\d:\d\d\.$/);
    const row = await t.database.db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, m.id));
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ status: 'present', source: 'qr' });
    const seen = await t.database.db.select().from(memberLastSeen).where(eq(memberLastSeen.memberId, row[0]!.memberId));
    expect(seen[0]?.lastPresentOn).toBe(today);
    const corrected = await t.call('PUT', `/api/meetings/${m.id}/attendance`, bithu, {
      version: list.version,
      items: [{ memberId: row[0]!.memberId, status: 'excused' }],
    });
    expect(corrected.json<MeetingAttendance>()).toMatchObject({ presentCount: 0, excusedCount: 1 });
  });

  it('refuses forged and expired codes and changes nothing', async () => {
    const m = await held();
    const before = await audits();
    const forged = signCheckInCode(codeSigner('another-secret'), m.id, Math.floor(Date.now() / 1000) + 300);
    const f = await t.call('POST', '/api/me/check-in', memberAccount, { code: forged });
    expect(f.statusCode).toBe(400);
    expect(f.json().error.message).toBe('Mã điểm danh không hợp lệ.');
    const expired = signCheckInCode(codeSigner(SECRET), m.id, Math.floor(Date.now() / 1000) - 1);
    const e = await t.call('POST', '/api/me/check-in', memberAccount, { code: expired });
    expect(e.statusCode).toBe(400);
    expect(e.json().error.message).toBe('Mã điểm danh đã hết hạn, hãy quét mã mới.');
    expect(await audits()).toBe(before);
  });

  it('refuses a member who is not on the roster, naming the branch', async () => {
    const other = await held('TDP2', await t.as('xadoan'));
    const c = signCheckInCode(codeSigner(SECRET), other.id, Math.floor(Date.now() / 1000) + 300);
    const res = await t.call('POST', '/api/me/check-in', memberAccount, { code: c });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/Bạn không sinh hoạt tại Chi đoàn Tổ dân phố 2/);
  });

  it('is for member accounts only', async () => {
    const m = await held();
    const c = await code(m.id);
    expect((await t.call('POST', '/api/me/check-in', bithu, { code: c.code })).statusCode).toBe(404);
  });
});

describe('attachments, invitations and calendar', () => {
  it('accepts photos and PDFs by their first bytes, serves and deletes them', async () => {
    const m = await held();
    const png = await uploadTo(t, m.id, bithu, PNG, 'anh.png', 'image/png');
    expect(png.statusCode).toBe(200);
    const pdf = await uploadTo(t, m.id, bithu, Buffer.from('%PDF-1.4\n%%EOF'), 'bien-ban.pdf', 'application/pdf');
    const files = pdf.json<{ id: string; mimeType: string }[]>();
    expect(files.map((f) => f.mimeType)).toEqual(['image/png', 'application/pdf']);
    const fake = await uploadTo(t, m.id, bithu, Buffer.from('MZ not a pdf'), 'x.pdf', 'application/pdf');
    expect(fake.statusCode).toBe(400);
    const got = await t.call('GET', `/api/meetings/${m.id}/attachments/${files[0]!.id}`, bithu);
    expect(got.headers['content-type']).toBe('image/png');
    const del = await t.call('DELETE', `/api/meetings/${m.id}/attachments/${files[0]!.id}`, bithu);
    expect(del.json<unknown[]>()).toHaveLength(1);
  });

  it('invites only superior cadres, who then see the meeting in their calendar', async () => {
    const m = await held();
    const list = (await t.call('GET', `/api/meetings/${m.id}/invitable`, bithu)).json<{
      items: { userId: string }[];
    }>();
    const xadoanId = await userIdOf(t, 'xadoan');
    expect(list.items.map((i) => i.userId)).toContain(xadoanId);
    const bithuId = await userIdOf(t, 'bithu');
    expect(list.items.map((i) => i.userId)).not.toContain(bithuId);
    const no = await t.call('POST', `/api/meetings/${m.id}/invitations`, bithu, { userId: bithuId });
    expect(no.statusCode).toBe(400);
    expect(no.json().error.message).toMatch(/không phải cán bộ Đoàn cấp trên của chi đoàn/);
    const ok = await t.call('POST', `/api/meetings/${m.id}/invitations`, bithu, { userId: xadoanId });
    expect(ok.json<{ userId: string }[]>().map((i) => i.userId)).toEqual([xadoanId]);
    const cal = await t.call('GET', `/api/me/calendar?from=${today}&to=${today}`, await t.as('xadoan'));
    expect(cal.json<Calendar>().items.find((i) => i.id === m.id)?.reason).toBe('invited');
    const memberCal = await t.call('GET', `/api/me/calendar?from=${today}&to=${today}`, memberAccount);
    expect(memberCal.json<Calendar>().items.find((i) => i.id === m.id)?.reason).toBe('member');
    const bithuCal = await t.call('GET', `/api/me/calendar?from=${today}&to=${today}`, bithu);
    expect(bithuCal.json<Calendar>().items.find((i) => i.id === m.id)?.reason).toBe('cadre');
    const gone = await t.call('DELETE', `/api/meetings/${m.id}/invitations/${xadoanId}`, bithu);
    expect(gone.json<unknown[]>()).toEqual([]);
    const wide = await t.call('GET', `/api/me/calendar?from=${year}-01-01&to=${year}-12-31`, bithu);
    expect(wide.statusCode).toBe(400);
  });
});

describe('demo seed', () => {
  it('holds past months with attendance and plans the current month from today', async () => {
    const rows = await meetingsOf('TDP1');
    const current = rows.find((r) => r.period === today.slice(0, 7) && r.status === 'planned' && r.plannedOn === today);
    expect(current).toBeDefined();
    const heldRows = rows.filter((r) => r.status === 'held' && r.createdBy === null);
    if (today.slice(5, 7) !== '01') expect(heldRows.length).toBeGreaterThan(0);
    for (const r of heldRows) expect(r.presentCount + r.excusedCount + r.absentCount).toBe(r.expectedCount);
    const [n] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(memberLastSeen);
    expect(n!.n).toBeGreaterThan(0);
  });
});

describe('scope cases', () => {
  let fx: MeetingFixtures;
  let outsider: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    fx = await meetingScopeFixtures(t);
    outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
    for (const code of ['HCH', 'TDP1']) ids[code] = await t.unitId(code);
  });
  for (const c of meetingScopeCases({ unitId: (code) => ids[code]!, fx: () => fx })) {
    it(`${c.method} ${c.name}: outsider gets nothing`, async () => {
      const before = await audits();
      const res = await t.call(c.method, c.url(), outsider, c.body?.());
      expect([403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain('Hải Châu');
      expect(await audits()).toBe(before);
    });
  }
});
