import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, ne } from 'drizzle-orm';
import { auditLog, members, units } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { MeResponse } from '../../contracts/auth.js';
import type { MemberAccountSummary, MemberDetail } from '../../contracts/members.js';
import type { CardVerification, MemberCard, PhotoDto, SelfProfile } from '../../contracts/self-service.js';
import { DEMO_MEMBER, PNG, putPhoto } from './self-service.fixtures.js';

let t: TestApp;
let member: string;
let own: SelfProfile;
beforeAll(async () => {
  t = await startTestApp();
  member = await t.login(DEMO_MEMBER.username, DEMO_MEMBER.password);
  own = (await t.call('GET', '/api/me/member', member)).json<SelfProfile>();
});
afterAll(async () => {
  await t.close();
});

const audits = async (entity: string, action: string) =>
  (
    await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entity, entity), eq(auditLog.action, action)))
  )[0]?.n ?? 0;

/** Another active member of a branch. */
async function otherMember(code: string): Promise<string> {
  const [row] = await t.database.db
    .select({ id: members.id })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(units.code, code), eq(members.status, 'active'), ne(members.cardNumber, 'DV0099001')))
    .orderBy(members.sortKey)
    .limit(1);
  return row!.id;
}

describe('the member account', () => {
  it('sees its own record unmasked, with its history, and nothing of others', async () => {
    expect(own).toMatchObject({
      fullName: DEMO_MEMBER.name,
      cccd: '048203000777',
      phone: '0905777123',
      unitName: 'Chi đoàn Tổ dân phố 1',
      hasPhoto: false,
      requests: [],
    });
    expect(own.account?.username).toBe('doanvien');
    expect(own.events.map((e) => e.kind)).toEqual(['registered']);
    const me = (await t.call('GET', '/api/auth/me', member)).json<MeResponse>();
    expect(me.actions).toEqual(['self.read']);
    expect((await t.call('GET', `/api/members/${own.id}`, member)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/members/${await otherMember('TDP1')}`, member)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/members?unitId=${await t.unitId('TDP1')}`, member)).statusCode).toBe(404);
  });

  it('tells an account without a member record that it is not linked', async () => {
    const res = await t.call('GET', '/api/me/member', await t.as('xadoan'));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Tài khoản này chưa được liên kết với hồ sơ đoàn viên nào.');
  });
});

describe('contact corrections', () => {
  it('applies phone and residence at once, with a history event and an audit row; identity fields are ignored', async () => {
    const before = await audits('member', 'update_contact');
    const res = await t.call('PATCH', '/api/me/contact', member, {
      version: own.version,
      phone: '+84 912 345 678',
      residenceAddress: '45 Trần Phú',
      fullName: 'Tên Khác Hẳn',
    });
    expect(res.statusCode).toBe(200);
    const after = res.json<SelfProfile>();
    expect(after).toMatchObject({ phone: '0912345678', residenceAddress: '45 Trần Phú', fullName: DEMO_MEMBER.name });
    expect(after.version).toBe(own.version + 1);
    expect(after.events[0]).toMatchObject({
      kind: 'contact_change',
      before: { phone: '0905777123', residenceAddress: '12 Lê Duẩn' },
      after: { phone: '0912345678', residenceAddress: '45 Trần Phú' },
    });
    expect(await audits('member', 'update_contact')).toBe(before + 1);
    own = after;
  });

  it('refuses a bad phone, a stale version and an empty change in Vietnamese, writing nothing', async () => {
    const before = await audits('member', 'update_contact');
    const bad = await t.call('PATCH', '/api/me/contact', member, { version: own.version, phone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toEqual({
      field: 'phone',
      message: 'Số điện thoại phải có 10 chữ số, bắt đầu bằng 0 (hoặc +84).',
    });
    const email = await t.call('PATCH', '/api/me/contact', member, { version: own.version, email: 'khong-hop-le' });
    expect(email.json().error.details[0].message).toBe('Thư điện tử không hợp lệ.');
    const stale = await t.call('PATCH', '/api/me/contact', member, { version: own.version - 1, phone: '0912000111' });
    expect(stale.statusCode).toBe(409);
    const same = await t.call('PATCH', '/api/me/contact', member, { version: own.version, phone: '0912345678' });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.message).toBe('Thông tin liên hệ không có gì thay đổi.');
    expect(await audits('member', 'update_contact')).toBe(before);
  });
});

describe('the e-card', () => {
  it('carries a signed reference that the public endpoint verifies with minimal data', async () => {
    const card = (await t.call('GET', '/api/me/card', member)).json<MemberCard>();
    expect(card).toMatchObject({ fullName: DEMO_MEMBER.name, cardNumber: 'DV0099001', active: true });
    expect(card.parentUnitName).toBe('Đoàn phường Hải Châu');
    expect(card.reference).toMatch(new RegExp(`^DS1\\.${own.id}\\.[A-Za-z0-9_-]{22}$`));
    expect(card.verifyUrl).toBe(`http://localhost:3000/cards/verify/${card.reference}`);

    const verified = await t.call('GET', `/api/cards/verify/${card.reference}`);
    expect(verified.statusCode).toBe(200);
    expect(verified.json<CardVerification>()).toEqual({
      fullName: DEMO_MEMBER.name,
      cardNumber: 'DV0099001',
      unitName: 'Chi đoàn Tổ dân phố 1',
      active: true,
    });

    const other = await otherMember('TDP2');
    const forged = [
      card.reference.slice(0, -1) + (card.reference.endsWith('A') ? 'B' : 'A'),
      card.reference.replace(own.id, other),
      'DS1.khong-phai',
    ];
    for (const ref of forged) {
      const res = await t.call('GET', `/api/cards/verify/${encodeURIComponent(ref)}`);
      expect(res.statusCode, ref).toBe(404);
      expect(res.body).not.toContain(DEMO_MEMBER.name);
    }
  });

  it('draws the QR code as SVG', async () => {
    const res = await t.call('GET', '/api/me/card/qr.svg', member);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});

describe('photos', () => {
  it('lets the member upload a photo, typed by its bytes, which they and their cadres can see', async () => {
    const res = await putPhoto(t, '/api/me/photo', member, PNG, 'anh-the.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(200);
    expect(res.json<PhotoDto>()).toMatchObject({ memberId: own.id, contentType: 'image/png', byteSize: PNG.length });
    for (const cookie of [member, await t.as('bithu')]) {
      const photo = await t.call('GET', `/api/members/${own.id}/photo`, cookie);
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/png');
      expect(Buffer.from(photo.rawPayload).equals(PNG)).toBe(true);
    }
    expect((await t.call('GET', '/api/me/card', member)).json<MemberCard>().hasPhoto).toBe(true);
    const outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
    expect((await t.call('GET', `/api/members/${own.id}/photo`, outsider)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/members/${await otherMember('TDP1')}/photo`, member)).statusCode).toBe(404);
  });

  it('refuses other formats and files over 2 MB in Vietnamese', async () => {
    const before = await audits('member_photo', 'update');
    const gif = await putPhoto(t, '/api/me/photo', member, Buffer.from('GIF89a......'), 'a.gif', 'image/gif');
    expect(gif.statusCode).toBe(400);
    expect(gif.json().error.message).toBe('Chỉ nhận ảnh định dạng JPEG, PNG hoặc WebP.');
    const svg = await putPhoto(t, '/api/me/photo', member, Buffer.from('<svg/>'), 'a.png', 'image/png');
    expect(svg.statusCode).toBe(400);
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await putPhoto(t, '/api/me/photo', member, big);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.message).toMatch(/lớn hơn 2 MB/);
    const notMultipart = await t.call('PUT', '/api/me/photo', member, { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    expect(await audits('member_photo', 'update')).toBe(before);
  });

  it('lets a cadre upload a member photo, shown on the member record', async () => {
    const id = await otherMember('TDP1');
    const res = await putPhoto(t, `/api/members/${id}/photo`, await t.as('bithu'), PNG);
    expect(res.statusCode).toBe(200);
    const detail = (await t.call('GET', `/api/members/${id}`, await t.as('bithu'))).json<MemberDetail>();
    expect(detail.hasPhoto).toBe(true);
  });
});

describe('member accounts', () => {
  it('lets a branch cadre create the account; the member then signs in to their own record', async () => {
    const id = await otherMember('TDP1');
    const cadre = await t.as('bithu');
    const before = await audits('account', 'create');
    const res = await t.call('POST', `/api/members/${id}/account`, cadre, {
      username: 'dv.tdp1.thu',
      password: 'Matkhau@2026',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<MemberAccountSummary>()).toMatchObject({ username: 'dv.tdp1.thu', disabled: false });
    expect(await audits('account', 'create')).toBe(before + 1);
    const detail = (await t.call('GET', `/api/members/${id}`, cadre)).json<MemberDetail>();
    expect(detail.account?.username).toBe('dv.tdp1.thu');

    const session = await t.login('dv.tdp1.thu', 'Matkhau@2026');
    const profile = (await t.call('GET', '/api/me/member', session)).json<SelfProfile>();
    expect(profile).toMatchObject({ id, fullName: detail.fullName, cccd: detail.cccd });
    const me = (await t.call('GET', '/api/auth/me', session)).json<MeResponse>();
    expect(me.roles).toMatchObject([{ role: 'member', unitName: 'Chi đoàn Tổ dân phố 1' }]);

    const again = await t.call('POST', `/api/members/${id}/account`, cadre, {
      username: 'dv.tdp1.khac',
      password: 'Matkhau@2026',
    });
    expect(again.statusCode).toBe(409);
    const outside = await t.call('POST', `/api/members/${await otherMember('TDP2')}/account`, cadre, {
      username: 'dv.tdp2.thu',
      password: 'Matkhau@2026',
    });
    expect(outside.statusCode).toBe(404);
    const taken = await t.call('POST', `/api/members/${await otherMember('TDP2')}/account`, await t.as('xadoan'), {
      username: 'dv.tdp1.thu',
      password: 'Matkhau@2026',
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.details[0].field).toBe('username');
    expect(await audits('account', 'create')).toBe(before + 1);
  });

  it('refuses a short password or a bad username', async () => {
    const res = await t.call('POST', `/api/members/${await otherMember('TDP2')}/account`, await t.as('xadoan'), {
      username: 'Có Dấu',
      password: '123',
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['password', 'username']);
  });
});
