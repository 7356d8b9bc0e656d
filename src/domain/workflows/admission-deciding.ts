/**
 * Who decides an admission: the đoàn cơ sở above the branch when it has been given the powers of the level
 * above (`approves_admission`), otherwise the level directly above that đoàn cơ sở.
 */

import { GRASSROOTS_KINDS } from '../org/unit-kind.js';

/** A unit on the path from the root to a branch, with what the decision depends on. */
export interface ChainUnit {
  id: string;
  name: string;
  /** Level kind code (data: see unit_kinds). */
  kind: string;
  powers: readonly string[];
}

/** The power of a đoàn cơ sở to approve admissions itself. */
export const APPROVES_ADMISSION = 'approves_admission';

/**
 * The đoàn cơ sở of a branch: the nearest unit on the chain (the branch itself included, for a chi đoàn cơ
 * sở) whose kind is a grassroots kind; when the chain has none, the branch's direct parent acts as one.
 * `chain` runs from the root to the branch.
 */
export function grassrootsOf<T extends ChainUnit>(chain: readonly T[]): T | null {
  for (let i = chain.length - 1; i >= 0; i--) {
    const unit = chain[i]!;
    if (GRASSROOTS_KINDS.includes(unit.kind)) return unit;
  }
  return chain.length >= 2 ? chain[chain.length - 2]! : null;
}

/** The unit that approves admissions for the branch at the end of `chain` (root first), or null. */
export function decidingUnit<T extends ChainUnit>(chain: readonly T[]): T | null {
  const grassroots = grassrootsOf(chain);
  if (!grassroots) return null;
  if (grassroots.powers.includes(APPROVES_ADMISSION)) return grassroots;
  const index = chain.indexOf(grassroots);
  return index > 0 ? chain[index - 1]! : null;
}

/** The signer block of a decision: the executive committee signs at the grassroots, the standing committee above. */
export function signerBlock(decidingKind: string): { on: string; position: string } {
  const grassrootsLevel = GRASSROOTS_KINDS.includes(decidingKind) || decidingKind === 'sub_grassroots';
  return { on: grassrootsLevel ? 'TM. BAN CHẤP HÀNH' : 'TM. BAN THƯỜNG VỤ', position: 'BÍ THƯ' };
}
