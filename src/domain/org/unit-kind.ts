import { DomainError } from '../errors.js';

/** A level kind of the organisation tree, stored as data (see `unit_kinds`). */
export interface UnitKindRule {
  code: string;
  /** Lower ranks sit higher in the tree; a child must have a strictly greater rank than its parent. */
  rank: number;
  /** A leaf kind (chi đoàn) cannot contain other units. */
  isLeaf: boolean;
  nameVi: string;
}

/** Sector types (loại hình) of a unit. */
export const SECTORS = ['residential', 'school', 'enterprise', 'armed_forces', 'state_agency', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

/** Powers a unit can be given. `approves_admission`: a đoàn cơ sở given the powers of the level above. */
export const UNIT_POWERS = ['approves_admission'] as const;
export type UnitPower = (typeof UNIT_POWERS)[number];

/** Refuses a parent/child kind pair that breaks the level order. */
export function assertKindFits(parent: UnitKindRule, child: UnitKindRule): void {
  if (parent.isLeaf) {
    throw new DomainError('rule_violation', `${parent.nameVi} không thể có đơn vị trực thuộc.`, [
      { field: 'parentId', message: `${parent.nameVi} không thể có đơn vị trực thuộc.` },
    ]);
  }
  if (child.rank <= parent.rank) {
    const message = `${child.nameVi} không thể trực thuộc ${parent.nameVi}: cấp của đơn vị con phải thấp hơn cấp của đơn vị cha.`;
    throw new DomainError('rule_violation', message, [{ field: 'kind', message }]);
  }
}

/**
 * Kinds that are a đoàn cơ sở: the grassroots union and the chi đoàn cơ sở (a branch with the powers of one).
 * They decide admissions with the power, coming of age, removals, the heavier discipline forms and issue
 * introduction letters for the branches below them.
 */
export const GRASSROOTS_KINDS: readonly string[] = ['grassroots', 'grassroots_branch'];
