import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import { auditLog, documents, evaluations } from '../../db/schema/index.js';
import type {
  CriteriaSetSummary,
  CycleDetail,
  EvaluationDetail,
  EvaluationRow,
  ProgressBoard,
} from '../../contracts/evaluations.js';
import type { CriteriaSet } from '../../domain/evaluations/criteria.js';
import { multipartFile } from '../self-service/self-service.fixtures.js';

let t: TestApp;
let tinhdoan: string;
/** unit_admin of Tỉnh đoàn Lâm Đồng, the owner of the cycle; HTH-X is the subject, HDDT its evaluator. */
let province: string;
let hc1: string;
let qhc: string;
let outsider: string;
let ids: Record<string, string>;
let cycle: CycleDetail;
let set: CriteriaSet;
let file: EvaluationDetail;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const YEAR = 2026;
const deadlines = {
  registration: '2026-12-31',
  selfAssessment: '2027-01-15',
  evaluation: '2027-01-31',
  reinspection: '2027-02-15',
  decision: '2027-02-28',
};

/** Full marks on every item: yes, the maximum, or the best level. */
function fullScores(s: CriteriaSet): Record<string, boolean | number | string> {
  const out: Record<string, boolean | number | string> = {};
  for (const item of s.criteria.flatMap((c) => c.items)) {
    if (item.rule.kind === 'yesno') out[item.key] = true;
    else if (item.rule.kind === 'points') out[item.key] = item.rule.max;
    else out[item.key] = [...item.rule.levels].sort((a, b) => b.points - a.points)[0]!.key;
  }
  return out;
}

const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;

async function act(method: 'POST' | 'PUT', path: string, cookie: string, body: Record<string, unknown>) {
  const res = await t.call(method, `/api/evaluations/${file.id}/${path}`, cookie, { version: file.version, ...body });
  if (res.statusCode === 200) file = res.json<EvaluationDetail>();
  return res;
}

beforeAll(async () => {
  t = await startTestApp();
  tinhdoan = await t.as('tinhdoan');
  province = (await t.accountWithRole('unit_admin', 'LDG')).cookie;
  hc1 = (await t.accountWithRole('cadre', 'HTH-X')).cookie;
  qhc = (await t.accountWithRole('cadre', 'HDDT')).cookie;
  outsider = tinhdoan;
  ids = {};
  for (const code of ['DNG', 'HDDT', 'HTH-X', 'HCH', 'LDG']) ids[code] = await t.unitId(code);
  const sets = (await t.call('GET', '/api/evaluations/criteria-sets', tinhdoan)).json<CriteriaSetSummary[]>();
  const summary = sets.find((s) => s.programme === 'grassroots3Proactive' && s.validFrom === 2023)!;
  set = (await t.call('GET', `/api/evaluations/criteria-sets/${summary.id}`, tinhdoan)).json<{
    definition: CriteriaSet;
  }>().definition;
});
afterAll(async () => {
  await t.close();
});

describe('opening a cycle', () => {
  it('ships the criteria sets of the seeds', async () => {
    const sets = (await t.call('GET', '/api/evaluations/criteria-sets', hc1)).json<CriteriaSetSummary[]>();
    expect(sets.map((s) => s.programme)).toEqual(
      expect.arrayContaining([
        'grassroots3Proactive',
        'memberRating',
        'branchRating',
        'grassrootsRating',
        'exemplaryBranch',
      ]),
    );
    expect(set.criteria).toHaveLength(3);
  });

  it('opens "3 chủ động" for the city and enrols every đoàn cơ sở below it', async () => {
    const before = await audits();
    const res = await t.call('POST', '/api/evaluations/cycles', province, {
      programme: 'grassroots3Proactive',
      ownerUnitId: ids.LDG,
      kind: 'year',
      year: YEAR,
      deadlines,
      reinspection: 'all',
    });
    expect(res.statusCode).toBe(200);
    cycle = res.json<CycleDetail>();
    expect(cycle.steps).toEqual(['registration', 'selfAssessment', 'evaluation', 'reinspection', 'decision']);
    expect(cycle.subjects).toBeGreaterThanOrEqual(4);
    expect(cycle.canManage).toBe(true);
    expect(await audits()).toBe(before + 1);
  });

  it('refuses a second cycle of the same programme and period, and a cycle the programme does not run', async () => {
    const again = await t.call('POST', '/api/evaluations/cycles', province, {
      programme: 'grassroots3Proactive',
      ownerUnitId: ids.LDG,
      kind: 'year',
      year: YEAR,
    });
    expect(again.statusCode).toBe(409);
    const half = await t.call('POST', '/api/evaluations/cycles', province, {
      programme: 'grassroots3Proactive',
      ownerUnitId: ids.LDG,
      kind: 'halfYear',
      half: 1,
      year: YEAR,
    });
    expect(half.statusCode).toBe(400);
  });

  it('freezes the criteria set once a cycle uses it', async () => {
    const detail = (await t.call('GET', `/api/evaluations/criteria-sets/${cycle.criteriaSetId}`, province)).json<{
      version: number;
      frozen: boolean;
      definition: CriteriaSet;
    }>();
    expect(detail.frozen).toBe(true);
    const admin = await t.as('admin');
    const res = await t.call('PUT', `/api/evaluations/criteria-sets/${cycle.criteriaSetId}`, admin, {
      version: detail.version,
      definition: { ...detail.definition, title: 'Đổi tên' },
    });
    expect(res.statusCode).toBe(423);
  });

  it('shows an outsider nothing of the cycle', async () => {
    expect((await t.call('GET', `/api/evaluations/cycles/${cycle.id}`, outsider)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/evaluations/cycles/${cycle.id}/board`, outsider)).statusCode).toBe(404);
    const list = await t.call('GET', '/api/evaluations/cycles', outsider);
    expect(list.json<{ id: string }[]>().map((c) => c.id)).not.toContain(cycle.id);
  });
});

describe('one đoàn cơ sở through every step', () => {
  it('lists the registration among what the unit has to do', async () => {
    const mine = (await t.call('GET', '/api/evaluations/mine', hc1)).json<EvaluationRow[]>();
    const row = mine.find((r) => r.unitId === ids['HTH-X'] && r.step === 'registration');
    expect(row).toBeDefined();
    file = (await t.call('GET', `/api/evaluations/${row!.id}`, hc1)).json<EvaluationDetail>();
    expect(file.evaluatorName).toBe('Huyện đoàn Đức Trọng');
    expect(file.actions).toMatchObject({ submit: true, approve: false });
    expect((await t.call('GET', `/api/evaluations/${file.id}`, outsider)).statusCode).toBe(404);
  });

  it('asks for the plan file before registering', async () => {
    const res = await act('POST', 'submit', hc1, {});
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('kế hoạch');
  });

  it('registers with the plan, and only the level above approves', async () => {
    const upload = multipartFile(PDF, 'ke-hoach.pdf', 'application/pdf');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/evaluations/${file.id}/files`,
      headers: { cookie: hc1, ...upload.headers },
      payload: upload.payload,
    });
    expect(up.statusCode).toBe(200);
    file = up.json<EvaluationDetail>();
    expect(file.files).toHaveLength(1);
    expect((await act('POST', 'submit', hc1, {})).statusCode).toBe(200);
    expect(file.status).toBe('submitted');
    expect((await act('POST', 'approve', hc1, {})).statusCode).toBe(403);
    expect((await act('POST', 'approve', qhc, {})).statusCode).toBe(200);
    expect(file).toMatchObject({ step: 'selfAssessment', status: 'ready' });
  });

  it('refuses a score above the maximum and a class the mandatory items forbid, changing nothing', async () => {
    const points = set.criteria.flatMap((c) => c.items).find((i) => i.rule.kind !== 'level')!;
    const over = { ...fullScores(set), [points.key]: points.rule.kind === 'points' ? points.rule.max + 1 : 5 };
    const before = file.version;
    const high = await act('PUT', 'self', hc1, { scores: over });
    expect(high.statusCode).toBe(400);
    const mandatory = set.criteria.flatMap((c) => c.items).find((i) => i.mandatory && i.rule.kind === 'yesno')!;
    const missing = { ...fullScores(set), [mandatory.key]: false };
    const wrong = await act('PUT', 'self', hc1, { scores: missing, classKey: set.classes[0]!.key });
    expect(wrong.statusCode).toBe(422);
    expect(file.version).toBe(before);
  });

  it('saves and submits the self-assessment', async () => {
    const res = await act('PUT', 'self', hc1, { scores: fullScores(set), evidenceNote: 'Báo cáo tự đánh giá' });
    expect(res.statusCode).toBe(200);
    expect(file.selfTotal).toBe(file.maxTotal);
    expect((await act('POST', 'submit', hc1, {})).statusCode).toBe(200);
    expect(file.selfClass).toBe('recognised');
    expect((await act('PUT', 'self', hc1, { scores: fullScores(set) })).statusCode).toBe(409);
  });

  it('lets the evaluator change a score only with a reason, then approve', async () => {
    expect((await act('POST', 'approve', qhc, {})).statusCode).toBe(200);
    expect(file).toMatchObject({ step: 'evaluation', status: 'ready' });
    const item = set.criteria[0]!.items[0]!;
    const lower = { ...fullScores(set), [item.key]: item.rule.kind === 'yesno' ? false : 0 };
    expect((await act('PUT', 'review', qhc, { scores: lower, classKey: 'notRecognised' })).statusCode).toBe(400);
    const ok = await act('PUT', 'review', qhc, {
      scores: lower,
      classKey: 'notRecognised',
      reason: 'Chưa có minh chứng',
    });
    expect(ok.statusCode).toBe(200);
    expect(file.overrideReason).toBe('Chưa có minh chứng');
    const back = await act('PUT', 'review', qhc, {
      scores: fullScores(set),
      classKey: 'recognised',
      reason: 'Đã bổ sung',
    });
    expect(back.statusCode).toBe(200);
    expect((await act('POST', 'approve', qhc, {})).statusCode).toBe(200);
    expect(file).toMatchObject({ step: 'reinspection', status: 'ready' });
    expect((await act('PUT', 'self', hc1, { scores: fullScores(set) })).statusCode).toBe(422);
  });

  it('the city re-inspects and decides: a numbered decision is issued', async () => {
    expect((await act('POST', 'approve', qhc, {})).statusCode).toBe(403);
    expect((await act('POST', 'approve', province, {})).statusCode).toBe(200);
    expect(file).toMatchObject({ step: 'decision', status: 'approved' });
    const res = await t.call('POST', `/api/evaluations/cycles/${cycle.id}/accept`, province, {
      evaluationIds: [file.id],
      decidedOn: '2026-11-20',
    });
    expect(res.statusCode).toBe(200);
    const { accepted, documentId } = res.json<{ accepted: number; documentId: string }>();
    expect(accepted).toBe(1);
    const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, documentId));
    expect(doc?.kind).toBe('evaluation_decision');
    file = (await t.call('GET', `/api/evaluations/${file.id}`, province)).json<EvaluationDetail>();
    expect(file).toMatchObject({ status: 'accepted', decidedOn: '2026-11-20' });
  });

  it('only the owner reopens a decided result, with a reason', async () => {
    expect((await act('POST', 'reopen', qhc, { step: 'selfAssessment', reason: 'Sai sót' })).statusCode).toBe(403);
    expect((await act('POST', 'reopen', province, { step: 'selfAssessment', reason: ' ' })).statusCode).toBe(400);
    const res = await act('POST', 'reopen', province, { step: 'selfAssessment', reason: 'Phát hiện sai sót' });
    expect(res.statusCode).toBe(200);
    expect(file).toMatchObject({ step: 'selfAssessment', status: 'ready', decidedOn: null });
    expect(file.reopened?.reason).toBe('Phát hiện sai sót');
    expect(file.events.map((e) => e.action)).toContain('accept');
  });

  it('refuses a stale version', async () => {
    const res = await t.call('PUT', `/api/evaluations/${file.id}/self`, hc1, { version: 1, scores: {} });
    expect(res.statusCode).toBe(409);
  });
});

describe('progress board and outputs', () => {
  it('counts the subjects per unit below the city and drills down', async () => {
    const board = (await t.call('GET', `/api/evaluations/cycles/${cycle.id}/board`, province)).json<ProgressBoard>();
    expect(board.total.total).toBe(cycle.subjects);
    const district = board.rows.find((r) => r.unitId === ids.HDDT)!;
    expect(district.hasChildren).toBe(true);
    const down = (
      await t.call('GET', `/api/evaluations/cycles/${cycle.id}/board?unitId=${ids.HDDT}`, province)
    ).json<ProgressBoard>();
    expect(down.total.total).toBe(district.total);
    expect(down.trail.map((u) => u.id)).toEqual([ids.LDG, ids.HDDT]);
  });

  it('exports the results as .xlsx', async () => {
    const res = await t.call('GET', `/api/evaluations/cycles/${cycle.id}/results.xlsx`, province);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refreshes the automatic evidence of every subject', async () => {
    const res = await t.call('POST', `/api/evaluations/cycles/${cycle.id}/evidence`, province);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ refreshed: number }>().refreshed).toBe(cycle.subjects);
    const [row] = await t.database.db.select().from(evaluations).where(eq(evaluations.id, file.id));
    expect(Array.isArray(row?.autoEvidence)).toBe(true);
  });

  it('shows the share recognised on the dashboard', async () => {
    const res = await t.call(
      'GET',
      `/api/evaluations/dashboard?programme=grassroots3Proactive&unitId=${ids.LDG}`,
      province,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<{ totals: { year: number; subjects: number }[] }>();
    expect(body.totals.find((r) => r.year === YEAR)?.subjects).toBe(cycle.subjects);
  });
});

describe('deadlines', () => {
  it('refuses a submission after the deadline', async () => {
    const res = await t.call('POST', '/api/evaluations/cycles', tinhdoan, {
      programme: 'branchRating',
      ownerUnitId: ids.HCH,
      kind: 'year',
      year: 2025,
      deadlines: { selfAssessment: '2025-12-15' },
    });
    expect(res.statusCode).toBe(200);
    const branchCycle = res.json<CycleDetail>();
    const page = (await t.call('GET', `/api/evaluations/cycles/${branchCycle.id}/evaluations?limit=1`, tinhdoan)).json<{
      items: EvaluationRow[];
    }>();
    file = (await t.call('GET', `/api/evaluations/${page.items[0]!.id}`, tinhdoan)).json<EvaluationDetail>();
    const branchSet = file.definition as CriteriaSet;
    expect((await act('PUT', 'self', tinhdoan, { scores: fullScores(branchSet) })).statusCode).toBe(200);
    const late = await act('POST', 'submit', tinhdoan, {});
    expect(late.statusCode).toBe(422);
    expect(late.json<{ error: { message: string } }>().error.message).toContain('quá hạn');
  });
});
