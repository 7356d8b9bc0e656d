import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import type { TopClassCheck } from '../../contracts/evaluations.js';
import type { CriteriaSet } from '../../domain/evaluations/criteria.js';
import { topClassShare, topClassWarning } from '../../domain/evaluations/eligibility.js';

/**
 * The top class against the set's cap among a cycle's subjects already evaluated (past the evaluation step: at
 * re-inspection or decision, accepted included) whose unit `u` matches `unitFilter` (the caller's scope). Null when
 * the set has no cap. The decision refuses a share over the cap; this is the warning before it.
 */
export async function topClassCheck(
  db: DbOrTx,
  set: Pick<CriteriaSet, 'classes' | 'topClassCap'>,
  cycleId: string,
  unitFilter: SQL,
): Promise<TopClassCheck | null> {
  const top = set.classes[0];
  if (!set.topClassCap || !top) return null;
  const counts = await rows<{ class_key: string; n: number }>(
    db,
    sql`select e.class_key, count(*)::int as n from evaluations e join units u on u.id = e.unit_id
      where e.cycle_id = ${cycleId}::uuid and e.step in ('reinspection', 'decision') and e.class_key is not null
        and ${unitFilter}
      group by 1`,
  );
  const share = topClassShare(Object.fromEntries(counts.map((c) => [c.class_key, c.n])), {
    classKey: top.key,
    label: top.label,
    maxShare: set.topClassCap,
  });
  return { ...share, warning: topClassWarning(share) };
}
