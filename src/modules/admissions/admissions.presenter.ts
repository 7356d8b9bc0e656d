import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { CandidateListItem, CandidateProfile } from '../../contracts/admissions.js';
import { candidateProfile } from '../../contracts/admissions.js';
import { inScope } from '../../domain/auth/permissions.js';
import { maskTail } from '../../domain/members/member-rules.js';
import type { Gender } from '../../domain/members/reference-lists.js';
import type { AdmissionRule } from '../../domain/rules/rule-sets.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import {
  ADMISSION_ACTIONS,
  canTake,
  ceremonyDueBy,
  courseRecorded,
  type AdmissionAction,
  type AdmissionStatus,
  type CandidateSource,
} from '../../domain/workflows/admission.js';
import type { ChainRow } from './admissions.chain.js';
import type { CandidateRow } from './admissions.queries.js';

/** The steps the actor may take: branch steps need member.write on the branch, approval on the deciding unit. */
export function actionsFor(
  actor: Actor,
  status: string,
  branchPath: string,
  deciding: ChainRow | null,
): AdmissionAction[] {
  const write = scopeOf(actor, 'member.write');
  return ADMISSION_ACTIONS.filter((a) => {
    if (!canTake(status, a)) return false;
    if (a === 'approve') return deciding !== null && inScope(write, deciding.path);
    return inScope(write, branchPath);
  });
}

/** A candidate as a list shows it. */
export function toListItem(
  c: CandidateRow,
  extra: {
    unitName: string;
    deciding: ChainRow | null;
    personal: boolean;
    actions: AdmissionAction[];
    rule: AdmissionRule;
  },
): CandidateListItem {
  return {
    id: c.id,
    fullName: c.fullName,
    birthDate: c.birthDate,
    gender: c.gender as Gender,
    cccd: extra.personal ? c.cccd : maskTail(c.cccd),
    source: c.source as CandidateSource,
    status: c.status as AdmissionStatus,
    unitId: c.unitId,
    unitName: extra.unitName,
    applicationDate: c.applicationDate,
    meetingOn: c.meetingOn,
    approvedOn: c.approvedOn,
    ceremonyOn: c.ceremonyOn,
    decidingUnit: extra.deciding ? { id: extra.deciding.id, name: extra.deciding.name } : null,
    ceremonyDueBy: c.approvedOn ? ceremonyDueBy(c.approvedOn, extra.rule) : null,
    memberId: c.memberId,
    cardNumber: c.cardNumber,
    version: c.version,
    actions: extra.actions,
  };
}

/** The stored personal-record fields, read safely (unknown keys dropped). */
export function profileOf(value: unknown): CandidateProfile {
  const parsed = candidateProfile.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

type StepKey = 'applied' | 'course' | 'introducer' | 'vote' | 'approval' | 'ceremony' | 'closed';
type StepState = 'done' | 'current' | 'waiting' | 'failed';

/** The procedure's steps with what is done and what comes next. */
export function stepsOf(c: CandidateRow): { key: StepKey; state: StepState; date: string | null }[] {
  const closed = c.status === 'rejected' || c.status === 'withdrawn';
  const voted = ['voted', 'approved', 'admitted'].includes(c.status);
  const course = courseRecorded(c);
  const pending = (ready: boolean): StepState => (closed || !ready ? 'waiting' : 'current');
  const steps: { key: StepKey; state: StepState; date: string | null }[] = [
    { key: 'applied', state: 'done', date: c.applicationDate },
    { key: 'course', state: course ? 'done' : pending(true), date: c.courseCompletedOn },
    { key: 'introducer', state: c.introducerKind ? 'done' : pending(true), date: c.introducerKnownSince },
    {
      key: 'vote',
      state: voted ? 'done' : closed && c.meetingOn ? 'failed' : pending(course && Boolean(c.introducerKind)),
      date: c.meetingOn,
    },
    { key: 'approval', state: c.approvedOn ? 'done' : pending(c.status === 'voted'), date: c.approvedOn },
    { key: 'ceremony', state: c.status === 'admitted' ? 'done' : pending(c.status === 'approved'), date: c.ceremonyOn },
  ];
  if (closed) steps.push({ key: 'closed', state: 'failed', date: todayInVietnam(c.updatedAt) });
  return steps;
}
