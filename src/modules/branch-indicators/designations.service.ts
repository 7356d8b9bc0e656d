import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type {
  BranchDesignations,
  createDesignationBody,
  endDesignationBody,
} from '../../contracts/branch-indicators.js';
import { inScope } from '../../domain/auth/permissions.js';
import {
  assertEndAfterStart,
  assertNoOwnOverlap,
  DESIGNATION_KINDS,
  type DesignationKindName,
} from '../../domain/branch-life/indicator-designations.js';
import { fail } from '../../domain/errors.js';
import { GRASSROOTS_KINDS } from '../../domain/org/unit-kind.js';
import { formatDateVi } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import * as q from './designations.queries.js';

type Ctx = RequestContext & { actor: Actor };

/** The unit whose `unit.update` a designation needs: the parent for a pilot branch, the branch for remote. */
function deciderPath(branch: q.BranchUnit, kind: DesignationKindName): string | null {
  return kind === 'pilot' ? branch.parentPath : branch.path;
}

function canManage(actor: Actor, branch: q.BranchUnit): DesignationKindName[] {
  const scope = scopeOf(actor, 'unit.update');
  return DESIGNATION_KINDS.filter((k) => {
    const path = deciderPath(branch, k);
    return path !== null && inScope(scope, path);
  });
}

/** A branch inside the actor's read scope (404 otherwise); `requireOpenBranch` refuses other kinds and closed ones. */
async function loadBranch(db: DbOrTx, actor: Actor, unitId: string, requireOpenBranch: boolean) {
  const branch = await q.findBranchUnit(db, scopeOf(actor, 'unit.read'), unitId, GRASSROOTS_KINDS);
  if (!branch) throw fail.notFound('chi đoàn');
  if (requireOpenBranch && branch.kind !== 'branch')
    throw fail.rule(`${branch.name} không phải chi đoàn: chỉ chi đoàn mới được chỉ định.`, 'unitId');
  if (requireOpenBranch && branch.closedOn)
    throw fail.rule(`${branch.name} đã giải thể ngày ${formatDateVi(branch.closedOn)}: không chỉ định được.`, 'unitId');
  return branch;
}

function authorizeKind(actor: Actor, branch: q.BranchUnit, kind: DesignationKindName): void {
  if (canManage(actor, branch).includes(kind)) return;
  throw fail.forbidden(
    kind === 'pilot'
      ? `Chi đoàn chỉ đạo do ${branch.grassrootsName ?? 'đoàn cấp trên'} chọn: bạn không có quyền ở đơn vị đó.`
      : 'Bạn không có quyền sửa thông tin của chi đoàn này.',
  );
}

/** The designations of a branch (history, newest first) with the kinds the actor may manage. */
export async function getDesignations(db: DbOrTx, actor: Actor, unitId: string): Promise<BranchDesignations> {
  const branch = await loadBranch(db, actor, unitId, false);
  const items = await q.designationsOf(db, branch.id);
  const manageable = branch.kind === 'branch' && !branch.closedOn ? canManage(actor, branch) : [];
  return {
    unitId: branch.id,
    unitName: branch.name,
    grassrootsName: branch.grassrootsName,
    items,
    canManage: manageable,
  };
}

/**
 * Designates a branch from a date. Pilot: decided by the parent unit, one pilot branch per đoàn cơ sở at a time.
 * Remote: decided by whoever may update the branch. A span never overlaps the branch's earlier one of the same kind.
 */
export async function createDesignation(
  db: Db,
  ctx: Ctx,
  unitId: string,
  body: z.output<typeof createDesignationBody>,
): Promise<BranchDesignations> {
  await db.transaction(async (tx) => {
    const branch = await loadBranch(tx, ctx.actor, unitId, true);
    authorizeKind(ctx.actor, branch, body.kind);
    if (body.kind === 'pilot' && branch.grassrootsId) await q.lockUnit(tx, branch.grassrootsId);
    await q.lockUnit(tx, branch.id);
    const own = (await q.designationsOf(tx, branch.id)).filter((d) => d.kind === body.kind);
    assertNoOwnOverlap(body.kind, body.validFrom, own);
    if (body.kind === 'pilot' && branch.grassrootsPath) {
      const other = await q.overlappingPilot(tx, branch.grassrootsPath, branch.id, body.validFrom);
      if (other)
        throw fail.rule(
          other.validTo
            ? `${branch.grassrootsName} có chi đoàn chỉ đạo là ${other.name} đến ${formatDateVi(other.validTo)}: hãy chọn ngày bắt đầu từ ngày đó.`
            : `${branch.grassrootsName} đã có chi đoàn chỉ đạo: ${other.name}; hãy kết thúc trước.`,
          'validFrom',
        );
    }
    const note = body.note ?? null;
    const id = await q.insertDesignation(tx, {
      unitId: branch.id,
      kind: body.kind,
      validFrom: body.validFrom,
      note,
      createdBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      entity: 'branch_designation',
      entityId: id,
      action: 'create',
      unitId: branch.id,
      unitPath: branch.path,
      after: { kind: body.kind, validFrom: body.validFrom, note },
    });
  });
  return getDesignations(db, ctx.actor, unitId);
}

/** Ends an open designation on `validTo` (the first day it no longer holds), after its start. */
export async function endDesignationOf(
  db: Db,
  ctx: Ctx,
  unitId: string,
  designationId: string,
  body: z.output<typeof endDesignationBody>,
): Promise<BranchDesignations> {
  await db.transaction(async (tx) => {
    const branch = await loadBranch(tx, ctx.actor, unitId, false);
    const found = await q.lockDesignation(tx, branch.id, designationId);
    if (!found) throw fail.notFound('lần chỉ định');
    authorizeKind(ctx.actor, branch, found.kind);
    if (found.validTo)
      throw fail.conflict(`Lần chỉ định này đã kết thúc ngày ${formatDateVi(found.validTo)}. Hãy tải lại trang.`);
    assertEndAfterStart(found.validFrom, body.validTo);
    await q.endDesignation(tx, found.id, body.validTo, ctx.actor.userId);
    await audit(tx, ctx, {
      entity: 'branch_designation',
      entityId: found.id,
      action: 'end',
      unitId: branch.id,
      unitPath: branch.path,
      before: { kind: found.kind, validFrom: found.validFrom, validTo: null },
      after: { kind: found.kind, validFrom: found.validFrom, validTo: body.validTo },
    });
  });
  return getDesignations(db, ctx.actor, unitId);
}
