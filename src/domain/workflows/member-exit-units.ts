import { GRASSROOTS_KINDS } from '../org/unit-kind.js';

/** A unit on a path, root first. */
export interface UnitOnPath {
  id: string;
  name: string;
  kind: string;
  path: string;
  isLeaf: boolean;
}

/**
 * The đoàn cơ sở of the last unit of a path (root first): the nearest unit of a grassroots kind, the unit
 * itself included. A branch placed straight under a higher level (no đoàn cơ sở in between) answers to its
 * parent. Null for a unit above the grassroots level.
 */
export function grassrootsOnPath<T extends UnitOnPath>(pathUnits: readonly T[]): T | null {
  for (let i = pathUnits.length - 1; i >= 0; i--) {
    const unit = pathUnits[i]!;
    if (GRASSROOTS_KINDS.includes(unit.kind)) return unit;
  }
  const last = pathUnits[pathUnits.length - 1];
  if (last?.isLeaf && pathUnits.length >= 2) return pathUnits[pathUnits.length - 2]!;
  return null;
}
