import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { approveBatchBody, approveBody, BatchResult, CandidateDetail } from '../../contracts/admissions.js';
import { inScope } from '../../domain/auth/permissions.js';
import { DomainError, fail, type FieldIssue } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { approvalIssues, assertStep, refuse } from '../../domain/workflows/admission.js';
import { batchDecision, singleDecision, type DecisionCandidate } from '../../domain/workflows/admission-decision.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { issueDocument } from '../documents/documents.issue.js';
import { ruleOn } from '../rules/rules.queries.js';
import { chainsOf, decidingOf, type ChainRow } from './admissions.chain.js';
import { getCandidate } from './admissions.service.js';
import { batchItemsResult } from './admissions.batch.js';
import * as q from './admissions.queries.js';

type Ctx = RequestContext & { actor: Actor };
type Loaded = NonNullable<Awaited<ReturnType<typeof q.findCandidateInScope>>>;
const STALE = 'Hồ sơ đề nghị kết nạp vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.';

/** Refuses an actor whose member.write scope does not hold the deciding unit (403 naming that unit). */
export function assertDecides(actor: Actor, deciding: ChainRow | null): asserts deciding is ChainRow {
  if (!deciding)
    throw fail.rule('Không xác định được đơn vị có thẩm quyền chuẩn y kết nạp cho chi đoàn này.', 'unitId');
  if (!inScope(scopeOf(actor, 'member.write'), deciding.path))
    throw fail.forbidden(`Việc chuẩn y kết nạp thuộc thẩm quyền của ${deciding.name}.`);
}

/** The candidate as the decision names them, with the branch's đoàn cơ sở. */
function decisionCandidate(found: Loaded, grassroots: ChainRow | null): DecisionCandidate {
  const c = found.candidate;
  return {
    fullName: c.fullName,
    birthDate: c.birthDate,
    source: c.source,
    branchName: found.unitName,
    meetingOn: c.meetingOn ?? c.applicationDate,
    grassrootsId: grassroots?.id ?? c.unitId,
    grassrootsName: grassroots?.name ?? found.unitName,
  };
}

/** Approves one voted candidate: issues the approval decision of the deciding unit, all in one transaction. */
export async function approveCandidate(
  db: Db,
  ctx: Ctx,
  id: string,
  body: z.output<typeof approveBody>,
): Promise<CandidateDetail> {
  await db.transaction(async (tx) => {
    const found = await q.findCandidateInScope(tx, scopeOf(ctx.actor, 'member.read'), id, true);
    if (!found) throw fail.notFound('hồ sơ đề nghị kết nạp');
    const { deciding, grassroots } = decidingOf((await chainsOf(tx, [found.unitPath])).get(found.unitPath) ?? []);
    assertDecides(ctx.actor, deciding);
    const c = found.candidate;
    if (c.version !== body.version) throw fail.conflict(STALE);
    assertStep(c.status, 'approve', c.fullName);
    refuse(approvalIssues(c, body.approvedOn, todayInVietnam()));
    const rule = await ruleOn(tx, 'admission', body.approvedOn);
    const issuer = { ...deciding, ceremonyWithinMonths: rule.ceremonyWithinMonths };
    const draft = singleDecision(issuer, decisionCandidate(found, grassroots));
    const doc = await issueDocument(tx, ctx, {
      unitId: deciding.id,
      unitPath: deciding.path,
      kind: 'admission_approval',
      issuedOn: body.approvedOn,
      subject: draft.subject,
      data: draft.data,
      entity: 'admission_candidate',
      entityId: id,
      signerTitle: draft.signerTitle,
      signerName: body.signerName ?? null,
    });
    const after = await q.updateCandidate(tx, id, body.version, {
      status: 'approved',
      approvingUnitId: deciding.id,
      approvedOn: body.approvedOn,
      decisionId: doc.id,
    });
    if (!after) throw fail.conflict(STALE);
    await audit(tx, ctx, {
      entity: 'admission_candidate',
      entityId: id,
      action: 'approve',
      unitId: c.unitId,
      unitPath: found.unitPath,
      before: c,
      after: { ...after, decision: doc.numberText },
    });
  });
  return getCandidate(db, ctx.actor, id);
}

/** Loads every candidate of a batch (404 when one is missing or out of scope) and checks the versions (409). */
export async function loadBatch(tx: DbOrTx, actor: Actor, items: readonly { id: string; version: number }[]) {
  const ids = items.map((i) => i.id);
  if (new Set(ids).size !== ids.length) throw fail.invalid('items', 'Danh sách có người bị chọn hai lần.');
  const found = await q.candidatesInScope(tx, scopeOf(actor, 'member.read'), ids, true);
  if (found.length !== ids.length) throw fail.notFound('một số hồ sơ đề nghị kết nạp đã chọn');
  const byId = new Map(found.map((f) => [f.candidate.id, f]));
  const ordered = items.map((i) => byId.get(i.id)!);
  const stale = items.filter((i) => byId.get(i.id)!.candidate.version !== i.version);
  if (stale.length > 0)
    throw fail.conflict(
      `Hồ sơ của ${stale.map((s) => byId.get(s.id)!.candidate.fullName).join(', ')} vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.`,
    );
  return ordered;
}

/** Collects every candidate's problem under `items.<i>` so the whole class is refused at once. */
export function batchIssues(loaded: readonly Loaded[], check: (f: Loaded) => FieldIssue[]): FieldIssue[] {
  return loaded.flatMap((f, i) =>
    check(f).map((issue) => ({ field: `items.${i}`, message: `${f.candidate.fullName}: ${issue.message}` })),
  );
}

/** Statuses wrong for the step, as batch issues. */
export function stepIssue(f: Loaded, action: 'approve' | 'admit'): FieldIssue[] {
  try {
    assertStep(f.candidate.status, action, f.candidate.fullName);
    return [];
  } catch (e) {
    if (e instanceof DomainError)
      return [{ field: 'status', message: e.message.replace(`Hồ sơ của ${f.candidate.fullName} `, 'hồ sơ ') }];
    throw e;
  }
}

/**
 * Approves a class of voted candidates of one deciding unit in one batch decision (list attached): all or
 * nothing, the decision numbered only when every candidate passes.
 */
export async function approveBatch(db: Db, ctx: Ctx, body: z.output<typeof approveBatchBody>): Promise<BatchResult> {
  const result = await db.transaction(async (tx) => {
    const loaded = await loadBatch(tx, ctx.actor, body.items);
    const chains = await chainsOf(tx, [...new Set(loaded.map((f) => f.unitPath))]);
    const decidings = loaded.map((f) => decidingOf(chains.get(f.unitPath) ?? []));
    const deciding = decidings[0]?.deciding ?? null;
    if (decidings.some((d) => d.deciding?.id !== deciding?.id))
      throw fail.rule('Các hồ sơ trong một quyết định phải cùng một đơn vị chuẩn y: hãy chọn lại.', 'items');
    assertDecides(ctx.actor, deciding);
    const today = todayInVietnam();
    refuse(
      batchIssues(loaded, (f) => [...stepIssue(f, 'approve'), ...approvalIssues(f.candidate, body.approvedOn, today)]),
    );
    const rule = await ruleOn(tx, 'admission', body.approvedOn);
    const named = loaded.map((f, i) => decisionCandidate(f, decidings[i]!.grassroots));
    const draft = batchDecision({ ...deciding, ceremonyWithinMonths: rule.ceremonyWithinMonths }, named);
    const doc = await issueDocument(tx, ctx, {
      unitId: deciding.id,
      unitPath: deciding.path,
      kind: 'batch_admission',
      issuedOn: body.approvedOn,
      subject: draft.subject,
      data: draft.data,
      entity: 'admission_batch',
      signerTitle: draft.signerTitle,
      signerName: body.signerName ?? null,
    });
    for (const f of loaded) {
      const c = f.candidate;
      const after = await q.updateCandidate(tx, c.id, c.version, {
        status: 'approved',
        approvingUnitId: deciding.id,
        approvedOn: body.approvedOn,
        decisionId: doc.id,
      });
      if (!after) throw fail.conflict(STALE);
      await audit(tx, ctx, {
        entity: 'admission_candidate',
        entityId: c.id,
        action: 'approve',
        unitId: c.unitId,
        unitPath: f.unitPath,
        before: c,
        after: { ...after, decision: doc.numberText },
      });
    }
    return {
      ids: loaded.map((f) => f.candidate.id),
      decision: { id: doc.id, numberText: doc.numberText, issuedOn: body.approvedOn },
    };
  });
  return batchItemsResult(
    db,
    ctx.actor,
    result.ids,
    { ...result.decision, fileUrl: `/api/documents/${result.decision.id}/file` },
    [],
  );
}
