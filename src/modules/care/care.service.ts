import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type {
  closeCareRecordBody,
  CareRecordDetail,
  createCareRecordBody,
  updateCareRecordBody,
} from '../../contracts/care.js';
import { closeDateIssue, youthAgeIssue } from '../../domain/branch-life/care.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { isWithin } from '../../domain/org/unit-path.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { refuse } from '../../domain/workflows/admission.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { findMemberInScope } from '../members/members.queries.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { getCareRecord } from './care.read.js';
import * as q from './care.queries.js';

type Ctx = RequestContext & { actor: Actor };

/** The message of a stale version (409). */
export const STALE = 'Hồ sơ chăm lo vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.';

/**
 * Loads and locks a record for a change: 404 outside the read scope, 403 without `member.write` on its unit,
 * 422 when it is closed, 409 when `version` is stale.
 */
export async function loadForChange(tx: DbOrTx, actor: Actor, recordId: string, version: number | null) {
  const found = await q.findRecord(tx, scopeOf(actor, 'member.read'), recordId, true);
  if (!found) throw fail.notFound('hồ sơ chăm lo');
  if (!inScope(scopeOf(actor, 'member.write'), found.unitPath)) throw fail.forbidden();
  if (version !== null && found.record.version !== version) throw fail.conflict(STALE);
  if (found.record.status !== 'open')
    throw fail.rule(`${found.record.fullName} đã kết thúc theo dõi: hồ sơ không còn thay đổi được.`);
  return found;
}

type CreateBody = z.output<typeof createCareRecordBody>;

/** The member a record is opened for: in the write scope, in the unit's subtree, in the union, not listed yet. */
async function memberValues(tx: DbOrTx, actor: Actor, unit: { path: string; name: string }, memberId: string) {
  const found = await findMemberInScope(tx, scopeOf(actor, 'member.read'), memberId);
  if (!found) throw fail.rule('Không tìm thấy đoàn viên này trong phạm vi quản lý của bạn.', 'memberId');
  const m = found.member;
  if (!inScope(scopeOf(actor, 'member.write'), found.unitPath)) throw fail.forbidden();
  if (!isWithin(found.unitPath, unit.path))
    throw fail.rule(`${m.fullName} không thuộc ${unit.name}: hãy chọn đúng đơn vị.`, 'memberId');
  if (!(ACTIVE_STATUSES as readonly string[]).includes(m.status))
    throw fail.rule(
      `${m.fullName} không còn sinh hoạt đoàn: hãy ghi vào danh sách như thanh niên chưa là đoàn viên.`,
      'memberId',
    );
  const open = await q.openRecordOf(tx, memberId);
  if (open) throw fail.rule(`${m.fullName} đã có trong danh sách chăm lo (đang theo dõi).`, 'memberId');
  return {
    unitId: m.unitId,
    unitPath: found.unitPath,
    memberId: m.id,
    fullName: m.fullName,
    birthYear: m.birthDate ? Number(m.birthDate.slice(0, 4)) : null,
    gender: m.gender,
    address: m.residenceAddress ?? m.permanentAddress,
    phone: m.phone,
  };
}

/** Opens a care record for a member of the subtree or a young person who is not a member. Audited. */
export async function createCareRecord(db: Db, ctx: Ctx, body: CreateBody): Promise<CareRecordDetail> {
  const id = await db.transaction(async (tx) => {
    const unit = await loadForAction(tx, ctx.actor, body.unitId, 'member.write');
    if (unit.closedOn)
      throw fail.rule(`${unit.name} đã giải thể hoặc sáp nhập: hãy chọn đơn vị đang hoạt động.`, 'unitId');
    let person: Awaited<ReturnType<typeof memberValues>> | null = null;
    if (body.memberId) person = await memberValues(tx, ctx.actor, unit, body.memberId);
    else refuse([youthAgeIssue(body.birthYear!, todayInVietnam())].filter((i) => i !== null));
    const record = await q.insertRecord(tx, {
      unitId: person?.unitId ?? unit.id,
      memberId: person?.memberId ?? null,
      fullName: person?.fullName ?? body.fullName!,
      birthYear: person ? person.birthYear : body.birthYear!,
      gender: person?.gender ?? body.gender ?? null,
      address: body.address ?? person?.address ?? null,
      phone: body.phone ?? person?.phone ?? null,
      categories: body.categories,
      situation: body.situation ?? null,
      createdBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      entity: 'care_record',
      entityId: record.id,
      action: 'create',
      unitId: record.unitId,
      unitPath: person?.unitPath ?? unit.path,
      after: record,
    });
    return record.id;
  });
  return getCareRecord(db, ctx.actor, id);
}

/** Edits an open record at the version read; a member's name, birth year and gender live on the member record. */
export async function updateCareRecord(
  db: Db,
  ctx: Ctx,
  recordId: string,
  body: z.output<typeof updateCareRecordBody>,
): Promise<CareRecordDetail> {
  await db.transaction(async (tx) => {
    const { record, unitPath } = await loadForChange(tx, ctx.actor, recordId, body.version);
    const identity = { fullName: body.fullName, birthYear: body.birthYear, gender: body.gender };
    const changesIdentity = Object.values(identity).some((v) => v !== undefined);
    if (record.memberId && changesIdentity)
      throw fail.rule('Họ tên, năm sinh, giới tính của đoàn viên được sửa trong hồ sơ đoàn viên.', 'fullName');
    if (body.birthYear !== undefined)
      refuse([youthAgeIssue(body.birthYear, todayInVietnam())].filter((i) => i !== null));
    const set = Object.fromEntries(
      Object.entries({
        ...identity,
        address: body.address,
        phone: body.phone,
        categories: body.categories,
        situation: body.situation,
      }).filter(([, v]) => v !== undefined),
    );
    const after = await q.updateRecord(tx, record, set);
    if (!after) throw fail.conflict(STALE);
    await audit(tx, ctx, {
      entity: 'care_record',
      entityId: record.id,
      action: 'update',
      unitId: record.unitId,
      unitPath,
      before: record,
      after,
    });
  });
  return getCareRecord(db, ctx.actor, recordId);
}

/** Ends the follow-up of a person with a reason and a day between the opening day and today. */
export async function closeCareRecord(
  db: Db,
  ctx: Ctx,
  recordId: string,
  body: z.output<typeof closeCareRecordBody>,
): Promise<CareRecordDetail> {
  await db.transaction(async (tx) => {
    const { record, unitPath } = await loadForChange(tx, ctx.actor, recordId, body.version);
    const openedOn = todayInVietnam(record.createdAt);
    refuse([closeDateIssue(body.closedOn, openedOn, todayInVietnam())].filter((i) => i !== null));
    const after = await q.updateRecord(tx, record, {
      status: 'closed',
      closedOn: body.closedOn,
      closeReason: body.reason,
    });
    if (!after) throw fail.conflict(STALE);
    await audit(tx, ctx, {
      entity: 'care_record',
      entityId: record.id,
      action: 'close',
      unitId: record.unitId,
      unitPath,
      before: record,
      after,
    });
  });
  return getCareRecord(db, ctx.actor, recordId);
}
