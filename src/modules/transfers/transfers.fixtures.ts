import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { TestApp } from '../../../tests/helpers/test-app.js';
import { auditLog, documentCounters, members, transfers, units } from '../../db/schema/index.js';
import type { TransferDetail } from '../../contracts/transfers.js';

/** Members of a branch with a status, in a stable order, skipping `skip` of them (each test takes its own). */
export async function memberOf(t: TestApp, branchCode: string, status = 'active', skip = 0) {
  const [row] = await t.database.db
    .select({ id: members.id, version: members.version, cccd: members.cccd, fullName: members.fullName })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(units.code, branchCode), eq(members.status, status), sql`${members.cccd} is not null`))
    .orderBy(asc(members.sortKey), asc(members.id))
    .offset(skip)
    .limit(1);
  if (!row) throw new Error(`no ${status} member in ${branchCode}`);
  return row;
}

/** The stored member row. */
export async function memberRow(t: TestApp, memberId: string) {
  const [row] = await t.database.db.select().from(members).where(eq(members.id, memberId));
  return row!;
}

/** The stored transfer row. */
export async function transferRow(t: TestApp, transferId: string) {
  const [row] = await t.database.db.select().from(transfers).where(eq(transfers.id, transferId));
  return row!;
}

/** Number of audit rows. */
export async function auditCount(t: TestApp): Promise<number> {
  return (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
}

/** The last document number a unit gave this year (0 when none). */
export async function lastNumber(t: TestApp, unitCode: string, year: number): Promise<number> {
  const [row] = await t.database.db
    .select({ n: documentCounters.lastNumber })
    .from(documentCounters)
    .where(and(eq(documentCounters.unitId, await t.unitId(unitCode)), eq(documentCounters.year, year)));
  return row?.n ?? 0;
}

/** Creates an external draft for a member as `cookie`, completed with a comment and the fee, addressed or not. */
export async function externalDraft(
  t: TestApp,
  cookie: string,
  member: { id: string; version: number },
  extra: Record<string, unknown> = {},
): Promise<TransferDetail> {
  const res = await t.call('POST', '/api/transfers', cookie, {
    kind: 'external',
    memberId: member.id,
    memberVersion: member.version,
    toGrassrootsId: await t.unitId('LNG'),
    reason: 'Chuyển nơi cư trú',
    branchComment: 'Tích cực tham gia sinh hoạt, hoàn thành tốt nhiệm vụ.',
    feePaidUntil: '2026-01',
    ...extra,
  });
  if (res.statusCode !== 200) throw new Error(`draft failed: ${res.statusCode} ${res.body}`);
  return res.json<TransferDetail>();
}

/** Creates and sends an external transfer; returns the sent detail. */
export async function sentTransfer(
  t: TestApp,
  member: { id: string; version: number },
  extra: Record<string, unknown> = {},
): Promise<TransferDetail> {
  const cookie = await t.as('xadoan');
  const draft = await externalDraft(t, cookie, member, extra);
  const res = await t.call('POST', `/api/transfers/${draft.id}/send`, cookie, { version: draft.version });
  if (res.statusCode !== 200) throw new Error(`send failed: ${res.statusCode} ${res.body}`);
  return res.json<TransferDetail>();
}
