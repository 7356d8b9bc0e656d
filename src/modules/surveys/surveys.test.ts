import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { auditLog, members, surveyParticipations, surveyResponses, surveys, units } from '../../db/schema/index.js';
import type { MySurveyDetail, MySurveyList, SurveyDetail, SurveyList, SurveyResults } from '../../contracts/surveys.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import { DEMO_MEMBER } from '../self-service/self-service.fixtures.js';
import {
  demoOpenSurvey,
  sampleSurvey,
  surveyScopeCases,
  surveyScopeFixtures,
  type SurveyFixtures,
} from './surveys.fixtures.js';

let t: TestApp;
let xadoan: string;
let member: string;
let hch: string;
let tdp1: string;

const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
const surveyCount = async () => (await t.database.db.select({ n: count() }).from(surveys))[0]?.n ?? 0;

async function createOpen(cookie: string, body: ReturnType<typeof sampleSurvey>): Promise<SurveyDetail> {
  const made = (await t.call('POST', '/api/surveys', cookie, body)).json<SurveyDetail>();
  const res = await t.call('POST', `/api/surveys/${made.id}/open`, cookie, { version: made.version });
  expect(res.statusCode).toBe(200);
  return res.json<SurveyDetail>();
}

const validAnswers = { q1: 'Tình nguyện', q2: ['Học tập'], q3: 5, q4: 'Thêm sân bóng' };

beforeAll(async () => {
  t = await startTestApp();
  xadoan = await t.as('xadoan');
  member = await t.login(DEMO_MEMBER.username, DEMO_MEMBER.password);
  hch = await t.unitId('HCH');
  tdp1 = await t.unitId('TDP1');
});
afterAll(async () => {
  await t.close();
});

describe('the demo survey', () => {
  it('is listed for the ward with its answers, and last year’s closed survey too', async () => {
    const list = (await t.call('GET', `/api/surveys?unitId=${hch}`, xadoan)).json<SurveyList>();
    const open = list.items.find((s) => s.title.startsWith('Tâm tư, nguyện vọng'));
    expect(open).toMatchObject({ status: 'open', anonymous: true, window: 'open', questionCount: 5, received: false });
    expect(open!.responses).toBeGreaterThan(10);
    expect(list.items.some((s) => s.status === 'closed')).toBe(true);
    const stored = await t.database.db
      .select({ n: count() })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.surveyId, open!.id), sql`${surveyResponses.memberId} is not null`));
    expect(stored[0]?.n).toBe(0);
  });
});

describe('building a survey', () => {
  it('refuses a choice question with one option, naming the question, and changes nothing', async () => {
    const before = [await surveyCount(), await audits()];
    const body = sampleSurvey(hch);
    body.questions.push({ text: 'Câu lỗi', kind: 'single', options: ['Chỉ một'], required: true });
    body.questions.splice(2, 0, body.questions.pop()!);
    const res = await t.call('POST', '/api/surveys', xadoan, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({
      field: 'questions.2.options',
      message: 'Câu 3: cần ít nhất 2 lựa chọn.',
    });
    const none = await t.call('POST', '/api/surveys', xadoan, { ...sampleSurvey(hch), questions: [] });
    expect(none.json().error.message).toContain('Khảo sát cần ít nhất 1 câu hỏi.');
    const dates = await t.call('POST', '/api/surveys', xadoan, {
      ...sampleSurvey(hch),
      opensOn: '2026-05-10',
      closesOn: '2026-05-01',
    });
    expect(dates.json().error.details[0].field).toBe('closesOn');
    expect([await surveyCount(), await audits()]).toEqual(before);
  });

  it('edits a draft, refuses a stale version, opens it, then keeps its questions', async () => {
    const made = (await t.call('POST', '/api/surveys', xadoan, sampleSurvey(hch))).json<SurveyDetail>();
    expect(made).toMatchObject({ status: 'draft', actions: ['edit', 'open'], version: 1 });
    expect(made.questions.map((q) => q.key)).toEqual(['q1', 'q2', 'q3', 'q4']);
    const edited = await t.call('PATCH', `/api/surveys/${made.id}`, xadoan, { version: 1, title: 'Khảo sát mới' });
    expect(edited.json<SurveyDetail>()).toMatchObject({ title: 'Khảo sát mới', version: 2 });
    const before = await audits();
    const stale = await t.call('PATCH', `/api/surveys/${made.id}`, xadoan, { version: 1, title: 'Cũ' });
    expect(stale.statusCode).toBe(409);
    expect(await audits()).toBe(before);
    const opened = await t.call('POST', `/api/surveys/${made.id}/open`, xadoan, { version: 2 });
    expect(opened.json<SurveyDetail>()).toMatchObject({ status: 'open', actions: ['close'] });
    const locked = await t.call('PATCH', `/api/surveys/${made.id}`, xadoan, { version: 3, title: 'X' });
    expect(locked.statusCode).toBe(422);
    expect(locked.json().error.message).toBe('Khảo sát đã mở: không sửa được câu hỏi.');
  });

  it('lets a viewer read but not write, and hides the survey from an outsider', async () => {
    const viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
    const outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
    const made = (await t.call('POST', '/api/surveys', xadoan, sampleSurvey(hch))).json<SurveyDetail>();
    expect((await t.call('GET', `/api/surveys/${made.id}`, viewer)).json<SurveyDetail>().actions).toEqual([]);
    expect((await t.call('POST', '/api/surveys', viewer, sampleSurvey(hch))).statusCode).toBe(403);
    expect((await t.call('GET', `/api/surveys/${made.id}`, outsider)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/surveys/${made.id}/results`, outsider)).statusCode).toBe(404);
    expect((await t.call('POST', '/api/surveys', outsider, sampleSurvey(hch))).statusCode).toBe(404);
  });
});

describe('answering', () => {
  let anonymousId: string;

  it('lists the open surveys of the member’s branch and its ancestors', async () => {
    const demo = await demoOpenSurvey(t);
    const mine = (await t.call('GET', '/api/me/surveys', member)).json<MySurveyList>();
    expect(mine.items.find((s) => s.id === demo.id)).toMatchObject({ answered: false, window: 'open' });
    expect((await t.call('GET', '/api/me/surveys', xadoan)).statusCode).toBe(404);
  });

  it('checks the answers, takes them once and stores anonymous answers without the member', async () => {
    const survey = await createOpen(xadoan, { ...sampleSurvey(hch), anonymous: true, title: 'Ẩn danh' });
    anonymousId = survey.id;
    const url = `/api/me/surveys/${survey.id}/answers`;
    const before = await audits();
    const bad = await t.call('POST', url, member, { answers: { q1: 'Không có', q3: 9 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      'Câu 1: hãy chọn một lựa chọn có trong danh sách.',
      'Câu 3: chọn một mức từ 1 đến 5.',
    ]);
    expect(await audits()).toBe(before);
    const ok = await t.call('POST', url, member, { answers: validAnswers });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<MySurveyDetail>()).toMatchObject({ answered: true });
    const again = await t.call('POST', url, member, { answers: validAnswers });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Bạn đã trả lời khảo sát này.');
    const stored = await t.database.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, survey.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      memberId: null,
      unitId: tdp1,
      answers: { q1: 'Tình nguyện', q2: ['Học tập'], q3: 5 },
    });
    expect(stored[0]!.createdAt.toISOString()).toMatch(/T17:00:00\.000Z$/);
    const joined = await t.database.db
      .select({ n: count() })
      .from(surveyParticipations)
      .where(eq(surveyParticipations.surveyId, survey.id));
    expect(joined[0]?.n).toBe(1);
  });

  it('gives results without names for an anonymous survey, per branch', async () => {
    const res = (await t.call('GET', `/api/surveys/${anonymousId}/results`, xadoan)).json<SurveyResults>();
    expect(res.overall.answered).toBe(1);
    expect(res.overall.members).toBeGreaterThan(10);
    const branch = res.groups.find((g) => g.unitId === tdp1);
    expect(branch).toMatchObject({ answered: 1 });
    expect(res.groups.filter((g) => g.unitId !== tdp1).every((g) => g.answered === 0)).toBe(true);
    const text = res.questions.find((q) => q.kind === 'text');
    expect(text?.texts).toEqual([{ text: 'Thêm sân bóng', unitName: 'Chi đoàn Tổ dân phố 1', memberName: null }]);
    expect(res.questions[0]?.counts).toEqual([
      { option: 'Tình nguyện', count: 1 },
      { option: 'Thể thao', count: 0 },
    ]);
    expect(res.questions[2]?.average).toBe(5);
    expect(JSON.stringify(res)).not.toContain(DEMO_MEMBER.name);
    const xlsx = await t.call('GET', `/api/surveys/${anonymousId}/results.xlsx`, xadoan);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('names the respondent when the survey is not anonymous', async () => {
    const survey = await createOpen(xadoan, sampleSurvey(tdp1, { title: 'Có tên' }));
    await t.call('POST', `/api/me/surveys/${survey.id}/answers`, member, { answers: validAnswers });
    const res = (await t.call('GET', `/api/surveys/${survey.id}/results`, xadoan)).json<SurveyResults>();
    expect(res.questions[3]?.texts[0]?.memberName).toBe(DEMO_MEMBER.name);
    expect(res.groups).toEqual([]);
  });

  it('refuses answers to a closed survey and to one not yet open', async () => {
    const closedOne = await createOpen(xadoan, sampleSurvey(hch, { title: 'Sẽ đóng' }));
    const closed = await t.call('POST', `/api/surveys/${closedOne.id}/close`, xadoan, { version: closedOne.version });
    expect(closed.json<SurveyDetail>().status).toBe('closed');
    const late = await t.call('POST', `/api/me/surveys/${closedOne.id}/answers`, member, { answers: validAnswers });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toBe('Khảo sát đã đóng.');
    const future = await createOpen(xadoan, sampleSurvey(hch, { title: 'Sắp mở', opensOn: '2099-01-01' }));
    const early = await t.call('POST', `/api/me/surveys/${future.id}/answers`, member, { answers: validAnswers });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('Khảo sát chưa mở');
    const draft = (await t.call('POST', '/api/surveys', xadoan, sampleSurvey(hch))).json<SurveyDetail>();
    expect((await t.call('GET', `/api/me/surveys/${draft.id}`, member)).statusCode).toBe(404);
    const none = await t.database.db
      .select({ n: count() })
      .from(surveyParticipations)
      .where(sql`${surveyParticipations.surveyId} in (${closedOne.id}, ${future.id})`);
    expect(none[0]?.n).toBe(0);
  });

  it('hides a survey from a member of another line', async () => {
    const hchPath = (await t.database.db.select({ path: units.path }).from(units).where(eq(units.id, hch)))[0]!.path;
    const [other] = await t.database.db
      .select({ id: members.id })
      .from(members)
      .innerJoin(units, eq(units.id, members.unitId))
      .where(and(eq(members.status, 'active'), sql`not (${units.path} <@ ${hchPath}::ltree)`))
      .limit(1);
    const admin = await t.as('admin');
    const made = await t.call('POST', `/api/members/${other!.id}/account`, admin, {
      username: 'dv.khac.khaosat',
      password: 'Matkhau@2026',
    });
    expect(made.statusCode).toBe(200);
    const session = await t.login('dv.khac.khaosat', 'Matkhau@2026');
    const demo = await demoOpenSurvey(t);
    expect((await t.call('GET', `/api/me/surveys/${demo.id}`, session)).statusCode).toBe(404);
    expect((await t.call('POST', `/api/me/surveys/${demo.id}/answers`, session, { answers: {} })).statusCode).toBe(404);
    const mine = (await t.call('GET', '/api/me/surveys', session)).json<MySurveyList>();
    expect(mine.items.map((s) => s.id)).not.toContain(demo.id);
  });
});

describe('a survey sent from above', () => {
  it('reaches the ward, whose cadre sees only their own part of the results', async () => {
    const tinhdoan = await t.as('tinhdoan');
    const dng = await t.unitId('DNG');
    const survey = await createOpen(tinhdoan, sampleSurvey(dng, { title: 'Thành đoàn hỏi' }));
    const list = (await t.call('GET', `/api/surveys?unitId=${hch}`, xadoan)).json<SurveyList>();
    expect(list.items.find((s) => s.id === survey.id)).toMatchObject({ received: true });
    expect((await t.call('GET', `/api/surveys/${survey.id}`, xadoan)).json<SurveyDetail>().actions).toEqual([]);
    expect(
      (await t.call('POST', `/api/surveys/${survey.id}/close`, xadoan, { version: survey.version })).statusCode,
    ).toBe(403);
    await t.call('POST', `/api/me/surveys/${survey.id}/answers`, member, { answers: validAnswers });
    const ward = (await t.call('GET', `/api/surveys/${survey.id}/results`, xadoan)).json<SurveyResults>();
    expect(ward.unit.id).toBe(hch);
    expect(ward.trail.map((u) => u.id)).toEqual([hch]);
    expect(ward.overall.answered).toBe(1);
    expect(ward.groups.map((g) => g.unitId)).toContain(tdp1);
    expect((await t.call('GET', `/api/surveys/${survey.id}/results?unitId=${dng}`, xadoan)).statusCode).toBe(404);
    const city = (await t.call('GET', `/api/surveys/${survey.id}/results`, tinhdoan)).json<SurveyResults>();
    expect(city.unit.id).toBe(dng);
    expect(city.overall.members).toBeGreaterThan(ward.overall.members);
    const drill = (
      await t.call('GET', `/api/surveys/${survey.id}/results?unitId=${hch}`, tinhdoan)
    ).json<SurveyResults>();
    expect(drill.trail[0]?.id).toBe(dng);
    expect(drill.trail.at(-1)?.id).toBe(hch);
    expect(drill.overall).toMatchObject({ answered: 1, members: ward.overall.members });
  });
});

describe('scope cases', () => {
  let fx: SurveyFixtures;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    fx = await surveyScopeFixtures(t);
    for (const code of ['HCH', 'TDP1']) ids[code] = await t.unitId(code);
  });

  it('gives an outsider, a viewer and a member account nothing they should not have', async () => {
    const outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
    const viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
    for (const c of surveyScopeCases({ unitId: (code) => ids[code]!, fx: () => fx })) {
      const send = (cookie?: string) => t.call(c.method, c.url(), cookie, c.body?.());
      const before = await audits();
      expect([403, 404], `outsider ${c.name}`).toContain((await send(outsider)).statusCode);
      const v = (await send(viewer)).statusCode;
      if (c.write) expect([403, 404], `viewer ${c.name}`).toContain(v);
      else expect(v, `viewer ${c.name}`).toBe(c.self ? 404 : 200);
      if (!c.self) expect([403, 404], `member ${c.name}`).toContain((await send(member)).statusCode);
      expect((await send()).statusCode, `anonymous ${c.name}`).toBe(401);
      if (c.write) expect(await audits(), c.name).toBe(before);
    }
  });
});
