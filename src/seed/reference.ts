import type { DbOrTx } from '../db/client.js';
import { unitKinds } from '../db/schema/index.js';
import { ensureDefaultRules } from '../modules/rules/rules.queries.js';
import { ensureCriteriaSets } from '../modules/evaluations/criteria-sets.js';

/** The level kinds of DOMAIN.md §2; administrators can add more. */
export const DEFAULT_UNIT_KINDS = [
  { code: 'centre', nameVi: 'Trung ương Đoàn', nameEn: 'Central Committee', rank: 0, isLeaf: false },
  { code: 'province', nameVi: 'Tỉnh đoàn, Thành đoàn', nameEn: 'Province union', rank: 10, isLeaf: false },
  {
    code: 'district',
    nameVi: 'Huyện đoàn và tương đương',
    nameEn: 'District union and equivalent',
    rank: 20,
    isLeaf: false,
  },
  { code: 'grassroots', nameVi: 'Đoàn cơ sở', nameEn: 'Grassroots union', rank: 30, isLeaf: false },
  { code: 'grassroots_branch', nameVi: 'Chi đoàn cơ sở', nameEn: 'Grassroots branch', rank: 30, isLeaf: true },
  {
    code: 'sub_grassroots',
    nameVi: 'Liên chi đoàn, Đoàn bộ phận',
    nameEn: 'Branch federation',
    rank: 40,
    isLeaf: false,
  },
  { code: 'branch', nameVi: 'Chi đoàn', nameEn: 'Branch', rank: 50, isLeaf: true },
] as const;

/** Inserts the reference data a fresh database needs; leaves existing rows alone. */
export async function ensureReferenceData(db: DbOrTx): Promise<void> {
  await db
    .insert(unitKinds)
    .values([...DEFAULT_UNIT_KINDS])
    .onConflictDoNothing();
  await ensureDefaultRules(db);
  await ensureCriteriaSets(db);
}
