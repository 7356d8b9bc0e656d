import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { admissionCandidates } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { authorize, scopeOf } from '../../auth/actor.js';
import type {
  AdmissionPage,
  admissionListQuery,
  CandidateDetail,
  candidateFields,
  closeCandidateBody,
  createCandidateBody,
  updateCandidateBody,
  voteBody,
} from '../../contracts/admissions.js';
import { fail, type FieldIssue } from '../../domain/errors.js';
import { maskTail } from '../../domain/members/member-rules.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import {
  ADMISSION_STATUSES,
  applicationIssues,
  assertStep,
  failedVoteReason,
  noMajorityIssue,
  overdueWarning,
  lateCeremonyWarning,
  refuse,
  voteIssues,
  votePasses,
  type AdmissionAction,
} from '../../domain/workflows/admission.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { findBranchInScope } from '../members/members.queries.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { ruleOn } from '../rules/rules.queries.js';
import { seesPersonalData } from '../members/members.service.js';
import { chainsOf, decidingOf } from './admissions.chain.js';
import { actionsFor, profileOf, stepsOf, toListItem } from './admissions.presenter.js';
import * as q from './admissions.queries.js';
import { decodePairCursor as decodeCursor, encodeCursor } from '../../db/cursor.js';

type Ctx = RequestContext & { actor: Actor };
type Fields = z.output<typeof candidateFields>;
const STALE = 'Hồ sơ đề nghị kết nạp vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.';

/** A page of the candidates of a unit's subtree, with the counts per status. */
export async function listCandidates(
  db: DbOrTx,
  actor: Actor,
  query: z.output<typeof admissionListQuery>,
): Promise<AdmissionPage> {
  const unit = await loadForAction(db, actor, query.unitId, 'member.read');
  const scope = scopeOf(actor, 'member.read');
  const filter = { unitPath: unit.path, status: query.status, q: query.q };
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const [found, counts, rule] = await Promise.all([
    q.listCandidates(db, scope, filter, { limit: query.limit, after }),
    q.countByStatus(db, scope, filter),
    ruleOn(db, 'admission', todayInVietnam()),
  ]);
  const page = found.slice(0, query.limit);
  const chains = await chainsOf(db, [...new Set(page.map((r) => r.unitPath))]);
  const items = page.map((r) => {
    const { deciding } = decidingOf(chains.get(r.unitPath) ?? []);
    return toListItem(r.candidate, {
      unitName: r.unitName,
      deciding,
      personal: seesPersonalData(actor, r.unitPath),
      actions: actionsFor(actor, r.candidate.status, r.unitPath, deciding),
      rule,
    });
  });
  const last = page[page.length - 1]?.candidate;
  const byStatus = Object.fromEntries(
    ADMISSION_STATUSES.map((s) => [s, counts.get(s) ?? 0]),
  ) as AdmissionPage['counts'];
  return {
    items,
    next: found.length > query.limit && last ? encodeCursor([last.applicationDate, last.id]) : null,
    total: query.status ? byStatus[query.status] : Object.values(byStatus).reduce((a, b) => a + b, 0),
    counts: byStatus,
  };
}

/** One candidate with steps, decision, warnings and the actions the actor may take; 404 outside the scope. */
export async function getCandidate(db: DbOrTx, actor: Actor, id: string): Promise<CandidateDetail> {
  const found = await q.findCandidateInScope(db, scopeOf(actor, 'member.read'), id);
  if (!found) throw fail.notFound('hồ sơ đề nghị kết nạp');
  const c = found.candidate;
  const [chains, names, decision, age, rule, approvalRule] = await Promise.all([
    chainsOf(db, [found.unitPath]),
    q.memberNames(db, [c.introducerMemberId, c.recruiterMemberId]),
    c.decisionId ? q.decisionOf(db, c.decisionId) : null,
    ruleOn(db, 'membershipAge', c.applicationDate),
    ruleOn(db, 'admission', c.applicationDate),
    ruleOn(db, 'admission', c.approvedOn ?? todayInVietnam()),
  ]);
  const chain = chains.get(found.unitPath) ?? [];
  const { deciding } = decidingOf(chain);
  const personal = seesPersonalData(actor, found.unitPath);
  const warning =
    c.approvedOn && c.status === 'admitted' && c.ceremonyOn
      ? lateCeremonyWarning({ fullName: c.fullName, approvedOn: c.approvedOn }, c.ceremonyOn, approvalRule)
      : c.approvedOn && c.status === 'approved'
        ? overdueWarning({ fullName: c.fullName, approvedOn: c.approvedOn }, approvalRule, todayInVietnam())
        : null;
  const ref = (memberId: string | null) => (memberId ? { id: memberId, name: names.get(memberId) ?? '' } : null);
  return {
    ...toListItem(c, {
      unitName: found.unitName,
      deciding,
      personal,
      actions: actionsFor(actor, c.status, found.unitPath, deciding),
      rule: approvalRule,
    }),
    ethnicity: c.ethnicity,
    religion: c.religion,
    phone: personal ? c.phone : maskTail(c.phone),
    email: c.email,
    profile: profileOf(c.profile),
    courseName: c.courseName,
    courseCertificateNo: c.courseCertificateNo,
    courseCompletedOn: c.courseCompletedOn,
    introducerKind: c.introducerKind as CandidateDetail['introducerKind'],
    introducerMember: ref(c.introducerMemberId),
    introducerName: c.introducerName,
    introducerKnownSince: c.introducerKnownSince,
    recruiter: ref(c.recruiterMemberId),
    meetingPresent: c.meetingPresent,
    meetingInFavour: c.meetingInFavour,
    decision: decision ? { ...decision, fileUrl: `/api/documents/${decision.id}/file` } : null,
    rejectReason: c.rejectReason,
    closedOn: c.status === 'rejected' || c.status === 'withdrawn' ? todayInVietnam(c.updatedAt) : null,
    unitPath: chain.map((u) => ({ id: u.id, name: u.name })),
    steps: stepsOf(c),
    warnings: warning ? [warning] : [],
    rules: {
      admissionMinAge: age.admissionMinAge,
      admissionMaxAge: age.admissionMaxAge,
      introducerMinMonths: rule.introducerMinMonths,
      ceremonyWithinMonths: approvalRule.ceremonyWithinMonths,
    },
  };
}

async function loadBranch(tx: DbOrTx, actor: Actor, unitId: string) {
  const found = await findBranchInScope(tx, scopeOf(actor, 'member.write'), unitId);
  if (!found) {
    await loadForAction(tx, actor, unitId, 'member.write');
    throw fail.invalid('unitId', 'Đơn vị đã ngừng hoạt động.');
  }
  if (!found.isLeaf)
    throw fail.invalid('unitId', 'Người được đề nghị kết nạp phải thuộc một chi đoàn: hãy chọn chi đoàn.');
  return found.unit;
}

/** The introducer fields kept for the kind chosen (a member, or the name of a squad or chapter). */
function introducerOf(f: Partial<Fields>) {
  if (f.introducerKind === 'member')
    return {
      introducerMemberId: f.introducerMemberId ?? null,
      introducerName: null,
      introducerKnownSince: f.introducerKnownSince ?? null,
    };
  if (f.introducerKind)
    return { introducerMemberId: null, introducerName: f.introducerName ?? null, introducerKnownSince: null };
  return { introducerMemberId: null, introducerName: null, introducerKnownSince: null };
}

/** Every rule of an application: age, introducer, recruiter in scope, CCCD free. Throws all problems at once. */
async function checkApplication(tx: DbOrTx, actor: Actor, unitId: string, f: Fields, exceptId?: string) {
  const scope = scopeOf(actor, 'member.read');
  const [age, rule, introducer, recruiter, member, open] = await Promise.all([
    ruleOn(tx, 'membershipAge', f.applicationDate),
    ruleOn(tx, 'admission', f.applicationDate),
    f.introducerKind === 'member' && f.introducerMemberId ? q.memberBrief(tx, scope, f.introducerMemberId) : null,
    f.recruiterMemberId ? q.memberBrief(tx, scope, f.recruiterMemberId) : null,
    q.activeMemberByCccd(tx, f.cccd),
    q.openCandidateByCccd(tx, f.cccd, exceptId),
  ]);
  const active = (s: string | undefined) =>
    ['active', 'working_away', 'temporary_elsewhere', 'in_transit'].includes(s ?? '');
  const issues: FieldIssue[] = applicationIssues(
    {
      birthDate: f.birthDate,
      applicationDate: f.applicationDate,
      unitId,
      introducer: {
        kind: f.introducerKind ?? null,
        name: f.introducerName ?? null,
        knownSince: f.introducerKnownSince ?? null,
        member: introducer
          ? { fullName: introducer.fullName, unitId: introducer.unitId, active: active(introducer.status) }
          : null,
      },
    },
    age,
    rule,
    todayInVietnam(),
  );
  if (f.recruiterMemberId && !recruiter)
    issues.push({
      field: 'recruiterMemberId',
      message: 'Người phát triển (1+1) phải là đoàn viên thuộc phạm vi quản lý của bạn.',
    });
  else if (recruiter && !active(recruiter.status))
    issues.push({
      field: 'recruiterMemberId',
      message: `${recruiter.fullName} không còn sinh hoạt đoàn nên không được ghi nhận “1+1”.`,
    });
  if (member)
    issues.push({
      field: 'cccd',
      message: `Số CCCD ${f.cccd} thuộc đoàn viên đang sinh hoạt (${member.fullName}): không thể đề nghị kết nạp lại.`,
    });
  else if (open)
    issues.push({
      field: 'cccd',
      message: `Số CCCD ${f.cccd} đã có trong một hồ sơ đề nghị kết nạp khác đang xử lý (${open.fullName}).`,
    });
  refuse(issues);
}

/** Records a candidate proposed by a branch (status "applied"). */
export async function createCandidate(
  db: Db,
  ctx: Ctx,
  body: z.output<typeof createCandidateBody>,
): Promise<CandidateDetail> {
  const id = await db.transaction(async (tx) => {
    const branch = await loadBranch(tx, ctx.actor, body.unitId);
    await checkApplication(tx, ctx.actor, branch.id, body);
    const [row] = await tx
      .insert(admissionCandidates)
      .values({ ...body, ...introducerOf(body), unitId: branch.id, createdBy: ctx.actor.userId })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await audit(tx, ctx, {
      entity: 'admission_candidate',
      entityId: row.id,
      action: 'create',
      unitId: branch.id,
      unitPath: branch.path,
      after: row,
    });
    return row.id;
  });
  return getCandidate(db, ctx.actor, id);
}

/** Loads a candidate for a branch step: 404 outside the read scope, 403 without member.write, 409 when stale. */
export async function loadForStep(tx: DbOrTx, actor: Actor, id: string, version: number, action: AdmissionAction) {
  const found = await q.findCandidateInScope(tx, scopeOf(actor, 'member.read'), id, true);
  if (!found) throw fail.notFound('hồ sơ đề nghị kết nạp');
  authorize(actor, 'member.write', found.unitPath, 'hồ sơ đề nghị kết nạp');
  if (found.candidate.version !== version) throw fail.conflict(STALE);
  assertStep(found.candidate.status, action, found.candidate.fullName);
  return found;
}

/** Changes an application still at the "applied" step; the rules are checked again on the result. */
export async function updateCandidate(
  db: Db,
  ctx: Ctx,
  id: string,
  body: z.output<typeof updateCandidateBody>,
): Promise<CandidateDetail> {
  await db.transaction(async (tx) => {
    const found = await loadForStep(tx, ctx.actor, id, body.version, 'edit');
    const before = found.candidate;
    const { version, ...changes } = body;
    const merged = { ...before, ...changes, profile: changes.profile ?? profileOf(before.profile) } as Fields;
    await checkApplication(tx, ctx.actor, before.unitId, merged, id);
    const after = await q.updateCandidate(tx, id, version, { ...changes, ...introducerOf(merged) });
    if (!after) throw fail.conflict(STALE);
    await audit(tx, ctx, {
      entity: 'admission_candidate',
      entityId: id,
      action: 'update',
      unitId: before.unitId,
      unitPath: found.unitPath,
      before,
      after,
    });
  });
  return getCandidate(db, ctx.actor, id);
}

/** Records the branch meeting's vote: voted with a majority; without one, refused unless recorded as the outcome. */
export async function voteOnCandidate(
  db: Db,
  ctx: Ctx,
  id: string,
  body: z.output<typeof voteBody>,
): Promise<CandidateDetail> {
  await db.transaction(async (tx) => {
    const found = await loadForStep(tx, ctx.actor, id, body.version, 'vote');
    const c = found.candidate;
    refuse(voteIssues(c, body, todayInVietnam()));
    const passes = votePasses(body.present, body.inFavour);
    if (!passes && !body.recordFailure) refuse([noMajorityIssue(body)]);
    const meeting = { meetingOn: body.meetingOn, meetingPresent: body.present, meetingInFavour: body.inFavour };
    const after = await q.updateCandidate(
      tx,
      id,
      body.version,
      passes
        ? { ...meeting, status: 'voted' }
        : { ...meeting, status: 'rejected', rejectReason: failedVoteReason(body) },
    );
    if (!after) throw fail.conflict(STALE);
    await audit(tx, ctx, {
      entity: 'admission_candidate',
      entityId: id,
      action: passes ? 'vote' : 'vote_failed',
      unitId: c.unitId,
      unitPath: found.unitPath,
      before: c,
      after,
    });
  });
  return getCandidate(db, ctx.actor, id);
}

/** Ends an application from applied or voted: rejected (không kết nạp) or withdrawn (rút hồ sơ), with the reason. */
export async function closeCandidate(
  db: Db,
  ctx: Ctx,
  id: string,
  outcome: 'reject' | 'withdraw',
  body: z.output<typeof closeCandidateBody>,
): Promise<CandidateDetail> {
  await db.transaction(async (tx) => {
    const found = await loadForStep(tx, ctx.actor, id, body.version, outcome);
    const after = await q.updateCandidate(tx, id, body.version, {
      status: outcome === 'reject' ? 'rejected' : 'withdrawn',
      rejectReason: body.reason,
    });
    if (!after) throw fail.conflict(STALE);
    await audit(tx, ctx, {
      entity: 'admission_candidate',
      entityId: id,
      action: outcome,
      unitId: found.candidate.unitId,
      unitPath: found.unitPath,
      before: found.candidate,
      after,
    });
  });
  return getCandidate(db, ctx.actor, id);
}
