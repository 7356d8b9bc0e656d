import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { RecruitmentCredit, recruitmentQuery } from '../../contracts/admissions.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { creditByMember, creditByUnit } from './admissions.queries.js';

/** "1+1": candidates of the unit's subtree admitted per recruiting member and per recruiters' branch. */
export async function getRecruitmentCredit(
  db: DbOrTx,
  actor: Actor,
  query: z.output<typeof recruitmentQuery>,
): Promise<RecruitmentCredit> {
  const unit = await loadForAction(db, actor, query.unitId, 'member.read');
  const filter = { unitPath: unit.path, scope: scopeOf(actor, 'member.read'), year: query.year };
  const [byMember, byUnit] = await Promise.all([creditByMember(db, filter), creditByUnit(db, filter)]);
  return {
    byMember: byMember.map((r) => ({ ...r, admitted: Number(r.admitted) })),
    byUnit: byUnit.map((r) => ({ ...r, admitted: Number(r.admitted), recruiters: Number(r.recruiters) })),
  };
}
