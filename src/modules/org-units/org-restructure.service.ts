import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import type { mergeUnitsBody, moveUnitBody, splitUnitBody, UnitDetail, UnitSummary } from '../../contracts/units.js';
import { fail } from '../../domain/errors.js';
import { assertKindFits } from '../../domain/org/unit-kind.js';
import { assertEffectiveDate, assertNoCycle, assertOpen } from '../../domain/org/tree-rules.js';
import { isWithin } from '../../domain/org/unit-path.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import * as q from './org-units.queries.js';
import {
  endVersions,
  lastChangeInSubtree,
  markClosed,
  moveMembers,
  moveRoles,
  recordSuccession,
  refreshMemberProvinces,
  repathSubtree,
  startVersions,
} from './org-units.history.js';
import { getUnitDetail, insertUnit, loadForAction, requireKind, staleError } from './org-units.service.js';
import { toSummary } from './org-units.presenter.js';

type Ctx = RequestContext & { actor: Actor };

/** Places `unit` (with its subtree) under `parent` from `effectiveOn`, keeping the old placement in history. */
async function relocate(tx: DbOrTx, unit: q.UnitRow, parent: q.UnitRow, effectiveOn: string): Promise<string> {
  assertOpen(parent);
  assertNoCycle(unit, parent);
  assertKindFits(await requireKind(tx, parent.kind), await requireKind(tx, unit.kind));
  if (await q.siblingCodeTaken(tx, parent.id, unit.code, unit.id)) {
    throw fail.rule(
      `Đơn vị tiếp nhận đã có một đơn vị trực thuộc mang mã "${unit.code}" (của "${unit.name}").`,
      'code',
    );
  }
  await endVersions(tx, unit.path, effectiveOn);
  const newPath = await repathSubtree(tx, unit.id, unit.path, parent.id, parent.path);
  await startVersions(tx, newPath, effectiveOn);
  await refreshMemberProvinces(tx, newPath);
  return newPath;
}

async function effectiveDateFor(tx: DbOrTx, paths: readonly string[], requested: string | undefined): Promise<string> {
  const today = todayInVietnam();
  const effectiveOn = requested ?? today;
  for (const path of paths) assertEffectiveDate(effectiveOn, await lastChangeInSubtree(tx, path), today);
  return effectiveOn;
}

/** Moves a unit and its subtree under another parent (chuyển trực thuộc). */
export async function moveUnit(
  db: Db,
  ctx: Ctx,
  unitId: string,
  body: z.output<typeof moveUnitBody>,
): Promise<UnitDetail> {
  await db.transaction(async (tx) => {
    const unit = await loadForAction(tx, ctx.actor, unitId, 'unit.restructure', true);
    if (unit.version !== body.version) throw staleError();
    assertOpen(unit, 'newParentId');
    const parent = await loadForAction(tx, ctx.actor, body.newParentId, 'unit.create', true);
    if (parent.id === unit.parentId) throw fail.invalid('newParentId', 'Đơn vị đã trực thuộc đơn vị này.');
    const effectiveOn = await effectiveDateFor(tx, [unit.path], body.effectiveOn);
    const newPath = await relocate(tx, unit, parent, effectiveOn);
    await audit(tx, ctx, {
      entity: 'unit',
      entityId: unit.id,
      action: 'move',
      unitId: unit.id,
      unitPath: newPath,
      before: { parentId: unit.parentId, path: unit.path },
      after: { parentId: parent.id, path: newPath, effectiveOn },
    });
  });
  return getUnitDetail(db, ctx.actor, unitId);
}

/** Moves the open sub-units, members and roles of a closing unit into its successor. */
async function handOver(tx: DbOrTx, ctx: Ctx, from: q.UnitRow, to: q.UnitRow, effectiveOn: string): Promise<void> {
  for (const child of await q.openChildren(tx, from.id)) await relocate(tx, child, to, effectiveOn);
  await moveMembers(tx, from.id, to.id, to.path);
  await moveRoles(tx, from.id, to.id, ctx.actor.userId);
}

async function loadSources(tx: DbOrTx, actor: Actor, ids: readonly string[]): Promise<q.UnitRow[]> {
  const sources: q.UnitRow[] = [];
  for (const id of new Set(ids)) {
    const unit = await loadForAction(tx, actor, id, 'unit.restructure', true);
    assertOpen(unit, 'sourceIds');
    if (!unit.parentId) throw fail.rule('Không thể hợp nhất đơn vị cấp cao nhất.', 'sourceIds');
    sources.push(unit);
  }
  for (const a of sources) {
    if (sources.some((b) => b !== a && isWithin(a.path, b.path))) {
      throw fail.rule(`"${a.name}" trực thuộc một đơn vị khác trong danh sách hợp nhất.`, 'sourceIds');
    }
  }
  return sources;
}

/** Merges units into an existing unit or a new one; the sources close with a successor link. */
export async function mergeUnits(db: Db, ctx: Ctx, body: z.output<typeof mergeUnitsBody>): Promise<UnitDetail> {
  const targetId = await db.transaction(async (tx) => {
    const sources = await loadSources(tx, ctx.actor, body.sourceIds);
    const effectiveOn = await effectiveDateFor(
      tx,
      sources.map((s) => s.path),
      body.effectiveOn,
    );
    let target: q.UnitRow;
    if (body.targetId) {
      target = await loadForAction(tx, ctx.actor, body.targetId, 'unit.restructure', true);
      assertOpen(target, 'targetId');
    } else if (body.newUnit) {
      const parentId = body.newUnit.parentId;
      if (!parentId) throw fail.invalid('newUnit.parentId', 'Đơn vị mới phải trực thuộc một đơn vị.');
      const parent = await loadForAction(tx, ctx.actor, parentId, 'unit.create', true);
      target = await insertUnit(tx, ctx, parent, body.newUnit, effectiveOn);
    } else {
      throw fail.invalid('targetId', 'Chọn đơn vị tiếp nhận hoặc nhập đơn vị mới.');
    }
    for (const source of sources) {
      if (source.id === target.id || isWithin(target.path, source.path)) {
        throw fail.rule(`Không thể hợp nhất "${source.name}" vào chính nó hoặc vào đơn vị trực thuộc nó.`, 'targetId');
      }
    }
    const note = body.reason ?? null;
    for (const source of sources) {
      await handOver(tx, ctx, source, target, effectiveOn);
      await markClosed(tx, source.id, effectiveOn, note ?? `Hợp nhất vào ${target.name}`);
      await recordSuccession(tx, source.id, target.id, 'merge', effectiveOn, note);
      await audit(tx, ctx, {
        entity: 'unit',
        entityId: source.id,
        action: 'merge',
        unitId: source.id,
        unitPath: source.path,
        before: source,
        after: { closedOn: effectiveOn, successorId: target.id, reason: note },
      });
    }
    return target.id;
  });
  return getUnitDetail(db, ctx.actor, targetId);
}

type SplitBody = z.output<typeof splitUnitBody>;

function assignChildren(children: readonly q.UnitRow[], parts: SplitBody['parts']): Map<string, number> {
  const owner = new Map<string, number>();
  parts.forEach((part, index) => {
    for (const childId of part.childIds) {
      if (!children.some((c) => c.id === childId)) {
        throw fail.invalid(
          `parts.${index}.childIds`,
          'Đơn vị được chọn không phải đơn vị trực thuộc đang hoạt động của đơn vị chia tách.',
        );
      }
      if (owner.has(childId))
        throw fail.invalid(`parts.${index}.childIds`, 'Một đơn vị trực thuộc chỉ được chuyển về một đơn vị mới.');
      owner.set(childId, index);
    }
  });
  for (const child of children) if (!owner.has(child.id)) owner.set(child.id, 0);
  return owner;
}

/** Splits a unit into new units under the same parent; the unit closes with successor links. */
export async function splitUnit(db: Db, ctx: Ctx, unitId: string, body: SplitBody): Promise<UnitSummary[]> {
  return db.transaction(async (tx) => {
    const unit = await loadForAction(tx, ctx.actor, unitId, 'unit.restructure', true);
    if (unit.version !== body.version) throw staleError();
    assertOpen(unit, 'parts');
    if (!unit.parentId) throw fail.rule('Không thể chia tách đơn vị cấp cao nhất.', 'parts');
    const parent = await loadForAction(tx, ctx.actor, unit.parentId, 'unit.create', true);
    const effectiveOn = await effectiveDateFor(tx, [unit.path], body.effectiveOn);
    const children = await q.openChildren(tx, unit.id);
    const owner = assignChildren(children, body.parts);
    const note = body.reason ?? null;
    await markClosed(tx, unit.id, effectiveOn, note ?? 'Chia tách');
    const created: q.UnitRow[] = [];
    for (const part of body.parts) {
      const { childIds: _c, memberIds: _m, ...fields } = part;
      const values = {
        ...fields,
        kind: fields.kind ?? unit.kind,
        sector: fields.sector ?? unit.sector,
        parentId: parent.id,
      };
      created.push(await insertUnit(tx, ctx, parent, values as Parameters<typeof insertUnit>[3], effectiveOn));
    }
    for (const child of children) await relocate(tx, child, created[owner.get(child.id) ?? 0] ?? parent, effectiveOn);
    for (let i = 1; i < created.length; i++) {
      const part = created[i];
      const ids = body.parts[i]?.memberIds ?? [];
      if (part && ids.length > 0) {
        const moved = await moveMembers(tx, unit.id, part.id, part.path, ids);
        if (moved !== new Set(ids).size)
          throw fail.invalid(`parts.${i}.memberIds`, 'Có đoàn viên được chọn không thuộc đơn vị chia tách.');
      }
    }
    const first = created[0];
    if (!first) throw fail.invalid('parts', 'Chia tách cần ít nhất hai đơn vị mới.');
    await moveMembers(tx, unit.id, first.id, first.path);
    await moveRoles(tx, unit.id, first.id, ctx.actor.userId);
    for (const part of created) await recordSuccession(tx, unit.id, part.id, 'split', effectiveOn, note);
    await audit(tx, ctx, {
      entity: 'unit',
      entityId: unit.id,
      action: 'split',
      unitId: unit.id,
      unitPath: unit.path,
      before: unit,
      after: { closedOn: effectiveOn, successorIds: created.map((c) => c.id), reason: note },
    });
    return created.map((c, i) => toSummary(c, [...owner.values()].filter((o) => o === i).length));
  });
}
