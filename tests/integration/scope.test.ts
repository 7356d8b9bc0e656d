import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditLog, documents, evaluationCycles, importJobs } from '../../src/db/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { admissionScopeCases, scopeCandidate } from '../../src/modules/admissions/admissions.fixtures.js';
import {
  procedureScopeCases,
  scopeProcedures,
  type ProcedureFixtures,
} from '../../src/modules/member-exits/member-exits.fixtures.js';
import type { UnitDetail } from '../../src/contracts/units.js';
import { DEMO_MEMBER, multipartFile, PNG, putPhoto } from '../../src/modules/self-service/self-service.fixtures.js';
import { buildXlsx, dryRun, multipart, TITLE_ROWS } from '../../src/modules/member-import/member-import.fixtures.js';
import { issueIn } from '../../src/modules/documents/documents.fixtures.js';
import { defaultTemplate } from '../../src/modules/documents/documents.render.js';
import {
  meetingScopeCases,
  meetingScopeFixtures,
  type MeetingFixtures,
} from '../../src/modules/meetings/meetings.fixtures.js';
import {
  reviewScopeCases,
  reviewScopeFixtures,
  type ReviewFixtures,
} from '../../src/modules/member-reviews/member-reviews.fixtures.js';
import { feeScopeCases, feeScopeFixtures, type FeeFixtures } from '../../src/modules/fees/fees.fixtures.js';
import { careScopeCases, careScopeFixtures, type CareFixtures } from '../../src/modules/care/care.fixtures.js';
import {
  announcementScopeCases,
  announcementScopeFixtures,
  type AnnouncementFixtures,
} from '../../src/modules/announcements/announcements.fixtures.js';
import {
  surveyScopeCases,
  surveyScopeFixtures,
  type SurveyFixtures,
} from '../../src/modules/surveys/surveys.fixtures.js';
import {
  indicatorScopeCases,
  indicatorScopeFixtures,
  type IndicatorFixtures,
} from '../../src/modules/branch-indicators/branch-indicators.fixtures.js';
import {
  evaluationScopeCases,
  evaluationScopeFixtures,
  evidenceForm,
  fullMarks,
  HAI_CHAU_MEMBER_RATING,
  LAM_DONG_3_PROACTIVE,
  type EvaluationFixtures,
} from '../../src/modules/evaluations/evaluations.fixtures.js';
import type {
  CriteriaSetDetail,
  CriteriaSetSummary,
  CycleDetail,
  EvaluationDetail,
  FollowUpCandidate,
  MyEvaluationRow,
} from '../../src/contracts/evaluations.js';
import { todayInVietnam } from '../../src/domain/text/dates.js';

let t: TestApp;
let outsider: string;
let viewer: string;
let ids: Record<string, string>;
let xadoanId: string;
let xadoanGrant: string;
let versionOf: (code: string) => Promise<number>;
let memberId: string;
let memberVersion: number;
/** Coming-of-age, discipline and Party introduction rows at TDP1 (the procedure endpoints). */
let procedures: ProcedureFixtures;
/** A candidate proposed at TDP1 (the admission endpoints). */
let candidate: { id: string; version: number };
let importId: string;
/** A decision issued by Đoàn phường Hải Châu (the document endpoints). */
let documentId: string;
let memberAccount: string;
let changeRequestId: string;
/** An external transfer draft of `memberId` (the transfer endpoints). */
let transfer: { id: string; version: number; code: string };
/** Branch life: what each module's scope cases need (meetings, reviews, fees, care, news, surveys, indicators). */
/** A demo unit id read in `beforeAll`; an unknown code fails the case loudly instead of calling `/undefined`. */
const unitOf = (code: string): string => {
  const found = ids[code];
  if (!found) throw new Error(`unit ${code} is not loaded in the scope test`);
  return found;
};
let branchLife: {
  meeting: MeetingFixtures;
  review: ReviewFixtures;
  fee: FeeFixtures;
  care: CareFixtures;
  announcement: AnnouncementFixtures;
  survey: SurveyFixtures;
  indicator: IndicatorFixtures;
};
/**
 * Evaluation cycles of this year: Hải Châu's member rating (the common cases: the outsider of Hội An, the viewer of
 * Hải Châu) and Lâm Đồng's "3 chủ động" (Đà Nẵng's province cadre is the outsider, a viewer of Lâm Đồng the insider).
 */
let rating: { haiChau: EvaluationFixtures; lamDong: EvaluationFixtures };
/** A viewer of Tỉnh đoàn Lâm Đồng. */
let lamDongViewer: string;
/** Evaluation cycles and decisions once the fixtures are made (the demo seeds some of both). */
let evaluationsAtStart: { cycles: number; decisions: number };
/** A member list file for the import endpoints. */
const importFile = async () => ({
  name: 'danh-sach.xlsx',
  bytes: await buildXlsx([
    ...TITLE_ROWS,
    ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Chi đoàn'],
    [1, 'Người Nhập Thử', '05/03/2001', 'Nam', '048201999001', 'TDP1'],
  ]),
});

beforeAll(async () => {
  t = await startTestApp();
  outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
  viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
  ids = {};
  for (const code of ['HCH', 'TDP1', 'TDP2', 'TDP3', 'LDG', 'HDDT', 'HTH-X', 'DNG', 'HAN'])
    ids[code] = await t.unitId(code);
  const admin = await t.as('admin');
  const xadoan = (await t.call('GET', '/api/accounts?q=xadoan', admin)).json<{
    items: { id: string; roles: { id: string }[] }[];
  }>().items[0]!;
  xadoanId = xadoan.id;
  xadoanGrant = xadoan.roles[0]!.id;
  const page = (await t.call('GET', `/api/members?unitId=${ids.TDP1}&limit=1`, admin)).json<{
    items: { id: string; version: number }[];
  }>();
  memberId = page.items[0]!.id;
  memberVersion = (await t.call('GET', `/api/members/${memberId}`, admin)).json<{ version: number }>().version;
  candidate = await scopeCandidate(t);
  procedures = await scopeProcedures(t);
  transfer = (
    await t.call('POST', '/api/transfers', admin, {
      kind: 'external',
      memberId,
      memberVersion,
      destinationText: 'Thành phố Hồ Chí Minh',
    })
  ).json<{ id: string; version: number; code: string }>();
  importId = (await dryRun(t, await t.as('xadoan'), { unitId: ids.HCH! }, await importFile())).id;
  await putPhoto(t, `/api/members/${memberId}/photo`, admin, PNG);
  memberAccount = await t.login(DEMO_MEMBER.username, DEMO_MEMBER.password);
  changeRequestId = (
    await t.call('POST', '/api/me/change-requests', memberAccount, { changes: { hometown: 'Hội An' } })
  ).json<{ id: string }>().id;
  documentId = (await t.database.db.transaction((tx) => issueIn(tx, 'HCH'))).id;
  branchLife = {
    meeting: await meetingScopeFixtures(t),
    review: await reviewScopeFixtures(t),
    fee: await feeScopeFixtures(t),
    care: await careScopeFixtures(t),
    announcement: await announcementScopeFixtures(t),
    survey: await surveyScopeFixtures(t),
    indicator: await indicatorScopeFixtures(t),
  };
  rating = {
    haiChau: await evaluationScopeFixtures(t, HAI_CHAU_MEMBER_RATING),
    lamDong: await evaluationScopeFixtures(t, LAM_DONG_3_PROACTIVE),
  };
  lamDongViewer = (await t.accountWithRole('viewer', 'LDG')).cookie;
  evaluationsAtStart = await evaluationCounts();
  versionOf = async (code) => (await t.call('GET', `/api/units/${ids[code]}`, admin)).json<UnitDetail>().version;
});
afterAll(async () => {
  await t.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Case {
  name: string;
  method: Method;
  url: () => string;
  body?: () => Promise<unknown> | unknown;
  /** A multipart/form-data body (uploads), sent instead of `body`. */
  form?: () => Promise<{ payload: Buffer; headers: Record<string, string> }>;
  write: boolean;
  /** An endpoint of the signed-in member's own record: only member accounts get anything. */
  self?: boolean;
}

/** Sends a case's request with an optional session cookie. */
async function send(c: Case, cookie?: string) {
  if (!c.form) return t.call(c.method, c.url(), cookie, c.body ? await c.body() : undefined);
  const { payload, headers } = await c.form();
  return t.app.inject({
    method: c.method,
    url: c.url(),
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
    payload,
  });
}

const unitCode = { name: 'Chi đoàn thử', code: 'THU1', kind: 'branch', sector: 'residential' };
const cases: Case[] = [
  { name: 'unit detail', method: 'GET', url: () => `/api/units/${ids.TDP1}`, write: false },
  { name: 'sub-units', method: 'GET', url: () => `/api/units/${ids.HCH}/children`, write: false },
  { name: 'unit history', method: 'GET', url: () => `/api/units/${ids.TDP1}/history`, write: false },
  {
    name: 'tree as of a date',
    method: 'GET',
    url: () => `/api/units/tree-as-of?date=2026-01-01&rootId=${ids.HCH}`,
    write: false,
  },
  { name: 'accounts of a unit', method: 'GET', url: () => `/api/accounts?unitId=${ids.HCH}`, write: false },
  { name: 'account detail', method: 'GET', url: () => `/api/accounts/${xadoanId}`, write: false },
  { name: 'audit of a unit', method: 'GET', url: () => `/api/audit?unitId=${ids.HCH}`, write: false },
  {
    name: 'create unit',
    method: 'POST',
    url: () => '/api/units',
    body: () => ({ ...unitCode, parentId: ids.HCH }),
    write: true,
  },
  {
    name: 'edit unit',
    method: 'PATCH',
    url: () => `/api/units/${ids.TDP1}`,
    body: async () => ({ version: await versionOf('TDP1'), address: 'x' }),
    write: true,
  },
  {
    name: 'move unit',
    method: 'POST',
    url: () => `/api/units/${ids.TDP1}/move`,
    body: async () => ({ newParentId: ids.HCH, version: await versionOf('TDP1') }),
    write: true,
  },
  {
    name: 'merge units',
    method: 'POST',
    url: () => '/api/units/merge',
    body: () => ({ sourceIds: [ids.TDP2], targetId: ids.TDP1 }),
    write: true,
  },
  {
    name: 'split unit',
    method: 'POST',
    url: () => `/api/units/${ids.TDP1}/split`,
    body: async () => ({
      version: await versionOf('TDP1'),
      parts: [
        { name: 'A', code: 'A' },
        { name: 'B', code: 'B' },
      ],
    }),
    write: true,
  },
  {
    name: 'close unit',
    method: 'POST',
    url: () => `/api/units/${ids.TDP1}/close`,
    body: async () => ({ closedOn: '2026-11-01', reason: 'x', version: await versionOf('TDP1') }),
    write: true,
  },
  {
    name: 'create account',
    method: 'POST',
    url: () => '/api/accounts',
    body: () => ({ username: 'khong.duoc', name: 'Không', password: 'Matkhau@2026', role: 'viewer', unitId: ids.HCH }),
    write: true,
  },
  {
    name: 'edit account',
    method: 'PATCH',
    url: () => `/api/accounts/${xadoanId}`,
    body: () => ({ disabled: true }),
    write: true,
  },
  {
    name: 'reset password',
    method: 'POST',
    url: () => `/api/accounts/${xadoanId}/password`,
    body: () => ({ password: 'Matkhau@2026' }),
    write: true,
  },
  {
    name: 'grant role',
    method: 'POST',
    url: () => `/api/accounts/${xadoanId}/roles`,
    body: () => ({ role: 'viewer', unitId: ids.TDP1 }),
    write: true,
  },
  { name: 'revoke role', method: 'DELETE', url: () => `/api/accounts/${xadoanId}/roles/${xadoanGrant}`, write: true },
  { name: 'member list', method: 'GET', url: () => `/api/members?unitId=${ids.HCH}`, write: false },
  { name: 'member record', method: 'GET', url: () => `/api/members/${memberId}`, write: false },
  { name: 'member duplicates', method: 'GET', url: () => `/api/members/duplicates?unitId=${ids.HCH}`, write: false },
  {
    name: 'merge members',
    method: 'POST',
    url: () => '/api/members/merge',
    body: () => ({ keepId: memberId, mergeId: memberId }),
    write: true,
  },
  {
    name: 'create member',
    method: 'POST',
    url: () => '/api/members',
    body: () => ({ unitId: ids.TDP1, fullName: 'Người Ngoài Cuộc', gender: 'male' }),
    write: true,
  },
  {
    name: 'edit member',
    method: 'PATCH',
    url: () => `/api/members/${memberId}`,
    body: () => ({ version: memberVersion, position: 'x' }),
    write: true,
  },
  {
    name: 'member comment',
    method: 'PUT',
    url: () => `/api/members/${memberId}/comments/2025`,
    body: () => ({ content: 'x' }),
    write: true,
  },
  { name: 'transfer list', method: 'GET', url: () => `/api/transfers?unitId=${ids.HCH}`, write: false },
  { name: 'transfer counts', method: 'GET', url: () => `/api/transfers/summary?unitId=${ids.HCH}`, write: false },
  { name: 'temporary members', method: 'GET', url: () => `/api/transfers/hosted?unitId=${ids.HCH}`, write: false },
  { name: 'transfer detail', method: 'GET', url: () => `/api/transfers/${transfer.id}`, write: false },
  /** Lookup is for those who write (receiving cadres), and never reveals a draft. */
  { name: 'transfer lookup', method: 'GET', url: () => `/api/transfers/incoming?code=${transfer.code}`, write: true },
  {
    name: 'start a transfer',
    method: 'POST',
    url: () => '/api/transfers',
    body: () => ({ kind: 'external', memberId, memberVersion, destinationText: 'Hà Nội' }),
    write: true,
  },
  {
    name: 'edit a transfer',
    method: 'PATCH',
    url: () => `/api/transfers/${transfer.id}`,
    body: () => ({ version: transfer.version, branchComment: 'x' }),
    write: true,
  },
  ...(['send', 'accept', 'cancel', 'end'] as const).map((step) => ({
    name: `${step} a transfer`,
    method: 'POST' as const,
    url: () => `/api/transfers/${transfer.id}/${step}`,
    body: () => ({ version: transfer.version, ...(step === 'accept' ? { toUnitId: ids.TDP2 } : {}) }),
    write: true,
  })),
  {
    name: 'return a transfer',
    method: 'POST',
    url: () => `/api/transfers/${transfer.id}/return`,
    body: () => ({ version: transfer.version, reason: 'x' }),
    write: true,
  },
  {
    name: 'host comment',
    method: 'POST',
    url: () => `/api/transfers/${transfer.id}/comments`,
    body: () => ({ year: 2025, content: 'x' }),
    write: true,
  },
  { name: 'imports of a unit', method: 'GET', url: () => `/api/member-imports?unitId=${ids.HCH}`, write: false },
  { name: 'import job', method: 'GET', url: () => `/api/member-imports/${importId}`, write: false },
  {
    name: 'import rows',
    method: 'GET',
    url: () => `/api/member-imports/${importId}/rows?outcome=create`,
    write: false,
  },
  { name: 'import report', method: 'GET', url: () => `/api/member-imports/${importId}/report.xlsx`, write: false },
  {
    name: 'upload an import',
    method: 'POST',
    url: () => '/api/member-imports',
    form: async () => multipart({ unitId: ids.HCH! }, await importFile()),
    write: true,
  },
  {
    name: 'import mapping',
    method: 'PUT',
    url: () => `/api/member-imports/${importId}/mapping`,
    body: () => ({ mapping: { A: null }, save: true }),
    write: true,
  },
  { name: 'commit an import', method: 'POST', url: () => `/api/member-imports/${importId}/commit`, write: true },
  { name: 'cancel an import', method: 'POST', url: () => `/api/member-imports/${importId}/cancel`, write: true },
  { name: 'export .xlsx', method: 'GET', url: () => `/api/members/export.xlsx?unitId=${ids.HCH}`, write: false },
  { name: 'export .csv', method: 'GET', url: () => `/api/members/export.csv?unitId=${ids.HCH}`, write: false },
  {
    name: 'create member account',
    method: 'POST',
    url: () => `/api/members/${memberId}/account`,
    body: () => ({ username: 'khong.duoc.dv', password: 'Matkhau@2026' }),
    write: true,
  },
  { name: 'member photo', method: 'GET', url: () => `/api/members/${memberId}/photo`, write: false },
  {
    name: 'upload member photo',
    method: 'PUT',
    url: () => `/api/members/${memberId}/photo`,
    form: async () => multipartFile(PNG, 'anh.png', 'image/png'),
    write: true,
  },
  {
    name: 'change requests',
    method: 'GET',
    url: () => `/api/member-change-requests?unitId=${ids.HCH}`,
    write: false,
  },
  {
    name: 'approve change request',
    method: 'POST',
    url: () => `/api/member-change-requests/${changeRequestId}/approve`,
    body: () => ({ version: 1 }),
    write: true,
  },
  {
    name: 'reject change request',
    method: 'POST',
    url: () => `/api/member-change-requests/${changeRequestId}/reject`,
    body: () => ({ version: 1, reason: 'x' }),
    write: true,
  },
  { name: 'own member record', method: 'GET', url: () => '/api/me/member', write: false, self: true },
  { name: 'own e-card', method: 'GET', url: () => '/api/me/card', write: false, self: true },
  { name: 'own e-card QR', method: 'GET', url: () => '/api/me/card/qr.svg', write: false, self: true },
  {
    name: 'own contact',
    method: 'PATCH',
    url: () => '/api/me/contact',
    body: () => ({ version: 1, phone: '0912000111' }),
    write: true,
    self: true,
  },
  {
    name: 'own change request',
    method: 'POST',
    url: () => '/api/me/change-requests',
    body: () => ({ changes: { hometown: 'Huế' } }),
    write: true,
    self: true,
  },
  {
    name: 'withdraw own request',
    method: 'POST',
    url: () => `/api/me/change-requests/${changeRequestId}/withdraw`,
    body: () => ({ version: 1 }),
    write: true,
    self: true,
  },
  {
    name: 'own photo',
    method: 'PUT',
    url: () => '/api/me/photo',
    form: async () => multipartFile(PNG, 'anh.png', 'image/png'),
    write: true,
    self: true,
  },
  { name: 'document list', method: 'GET', url: () => `/api/documents?unitId=${ids.HCH}`, write: false },
  { name: 'document', method: 'GET', url: () => `/api/documents/${documentId}`, write: false },
  { name: 'document file', method: 'GET', url: () => `/api/documents/${documentId}/file`, write: false },
  { name: 'document templates', method: 'GET', url: () => `/api/units/${ids.HCH}/document-templates`, write: false },
  {
    name: 'template file',
    method: 'GET',
    url: () => `/api/units/${ids.HCH}/document-templates/admission_approval/file`,
    write: false,
  },
  {
    name: 'template preview',
    method: 'GET',
    url: () => `/api/units/${ids.HCH}/document-templates/admission_approval/preview`,
    write: false,
  },
  {
    name: 'upload a template',
    method: 'PUT',
    url: () => `/api/units/${ids.HCH}/document-templates/admission_approval`,
    form: async () => multipart({}, { name: 'mau.docx', bytes: await defaultTemplate('admission_approval') }),
    write: true,
  },
  {
    name: 'back to the default template',
    method: 'DELETE',
    url: () => `/api/units/${ids.HCH}/document-templates/admission_approval`,
    write: true,
  },
  ...(['members', 'admissions-cards', 'transfers'] as const).map((register) => ({
    name: `register ${register}`,
    method: 'GET' as const,
    url: () => `/api/units/${ids.HCH}/registers/${register}.xlsx?year=2026`,
    write: false,
  })),
  ...admissionScopeCases({
    unitId: (code) => ids[code]!,
    candidate: () => candidate,
    memberId: () => memberId,
    memberVersion: () => memberVersion,
  }),
  ...procedureScopeCases({ unitId: (code) => ids[code]!, fx: () => procedures }),
  ...meetingScopeCases({ unitId: unitOf, fx: () => branchLife.meeting }),
  ...reviewScopeCases({ unitId: unitOf, fx: () => branchLife.review }),
  ...feeScopeCases({ unitId: unitOf, fx: () => branchLife.fee }),
  ...careScopeCases({ unitId: unitOf, fx: () => branchLife.care }),
  ...announcementScopeCases({ unitId: unitOf, fx: () => branchLife.announcement }),
  ...surveyScopeCases({ unitId: unitOf, fx: () => branchLife.survey }),
  ...indicatorScopeCases({ unitId: unitOf, fx: () => branchLife.indicator }),
  ...evaluationScopeCases({ unitId: unitOf, fx: () => rating.haiChau }),
];

/** Imports are the workspace of those who write: a viewer reads members, not import jobs. */
const writersOnly = (url: string) =>
  url.startsWith('/api/accounts') ||
  url.startsWith('/api/audit') ||
  url.startsWith('/api/member-imports') ||
  url.startsWith('/api/member-change-requests') ||
  url.includes('/document-templates');

const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;

/** How many evaluation cycles and evaluation decisions the database holds. */
async function evaluationCounts() {
  const db = t.database.db;
  const [cycles] = await db.select({ n: count() }).from(evaluationCycles);
  const [decisions] = await db.select({ n: count() }).from(documents).where(eq(documents.kind, 'evaluation_decision'));
  return { cycles: cycles?.n ?? 0, decisions: decisions?.n ?? 0 };
}

describe('an actor outside the subtree gets nothing', () => {
  for (const c of cases) {
    it(`${c.method} ${c.name}`, async () => {
      const before = await audits();
      const res = await send(c, outsider);
      expect([403, 404]).toContain(res.statusCode);
      expect(Object.keys(res.json())).toEqual(['error']);
      expect(res.body).not.toContain('Hải Châu');
      expect(await audits()).toBe(before);
    });
  }

  it('search, account and audit lists leave out what lies outside', async () => {
    const search = (await t.call('GET', '/api/units/search?q=hai%20chau', outsider)).json<unknown[]>();
    expect(search).toEqual([]);
    const accounts = (await t.call('GET', '/api/accounts?limit=200', outsider)).json<{
      items: { username: string }[];
    }>();
    expect(accounts.items.map((a) => a.username)).not.toContain('xadoan');
    const audit = (await t.call('GET', '/api/audit?limit=200', outsider)).json<{
      items: { unitId: string | null }[];
    }>();
    expect(audit.items.every((e) => e.unitId !== ids.HCH && e.unitId !== ids.TDP1)).toBe(true);
    const asOf = (await t.call('GET', '/api/units/tree-as-of?date=2026-01-01', outsider)).json<{ id: string }[]>();
    expect(asOf.map((n) => n.id)).not.toContain(ids.HCH);
  });
});

describe('a viewer reads but cannot write', () => {
  for (const c of cases) {
    it(`${c.method} ${c.name}`, async () => {
      const before = await audits();
      const res = await send(c, viewer);
      if (c.write) {
        expect([403, 404]).toContain(res.statusCode);
        expect(await audits()).toBe(before);
      } else if (c.self) {
        expect(res.statusCode).toBe(404);
      } else if (writersOnly(c.url())) {
        expect(res.statusCode).toBe(403);
      } else {
        expect(res.statusCode).toBe(200);
      }
    });
  }
});

describe('a member account sees only its own record', () => {
  for (const c of cases.filter((k) => !k.self)) {
    it(`${c.method} ${c.name}`, async () => {
      const before = await audits();
      const res = await send(c, memberAccount);
      expect([403, 404]).toContain(res.statusCode);
      expect(await audits()).toBe(before);
    });
  }

  it('reads its own record and card, and a forged card reference verifies nothing', async () => {
    const own = await t.call('GET', '/api/me/member', memberAccount);
    expect(own.statusCode).toBe(200);
    expect(own.json<{ id: string }>().id).not.toBe(memberId);
    expect((await t.call('GET', `/api/members/${memberId}/photo`, memberAccount)).statusCode).toBe(404);
    const card = (await t.call('GET', '/api/me/card', memberAccount)).json<{ reference: string }>();
    expect((await t.call('GET', `/api/cards/verify/${card.reference}`)).statusCode).toBe(200);
    const forged = card.reference.replace(own.json<{ id: string }>().id, memberId);
    expect((await t.call('GET', `/api/cards/verify/${forged}`)).statusCode).toBe(404);
  });
});

describe('without a session everything is 401', () => {
  for (const c of [
    ...cases,
    { name: 'me', method: 'GET' as const, url: () => '/api/auth/me', write: false },
    { name: 'unit kinds', method: 'GET' as const, url: () => '/api/unit-kinds', write: false },
    { name: 'rules', method: 'GET' as const, url: () => '/api/rules', write: false },
  ]) {
    it(`${c.method} ${c.name}`, async () => {
      const res = await send(c);
      expect(res.statusCode).toBe(401);
    });
  }
});

describe('system-wide settings', () => {
  it('lets every cadre read the rules and only a system administrator record one', async () => {
    expect((await t.call('GET', '/api/rules', outsider)).statusCode).toBe(200);
    expect((await t.call('GET', '/api/rules', memberAccount)).statusCode).toBe(403);
    const body = { validFrom: '2030-01-01', value: { acceptWithinDays: 45 } };
    for (const cookie of [outsider, viewer, await t.as('tinhdoan')]) {
      expect((await t.call('POST', '/api/rules/transfer', cookie, body)).statusCode).toBe(403);
    }
  });

  it('lets only a system administrator add a unit kind', async () => {
    const body = { code: 'doan_khoi', nameVi: 'Đoàn khối', nameEn: 'Sector union', rank: 20 };
    expect((await t.call('POST', '/api/unit-kinds', await t.as('tinhdoan'), body)).statusCode).toBe(403);
    const res = await t.call('POST', '/api/unit-kinds', await t.as('admin'), body);
    expect(res.statusCode).toBe(200);
    expect((await t.call('POST', '/api/unit-kinds', await t.as('admin'), body)).statusCode).toBe(400);
    const kinds = (await t.call('GET', '/api/unit-kinds', await t.as('xadoan'))).json<{ code: string }[]>();
    expect(kinds.map((k) => k.code)).toContain('doan_khoi');
  });

  it('lets only a system administrator create a root unit', async () => {
    const body = { parentId: null, name: 'Gốc mới', code: 'ROOT2', kind: 'centre', sector: 'other' };
    expect((await t.call('POST', '/api/units', await t.as('tinhdoan'), body)).statusCode).toBe(403);
  });
});

describe('imports after the calls of the outsider, the viewer and the anonymous', () => {
  it("leave the unit's import as it was, create no other, and keep it out of the outsider's list", async () => {
    const own = (await t.call('GET', `/api/member-imports?unitId=${ids.HAN}`, outsider)).json<{
      items: { id: string }[];
    }>();
    expect(own.items.map((j) => j.id)).not.toContain(importId);
    const job = (await t.call('GET', `/api/member-imports/${importId}`, await t.as('xadoan'))).json<{
      status: string;
      preview: { create: unknown[] };
    }>();
    expect(job.status).toBe('dry_run_ready');
    expect(job.preview.create).toHaveLength(1);
    expect((await t.database.db.select({ n: count() }).from(importJobs))[0]?.n).toBe(1);
  });
});

/** The evaluation cases of Lâm Đồng's cycle, and the names that must not reach anyone outside it. */
const lamDongCases = evaluationScopeCases({ unitId: unitOf, fx: () => rating.lamDong });
const LAM_DONG_NAMES = ['Lâm Đồng', 'Đức Trọng', 'Hiệp Thạnh'];

describe("a cadre of another province gets nothing of Lâm Đồng's evaluation cycle", () => {
  for (const c of lamDongCases) {
    it(`${c.method} ${c.name}`, async () => {
      const before = await audits();
      const res = await send(c, await t.as('tinhdoan'));
      expect([403, 404]).toContain(res.statusCode);
      expect(Object.keys(res.json())).toEqual(['error']);
      for (const name of LAM_DONG_NAMES) expect(res.body).not.toContain(name);
      expect(await audits()).toBe(before);
    });
  }
});

describe("a viewer of Lâm Đồng reads the province's evaluation cycle but cannot act on it", () => {
  for (const c of lamDongCases) {
    it(`${c.method} ${c.name}`, async () => {
      const before = await audits();
      const res = await send(c, lamDongViewer);
      if (c.write) expect([403, 404]).toContain(res.statusCode);
      else expect(res.statusCode).toBe(200);
      expect(await audits()).toBe(before);
    });
  }
});

describe('evaluations every cadre reads, and lists that leave out what lies outside', () => {
  it('lets every cadre read the criteria sets and only a system administrator change one', async () => {
    const sets = (await t.call('GET', '/api/evaluations/criteria-sets', await t.as('admin'))).json<
      CriteriaSetSummary[]
    >();
    const unused = sets.find((s) => !s.frozen)!;
    const url = `/api/evaluations/criteria-sets/${unused.id}`;
    const detail = (await t.call('GET', url, await t.as('admin'))).json<CriteriaSetDetail>();
    for (const cookie of [outsider, viewer, lamDongViewer, await t.as('tinhdoan')]) {
      expect((await t.call('GET', '/api/evaluations/criteria-sets', cookie)).statusCode).toBe(200);
      expect((await t.call('GET', url, cookie)).statusCode).toBe(200);
    }
    for (const path of ['/api/evaluations/criteria-sets', url]) {
      expect((await t.call('GET', path, memberAccount)).statusCode).toBe(403);
      expect((await t.call('GET', path)).statusCode).toBe(401);
    }
    const edit = { version: detail.version, definition: { ...detail.definition, title: 'Bộ tiêu chí đã sửa' } };
    const before = await audits();
    for (const cookie of [outsider, viewer, await t.as('tinhdoan'), await t.as('xadoan'), await t.as('bithu')]) {
      const res = await t.call('PUT', url, cookie, edit);
      expect(res.statusCode).toBe(403);
      expect(Object.keys(res.json())).toEqual(['error']);
      expect((await t.call('POST', `${url}/copy`, cookie, { validFrom: 2090 })).statusCode).toBe(403);
    }
    expect((await t.call('PUT', url, memberAccount, edit)).statusCode).toBe(403);
    expect(await audits()).toBe(before);
    const after = (await t.call('GET', url, outsider)).json<CriteriaSetDetail>();
    expect({ version: after.version, title: after.title }).toEqual({ version: detail.version, title: detail.title });
    expect((await t.call('GET', '/api/evaluations/criteria-sets', outsider)).json<unknown[]>()).toHaveLength(
      sets.length,
    );
    const res = await t.call('PUT', url, await t.as('admin'), edit);
    expect(res.statusCode).toBe(200);
    expect(res.json<CriteriaSetDetail>()).toMatchObject({ title: 'Bộ tiêu chí đã sửa', version: detail.version + 1 });
    expect(await audits()).toBe(before + 1);
  });

  it('lists a cycle only to those who read its owner or are rated in it', async () => {
    const year = rating.haiChau.year;
    const listed = async (cookie: string) => {
      const res = await t.call('GET', `/api/evaluations/cycles?year=${year}`, cookie);
      expect(res.statusCode).toBe(200);
      return res.json<{ id: string }[]>().map((c) => c.id);
    };
    const haiChau = rating.haiChau.cycleId;
    const lamDong = rating.lamDong.cycleId;
    expect(await listed(outsider)).not.toEqual(expect.arrayContaining([haiChau]));
    expect(await listed(outsider)).not.toEqual(expect.arrayContaining([lamDong]));
    expect(await listed(viewer)).toContain(haiChau);
    expect(await listed(viewer)).not.toContain(lamDong);
    expect(await listed(await t.as('tinhdoan'))).toContain(haiChau);
    expect(await listed(await t.as('tinhdoan'))).not.toContain(lamDong);
    expect(await listed(lamDongViewer)).toContain(lamDong);
    expect(await listed(lamDongViewer)).not.toContain(haiChau);
    expect((await t.call('GET', '/api/evaluations/cycles', memberAccount)).statusCode).toBe(403);
    expect((await t.call('GET', '/api/evaluations/cycles')).statusCode).toBe(401);
  });

  it('gives every account only its own to-do list: a member sees only its own rating', async () => {
    const mine = async (cookie: string) => {
      const res = await t.call('GET', '/api/evaluations/mine', cookie);
      expect(res.statusCode).toBe(200);
      return res.json<MyEvaluationRow[]>();
    };
    const fixtureCycles = [rating.haiChau.cycleId, rating.lamDong.cycleId];
    for (const cookie of [outsider, await t.as('tinhdoan')]) {
      expect((await mine(cookie)).filter((r) => fixtureCycles.includes(r.cycleId))).toEqual([]);
    }
    expect((await mine(await t.as('tinhdoan'))).map((r) => r.id)).not.toContain(rating.lamDong.evaluation.id);
    expect(await mine(viewer)).toEqual([]);
    expect(await mine(lamDongViewer)).toEqual([]);
    const own = await mine(memberAccount);
    expect(own.map((r) => r.id)).toContain(rating.haiChau.own!.id);
    expect(own.every((r) => r.memberId === rating.haiChau.demoMemberId)).toBe(true);
    expect(own.map((r) => r.id)).not.toContain(rating.haiChau.evaluation.id);
    expect((await t.call('GET', '/api/evaluations/mine')).statusCode).toBe(401);
  });

  it("lets a member fill in its own self-assessment and nobody else's", async () => {
    const fx = rating.haiChau;
    const own = fx.own!;
    const read = await t.call('GET', `/api/evaluations/${own.id}`, memberAccount);
    expect(read.statusCode).toBe(200);
    expect(read.json<EvaluationDetail>()).toMatchObject({
      memberId: fx.demoMemberId,
      step: 'selfAssessment',
      actions: { editSelf: true, submit: true, approve: false, accept: false },
    });
    const other = `/api/evaluations/${fx.evaluation.id}`;
    const scores = fullMarks(fx.set.definition);
    const before = await audits();
    expect((await t.call('GET', other, memberAccount)).statusCode).toBe(404);
    expect(
      (await t.call('PUT', `${other}/self`, memberAccount, { version: fx.evaluation.version, scores })).statusCode,
    ).toBe(404);
    expect(
      (await t.call('POST', `${other}/submit`, memberAccount, { version: fx.evaluation.version })).statusCode,
    ).toBe(404);
    expect(await audits()).toBe(before);
    const saved = await t.call('PUT', `/api/evaluations/${own.id}/self`, memberAccount, {
      version: own.version,
      scores,
    });
    expect(saved.statusCode).toBe(200);
    const submitted = await t.call('POST', `/api/evaluations/${own.id}/submit`, memberAccount, {
      version: saved.json<EvaluationDetail>().version,
    });
    expect(submitted.statusCode).toBe(200);
    const file = submitted.json<EvaluationDetail>();
    expect(file.status).toBe('submitted');
    const approve = await t.call('POST', `/api/evaluations/${own.id}/approve`, memberAccount, {
      version: file.version,
    });
    expect(approve.statusCode).toBe(403);
    expect(await audits()).toBe(before + 2);
  });
});

describe('evaluations after the calls of the outsiders, the viewers, the member and the anonymous', () => {
  it('leave the files, the cycles and the criteria sets as they were', async () => {
    const admin = await t.as('admin');
    for (const fx of [rating.haiChau, rating.lamDong]) {
      const file = (await t.call('GET', `/api/evaluations/${fx.evaluation.id}`, admin)).json<EvaluationDetail>();
      expect(file).toMatchObject({ version: fx.evaluation.version, status: 'ready', followUpUserId: null });
      expect(file.files.map((f) => f.id)).toEqual([fx.fileId]);
      expect(file.events.map((e) => e.action)).toEqual(['file']);
      const cycle = (await t.call('GET', `/api/evaluations/cycles/${fx.cycleId}`, admin)).json<CycleDetail>();
      expect(cycle).toMatchObject({ status: 'open', accepted: 0, version: 1 });
      const set = (await t.call('GET', `/api/evaluations/criteria-sets/${fx.set.id}`, admin)).json<CriteriaSetDetail>();
      expect({ version: set.version, title: set.title }).toEqual({
        version: fx.set.version,
        title: fx.set.definition.title,
      });
    }
    expect(await evaluationCounts()).toEqual(evaluationsAtStart);
  });
});

describe("insiders act on Hải Châu's member rating, each at its own level", () => {
  let file: EvaluationDetail;
  /** Acts on the file at the version last read; keeps the file it returns. */
  async function act(method: 'POST' | 'PUT', path: string, cookie: string, body: Record<string, unknown> = {}) {
    const res = await t.call(method, `/api/evaluations/${file.id}/${path}`, cookie, { version: file.version, ...body });
    if (res.statusCode === 200) file = res.json<EvaluationDetail>();
    return res;
  }
  const reload = async () => {
    file = (await t.call('GET', `/api/evaluations/${file.id}`, await t.as('xadoan'))).json<EvaluationDetail>();
  };
  const cycleUrl = (tail: string) => `/api/evaluations/cycles/${rating.haiChau.cycleId}${tail}`;

  it("the branch uploads, fills in, submits, returns and approves a member's self-assessment", async () => {
    const bithu = await t.as('bithu');
    file = (await t.call('GET', `/api/evaluations/${rating.haiChau.evaluation.id}`, bithu)).json<EvaluationDetail>();
    expect(file.actions).toMatchObject({ editSelf: true, upload: true, accept: false });
    const { payload, headers } = evidenceForm();
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/evaluations/${file.id}/files`,
      headers: { ...headers, cookie: bithu },
      payload,
    });
    expect(up.statusCode).toBe(200);
    file = up.json<EvaluationDetail>();
    expect(file.files).toHaveLength(2);
    expect((await act('PUT', 'self', bithu, { scores: fullMarks(rating.haiChau.set.definition) })).statusCode).toBe(
      200,
    );
    expect((await act('POST', 'submit', bithu)).statusCode).toBe(200);
    expect((await act('POST', 'return', bithu, { reason: 'Bổ sung minh chứng' })).statusCode).toBe(200);
    expect(file.status).toBe('returned');
    expect((await act('POST', 'submit', bithu)).statusCode).toBe(200);
    expect((await act('POST', 'approve', bithu)).statusCode).toBe(200);
    expect(file).toMatchObject({ step: 'evaluation', status: 'ready' });
  });

  it('the branch assigns a follow-up cadre and scores; only the ward draws the sample', async () => {
    const bithu = await t.as('bithu');
    const candidates = await t.call('GET', `/api/evaluations/${file.id}/follow-up-candidates`, bithu);
    expect(candidates.statusCode).toBe(200);
    const cadre = candidates.json<FollowUpCandidate[]>().find((c) => c.username === 'bithu')!;
    expect((await act('PUT', 'follow-up', bithu, { userId: cadre.userId })).statusCode).toBe(200);
    expect(file.followUpUserId).toBe(cadre.userId);
    expect((await act('PUT', 'review', bithu, { scores: fullMarks(rating.haiChau.set.definition) })).statusCode).toBe(
      200,
    );
    const before = await audits();
    expect((await t.call('POST', cycleUrl('/sample'), bithu, { share: 1 })).statusCode).toBe(403);
    expect(await audits()).toBe(before);
    const sample = await t.call('POST', cycleUrl('/sample'), await t.as('xadoan'), { share: 1 });
    expect(sample.statusCode).toBe(200);
    expect(sample.json<{ sampled: number }>().sampled).toBeGreaterThan(0);
    await reload();
    expect(file.sampled).toBe(true);
    expect((await act('POST', 'approve', bithu)).statusCode).toBe(200);
    expect(file).toMatchObject({ step: 'reinspection', status: 'ready' });
  });

  it('only the ward re-inspects, refreshes the figures, accepts and reopens', async () => {
    const bithu = await t.as('bithu');
    const xadoan = await t.as('xadoan');
    expect((await act('POST', 'approve', bithu)).statusCode).toBe(403);
    expect((await act('POST', 'approve', xadoan)).statusCode).toBe(200);
    expect(file).toMatchObject({ step: 'decision', status: 'approved' });
    expect((await t.call('POST', cycleUrl('/evidence'), bithu)).statusCode).toBe(403);
    const refreshed = await t.call('POST', cycleUrl('/evidence'), xadoan);
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json<{ refreshed: number }>().refreshed).toBeGreaterThan(0);
    const accept = { evaluationIds: [file.id], decidedOn: todayInVietnam() };
    expect((await t.call('POST', cycleUrl('/accept'), bithu, accept)).statusCode).toBe(403);
    const accepted = await t.call('POST', cycleUrl('/accept'), xadoan, accept);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<{ accepted: number; documentId: string | null }>()).toMatchObject({ accepted: 1 });
    expect(await evaluationCounts()).toEqual({ ...evaluationsAtStart, decisions: evaluationsAtStart.decisions + 1 });
    await reload();
    expect(file.status).toBe('accepted');
    expect((await act('POST', 'reopen', bithu, { step: 'evaluation', reason: 'Sai sót' })).statusCode).toBe(403);
    expect((await act('POST', 'reopen', xadoan, { step: 'evaluation', reason: 'Sai sót' })).statusCode).toBe(200);
    expect(file).toMatchObject({ step: 'evaluation', status: 'ready', decidedOn: null });
  });

  it("only the ward opens next year's rating", async () => {
    const body = {
      programme: 'memberRating',
      ownerUnitId: ids.HCH,
      kind: 'year',
      year: rating.haiChau.year + 1,
    };
    expect([403, 404]).toContain(
      (await t.call('POST', '/api/evaluations/cycles', await t.as('bithu'), body)).statusCode,
    );
    const res = await t.call('POST', '/api/evaluations/cycles', await t.as('xadoan'), body);
    expect(res.statusCode).toBe(200);
    expect(res.json<CycleDetail>().canManage).toBe(true);
    expect((await evaluationCounts()).cycles).toBe(evaluationsAtStart.cycles + 1);
  });
});
