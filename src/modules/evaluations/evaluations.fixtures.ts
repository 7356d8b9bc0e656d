import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../tests/helpers/test-app.js';
import type { ScopeCase, ScopeMethod } from '../../../tests/helpers/scope-case.js';
import { memberAccounts, user } from '../../db/schema/index.js';
import type { CriteriaSetDetail, CycleDetail, EvaluationDetail, EvaluationRow } from '../../contracts/evaluations.js';
import type { CriteriaSet } from '../../domain/evaluations/criteria.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { DEMO_MEMBER, multipartFile } from '../self-service/self-service.fixtures.js';

/** A minimal PDF, accepted as evidence. */
export const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A multipart body carrying the evidence PDF in the field "file". */
export const evidenceForm = () => multipartFile(EVIDENCE_PDF, 'minh-chung.pdf', 'application/pdf');

/** Full marks on every item of a set: yes, the maximum, or the best level. */
export function fullMarks(set: CriteriaSet): Record<string, boolean | number | string> {
  const out: Record<string, boolean | number | string> = {};
  for (const item of set.criteria.flatMap((c) => c.items)) {
    if (item.rule.kind === 'yesno') out[item.key] = true;
    else if (item.rule.kind === 'points') out[item.key] = item.rule.max;
    else out[item.key] = [...item.rule.levels].sort((a, b) => b.points - a.points)[0]!.key;
  }
  return out;
}

/** Where a scope cycle runs: its programme, the owner, a unit below it the board drills into, the subject's unit. */
export interface EvaluationPlace {
  programme: string;
  owner: string;
  below: string;
  subject: string;
}

/** The yearly member rating of Đoàn phường Hải Châu; the rated member belongs to Chi đoàn Tổ dân phố 1. */
export const HAI_CHAU_MEMBER_RATING: EvaluationPlace = {
  programme: 'memberRating',
  owner: 'HCH',
  below: 'TDP1',
  subject: 'TDP1',
};

/** "3 chủ động" of Tỉnh đoàn Lâm Đồng: Huyện đoàn Đức Trọng evaluates Đoàn xã Hiệp Thạnh. */
export const LAM_DONG_3_PROACTIVE: EvaluationPlace = {
  programme: 'grassroots3Proactive',
  owner: 'LDG',
  below: 'HDDT',
  subject: 'HTH-X',
};

/** What the evaluation scope cases act on. */
export interface EvaluationFixtures {
  place: EvaluationPlace;
  year: number;
  cycleId: string;
  /** A subject's file at its first step with one evidence file (for a member rating: not the demo member's). */
  evaluation: { id: string; version: number };
  fileId: string;
  /** The criteria set of the cycle, as an administrator would send it back. */
  set: { id: string; version: number; definition: CriteriaSet };
  /** The demo member's own file in the cycle (member ratings only). */
  own: { id: string; version: number } | null;
  /** The member record of the demo member account. */
  demoMemberId: string;
}

/** An evaluation scope case; uploads carry a multipart body. */
export type EvaluationScopeCase = ScopeCase & {
  form?: () => Promise<{ payload: Buffer; headers: Record<string, string> }>;
};

/** The member record the demo member account is linked to. */
export async function demoMemberId(t: TestApp): Promise<string> {
  const [row] = await t.database.db
    .select({ memberId: memberAccounts.memberId })
    .from(memberAccounts)
    .innerJoin(user, eq(user.id, memberAccounts.userId))
    .where(eq(user.username, DEMO_MEMBER.username));
  if (!row) throw new Error('the demo member account is not linked');
  return row.memberId;
}

/** Deadlines of every step early next year, so that nothing is late while the tests run. */
export function openDeadlines(year: number): Record<string, string> {
  return {
    registration: `${year + 1}-01-05`,
    selfAssessment: `${year + 1}-01-10`,
    evaluation: `${year + 1}-01-20`,
    reinspection: `${year + 1}-01-31`,
    decision: `${year + 1}-02-15`,
  };
}

/**
 * Opens, as a new cadre of the owner, this year's cycle of the place's programme (re-inspection by sample), and
 * uploads one evidence file to a subject's file at the subject unit.
 */
export async function evaluationScopeFixtures(t: TestApp, place: EvaluationPlace): Promise<EvaluationFixtures> {
  const cookie = (await t.accountWithRole('cadre', place.owner)).cookie;
  const year = Number(todayInVietnam().slice(0, 4));
  const opened = await t.call('POST', '/api/evaluations/cycles', cookie, {
    programme: place.programme,
    ownerUnitId: await t.unitId(place.owner),
    kind: 'year',
    year,
    deadlines: openDeadlines(year),
    reinspection: 'sample',
  });
  if (opened.statusCode !== 200) throw new Error(`evaluation cycle: ${opened.statusCode} ${opened.body}`);
  const cycle = opened.json<CycleDetail>();
  const subjectId = await t.unitId(place.subject);
  const page = await t.call(
    'GET',
    `/api/evaluations/cycles/${cycle.id}/evaluations?unitId=${subjectId}&limit=200`,
    cookie,
  );
  const items = page.json<{ items: EvaluationRow[] }>().items;
  const demo = await demoMemberId(t);
  const chosen = items.find((e) => e.unitId === subjectId && e.memberId !== demo);
  if (!chosen) throw new Error(`no subject at ${place.subject}: ${page.statusCode} ${page.body}`);
  const own = items.find((e) => e.memberId === demo);
  const { payload, headers } = evidenceForm();
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/evaluations/${chosen.id}/files`,
    headers: { ...headers, cookie },
    payload,
  });
  if (up.statusCode !== 200) throw new Error(`evidence upload: ${up.statusCode} ${up.body}`);
  const file = up.json<EvaluationDetail>();
  const set = (
    await t.call('GET', `/api/evaluations/criteria-sets/${cycle.criteriaSetId}`, cookie)
  ).json<CriteriaSetDetail>();
  const ownVersion = own
    ? (await t.call('GET', `/api/evaluations/${own.id}`, cookie)).json<EvaluationDetail>().version
    : null;
  return {
    place,
    year,
    cycleId: cycle.id,
    evaluation: { id: file.id, version: file.version },
    fileId: file.files[0]!.id,
    set: { id: set.id, version: set.version, definition: set.definition as CriteriaSet },
    own: own && ownVersion !== null ? { id: own.id, version: ownVersion } : null,
    demoMemberId: demo,
  };
}

/**
 * One case per evaluations endpoint of a unit's cycle (an outsider gets nothing, a viewer only reads, a member
 * account reaches nobody else's file, no session gets 401). The criteria sets' list and detail are open to every
 * cadre and `/mine` is each account's own list: the scope test checks those apart.
 */
export function evaluationScopeCases(r: {
  unitId: (code: string) => string;
  fx: () => EvaluationFixtures;
}): EvaluationScopeCase[] {
  const fx = r.fx;
  const cycle = (tail = '') => `/api/evaluations/cycles/${fx().cycleId}${tail}`;
  const file = (tail = '') => `/api/evaluations/${fx().evaluation.id}${tail}`;
  const version = () => fx().evaluation.version;
  const owner = () => r.unitId(fx().place.owner);
  const read = (name: string, url: () => string): EvaluationScopeCase => ({ name, method: 'GET', url, write: false });
  const write = (name: string, method: ScopeMethod, url: () => string, body?: () => unknown): EvaluationScopeCase => ({
    name,
    method,
    url,
    ...(body ? { body } : {}),
    write: true,
  });
  return [
    read('evaluation cycle', () => cycle()),
    read('evaluation board', () => cycle('/board')),
    read('evaluation board below', () => cycle(`/board?unitId=${r.unitId(fx().place.below)}`)),
    read('evaluations of a cycle', () => cycle(`/evaluations?unitId=${r.unitId(fx().place.below)}`)),
    read('evaluation results .xlsx', () => cycle('/results.xlsx')),
    read(
      'evaluation dashboard',
      () => `/api/evaluations/dashboard?programme=${fx().place.programme}&unitId=${owner()}`,
    ),
    read(
      'evaluation comparison',
      () => `/api/evaluations/comparison?programme=${fx().place.programme}&year=${fx().year}&unitId=${owner()}`,
    ),
    read('evaluation file', () => file()),
    read('evaluation evidence file', () => file(`/files/${fx().fileId}`)),
    write('refresh evaluation evidence', 'POST', () => file('/evidence')),
    /** The cadres to follow a file are listed only to those who may assign one. */
    write('follow-up candidates', 'GET', () => file('/follow-up-candidates')),
    write(
      'edit a criteria set',
      'PUT',
      () => `/api/evaluations/criteria-sets/${fx().set.id}`,
      () => ({ version: fx().set.version, definition: { ...fx().set.definition, title: 'Đổi tên' } }),
    ),
    write(
      'copy a criteria set',
      'POST',
      () => `/api/evaluations/criteria-sets/${fx().set.id}/copy`,
      () => ({ validFrom: 2090, name: 'Bản sao' }),
    ),
    write(
      'open an evaluation cycle',
      'POST',
      () => '/api/evaluations/cycles',
      () => ({ programme: fx().place.programme, ownerUnitId: owner(), kind: 'year', year: fx().year + 1 }),
    ),
    write(
      'accept results',
      'POST',
      () => cycle('/accept'),
      () => ({ evaluationIds: [fx().evaluation.id], decidedOn: todayInVietnam() }),
    ),
    write(
      'draw a re-inspection sample',
      'POST',
      () => cycle('/sample'),
      () => ({ share: 1 }),
    ),
    write('refresh cycle evidence', 'POST', () => cycle('/evidence')),
    write(
      'save a self-assessment',
      'PUT',
      () => file('/self'),
      () => ({ version: version(), scores: fullMarks(fx().set.definition) }),
    ),
    write(
      'submit an evaluation step',
      'POST',
      () => file('/submit'),
      () => ({ version: version() }),
    ),
    write(
      'review an evaluation',
      'PUT',
      () => file('/review'),
      () => ({ version: version(), scores: fullMarks(fx().set.definition), reason: 'x' }),
    ),
    write(
      'approve an evaluation step',
      'POST',
      () => file('/approve'),
      () => ({ version: version() }),
    ),
    write(
      'return an evaluation',
      'POST',
      () => file('/return'),
      () => ({ version: version(), reason: 'x' }),
    ),
    write(
      'reopen an evaluation',
      'POST',
      () => file('/reopen'),
      () => ({ version: version(), step: 'selfAssessment', reason: 'x' }),
    ),
    write(
      'assign a follow-up cadre',
      'PUT',
      () => file('/follow-up'),
      () => ({ version: version(), userId: null }),
    ),
    {
      ...write('upload evaluation evidence', 'POST', () => file('/files')),
      form: async () => evidenceForm(),
    },
  ];
}
