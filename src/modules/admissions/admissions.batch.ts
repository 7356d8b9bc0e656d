import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { AdmissionWarningDto, BatchResult } from '../../contracts/admissions.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { ruleOn } from '../rules/rules.queries.js';
import { seesPersonalData } from '../members/members.service.js';
import { chainsOf, decidingOf } from './admissions.chain.js';
import { actionsFor, toListItem } from './admissions.presenter.js';
import * as q from './admissions.queries.js';

/** The candidates of a finished batch step as list items, in the order they were sent. */
export async function batchItemsResult(
  db: DbOrTx,
  actor: Actor,
  ids: readonly string[],
  decision: BatchResult['decision'],
  warnings: AdmissionWarningDto[],
): Promise<BatchResult> {
  const found = await q.candidatesInScope(db, scopeOf(actor, 'member.read'), ids);
  const [chains, rule] = await Promise.all([
    chainsOf(db, [...new Set(found.map((f) => f.unitPath))]),
    ruleOn(db, 'admission', todayInVietnam()),
  ]);
  const byId = new Map(found.map((f) => [f.candidate.id, f]));
  const items = ids.flatMap((id) => {
    const f = byId.get(id);
    if (!f) return [];
    const { deciding } = decidingOf(chains.get(f.unitPath) ?? []);
    return [
      toListItem(f.candidate, {
        unitName: f.unitName,
        deciding,
        personal: seesPersonalData(actor, f.unitPath),
        actions: actionsFor(actor, f.candidate.status, f.unitPath, deciding),
        rule,
      }),
    ];
  });
  return { items, decision, warnings };
}
