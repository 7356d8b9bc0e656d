import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditLog, ruleSets } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { RuleSetDto } from '../../contracts/rules.js';
import { DEFAULT_RULES, RULE_KEYS } from '../../domain/rules/rule-sets.js';
import { ruleOn } from './rules.queries.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
});
afterAll(async () => {
  await t.close();
});

const ages = (over: Partial<typeof DEFAULT_RULES.membershipAge> = {}) => ({ ...DEFAULT_RULES.membershipAge, ...over });
const rows = async () => (await t.database.db.select({ n: count() }).from(ruleSets))[0]!.n;
const audits = async () =>
  (await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'rule_set')))[0]!.n;

describe('reading the rules', () => {
  it('gives every cadre each rule set with the value in force and its history', async () => {
    const res = await t.call('GET', '/api/rules', await t.as('bithu'));
    expect(res.statusCode).toBe(200);
    const list = res.json<RuleSetDto[]>();
    expect(list.map((r) => r.key)).toEqual(RULE_KEYS);
    const membership = list.find((r) => r.key === 'membershipAge')!;
    expect(membership.label).toBe('Độ tuổi kết nạp và trưởng thành');
    expect(membership.current).toMatchObject({
      validFrom: '2000-01-01',
      validTo: null,
      value: DEFAULT_RULES.membershipAge,
    });
  });

  it('refuses a member account and a request without a session', async () => {
    const member = await t.accountWithRole('member', 'TDP1');
    expect((await t.call('GET', '/api/rules', member.cookie)).statusCode).toBe(403);
    expect((await t.call('GET', '/api/rules')).statusCode).toBe(401);
  });
});

describe('recording a new value', () => {
  it('lets only a system administrator record one', async () => {
    const body = { validFrom: '2027-01-01', value: ages({ comingOfAgeAge: 32, extensionMaxAge: 35 }) };
    for (const cookie of [await t.as('tinhdoan'), await t.as('xadoan')]) {
      expect((await t.call('POST', '/api/rules/membershipAge', cookie, body)).statusCode).toBe(403);
    }
    expect(await audits()).toBe(0);
  });

  it('ends the open period on the new date: the old value applies before, the new one from it', async () => {
    const body = { validFrom: '2027-01-01', value: ages({ comingOfAgeAge: 32 }), note: 'Điều lệ sửa đổi' };
    const res = await t.call('POST', '/api/rules/membershipAge', admin, body);
    expect(res.statusCode).toBe(200);
    const set = res.json<RuleSetDto>();
    expect(set.periods.map((p) => [p.validFrom, p.validTo])).toEqual([
      ['2027-01-01', null],
      ['2000-01-01', '2027-01-01'],
    ]);
    expect(set.periods[0]).toMatchObject({ note: 'Điều lệ sửa đổi', createdByName: 'Quản trị hệ thống' });
    expect(set.current?.validFrom).toBe('2000-01-01');
    const { db } = t.database;
    expect((await ruleOn(db, 'membershipAge', '2026-12-31')).comingOfAgeAge).toBe(30);
    expect((await ruleOn(db, 'membershipAge', '2027-01-01')).comingOfAgeAge).toBe(32);
    expect((await ruleOn(db, 'membershipAge', '2030-06-01')).comingOfAgeAge).toBe(32);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entity, 'rule_set'));
    expect(entry).toMatchObject({ action: 'create', actorName: 'admin', unitId: null });
    expect(entry!.before).toMatchObject({ validFrom: '2000-01-01', validTo: null });
  });

  it('never rewrites history: a date on or before the latest start is refused', async () => {
    const before = [await rows(), await audits()];
    for (const validFrom of ['2027-01-01', '2026-06-01']) {
      const res = await t.call('POST', '/api/rules/membershipAge', admin, { validFrom, value: ages() });
      expect(res.statusCode).toBe(422);
      expect(res.json<{ error: { message: string } }>().error.message).toContain('sau ngày 01/01/2027');
    }
    expect([await rows(), await audits()]).toEqual(before);
  });

  it('checks the value of each rule set with a Vietnamese message naming the field', async () => {
    const before = [await rows(), await audits()];
    const cases: [string, unknown, string, string][] = [
      ['membershipAge', ages({ admissionMinAge: 13 }), 'value.admissionMinAge', 'phải từ 14 đến 40'],
      ['membershipAge', ages({ admissionMinAge: 30 }), 'value.admissionMaxAge', 'phải lớn hơn tuổi kết nạp thấp nhất'],
      ['membershipAge', ages({ comingOfAgeAge: 30.5 }), 'value.comingOfAgeAge', 'số nguyên'],
      ['comingOfAge', { ceremonyDates: ['26/03', '31/02'] }, 'value.ceremonyDates.1', 'Ngày không tồn tại'],
      ['comingOfAge', { ceremonyDates: ['26/3'] }, 'value.ceremonyDates.0', 'DD/MM'],
      ['comingOfAge', { ceremonyDates: ['26/03', '26/03'] }, 'value.ceremonyDates', 'bị trùng'],
      ['discipline', { ...DEFAULT_RULES.discipline, quorum: [3, 2] }, 'value.quorum', 'không quá 1'],
      ['discipline', { ...DEFAULT_RULES.discipline, majority: [1, 1] }, 'value.majority', 'nhỏ hơn 1'],
      [
        'fee',
        { ...DEFAULT_RULES.fee, withoutSalary: 5000, withSalary: 2000 },
        'value.withSalary',
        'không được thấp hơn',
      ],
      ['fee', { ...DEFAULT_RULES.fee, branchKeepsPercent: 120 }, 'value.branchKeepsPercent', 'từ 0 đến 100'],
      ['meeting', { ...DEFAULT_RULES.meeting, remoteEveryMonths: 0 }, 'value.remoteEveryMonths', 'từ 1 đến 6'],
      [
        'meeting',
        { ...DEFAULT_RULES.meeting, regularEveryMonths: 3, remoteEveryMonths: 2 },
        'value.remoteEveryMonths',
        'dày hơn',
      ],
      ['branchIndicators', { minMembers: 9, notSeenMonths: 30 }, 'value.notSeenMonths', 'từ 1 đến 24'],
      ['transfer', { acceptWithinDays: 0 }, 'value.acceptWithinDays', 'từ 1 đến 365'],
    ];
    for (const [key, value, field, message] of cases) {
      const res = await t.call('POST', `/api/rules/${key}`, admin, { validFrom: '2028-01-01', value });
      expect(res.statusCode, `${key} ${field}`).toBe(400);
      const error = res.json<{ error: { message: string; details: { field: string }[] } }>().error;
      expect(error.message, field).toContain(message);
      expect(error.details[0]!.field).toBe(field);
    }
    expect(
      (await t.call('POST', '/api/rules/khong_co', admin, { validFrom: '2028-01-01', value: {} })).statusCode,
    ).toBe(400);
    expect((await t.call('POST', '/api/rules/fee', admin, { validFrom: '2028-02-30', value: {} })).statusCode).toBe(
      400,
    );
    expect([await rows(), await audits()]).toEqual(before);
  });

  it('records new ceremony dates and a new fee', async () => {
    const dates = await t.call('POST', '/api/rules/comingOfAge', admin, {
      validFrom: '2026-12-01',
      value: { ceremonyDates: ['26/03', '29/02'] },
    });
    expect(dates.statusCode).toBe(200);
    expect(await ruleOn(t.database.db, 'comingOfAge', '2026-12-01')).toEqual({ ceremonyDates: ['26/03', '29/02'] });
    const fee = await t.call('POST', '/api/rules/fee', admin, {
      validFrom: '2027-07-01',
      value: { ...DEFAULT_RULES.fee, withoutSalary: 3000, withSalary: 6000 },
    });
    expect(fee.json<RuleSetDto>().periods[0]!.value).toEqual({
      ...DEFAULT_RULES.fee,
      withoutSalary: 3000,
      withSalary: 6000,
    });
  });
});
