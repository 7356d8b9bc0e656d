import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import { auditLog, criteriaSets, evaluationEvents, user } from '../../db/schema/index.js';
import type {
  CriteriaSetDetail,
  CriteriaSetSummary,
  CycleDetail,
  EvaluationComparison,
  EvaluationDetail,
  EvaluationRow,
  FollowUpCandidate,
  MyEvaluationRow,
  ProgressBoard,
} from '../../contracts/evaluations.js';
import type { CriteriaSet } from '../../domain/evaluations/criteria.js';
import { multipartFile } from '../self-service/self-service.fixtures.js';

/**
 * The gaps the web pages revealed: cycle names on "mine" rows, the follow-up cadre list, the history's states,
 * comparison labels, copying a criteria set, the "3 chủ động" result as evidence of the đoàn cơ sở rating, and the
 * top-class cap warned at approval.
 */

let t: TestApp;
let admin: string;
/** unit_admin of Tỉnh đoàn Lâm Đồng (owner of the cycles); HDDT evaluates HTH-X. */
let province: { cookie: string; userId: string };
let qhc: { cookie: string; userId: string };
let hc1: { cookie: string; userId: string };
/** unit_admin of Thành đoàn Đà Nẵng: outside Lâm Đồng. */
let outsider: string;
let outsiderId: string;
let ids: Record<string, string>;
let cycle: CycleDetail;

const YEAR = 2026;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const deadlines = {
  registration: '2026-12-31',
  selfAssessment: '2027-01-15',
  evaluation: '2027-01-31',
  reinspection: '2027-02-15',
  decision: '2027-02-28',
};

type Scores = Record<string, boolean | number | string>;

function fullScores(s: CriteriaSet): Scores {
  const out: Scores = {};
  for (const item of s.criteria.flatMap((c) => c.items)) {
    if (item.rule.kind === 'yesno') out[item.key] = true;
    else if (item.rule.kind === 'points') out[item.key] = item.rule.max;
    else out[item.key] = [...item.rule.levels].sort((a, b) => b.points - a.points)[0]!.key;
  }
  return out;
}

const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
const message = (res: { json: <T>() => T }) => res.json<{ error: { message: string } }>().error.message;

/** Calls a step of a file at its version; keeps the new file when it succeeds. */
async function act(file: EvaluationDetail, method: 'POST' | 'PUT', path: string, cookie: string, body = {}) {
  const res = await t.call(method, `/api/evaluations/${file.id}/${path}`, cookie, { version: file.version, ...body });
  return { res, file: res.statusCode === 200 ? res.json<EvaluationDetail>() : file };
}

async function fileOf(cycleId: string, unitCode: string, cookie: string): Promise<EvaluationDetail> {
  const page = (
    await t.call('GET', `/api/evaluations/cycles/${cycleId}/evaluations?unitId=${ids[unitCode]}&limit=200`, cookie)
  ).json<{ items: EvaluationRow[] }>();
  const row = page.items.find((r) => r.unitId === ids[unitCode] && r.memberId === null)!;
  return (await t.call('GET', `/api/evaluations/${row.id}`, cookie)).json<EvaluationDetail>();
}

async function openCycle(cookie: string, body: Record<string, unknown>): Promise<CycleDetail> {
  const res = await t.call('POST', '/api/evaluations/cycles', cookie, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CycleDetail>();
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  outsider = await t.as('tinhdoan');
  const [tinhdoan] = await t.database.db.select({ id: user.id }).from(user).where(eq(user.username, 'tinhdoan'));
  outsiderId = tinhdoan!.id;
  province = await t.accountWithRole('unit_admin', 'LDG');
  qhc = await t.accountWithRole('cadre', 'HDDT');
  hc1 = await t.accountWithRole('cadre', 'HTH-X');
  ids = {};
  for (const code of ['DNG', 'HDDT', 'HTH-X', 'LNG', 'HCH', 'LDG', 'TDP1', 'TDP2']) ids[code] = await t.unitId(code);
  cycle = await openCycle(province.cookie, {
    programme: 'grassroots3Proactive',
    ownerUnitId: ids.LDG,
    kind: 'year',
    year: YEAR,
    deadlines,
    reinspection: 'all',
  });
});
afterAll(async () => {
  await t.close();
});

describe('gap 1: "mine" rows name their cycle', () => {
  it('gives the cycle, programme, year and kind of each row', async () => {
    const mine = (await t.call('GET', '/api/evaluations/mine', hc1.cookie)).json<MyEvaluationRow[]>();
    const row = mine.find((r) => r.unitId === ids['HTH-X'] && r.cycleId === cycle.id);
    expect(row).toMatchObject({
      cycleId: cycle.id,
      programme: 'grassroots3Proactive',
      programmeTitle: 'Đoàn cơ sở “3 chủ động”',
      year: YEAR,
      kind: 'year',
      half: null,
      cycleLabel: `năm ${YEAR}`,
      followUpName: null,
    });
  });

  it('lists nothing of Lâm Đồng to an outsider', async () => {
    const mine = (await t.call('GET', '/api/evaluations/mine', outsider)).json<MyEvaluationRow[]>();
    expect(mine.map((r) => r.cycleId)).not.toContain(cycle.id);
  });
});

describe('gap 2: picking the follow-up cadre', () => {
  let file: EvaluationDetail;
  let disabledId: string;

  beforeAll(async () => {
    file = await fileOf(cycle.id, 'HTH-X', province.cookie);
    const disabled = await t.accountWithRole('cadre', 'HDDT');
    disabledId = disabled.userId;
    await t.database.db.update(user).set({ disabled: true }).where(eq(user.id, disabledId));
  });

  const candidates = (cookie: string) => t.call('GET', `/api/evaluations/${file.id}/follow-up-candidates`, cookie);

  it('lists the active cadres of the evaluator and the units above it inside the owner and the actor scope', async () => {
    const res = await candidates(province.cookie);
    expect(res.statusCode).toBe(200);
    const list = res.json<FollowUpCandidate[]>().map((c) => c.userId);
    expect(list).toEqual(expect.arrayContaining([province.userId, qhc.userId]));
    expect(list).not.toContain(hc1.userId);
    expect(list).not.toContain(outsiderId);
    expect(list).not.toContain(disabledId);
    const own = (await candidates(qhc.cookie)).json<FollowUpCandidate[]>();
    expect(own.map((c) => c.userId)).toContain(qhc.userId);
    expect(own.map((c) => c.userId)).not.toContain(province.userId);
    expect(own.find((c) => c.userId === qhc.userId)?.unitName).toBe('Huyện đoàn Đức Trọng');
  });

  it('refuses the subject (403) and an outsider (404)', async () => {
    const subject = await candidates(hc1.cookie);
    expect(subject.statusCode).toBe(403);
    expect(message(subject)).toContain('Huyện đoàn Đức Trọng');
    expect((await candidates(outsider)).statusCode).toBe(404);
  });

  it('refuses someone not on the list, saying whom to pick, and changes nothing', async () => {
    const before = await audits();
    for (const userId of [hc1.userId, outsiderId, disabledId]) {
      const { res } = await act(file, 'PUT', 'follow-up', province.cookie, { userId });
      expect(res.statusCode).toBe(422);
      expect(message(res)).toContain('danh sách cán bộ theo dõi');
    }
    const { res: blank } = await act(file, 'PUT', 'follow-up', province.cookie, { userId: '' });
    expect(blank.statusCode).toBe(400);
    expect((await act(file, 'PUT', 'follow-up', outsider, { userId: qhc.userId })).res.statusCode).toBe(404);
    expect(await audits()).toBe(before);
  });

  it('assigns a cadre from the list, audited, and shows the name on the lists', async () => {
    const before = await audits();
    const done = await act(file, 'PUT', 'follow-up', province.cookie, { userId: qhc.userId });
    expect(done.res.statusCode).toBe(200);
    file = done.file;
    expect(file.followUpUserId).toBe(qhc.userId);
    expect(file.followUpName).toBe('Thử cadre');
    expect(await audits()).toBe(before + 1);
    const page = (
      await t.call('GET', `/api/evaluations/cycles/${cycle.id}/evaluations?unitId=${ids.HDDT}`, province.cookie)
    ).json<{ items: EvaluationRow[] }>();
    expect(page.items.find((r) => r.id === file.id)?.followUpName).toBe('Thử cadre');
    const mine = (await t.call('GET', '/api/evaluations/mine', hc1.cookie)).json<MyEvaluationRow[]>();
    expect(mine.find((r) => r.id === file.id)?.followUpName).toBe('Thử cadre');
    expect(file.events.at(-1)).toMatchObject({ action: 'followUp', toStatus: null });
  });
});

describe('gap 3 and 6: the history records states alike; the "3 chủ động" result feeds the đoàn cơ sở rating', () => {
  let file: EvaluationDetail;

  it('records "step.status" before and after each transition', async () => {
    file = await fileOf(cycle.id, 'HTH-X', hc1.cookie);
    const upload = multipartFile(PDF, 'ke-hoach.pdf', 'application/pdf');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/evaluations/${file.id}/files`,
      headers: { cookie: hc1.cookie, ...upload.headers },
      payload: upload.payload,
    });
    expect(up.statusCode).toBe(200);
    file = up.json<EvaluationDetail>();
    ({ file } = await act(file, 'POST', 'submit', hc1.cookie));
    ({ file } = await act(file, 'POST', 'approve', qhc.cookie));
    const submit = file.events.find((e) => e.action === 'submit')!;
    expect(submit).toMatchObject({ fromStatus: 'registration.ready', toStatus: 'registration.submitted' });
    const approve = file.events.find((e) => e.action === 'approve')!;
    expect(approve).toMatchObject({ fromStatus: 'registration.submitted', toStatus: 'selfAssessment.ready' });
    for (const e of file.events) expect(e.fromStatus).toMatch(/^[a-zA-Z]+\.[a-zA-Z]+$/);
  });

  it('reads rows recorded with a bare status in the same form', async () => {
    await t.database.db.insert(evaluationEvents).values({
      evaluationId: file.id,
      step: 'selfAssessment',
      action: 'return',
      fromStatus: 'submitted',
      toStatus: 'selfAssessment.returned',
    });
    const read = (await t.call('GET', `/api/evaluations/${file.id}`, hc1.cookie)).json<EvaluationDetail>();
    expect(read.events.at(-1)).toMatchObject({
      fromStatus: 'selfAssessment.submitted',
      toStatus: 'selfAssessment.returned',
    });
    file = read;
  });

  it('takes the unit through to recognition; the decision records "decision.approved"', async () => {
    const set = file.definition as CriteriaSet;
    ({ file } = await act(file, 'PUT', 'self', hc1.cookie, { scores: fullScores(set) }));
    ({ file } = await act(file, 'POST', 'submit', hc1.cookie));
    ({ file } = await act(file, 'POST', 'approve', qhc.cookie));
    ({ file } = await act(file, 'POST', 'approve', qhc.cookie));
    ({ file } = await act(file, 'POST', 'approve', province.cookie));
    expect(file).toMatchObject({ step: 'decision', status: 'approved', classKey: 'recognised' });
    const res = await t.call('POST', `/api/evaluations/cycles/${cycle.id}/accept`, province.cookie, {
      evaluationIds: [file.id],
      decidedOn: '2026-11-20',
    });
    expect(res.statusCode).toBe(200);
    file = (await t.call('GET', `/api/evaluations/${file.id}`, province.cookie)).json<EvaluationDetail>();
    expect(file.events.at(-1)).toMatchObject({
      action: 'accept',
      fromStatus: 'decision.approved',
      toStatus: 'decision.accepted',
    });
  });

  it('shows the recognition, the evaluation under way, or no data, on the đoàn cơ sở rating of the year', async () => {
    const rating = await openCycle(province.cookie, {
      programme: 'grassrootsRating',
      ownerUnitId: ids.LDG,
      kind: 'year',
      year: YEAR,
      deadlines: { selfAssessment: '2027-01-15', evaluation: '2027-01-31' },
      reinspection: 'none',
    });
    const refreshed = await t.call('POST', `/api/evaluations/cycles/${rating.id}/evidence`, province.cookie);
    expect(refreshed.statusCode).toBe(200);
    const recognised = await fileOf(rating.id, 'HTH-X', hc1.cookie);
    const item = (recognised.definition as CriteriaSet).criteria
      .flatMap((c) => c.items)
      .find((i) => i.key === 'threeProactive');
    expect(item?.evidence).toBe('threeProactive');
    expect(recognised.autoEvidence.find((f) => f.key === 'threeProactive')).toMatchObject({
      value: true,
      text: `Được công nhận Đoàn cơ sở “3 chủ động” năm ${YEAR} (quyết định ngày 20/11/2026)`,
    });
    const pending = await fileOf(rating.id, 'LNG', province.cookie);
    expect(pending.autoEvidence.find((f) => f.key === 'threeProactive')).toMatchObject({
      value: null,
      text: `Chưa có kết quả công nhận Đoàn cơ sở “3 chủ động” năm ${YEAR} (đang ở bước Đăng ký)`,
    });
    const danang = await openCycle(outsider, {
      programme: 'grassrootsRating',
      ownerUnitId: ids.DNG,
      kind: 'year',
      year: YEAR,
      deadlines: { selfAssessment: '2027-01-15', evaluation: '2027-01-31' },
      reinspection: 'none',
    });
    const none = await fileOf(danang.id, 'HCH', outsider);
    const again = await t.call('POST', `/api/evaluations/${none.id}/evidence`, outsider);
    expect(again.statusCode).toBe(200);
    expect(again.json<EvaluationDetail>().autoEvidence.find((f) => f.key === 'threeProactive')).toMatchObject({
      value: null,
      text: 'Chưa có dữ liệu trong hệ thống',
    });
    expect((await t.call('POST', `/api/evaluations/${recognised.id}/evidence`, outsider)).statusCode).toBe(404);
  });
});

describe('gap 4: comparison rows carry class labels', () => {
  it('names the classes of each unit', async () => {
    const res = await t.call(
      'GET',
      `/api/evaluations/comparison?programme=grassroots3Proactive&year=${YEAR}&unitId=${ids.LDG}`,
      province.cookie,
    );
    expect(res.statusCode).toBe(200);
    const rows = res.json<EvaluationComparison>().rows;
    expect(rows.find((r) => r.unitId === ids['HTH-X'])).toMatchObject({
      current: 'recognised',
      currentLabel: 'Đạt Đoàn cơ sở “3 chủ động”',
      previous: null,
      previousLabel: null,
      movement: 'new',
    });
    expect(rows.find((r) => r.unitId === ids.LNG)).toMatchObject({ current: null, currentLabel: null });
  });

  it('refuses bad input and shows an outsider nothing', async () => {
    expect((await t.call('GET', `/api/evaluations/comparison?year=${YEAR}`, province.cookie)).statusCode).toBe(400);
    const year = await t.call(
      'GET',
      '/api/evaluations/comparison?programme=grassroots3Proactive&year=abc',
      province.cookie,
    );
    expect(year.statusCode).toBe(400);
    const outside = await t.call(
      'GET',
      `/api/evaluations/comparison?programme=grassroots3Proactive&year=${YEAR}&unitId=${ids.LDG}`,
      outsider,
    );
    expect(outside.statusCode).toBe(404);
  });
});

describe('gap 5 and 7: copying a criteria set; the top-class cap warned at approval', () => {
  let sets: CriteriaSetSummary[];
  let branchCopy: CriteriaSetDetail;
  const copy = (id: string, cookie: string, body: Record<string, unknown>) =>
    t.call('POST', `/api/evaluations/criteria-sets/${id}/copy`, cookie, body);
  const setOf = (programme: string, validFrom: number) =>
    sets.find((s) => s.programme === programme && s.validFrom === validFrom)!;

  beforeAll(async () => {
    sets = (await t.call('GET', '/api/evaluations/criteria-sets', admin)).json<CriteriaSetSummary[]>();
  });

  it('is for system administrators only', async () => {
    const source = setOf('grassroots3Proactive', 2023);
    expect((await copy(source.id, province.cookie, { validFrom: 2028, validTo: 2032 })).statusCode).toBe(403);
    expect((await copy(source.id, outsider, { validFrom: 2028, validTo: 2032 })).statusCode).toBe(403);
    expect((await copy(source.id, '', { validFrom: 2028, validTo: 2032 })).statusCode).toBe(401);
  });

  it('refuses bad years, an overlapping period and an unknown set, changing nothing', async () => {
    const source = setOf('grassroots3Proactive', 2023);
    const before = await audits();
    const overlap = await copy(source.id, admin, { validFrom: 2027, validTo: 2030 });
    expect(overlap.statusCode).toBe(409);
    expect(message(overlap)).toContain('2023 – 2027');
    const reversed = await copy(source.id, admin, { validFrom: 2030, validTo: 2029 });
    expect(reversed.statusCode).toBe(400);
    expect(message(reversed)).toContain('Năm kết thúc');
    expect((await copy(source.id, admin, { validFrom: 'năm sau' })).statusCode).toBe(400);
    expect((await copy(source.id, admin, { validFrom: 1990 })).statusCode).toBe(400);
    const unknown = await copy('00000000-0000-4000-8000-000000000000', admin, { validFrom: 2028 });
    expect(unknown.statusCode).toBe(404);
    expect(await audits()).toBe(before);
  });

  it('creates an unfrozen set with the same criteria for the new period, audited', async () => {
    const source = (
      await t.call('GET', `/api/evaluations/criteria-sets/${setOf('grassroots3Proactive', 2023).id}`, admin)
    ).json<CriteriaSetDetail>();
    const before = await audits();
    const res = await copy(source.id, admin, {
      validFrom: 2028,
      validTo: 2032,
      name: 'Đoàn cơ sở “3 chủ động” giai đoạn mới',
    });
    expect(res.statusCode).toBe(200);
    const made = res.json<CriteriaSetDetail>();
    expect(made).toMatchObject({
      programme: 'grassroots3Proactive',
      title: 'Đoàn cơ sở “3 chủ động” giai đoạn mới',
      periodLabel: '2028 – 2032',
      validFrom: 2028,
      validTo: 2032,
      frozen: false,
      version: 1,
      itemCount: source.itemCount,
    });
    expect(made.id).not.toBe(source.id);
    expect(made.definition.criteria).toEqual(source.definition.criteria);
    expect(made.definition.classes).toEqual(source.definition.classes);
    expect(await audits()).toBe(before + 1);
    const [row] = await t.database.db
      .select({ action: auditLog.action, entityId: auditLog.entityId })
      .from(auditLog)
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(row).toEqual({ action: 'copy', entityId: made.id });
  });

  it('ends an open-ended set only when asked, then the copy applies from its first year', async () => {
    const source = setOf('branchRating', 2023);
    const refused = await copy(source.id, admin, { validFrom: 2030 });
    expect(refused.statusCode).toBe(409);
    expect(message(refused)).toContain('chưa có năm kết thúc');
    expect(message(refused)).toContain('năm 2029');
    const before = await audits();
    const res = await copy(source.id, admin, { validFrom: 2030, closeOpenEnded: true });
    expect(res.statusCode).toBe(200);
    branchCopy = res.json<CriteriaSetDetail>();
    expect(branchCopy).toMatchObject({ validFrom: 2030, validTo: null, periodLabel: 'từ năm 2030', frozen: false });
    expect(await audits()).toBe(before + 2);
    const [old] = await t.database.db.select().from(criteriaSets).where(eq(criteriaSets.id, source.id));
    expect(old).toMatchObject({ validTo: 2029, periodLabel: '2023 – 2029' });
  });

  it('warns at approval when the top class goes over the cap, and still refuses the decision', async () => {
    const capped = await t.call('PUT', `/api/evaluations/criteria-sets/${branchCopy.id}`, admin, {
      version: branchCopy.version,
      definition: { ...branchCopy.definition, topClassCap: 0.5 },
    });
    expect(capped.statusCode).toBe(200);
    const set = capped.json<CriteriaSetDetail>().definition as CriteriaSet;
    const branches = await openCycle(outsider, {
      programme: 'branchRating',
      ownerUnitId: ids.HCH,
      kind: 'year',
      year: 2030,
      deadlines: { selfAssessment: '2030-12-31', evaluation: '2031-01-15', decision: '2031-01-31' },
      reinspection: 'none',
    });
    expect(branches.criteriaSetId).toBe(branchCopy.id);

    let first = await fileOf(branches.id, 'TDP1', outsider);
    expect(first.topClass).toMatchObject({ top: 0, total: 0, share: null, over: false, maxShare: 0.5 });
    ({ file: first } = await act(first, 'PUT', 'self', outsider, { scores: fullScores(set) }));
    ({ file: first } = await act(first, 'POST', 'submit', outsider));
    ({ file: first } = await act(first, 'POST', 'approve', outsider));
    const approved = await act(first, 'POST', 'approve', outsider);
    expect(approved.res.statusCode).toBe(200);
    first = approved.file;
    expect(first).toMatchObject({ step: 'decision', status: 'approved', classKey: 'excellent' });
    expect(first.topClass).toMatchObject({ classKey: 'excellent', top: 1, total: 1, allowed: 0, over: true });
    expect(first.topClass?.warning).toContain('vượt tỷ lệ tối đa 50%');
    const board = (await t.call('GET', `/api/evaluations/cycles/${branches.id}/board`, outsider)).json<ProgressBoard>();
    expect(board.topClass).toMatchObject({ top: 1, total: 1, over: true });
    expect((await t.call('GET', `/api/evaluations/cycles/${branches.id}/board`, province.cookie)).statusCode).toBe(404);

    const refused = await t.call('POST', `/api/evaluations/cycles/${branches.id}/accept`, outsider, {
      decidedOn: '2026-11-20',
    });
    expect(refused.statusCode).toBe(422);
    expect(message(refused)).toContain('vượt tỷ lệ tối đa 50%');

    let second = await fileOf(branches.id, 'TDP2', outsider);
    const lower = { ...fullScores(set), projects: 0 };
    ({ file: second } = await act(second, 'PUT', 'self', outsider, { scores: lower }));
    ({ file: second } = await act(second, 'POST', 'submit', outsider));
    ({ file: second } = await act(second, 'POST', 'approve', outsider));
    ({ file: second } = await act(second, 'POST', 'approve', outsider));
    expect(second).toMatchObject({ step: 'decision', classKey: 'good' });
    expect(second.topClass).toMatchObject({ top: 1, total: 2, share: 0.5, allowed: 1, over: false, warning: null });
    const accepted = await t.call('POST', `/api/evaluations/cycles/${branches.id}/accept`, outsider, {
      decidedOn: '2026-11-20',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<{ accepted: number }>().accepted).toBe(2);
  });

  it('gives the subject side no top-class figures', async () => {
    const secretary = await t.accountWithRole('cadre', 'TDP1');
    const cycles = (await t.call('GET', '/api/evaluations/cycles?year=2030', secretary.cookie)).json<
      { id: string }[]
    >();
    const file = await fileOf(cycles[0]!.id, 'TDP1', secretary.cookie);
    expect(file.topClass).toBeNull();
  });
});
