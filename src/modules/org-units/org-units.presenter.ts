import type { UnitDetail, UnitSummary } from '../../contracts/units.js';
import type { Action } from '../../domain/auth/permissions.js';
import type { Sector, UnitPower } from '../../domain/org/unit-kind.js';
import type { UnitRow } from './org-units.queries.js';
import type { successionsOf } from './org-units.queries.js';

type Succession = Awaited<ReturnType<typeof successionsOf>>[number];

const WRITE_ACTIONS: Action[] = ['unit.create', 'unit.update', 'unit.restructure', 'unit.close'];

/** A unit row as a list item. */
export function toSummary(unit: UnitRow, childCount: number): UnitSummary {
  return {
    id: unit.id,
    parentId: unit.parentId,
    code: unit.code,
    name: unit.name,
    shortName: unit.shortName,
    kind: unit.kind,
    sector: unit.sector as Sector,
    closedOn: unit.closedOn,
    childCount,
  };
}

/** A unit row with its context as the detail page shows it. */
export function toDetail(
  unit: UnitRow,
  extra: {
    childCount: number;
    ancestors: UnitDetail['ancestors'];
    counts: { memberCount: number; unitCount: number };
    successions: Succession[];
    actions: Action[];
  },
): UnitDetail {
  const link = (s: Succession, other: 'predecessor' | 'successor') => ({
    kind: s.kind as 'merge' | 'split',
    effectiveOn: s.effectiveOn,
    unitId: other === 'predecessor' ? s.predecessorId : s.successorId,
    unitName: other === 'predecessor' ? s.predecessorName : s.successorName,
    note: s.note,
  });
  const predecessors = extra.successions.filter((s) => s.successorId === unit.id).map((s) => link(s, 'predecessor'));
  const successors = extra.successions.filter((s) => s.predecessorId === unit.id).map((s) => link(s, 'successor'));
  return {
    ...toSummary(unit, extra.childCount),
    powers: unit.powers as UnitPower[],
    address: unit.address,
    phone: unit.phone,
    email: unit.email,
    socialUrl: unit.socialUrl,
    foundedOn: unit.foundedOn,
    closeReason: unit.closeReason,
    version: unit.version,
    ancestors: extra.ancestors,
    memberCount: extra.counts.memberCount,
    subtreeUnitCount: extra.counts.unitCount,
    predecessors,
    successors,
    actions: unit.closedOn ? extra.actions.filter((a) => !WRITE_ACTIONS.includes(a)) : extra.actions,
  };
}
