import { fail } from '../errors.js';

/**
 * Year-over-year comparison of unit classes, and the targets of seed 003 (§3.2): each year 95% of units rated, 5%
 * moved up a class, and none of those rated "advanced or above" (tiên tiến trở lên) moved down.
 */

/** How a unit's class moved from the previous period to this one. */
export const MOVEMENTS = ['up', 'down', 'same', 'new', 'notRated'] as const;
export type Movement = (typeof MOVEMENTS)[number];

/** Vietnamese names of the movements. */
export const MOVEMENT_LABELS: Record<Movement, string> = {
  up: 'nâng bậc',
  down: 'hạ bậc',
  same: 'giữ nguyên',
  new: 'mới được xếp loại',
  notRated: 'chưa được xếp loại',
};

/** A unit's class in the previous period and in this one (null: not rated). */
export interface UnitClasses {
  unitId: string;
  previous: string | null;
  current: string | null;
}

/** The targets, configurable. */
export interface ComparisonTargets {
  /** Least share of units rated. */
  minShareRated: number;
  /** Least share of units moved up. */
  minShareUp: number;
  /** Class keys counted as "advanced or above": a unit rated so last period must not move down. */
  protectedClasses: string[];
}

/** Seed 003 §3.2, with "advanced or above" read as the two top classes of the current scheme. */
export const SEED_003_TARGETS: ComparisonTargets = {
  minShareRated: 0.95,
  minShareUp: 0.05,
  protectedClasses: ['excellent', 'good'],
};

/** A figure against its target; null share and result without units. */
export interface TargetCheck {
  share: number | null;
  target: number;
  met: boolean | null;
}

/** The comparison of a set of units. */
export interface ComparisonSummary {
  total: number;
  counts: Record<Movement, number>;
  rated: TargetCheck;
  movedUp: TargetCheck;
  /** Units rated "advanced or above" last period that moved down. */
  protectedDown: string[];
  /** True when every target is met; null without units. */
  meetsAll: boolean | null;
}

function rankIn(order: readonly string[], key: string, field: string): number {
  const rank = order.indexOf(key);
  if (rank < 0) throw fail.invalid(field, `Loại "${key}" không có trong danh sách xếp loại: ${order.join(', ')}.`);
  return rank;
}

/** The movement between two classes, `order` listing class keys best first. */
export function movementOf(order: readonly string[], previous: string | null, current: string | null): Movement {
  if (current === null) return 'notRated';
  const now = rankIn(order, current, 'current');
  if (previous === null) return 'new';
  const before = rankIn(order, previous, 'previous');
  if (now < before) return 'up';
  if (now > before) return 'down';
  return 'same';
}

/** Each unit with its movement. */
export function compareClasses(
  order: readonly string[],
  units: readonly UnitClasses[],
): (UnitClasses & { movement: Movement })[] {
  return units.map((unit) => ({ ...unit, movement: movementOf(order, unit.previous, unit.current) }));
}

function check(count: number, total: number, target: number): TargetCheck {
  if (total === 0) return { share: null, target, met: null };
  const share = count / total;
  return { share, target, met: share + 1e-9 >= target };
}

/** Counts of movements and the seed 003 targets, shares taken over every unit to rate. */
export function summariseComparison(
  order: readonly string[],
  units: readonly UnitClasses[],
  targets: ComparisonTargets = SEED_003_TARGETS,
): ComparisonSummary {
  targets.protectedClasses.forEach((key) => rankIn(order, key, 'protectedClasses'));
  const compared = compareClasses(order, units);
  const counts: Record<Movement, number> = { up: 0, down: 0, same: 0, new: 0, notRated: 0 };
  for (const unit of compared) counts[unit.movement] += 1;
  const total = compared.length;
  const protectedDown = compared
    .filter((u) => u.movement === 'down' && u.previous !== null && targets.protectedClasses.includes(u.previous))
    .map((u) => u.unitId);
  const rated = check(total - counts.notRated, total, targets.minShareRated);
  const movedUp = check(counts.up, total, targets.minShareUp);
  const meetsAll = total === 0 ? null : rated.met === true && movedUp.met === true && protectedDown.length === 0;
  return { total, counts, rated, movedUp, protectedDown, meetsAll };
}
