import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { members } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { authorize, scopeOf } from '../../auth/actor.js';
import type {
  admitBatchBody,
  admitBody,
  AdmissionWarningDto,
  BatchResult,
  CandidateDetail,
} from '../../contracts/admissions.js';
import { fail, type FieldIssue } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { foldVietnamese, givenName, nameSortKey } from '../../domain/text/vietnamese.js';
import { assertStep, ceremonyIssues, lateCeremonyWarning, refuse } from '../../domain/workflows/admission.js';
import { CARD_EVENT_KINDS } from '../../domain/workflows/member-card.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { recordEvents } from '../members/members.events.js';
import { findBranchInScope } from '../members/members.queries.js';
import { provinceOf } from '../org-units/org-units.history.js';
import { findUnitById } from '../org-units/org-units.queries.js';
import { ruleOn } from '../rules/rules.queries.js';
import { allocateCardNumber } from '../member-cards/member-cards.numbering.js';
import { insertCard } from '../member-cards/member-cards.queries.js';
import { batchIssues, loadBatch, stepIssue } from './admissions.approve.js';
import { batchItemsResult } from './admissions.batch.js';
import { profileOf } from './admissions.presenter.js';
import { getCandidate } from './admissions.service.js';
import * as q from './admissions.queries.js';

type Ctx = RequestContext & { actor: Actor };
type Loaded = NonNullable<Awaited<ReturnType<typeof q.findCandidateInScope>>>;
const STALE = 'Hồ sơ đề nghị kết nạp vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.';

/** Everything that stops a ceremony: dates, a branch no longer open, a CCCD taken by an active member meanwhile. */
async function ceremonyProblems(tx: DbOrTx, actor: Actor, f: Loaded, ceremonyOn: string): Promise<FieldIssue[]> {
  const c = f.candidate;
  const issues = ceremonyIssues(
    { fullName: c.fullName, approvedOn: c.approvedOn ?? c.applicationDate },
    ceremonyOn,
    todayInVietnam(),
  );
  const [branch, holder] = await Promise.all([
    findBranchInScope(tx, scopeOf(actor, 'member.write'), c.unitId),
    c.cccd ? q.activeMemberByCccd(tx, c.cccd) : null,
  ]);
  if (!branch)
    issues.push({ field: 'unitId', message: `${f.unitName} đã ngừng hoạt động: không thể kết nạp vào chi đoàn này.` });
  if (holder)
    issues.push({
      field: 'cccd',
      message: `Số CCCD ${c.cccd} đã thuộc đoàn viên đang sinh hoạt (${holder.fullName}).`,
    });
  return issues;
}

/** The late-ceremony warning under the rule valid on the approval date. */
async function warningFor(tx: DbOrTx, f: Loaded, ceremonyOn: string): Promise<AdmissionWarningDto | null> {
  const c = f.candidate;
  if (!c.approvedOn) return null;
  const rule = await ruleOn(tx, 'admission', c.approvedOn);
  return lateCeremonyWarning({ fullName: c.fullName, approvedOn: c.approvedOn }, ceremonyOn, rule);
}

/**
 * Makes a checked, approved candidate a member of the branch: the member record (joined on the ceremony
 * date, admitted at the branch), a card numbered by the approving unit's scheme, the history events, the
 * candidate's new status and the audit rows.
 */
async function admitOne(tx: DbOrTx, ctx: Ctx, f: Loaded, ceremonyOn: string): Promise<void> {
  const c = f.candidate;
  const issuer = c.approvingUnitId ? await findUnitById(tx, c.approvingUnitId) : null;
  if (!issuer) throw fail.rule(`Không tìm thấy đơn vị đã chuẩn y kết nạp ${c.fullName}.`, 'approvingUnitId');
  const cardNumber = await allocateCardNumber(tx, issuer);
  const [member] = await tx
    .insert(members)
    .values({
      ...profileOf(c.profile),
      unitId: c.unitId,
      provinceId: await provinceOf(tx, f.unitPath),
      fullName: c.fullName,
      givenName: givenName(c.fullName),
      searchName: foldVietnamese(c.fullName),
      sortKey: nameSortKey(c.fullName),
      birthDate: c.birthDate,
      gender: c.gender,
      ethnicity: c.ethnicity,
      religion: c.religion,
      cccd: c.cccd,
      phone: c.phone,
      email: c.email,
      joinedOn: ceremonyOn,
      admittedAt: f.unitName,
      cardNumber,
      cardIssuedOn: ceremonyOn,
      status: 'active',
    })
    .returning();
  if (!member) throw new Error('insert returned no row');
  await insertCard(tx, {
    memberId: member.id,
    unitId: issuer.id,
    cardNumber,
    issuedOn: ceremonyOn,
    reason: 'admission',
    createdBy: ctx.actor.userId,
  });
  const decision = c.decisionId ? await q.decisionOf(tx, c.decisionId) : null;
  await recordEvents(
    tx,
    member,
    [
      {
        kind: 'admitted',
        after: { status: 'active', admittedAt: f.unitName },
        note: decision ? `Quyết định chuẩn y số ${decision.numberText} của ${issuer.name}` : null,
      },
      { kind: CARD_EVENT_KINDS.issued, before: { cardNumber: null }, after: { cardNumber, cardIssuedOn: ceremonyOn } },
    ],
    ceremonyOn,
    ctx.actor.userId,
  );
  const after = await q.updateCandidate(tx, c.id, c.version, {
    status: 'admitted',
    ceremonyOn,
    memberId: member.id,
    cardNumber,
  });
  if (!after) throw fail.conflict(STALE);
  await audit(tx, ctx, {
    entity: 'member',
    entityId: member.id,
    action: 'create',
    unitId: c.unitId,
    unitPath: f.unitPath,
    after: member,
  });
  await audit(tx, ctx, {
    entity: 'admission_candidate',
    entityId: c.id,
    action: 'admit',
    unitId: c.unitId,
    unitPath: f.unitPath,
    before: c,
    after,
  });
}

/** Records the ceremony of one approved candidate; a late ceremony is accepted and shown as a warning. */
export async function admitCandidate(
  db: Db,
  ctx: Ctx,
  id: string,
  body: z.output<typeof admitBody>,
): Promise<CandidateDetail> {
  await db.transaction(async (tx) => {
    const found = await q.findCandidateInScope(tx, scopeOf(ctx.actor, 'member.read'), id, true);
    if (!found) throw fail.notFound('hồ sơ đề nghị kết nạp');
    authorize(ctx.actor, 'member.write', found.unitPath, 'hồ sơ đề nghị kết nạp');
    if (found.candidate.version !== body.version) throw fail.conflict(STALE);
    assertStep(found.candidate.status, 'admit', found.candidate.fullName);
    refuse(await ceremonyProblems(tx, ctx.actor, found, body.ceremonyOn));
    await admitOne(tx, ctx, found, body.ceremonyOn);
  });
  return getCandidate(db, ctx.actor, id);
}

/** Records one ceremony for a class of approved candidates: all admitted, or none. */
export async function admitBatch(db: Db, ctx: Ctx, body: z.output<typeof admitBatchBody>): Promise<BatchResult> {
  const warnings = await db.transaction(async (tx) => {
    const loaded = await loadBatch(tx, ctx.actor, body.items);
    for (const f of loaded) authorize(ctx.actor, 'member.write', f.unitPath, 'hồ sơ đề nghị kết nạp');
    const problems = await Promise.all(loaded.map((f) => ceremonyProblems(tx, ctx.actor, f, body.ceremonyOn)));
    refuse(batchIssues(loaded, (f) => [...stepIssue(f, 'admit'), ...(problems[loaded.indexOf(f)] ?? [])]));
    const found: AdmissionWarningDto[] = [];
    for (const f of loaded) {
      const warning = await warningFor(tx, f, body.ceremonyOn);
      if (warning) found.push(warning);
      await admitOne(tx, ctx, f, body.ceremonyOn);
    }
    return found;
  });
  return batchItemsResult(
    db,
    ctx.actor,
    body.items.map((i) => i.id),
    null,
    warnings,
  );
}
