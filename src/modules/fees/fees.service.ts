import type { Db, DbOrTx } from '../../db/client.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type { FeeCollection, MemberFeeClass } from '../../contracts/fees.js';
import type { collectFeesBody, deletePaymentBody, putFeeClassBody } from '../../contracts/fees.js';
import { inScope } from '../../domain/auth/permissions.js';
import { alreadyPaidMessage, paymentMonthIssues } from '../../domain/branch-life/fee-collection.js';
import { feeClassOn, monthFee } from '../../domain/branch-life/fee-rates.js';
import { addMonths, monthLabel, monthOf } from '../../domain/branch-life/months.js';
import { DomainError, fail, type FieldIssue } from '../../domain/errors.js';
import { ACTIVE_STATUSES, type MemberStatus } from '../../domain/members/reference-lists.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { memberForWrite } from '../self-service/self-service.policy.js';
import type { z } from 'zod';
import * as q from './fees.queries.js';

type Ctx = RequestContext & { actor: Actor };
type CollectInput = z.output<typeof collectFeesBody>;

const inUnion = (status: string) => ACTIVE_STATUSES.includes(status as MemberStatus);

/** A member's class now and its recorded history, newest first. */
export async function feeClassOf(db: DbOrTx, memberId: string): Promise<MemberFeeClass> {
  const history = (await q.classHistories(db, [memberId])).get(memberId) ?? [];
  return {
    memberId,
    rateClass: feeClassOn(history, monthOf(todayInVietnam())),
    history: [...history].reverse(),
  };
}

/** Records a member's fee class from a month (member.write on their branch); audited. */
export async function setFeeClass(
  db: Db,
  ctx: Ctx,
  memberId: string,
  body: z.output<typeof putFeeClassBody>,
): Promise<MemberFeeClass> {
  return db.transaction(async (tx) => {
    const found = await memberForWrite(tx, ctx.actor, memberId, true);
    const m = found.member;
    if (!inUnion(m.status)) throw fail.rule(`${m.fullName} không còn sinh hoạt Đoàn: không đổi mức đóng.`, 'rateClass');
    const latest = addMonths(monthOf(todayInVietnam()), 12);
    if (body.fromMonth > latest)
      throw fail.invalid('fromMonth', `Tháng áp dụng không được sau tháng ${monthLabel(latest)}.`);
    const before = await feeClassOf(tx, memberId);
    await q.upsertFeeClass(tx, {
      memberId,
      rateClass: body.rateClass,
      fromMonth: body.fromMonth,
      setBy: ctx.actor.userId,
    });
    const after = await feeClassOf(tx, memberId);
    await audit(tx, ctx, {
      entity: 'member_fee_class',
      entityId: memberId,
      action: 'set',
      unitId: m.unitId,
      unitPath: found.unitPath,
      before: { rateClass: before.rateClass },
      after: { rateClass: body.rateClass, fromMonth: body.fromMonth },
    });
    return after;
  });
}

/** The branch a collection is for: in the write scope (404 outside read scope, 403 read-only), open, a leaf. */
async function collectingBranch(tx: DbOrTx, actor: Actor, unitId: string) {
  const unit = await loadForAction(tx, actor, unitId, 'member.write');
  if (!(await q.isBranchKind(tx, unit.kind)))
    throw fail.rule('Đoàn phí được thu tại chi đoàn: hãy chọn một chi đoàn.', 'unitId');
  if (unit.closedOn) throw fail.rule(`${unit.name} đã giải thể: không thu đoàn phí.`, 'unitId');
  return unit;
}

/** Refuses members who are unknown, of another branch, hosted temporarily or no longer in the union. */
async function checkMembers(
  tx: DbOrTx,
  actor: Actor,
  branch: { id: string; name: string },
  input: CollectInput,
  lock: boolean,
) {
  const ids = input.items.map((i) => i.memberId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw fail.invalid('items', 'Mỗi đoàn viên chỉ có một dòng trong một lần thu: hãy gộp các tháng.');
  const found = await q.membersInScope(tx, scopeOf(actor, 'member.read'), ids, lock);
  const byId = new Map(found.map((m) => [m.id, m]));
  const hosted = await q.hostedIn(tx, branch.id, ids);
  const issues: FieldIssue[] = [];
  input.items.forEach((item, i) => {
    const field = `items.${i}.memberId`;
    const m = byId.get(item.memberId);
    if (hosted.has(item.memberId))
      issues.push({
        field,
        message: `${m?.fullName ?? 'Đoàn viên này'} sinh hoạt tạm thời tại ${branch.name}: đoàn phí đóng tại chi đoàn nơi đoàn viên sinh hoạt chính thức.`,
      });
    else if (!m || m.unitId !== branch.id)
      issues.push({ field, message: `${m?.fullName ?? 'Đoàn viên được chọn'} không sinh hoạt tại ${branch.name}.` });
    else if (!inUnion(m.status))
      issues.push({ field, message: `${m.fullName} không còn sinh hoạt Đoàn: không thu đoàn phí.` });
  });
  if (issues.length > 0) throw new DomainError('rule_violation', issues[0]!.message, issues);
  return byId;
}

/** Validates a collection and computes its lines (amount per member and month); writes nothing. */
async function planCollection(tx: DbOrTx, actor: Actor, input: CollectInput, lock: boolean) {
  const branch = await collectingBranch(tx, actor, input.unitId);
  const today = todayInVietnam();
  if (input.collectedOn > today) throw fail.invalid('collectedOn', 'Ngày thu không được sau hôm nay.');
  const byId = await checkMembers(tx, actor, branch, input, lock);
  const currentMonth = monthOf(today);
  const issues = input.items.flatMap((item, i) => {
    const m = byId.get(item.memberId)!;
    return paymentMonthIssues(m, item.months, currentMonth, `items.${i}.months`);
  });
  if (issues.length > 0) throw new DomainError('validation', issues[0]!.message, issues);
  const ids = input.items.map((i) => i.memberId);
  const allMonths = [...new Set(input.items.flatMap((i) => i.months))];
  const paid = await q.paidAmong(tx, ids, allMonths);
  const wanted = new Set(input.items.flatMap((i) => i.months.map((m) => `${i.memberId}|${m}`)));
  const clash = paid.find((p) => wanted.has(`${p.memberId}|${p.month}`));
  if (clash) {
    const name = byId.get(clash.memberId)!.fullName;
    throw fail.conflict(alreadyPaidMessage(name, clash.month), { memberId: clash.memberId, month: clash.month });
  }
  const [periods, histories] = await Promise.all([q.feeRulePeriods(tx), q.classHistories(tx, ids)]);
  const lines = input.items.flatMap((item) => {
    const m = byId.get(item.memberId)!;
    return [...item.months].sort().map((month) => ({
      memberId: m.id,
      fullName: m.fullName,
      month,
      ...monthFee(periods, histories.get(m.id) ?? [], month),
    }));
  });
  return { branch, lines, total: lines.reduce((s, l) => s + l.amount, 0) };
}

/** The lines and total a collection would write, with every check of the real one; writes nothing. */
export async function quoteCollection(db: Db, actor: Actor, input: CollectInput): Promise<FeeCollection> {
  const { lines, total } = await planCollection(db, actor, input, false);
  return { lines: lines.map((l) => ({ ...l, id: null })), total };
}

/** Records a collection at a branch, all or nothing, audited. */
export async function collectFees(db: Db, ctx: Ctx, input: CollectInput): Promise<FeeCollection> {
  return db.transaction(async (tx) => {
    const { branch, lines, total } = await planCollection(tx, ctx.actor, input, true);
    const rows = await q.insertPayments(
      tx,
      lines.map((l) => ({
        memberId: l.memberId,
        unitId: branch.id,
        month: l.month,
        rateClass: l.rateClass,
        amount: l.amount,
        collectedOn: input.collectedOn,
        note: input.note ?? null,
        collectedBy: ctx.actor.userId,
      })),
    );
    const idOf = new Map(rows.map((r) => [`${r.memberId}|${r.month}`, String(r.id)]));
    await audit(tx, ctx, {
      entity: 'fee_payment',
      entityId: rows.map((r) => r.id).join(','),
      action: 'collect',
      unitId: branch.id,
      unitPath: branch.path,
      after: {
        collectedOn: input.collectedOn,
        note: input.note ?? null,
        total,
        lines: lines.map((l) => ({ memberId: l.memberId, month: l.month, rateClass: l.rateClass, amount: l.amount })),
      },
    });
    return { lines: lines.map((l) => ({ ...l, id: idOf.get(`${l.memberId}|${l.month}`) ?? null })), total };
  });
}

/** Removes a payment recorded by mistake (writers of the collecting branch), audited with the reason. */
export async function deleteFeePayment(
  db: Db,
  ctx: Ctx,
  paymentId: number,
  body: z.output<typeof deletePaymentBody>,
): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const found = await q.findPaymentInScope(tx, scopeOf(ctx.actor, 'member.read'), paymentId, true);
    if (!found) throw fail.notFound('khoản thu đoàn phí');
    if (!inScope(scopeOf(ctx.actor, 'member.write'), found.unitPath)) throw fail.forbidden();
    await q.deletePayment(tx, paymentId);
    const p = found.payment;
    await audit(tx, ctx, {
      entity: 'fee_payment',
      entityId: String(p.id),
      action: 'delete',
      unitId: p.unitId,
      unitPath: found.unitPath,
      before: {
        memberId: p.memberId,
        fullName: found.fullName,
        month: p.month,
        amount: p.amount,
        collectedOn: p.collectedOn,
      },
      after: { reason: body.reason },
    });
    return { ok: true as const };
  });
}
