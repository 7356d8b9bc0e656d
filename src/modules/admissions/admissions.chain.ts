import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { units } from '../../db/schema/index.js';
import { decidingUnit, grassrootsOf, type ChainUnit } from '../../domain/workflows/admission-deciding.js';
import { idsOnPath } from '../../domain/org/unit-path.js';

/** A unit on a branch's path, as the deciding-unit rule and the decision text need it. */
export interface ChainRow extends ChainUnit {
  code: string;
  path: string;
}

/** Who decides for a branch, and its đoàn cơ sở. */
export interface Deciding {
  chain: ChainRow[];
  deciding: ChainRow | null;
  grassroots: ChainRow | null;
}

/** The chains (root first) of several unit paths, loaded in one query. */
export async function chainsOf(db: DbOrTx, paths: readonly string[]): Promise<Map<string, ChainRow[]>> {
  const ids = [...new Set(paths.flatMap(idsOnPath))];
  const out = new Map<string, ChainRow[]>();
  if (ids.length === 0) return out;
  const found = await db
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      powers: units.powers,
      code: units.code,
      path: units.path,
    })
    .from(units)
    .where(inArray(units.id, ids));
  const byId = new Map(found.map((u) => [u.id, u]));
  for (const path of paths)
    out.set(
      path,
      idsOnPath(path).flatMap((id) => byId.get(id) ?? []),
    );
  return out;
}

/** The deciding unit and the đoàn cơ sở of the branch at `path`. */
export function decidingOf(chain: ChainRow[]): Deciding {
  return { chain, deciding: decidingUnit(chain), grassroots: grassrootsOf(chain) };
}

/** Loads the chain of one branch and tells who decides for it. */
export async function decidingFor(db: DbOrTx, path: string): Promise<Deciding> {
  const chains = await chainsOf(db, [path]);
  return decidingOf(chains.get(path) ?? []);
}
