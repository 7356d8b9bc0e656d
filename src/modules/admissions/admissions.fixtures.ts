import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TestApp } from '../../../tests/helpers/test-app.js';
import type { CandidateDetail, CreateCandidateBody } from '../../contracts/admissions.js';
import { auditLog, documentCounters, documents, members } from '../../db/schema/index.js';
import { todayInVietnam } from '../../domain/text/dates.js';

/** An ISO date `days` before today (Vietnam time). */
export function daysAgo(days: number): string {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** An ISO date `years` before today, minus `days`. */
export function yearsAgo(years: number, days = 0): string {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

let serial = 0;

/** A CCCD no demo member holds (demo ones start with 0). */
export function freshCccd(): string {
  serial += 1;
  return `9${String(process.pid % 1000).padStart(3, '0')}${String(Date.now() % 1_000_000).padStart(6, '0')}${String(serial).padStart(2, '0')}`.slice(
    0,
    12,
  );
}

/** Two active members of a branch: an introducer and a recruiter. */
export async function branchMembers(t: TestApp, code: string): Promise<[string, string]> {
  const found = await t.database.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.unitId, await t.unitId(code)), inArray(members.status, ['active'])))
    .limit(2);
  return [found[0]!.id, found[1]!.id];
}

/** A complete application ready for the vote (course and member introducer recorded). */
export async function application(
  t: TestApp,
  code: string,
  over: Partial<CreateCandidateBody> = {},
): Promise<CreateCandidateBody> {
  const [introducer, recruiter] = await branchMembers(t, code);
  return {
    unitId: await t.unitId(code),
    fullName: 'Phạm Thị Hoa',
    birthDate: yearsAgo(18),
    gender: 'female',
    ethnicity: 'Kinh',
    religion: 'Không',
    cccd: freshCccd(),
    phone: '0905123456',
    source: 'youth',
    applicationDate: daysAgo(60),
    courseName: 'Lớp cảm tình Đoàn năm 2026',
    courseCertificateNo: '15/GCN-ĐTN',
    courseCompletedOn: daysAgo(40),
    introducerKind: 'member',
    introducerMemberId: introducer,
    introducerKnownSince: daysAgo(400),
    recruiterMemberId: recruiter,
    profile: { hometown: 'Hải Châu, Đà Nẵng', occupation: 'Sinh viên' },
    ...over,
  };
}

/** Creates a candidate and checks it worked. */
export async function propose(t: TestApp, cookie: string, body: CreateCandidateBody): Promise<CandidateDetail> {
  const res = await t.call('POST', '/api/admissions', cookie, body);
  if (res.statusCode !== 200) throw new Error(`create candidate: ${res.statusCode} ${res.body}`);
  return res.json<CandidateDetail>();
}

/** Records a passing branch vote (10 present, 8 in favour, 30 days ago). */
export async function voted(t: TestApp, cookie: string, c: CandidateDetail): Promise<CandidateDetail> {
  const res = await t.call('POST', `/api/admissions/${c.id}/vote`, cookie, {
    version: c.version,
    meetingOn: daysAgo(30),
    present: 10,
    inFavour: 8,
  });
  if (res.statusCode !== 200) throw new Error(`vote: ${res.statusCode} ${res.body}`);
  return res.json<CandidateDetail>();
}

/** Audit rows, documents and document numbers used so far: a refusal must change none of them. */
export async function footprint(t: TestApp) {
  const db = t.database.db;
  const [a] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  const [d] = await db.select({ n: sql<number>`count(*)::int` }).from(documents);
  const [c] = await db.select({ n: sql<number>`coalesce(sum(last_number), 0)::int` }).from(documentCounters);
  const [m] = await db.select({ n: sql<number>`count(*)::int` }).from(members);
  return { audits: Number(a?.n), documents: Number(d?.n), numbers: Number(c?.n), members: Number(m?.n) };
}

/** A candidate proposed at TDP1 by the ward cadre, for the scope tests of every admission endpoint. */
export async function scopeCandidate(t: TestApp): Promise<{ id: string; version: number }> {
  const body = {
    ...(await application(t, 'TDP1', { fullName: 'Ngô Thị Phạm Vi' })),
    introducerKind: null,
    introducerMemberId: null,
    introducerKnownSince: null,
    recruiterMemberId: null,
  };
  return propose(t, await t.as('xadoan'), body);
}

/** What the admission and card scope cases read from the scope test. */
export interface ScopeRefs {
  unitId: (code: 'HCH' | 'TDP1') => string;
  candidate: () => { id: string; version: number };
  memberId: () => string;
  memberVersion: () => number;
}

/** One scope case per admission and member-card endpoint (an outsider gets nothing, a viewer only reads). */
export function admissionScopeCases(r: ScopeRefs) {
  const c = () => r.candidate();
  const one = () => ({ items: [{ id: c().id, version: c().version }] });
  const post = (name: string, url: () => string, body: () => unknown) => ({
    name,
    method: 'POST' as const,
    url,
    body,
    write: true,
  });
  const read = (name: string, url: () => string) => ({ name, method: 'GET' as const, url, write: false });
  const cards = (action: string) => () => `/api/members/${r.memberId()}/cards/${action}`;
  return [
    read('admission list', () => `/api/admissions?unitId=${r.unitId('HCH')}`),
    read('admission record', () => `/api/admissions/${c().id}`),
    read('1+1 credit', () => `/api/admissions/recruitment?unitId=${r.unitId('HCH')}`),
    post(
      'propose a candidate',
      () => '/api/admissions',
      () => ({
        unitId: r.unitId('TDP1'),
        fullName: 'Người Ngoài Cuộc',
        birthDate: yearsAgo(18),
        gender: 'male',
        cccd: freshCccd(),
        source: 'youth',
        applicationDate: daysAgo(5),
      }),
    ),
    {
      name: 'edit a candidate',
      method: 'PATCH' as const,
      url: () => `/api/admissions/${c().id}`,
      body: () => ({ version: c().version, religion: 'Không' }),
      write: true,
    },
    post(
      'branch vote',
      () => `/api/admissions/${c().id}/vote`,
      () => ({
        version: c().version,
        meetingOn: daysAgo(1),
        present: 9,
        inFavour: 9,
      }),
    ),
    post(
      'approve',
      () => `/api/admissions/${c().id}/approve`,
      () => ({ version: c().version, approvedOn: daysAgo(1) }),
    ),
    post(
      'admit',
      () => `/api/admissions/${c().id}/admit`,
      () => ({ version: c().version, ceremonyOn: daysAgo(1) }),
    ),
    post(
      'reject',
      () => `/api/admissions/${c().id}/reject`,
      () => ({ version: c().version, reason: 'x' }),
    ),
    post(
      'withdraw',
      () => `/api/admissions/${c().id}/withdraw`,
      () => ({ version: c().version, reason: 'x' }),
    ),
    post(
      'approve a class',
      () => '/api/admissions/approve-batch',
      () => ({ ...one(), approvedOn: daysAgo(1) }),
    ),
    post(
      'admit a class',
      () => '/api/admissions/admit-batch',
      () => ({ ...one(), ceremonyOn: daysAgo(1) }),
    ),
    read('member cards', () => `/api/members/${r.memberId()}/cards`),
    post('issue a card', cards('issue'), () => ({ version: r.memberVersion(), issuedOn: daysAgo(1) })),
    post('reissue a card', cards('reissue'), () => ({
      version: r.memberVersion(),
      cause: 'lost',
      issuedOn: daysAgo(1),
    })),
    post('revoke a card', cards('revoke'), () => ({ version: r.memberVersion(), revokedOn: daysAgo(1), reason: 'x' })),
    read('card numbering', () => `/api/units/${r.unitId('TDP1')}/card-scheme`),
    {
      name: 'change card numbering',
      method: 'PUT' as const,
      url: () => `/api/units/${r.unitId('TDP1')}/card-scheme`,
      body: () => ({ prefix: 'X', width: 6, nextNumber: 1, version: null }),
      write: true,
    },
    read('card register', () => `/api/units/${r.unitId('HCH')}/card-register`),
  ];
}
