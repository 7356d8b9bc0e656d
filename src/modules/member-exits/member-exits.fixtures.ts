import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, documentCounters, members, units } from '../../db/schema/index.js';
import { foldVietnamese, givenName, nameSortKey } from '../../domain/text/vietnamese.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import type { TestApp } from '../../../tests/helpers/test-app.js';

/** The current year in Vietnam. */
export const THIS_YEAR = Number(todayInVietnam().slice(0, 4));
/** The year before: all its configured ceremony dates have passed. */
export const LAST_YEAR = THIS_YEAR - 1;

let serial = 0;

/** Inserts a member straight into a branch (test data with exact ages, independent of the member API). */
export async function insertMember(
  db: Db,
  unitId: string,
  m: Partial<typeof members.$inferInsert> & { fullName: string; birthDate: string },
) {
  serial += 1;
  const [unit] = await db.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  const [province] = await db
    .select({ id: units.id })
    .from(units)
    .where(sql`${units.path} @> ${unit!.path}::ltree and ${units.kind} = 'province'`);
  const [row] = await db
    .insert(members)
    .values({
      unitId,
      provinceId: province?.id ?? null,
      givenName: givenName(m.fullName),
      searchName: foldVietnamese(m.fullName),
      sortKey: nameSortKey(m.fullName),
      gender: 'male',
      joinedOn: `${Number(m.birthDate.slice(0, 4)) + 16}-03-26`,
      cardNumber: `TS${process.pid}${String(serial).padStart(4, '0')}`,
      ...m,
    })
    .returning();
  return row!;
}

/** Rows in the audit log. */
export async function auditCount(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
}

/** The document counters of a unit, year -> last number (a refused step must leave them alone). */
export async function counters(db: Db, unitId: string): Promise<Record<number, number>> {
  const found = await db.select().from(documentCounters).where(eq(documentCounters.unitId, unitId));
  return Object.fromEntries(found.map((c) => [c.year, c.lastNumber]));
}

/** A member row as stored now. */
export async function memberRow(db: Db, id: string) {
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row!;
}

/** Rows the scope tests act on: a member, an exception, a discipline decision and a Party introduction at TDP1. */
export interface ProcedureFixtures {
  memberId: string;
  memberVersion: number;
  exceptionId: string;
  disciplineId: string;
  disciplineVersion: number;
  introductionId: string;
  introductionVersion: number;
}

/** Creates the procedure rows of the scope tests (as the demo cadres of Hải Châu). */
export async function scopeProcedures(t: TestApp): Promise<ProcedureFixtures> {
  const tdp1 = await t.unitId('TDP1');
  const hch = await t.unitId('HCH');
  const today = todayInVietnam();
  const db = t.database.db;
  const aged = await insertMember(db, tdp1, { fullName: 'Phạm Thủ Tục', birthDate: `${LAST_YEAR - 30}-06-06` });
  const subject = await insertMember(db, tdp1, { fullName: 'Lê Kỷ Luật', birthDate: '2001-01-01' });
  const candidate = await insertMember(db, tdp1, { fullName: 'Trần Ưu Tú', birthDate: '2000-02-02' });
  const xadoan = await t.as('xadoan');
  const exception = await t.call('POST', '/api/coming-of-age/exceptions', xadoan, {
    memberId: aged.id,
    reason: 'committee',
  });
  const discipline = await t.call('POST', '/api/disciplines', xadoan, {
    subjectKind: 'member',
    memberId: subject.id,
    memberVersion: subject.version,
    decidingUnitId: hch,
    form: 'reprimand',
    reason: 'Vắng sinh hoạt nhiều lần',
    meetingOn: today,
    eligibleCount: 9,
    presentCount: 8,
    inFavourCount: 7,
    decidedOn: today,
    effectiveOn: today,
  });
  const intro = await t.call('POST', '/api/party-introductions', await t.as('bithu'), {
    memberId: candidate.id,
    resolutionOn: today,
    strengths: 'Gương mẫu',
    weaknesses: 'Còn ít kinh nghiệm',
    presentCount: 10,
    inFavourCount: 10,
  });
  for (const res of [exception, discipline, intro])
    if (res.statusCode !== 200) throw new Error(`scope fixture failed: ${res.statusCode} ${res.body}`);
  const d = discipline.json<{ id: string; version: number }>();
  const i = intro.json<{ id: string; version: number }>();
  return {
    memberId: aged.id,
    memberVersion: aged.version,
    exceptionId: exception.json<{ id: string }>().id,
    disciplineId: d.id,
    disciplineVersion: d.version,
    introductionId: i.id,
    introductionVersion: i.version,
  };
}

/** The scope test cases of the coming-of-age, discipline, member exit and Party introduction endpoints. */
export function procedureScopeCases(r: { unitId: (code: string) => string; fx: () => ProcedureFixtures }) {
  const today = todayInVietnam();
  const hch = () => r.unitId('HCH');
  const read = (name: string, url: () => string) => ({ name, method: 'GET' as const, url, write: false });
  const post = (name: string, url: () => string, body?: () => unknown) => ({
    name,
    method: 'POST' as const,
    url,
    ...(body ? { body } : {}),
    write: true,
  });
  const fx = r.fx;
  const vote = { meetingOn: today, eligibleCount: 9, presentCount: 8, inFavourCount: 7, decidedOn: today };
  return [
    read('coming-of-age list', () => `/api/coming-of-age?unitId=${hch()}&year=${LAST_YEAR}`),
    read('coming-of-age exceptions', () => `/api/coming-of-age/exceptions?unitId=${hch()}`),
    post(
      'record an exception',
      () => '/api/coming-of-age/exceptions',
      () => ({
        memberId: fx().memberId,
        reason: 'full_time',
      }),
    ),
    post('revoke an exception', () => `/api/coming-of-age/exceptions/${fx().exceptionId}/revoke`),
    post(
      'process coming of age',
      () => '/api/coming-of-age/process',
      () => ({
        unitId: hch(),
        year: LAST_YEAR,
        ceremonyOn: `${LAST_YEAR}-12-22`,
        members: [{ id: fx().memberId, version: fx().memberVersion }],
      }),
    ),
    read('discipline list', () => `/api/disciplines?unitId=${hch()}`),
    read('discipline options', () => `/api/disciplines/options?memberId=${fx().memberId}`),
    read('discipline record', () => `/api/disciplines/${fx().disciplineId}`),
    post(
      'record a discipline',
      () => '/api/disciplines',
      () => ({
        subjectKind: 'member',
        memberId: fx().memberId,
        memberVersion: fx().memberVersion,
        decidingUnitId: hch(),
        form: 'warning',
        reason: 'x',
        effectiveOn: today,
        ...vote,
      }),
    ),
    post(
      'annul a discipline',
      () => `/api/disciplines/${fx().disciplineId}/annul`,
      () => ({
        version: fx().disciplineVersion,
        annulledOn: today,
        reason: 'x',
      }),
    ),
    post(
      'remove a member',
      () => `/api/members/${fx().memberId}/remove`,
      () => ({
        version: fx().memberVersion,
        reason: 'x',
        decidedOn: today,
      }),
    ),
    post(
      'record a death',
      () => `/api/members/${fx().memberId}/death`,
      () => ({
        version: fx().memberVersion,
        diedOn: today,
      }),
    ),
    read('Party introductions', () => `/api/party-introductions?unitId=${hch()}`),
    read('Party introduction report', () => `/api/party-introductions/stats?unitId=${hch()}&year=${THIS_YEAR}`),
    read('Party criteria', () => `/api/party-introductions/criteria?memberId=${fx().memberId}`),
    read('Party introduction', () => `/api/party-introductions/${fx().introductionId}`),
    post(
      'propose for the Party',
      () => '/api/party-introductions',
      () => ({
        memberId: fx().memberId,
        resolutionOn: today,
        strengths: 'x',
        weaknesses: 'x',
        presentCount: 5,
        inFavourCount: 5,
      }),
    ),
    post(
      'introduce to the Party',
      () => `/api/party-introductions/${fx().introductionId}/introduce`,
      () => ({
        version: fx().introductionVersion,
        introducingUnitId: hch(),
        introducedOn: today,
        partyCell: 'Chi bộ 1',
      }),
    ),
    post(
      'Party outcome',
      () => `/api/party-introductions/${fx().introductionId}/outcome`,
      () => ({
        version: fx().introductionVersion,
        outcome: 'admitted',
        outcomeOn: today,
      }),
    ),
    post(
      'withdraw a Party proposal',
      () => `/api/party-introductions/${fx().introductionId}/withdraw`,
      () => ({
        version: fx().introductionVersion,
      }),
    ),
  ];
}
