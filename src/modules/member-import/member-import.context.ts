import type { DbOrTx } from '../../db/client.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import type { MappedColumn } from '../../domain/members/import-row.js';
import { findBranchInScope } from '../members/members.queries.js';
import { seesPersonalData } from '../members/members.service.js';
import { loadForAction } from '../org-units/org-units.service.js';
import type { Branch } from './member-import.branches.js';
import type { ImportContext } from './member-import.classify.js';

/**
 * Checks the chosen unit (in scope, `member.write`, open) and the default branch (an open branch of the unit's
 * subtree inside the write scope; the unit itself when it is a branch), and starts the context rows are
 * classified in. 404 outside the scope, 403 without the right, 400 for a wrong default branch.
 */
export async function importContext(
  db: DbOrTx,
  actor: Actor,
  job: { unitId: string; defaultBranchId: string | null | undefined },
  columns: readonly MappedColumn[] = [],
): Promise<ImportContext> {
  const unit = await loadForAction(db, actor, job.unitId, 'member.write');
  if (unit.closedOn) throw fail.invalid('unitId', `${unit.name} đã ngừng hoạt động.`);
  const writeScope = scopeOf(actor, 'member.write');
  let defaultBranch: Branch | null = null;
  const branchId = job.defaultBranchId ?? unit.id;
  const found = await findBranchInScope(db, writeScope, branchId);
  if (found?.isLeaf && inScope([unit.path], found.unit.path)) {
    const { id, name, code, path } = found.unit;
    defaultBranch = { id, name, code, path };
  } else if (job.defaultBranchId)
    throw fail.invalid(
      'defaultBranchId',
      `Chi đoàn mặc định phải là một chi đoàn đang hoạt động thuộc ${unit.name}, trong phạm vi quản lý của bạn.`,
    );
  return {
    actor,
    writeScope,
    readScope: scopeOf(actor, 'member.read'),
    unit: { id: unit.id, name: unit.name, path: unit.path },
    defaultBranch,
    personal: seesPersonalData(actor, unit.path),
    columns: new Map(columns.map((c) => [c.field, c])),
    branches: new Map(),
    seen: new Map(),
    firstDuplicates: new Map(),
    checkValues: true,
  };
}
