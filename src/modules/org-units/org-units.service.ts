import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { units } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { actionsOn, authorize, isSystemAdmin, scopeOf } from '../../auth/actor.js';
import type { closeUnitBody, createUnitBody, UnitDetail, updateUnitBody } from '../../contracts/units.js';
import type { z } from 'zod';
import { DomainError, fail } from '../../domain/errors.js';
import { assertKindFits } from '../../domain/org/unit-kind.js';
import { assertEffectiveDate, assertOpen } from '../../domain/org/tree-rules.js';
import { childPath } from '../../domain/org/unit-path.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import * as q from './org-units.queries.js';
import { endVersion, lastChangeInSubtree, markClosed, revokeRolesOn, startVersion } from './org-units.history.js';
import { toDetail } from './org-units.presenter.js';

type Ctx = RequestContext & { actor: Actor };
type CreateUnit = z.output<typeof createUnitBody>;
type UpdateUnit = z.output<typeof updateUnitBody>;
type CloseUnit = z.output<typeof closeUnitBody>;

/** Loads a unit in the actor's read scope and checks the action on it: 404 outside, 403 when not allowed. */
export async function loadForAction(
  db: DbOrTx,
  actor: Actor,
  unitId: string,
  action: Parameters<typeof authorize>[1],
  lock = false,
) {
  const scope = scopeOf(actor, 'unit.read');
  const unit = lock ? await q.lockUnitInScope(db, scope, unitId) : await q.findUnitInScope(db, scope, unitId);
  if (!unit) throw fail.notFound('đơn vị');
  authorize(actor, action, unit.path);
  return unit;
}

/** A unit with its path, counts, successions and the actions the actor may take. */
export async function getUnitDetail(db: DbOrTx, actor: Actor, unitId: string): Promise<UnitDetail> {
  const unit = await loadForAction(db, actor, unitId, 'unit.read');
  const [ancestors, counts, successions, childCount, kind] = await Promise.all([
    q.ancestorsOf(db, unit.path),
    q.subtreeCounts(db, unit.path),
    q.successionsOf(db, unit.id),
    q.openChildren(db, unit.id).then((c) => c.length),
    q.findKind(db, unit.kind),
  ]);
  const actions = actionsOn(actor, unit.path).filter((a) => !(a === 'unit.create' && kind?.isLeaf));
  return toDetail(unit, { childCount, ancestors, counts, successions, actions });
}

/** Finds a level kind or fails on the `kind` field. */
export async function requireKind(db: DbOrTx, code: string) {
  const kind = await q.findKind(db, code);
  if (!kind) throw fail.invalid('kind', `Loại đơn vị "${code}" không tồn tại.`);
  return kind;
}

async function assertCodeFree(db: DbOrTx, parentId: string | null, code: string, exceptId?: string): Promise<void> {
  if (!(await q.siblingCodeTaken(db, parentId, code, exceptId))) return;
  throw fail.invalid('code', `Mã "${code}" đã được dùng cho một đơn vị khác cùng cấp trực thuộc.`);
}

function assertNotFuture(field: string, value: string | null | undefined, today: string): void {
  if (value && value > today) throw fail.invalid(field, 'Ngày không được sau ngày hôm nay.');
}

/** Inserts a unit under a loaded parent (checks kind, code, dates) and opens its first version. */
export async function insertUnit(
  tx: DbOrTx,
  ctx: Ctx,
  parent: q.UnitRow | null,
  body: CreateUnit,
  validFrom?: string,
): Promise<q.UnitRow> {
  const today = todayInVietnam();
  assertNotFuture('foundedOn', body.foundedOn, today);
  const kind = await requireKind(tx, body.kind);
  if (parent) {
    assertOpen(parent);
    assertKindFits(await requireKind(tx, parent.kind), kind);
  }
  await assertCodeFree(tx, parent?.id ?? null, body.code);
  const id = randomUUID();
  const [unit] = await tx
    .insert(units)
    .values({
      id,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? null, id),
      code: body.code,
      name: body.name,
      shortName: body.shortName ?? null,
      kind: body.kind,
      sector: body.sector,
      powers: body.powers,
      address: body.address ?? null,
      phone: body.phone ?? null,
      email: body.email ?? null,
      socialUrl: body.socialUrl ?? null,
      foundedOn: body.foundedOn ?? null,
    })
    .returning();
  if (!unit) throw new Error('insert returned no row');
  await startVersion(tx, unit.id, validFrom ?? body.foundedOn ?? today);
  await audit(tx, ctx, {
    entity: 'unit',
    entityId: unit.id,
    action: 'create',
    unitId: unit.id,
    unitPath: unit.path,
    after: unit,
  });
  return unit;
}

/** Creates a unit under a parent in the actor's scope (a root only for a system administrator). */
export async function createUnit(db: Db, ctx: Ctx, body: CreateUnit): Promise<UnitDetail> {
  const unit = await db.transaction(async (tx) => {
    if (!body.parentId) {
      if (!isSystemAdmin(ctx.actor)) throw fail.forbidden('Chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất.');
      return insertUnit(tx, ctx, null, body);
    }
    const parent = await loadForAction(tx, ctx.actor, body.parentId, 'unit.create', true);
    return insertUnit(tx, ctx, parent, body);
  });
  return getUnitDetail(db, ctx.actor, unit.id);
}

/** Changing a unit's kind or powers is a superior's decision: it needs restructure rights above the unit. */
function assertMayChangeStatus(actor: Actor, unit: q.UnitRow): void {
  if (isSystemAdmin(actor)) return;
  const parentPath = unit.path.split('.').slice(0, -1).join('.');
  if (parentPath && actionsOn(actor, parentPath).includes('unit.restructure')) return;
  throw fail.forbidden('Chỉ cấp trên của đơn vị được thay đổi loại đơn vị hoặc quyền hạn được giao.');
}

async function assertKindChangeFits(tx: DbOrTx, unit: q.UnitRow, newKind: string): Promise<void> {
  const kind = await requireKind(tx, newKind);
  if (unit.parentId) {
    const parent = await q.findUnitById(tx, unit.parentId);
    if (parent) assertKindFits(await requireKind(tx, parent.kind), kind);
  }
  for (const child of await q.openChildren(tx, unit.id)) assertKindFits(kind, await requireKind(tx, child.kind));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Edits a unit's details; a stale version is a conflict. Name, code and kind changes open a new version. */
export async function updateUnit(db: Db, ctx: Ctx, unitId: string, body: UpdateUnit): Promise<UnitDetail> {
  await db.transaction(async (tx) => {
    const unit = await loadForAction(tx, ctx.actor, unitId, 'unit.update', true);
    if (unit.version !== body.version) throw staleError();
    if (unit.closedOn) throw fail.rule('Đơn vị đã ngừng hoạt động, không thể sửa thông tin.');
    const { version: _version, ...changes } = body;
    const kindChanged = changes.kind !== undefined && changes.kind !== unit.kind;
    const powersChanged = changes.powers !== undefined && !sameSet(changes.powers, unit.powers);
    if (kindChanged || powersChanged) assertMayChangeStatus(ctx.actor, unit);
    if (kindChanged && changes.kind) await assertKindChangeFits(tx, unit, changes.kind);
    if (changes.code !== undefined && changes.code.toLowerCase() !== unit.code.toLowerCase()) {
      await assertCodeFree(tx, unit.parentId, changes.code, unit.id);
    }
    assertNotFuture('foundedOn', changes.foundedOn, todayInVietnam());
    const [updated] = await tx
      .update(units)
      .set({ ...changes, version: unit.version + 1, updatedAt: new Date() })
      .where(and(eq(units.id, unit.id), eq(units.version, body.version)))
      .returning();
    if (!updated) throw staleError();
    const renamed = updated.name !== unit.name || updated.code !== unit.code || updated.kind !== unit.kind;
    if (renamed) {
      const today = todayInVietnam();
      await endVersion(tx, unit.id, today);
      await startVersion(tx, unit.id, today);
    }
    await audit(tx, ctx, {
      entity: 'unit',
      entityId: unit.id,
      action: 'update',
      unitId: unit.id,
      unitPath: unit.path,
      before: unit,
      after: updated,
    });
  });
  return getUnitDetail(db, ctx.actor, unitId);
}

/** 409 for an edit based on an outdated read. */
export function staleError(): DomainError {
  return fail.conflict('Đơn vị vừa được người khác thay đổi. Vui lòng tải lại trang và thực hiện lại.');
}

/** Closes a unit with a date; it must have no open sub-units and no active members. Its roles end. */
export async function closeUnit(db: Db, ctx: Ctx, unitId: string, body: CloseUnit): Promise<UnitDetail> {
  await db.transaction(async (tx) => {
    const unit = await loadForAction(tx, ctx.actor, unitId, 'unit.close', true);
    if (unit.version !== body.version) throw staleError();
    assertOpen(unit, 'closedOn');
    if (!unit.parentId && !isSystemAdmin(ctx.actor)) throw fail.forbidden();
    assertEffectiveDate(body.closedOn, await lastChangeInSubtree(tx, unit.path), todayInVietnam());
    if ((await q.openChildren(tx, unit.id)).length > 0) {
      throw fail.rule('Đơn vị còn đơn vị trực thuộc đang hoạt động: hãy chuyển, hợp nhất hoặc giải thể chúng trước.');
    }
    const memberCount = await q.activeMemberCount(tx, unit.id);
    if (memberCount > 0) {
      throw fail.rule(
        `Đơn vị còn ${memberCount} đoàn viên đang sinh hoạt: hãy chuyển sinh hoạt cho họ trước khi giải thể.`,
      );
    }
    await markClosed(tx, unit.id, body.closedOn, body.reason);
    await revokeRolesOn(tx, unit.id, ctx.actor.userId);
    await audit(tx, ctx, {
      entity: 'unit',
      entityId: unit.id,
      action: 'close',
      unitId: unit.id,
      unitPath: unit.path,
      before: unit,
      after: { closedOn: body.closedOn, reason: body.reason },
    });
  });
  return getUnitDetail(db, ctx.actor, unitId);
}
