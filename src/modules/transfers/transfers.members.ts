import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members, transfers } from '../../db/schema/index.js';
import { fail } from '../../domain/errors.js';
import { eventsForChange, recordEvents } from '../members/members.events.js';
import type { MemberRow } from '../members/members.queries.js';
import { STALE } from './transfers.policy.js';
import type { TransferRow } from './transfers.queries.js';

/** Locks a member row for the rest of the transaction. */
export async function lockMember(tx: DbOrTx, memberId: string): Promise<MemberRow> {
  const [row] = await tx.select().from(members).where(eq(members.id, memberId)).for('update');
  if (!row) throw fail.notFound('đoàn viên');
  return row;
}

/** Changes a member's branch, province or status, with their history events (branch_change, status_change). */
export async function changeMember(
  tx: DbOrTx,
  actorId: string | null,
  before: MemberRow,
  set: Partial<Pick<MemberRow, 'unitId' | 'provinceId' | 'status'>>,
  onDate: string,
  note: string,
): Promise<MemberRow> {
  const [after] = await tx
    .update(members)
    .set({ ...set, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(members.id, before.id), eq(members.version, before.version)))
    .returning();
  if (!after) throw fail.conflict('Hồ sơ đoàn viên vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.');
  const events = eventsForChange(before, after).map((e) => ({ ...e, note }));
  await recordEvents(tx, after, events, onDate, actorId);
  return after;
}

/** Writes a transfer's new values with the version check; 409 when someone else changed it first. */
export async function saveTransfer(
  tx: DbOrTx,
  before: TransferRow,
  set: Partial<Omit<TransferRow, 'id' | 'version' | 'memberId' | 'createdAt' | 'createdBy'>>,
): Promise<TransferRow> {
  const [after] = await tx
    .update(transfers)
    .set({ ...set, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(transfers.id, before.id), eq(transfers.version, before.version)))
    .returning();
  if (!after) throw fail.conflict(STALE);
  return after;
}
