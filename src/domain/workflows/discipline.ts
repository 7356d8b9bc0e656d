import { DomainError, fail } from '../errors.js';
import type { DisciplineForm, DisciplineRule } from '../rules/rule-sets.js';
import { formatDateVi } from '../text/dates.js';
import { isWithin } from '../org/unit-path.js';
import { assertNotFuture } from './member-exit.js';

/**
 * Discipline (kỷ luật) of a member or of a unit. The forms, who decides them, the quorum and the majority are
 * the dated `discipline` rule set. A decision is recorded once voted: status "decided"; it may later be
 * annulled with a reason. Annulment keeps the record and does not undo its effects (a removed position or an
 * expulsion is restored by its own procedure: a new appointment, a readmission), because the member's
 * situation may have changed since.
 */

/** Who is disciplined. */
export type DisciplineSubject = 'member' | 'unit';

/** A decision's lifecycle. */
export const DISCIPLINE_STATUSES = ['decided', 'annulled'] as const;
export type DisciplineStatus = (typeof DISCIPLINE_STATUSES)[number];

/** The meeting's counts. */
export interface DisciplineVote {
  eligible: number;
  present: number;
  inFavour: number;
}

/** What a vote reaches: the numbers needed and whether the quorum and the majority are met. */
export interface VoteCheck {
  /** Fewest members present for the quorum. */
  minPresent: number;
  /** Fewest votes in favour for the majority of those present. */
  minInFavour: number;
  quorumMet: boolean;
  majorityMet: boolean;
}

/** The numbers a meeting needs (present ≥ quorum × eligible, in favour > majority × present). */
export function checkVote(vote: DisciplineVote, rule: Pick<DisciplineRule, 'quorum' | 'majority'>): VoteCheck {
  const [qn, qd] = rule.quorum;
  const [mn, md] = rule.majority;
  const minPresent = Math.ceil((vote.eligible * qn) / qd);
  const minInFavour = Math.floor((vote.present * mn) / md) + 1;
  return {
    minPresent,
    minInFavour,
    quorumMet: vote.present * qd >= vote.eligible * qn && vote.present <= vote.eligible && vote.eligible > 0,
    majorityMet: vote.inFavour * md > vote.present * mn && vote.inFavour <= vote.present,
  };
}

/** Refuses impossible counts, a meeting without quorum and a vote without majority. */
export function assertVote(vote: DisciplineVote, rule: Pick<DisciplineRule, 'quorum' | 'majority'>): void {
  if (vote.eligible < 1) throw fail.invalid('eligibleCount', 'Số đoàn viên được triệu tập phải lớn hơn 0.');
  if (vote.present > vote.eligible) {
    throw fail.invalid('presentCount', 'Số có mặt không được lớn hơn số được triệu tập.');
  }
  if (vote.inFavour > vote.present) {
    throw fail.invalid('inFavourCount', 'Số tán thành không được lớn hơn số có mặt.');
  }
  const check = checkVote(vote, rule);
  if (!check.quorumMet) {
    const message = `Hội nghị không đủ số lượng: cần ít nhất ${check.minPresent}/${vote.eligible} người có mặt (${rule.quorum[0]}/${rule.quorum[1]}), mới có ${vote.present}.`;
    throw new DomainError('rule_violation', message, [{ field: 'presentCount', message }]);
  }
  if (!check.majorityMet) {
    const message = `Chưa đủ số tán thành: cần hơn ${rule.majority[0]}/${rule.majority[1]} số có mặt (ít nhất ${check.minInFavour}/${vote.present}), mới có ${vote.inFavour}.`;
    throw new DomainError('rule_violation', message, [{ field: 'inFavourCount', message }]);
  }
}

/** The configured form with this key for this kind of subject; a validation error otherwise. */
export function findForm(rule: Pick<DisciplineRule, 'forms'>, key: string, subject: DisciplineSubject): DisciplineForm {
  const form = rule.forms.find((f) => f.key === key);
  if (!form) throw fail.invalid('form', `Hình thức kỷ luật "${key}" không có trong quy định hiện hành.`);
  if (form.subject !== subject) {
    const which = subject === 'member' ? 'đoàn viên' : 'tổ chức Đoàn';
    throw fail.invalid('form', `Hình thức "${form.label}" không áp dụng cho ${which}.`);
  }
  return form;
}

/** Where the subject sits in the tree. */
export interface SubjectPlace {
  subject: DisciplineSubject;
  /** The member's branch, or the unit disciplined. */
  subjectPath: string;
  /** The đoàn cơ sở of the subject (nearest unit at the grassroots level, the subject itself included). */
  grassrootsPath: string | null;
}

/**
 * The lowest unit allowed to decide a form: the member's branch for "branch" forms; for "superior" forms
 * the đoàn cơ sở above the branch (its parent when the branch is itself at the grassroots level). A unit is
 * always disciplined by a unit above it.
 */
export function lowestDecider(form: Pick<DisciplineForm, 'decidedBy'>, place: SubjectPlace): string | null {
  const parent = place.subjectPath.split('.').slice(0, -1).join('.') || null;
  if (place.subject === 'unit') return parent;
  if (form.decidedBy === 'branch') return place.subjectPath;
  if (
    place.grassrootsPath &&
    place.grassrootsPath !== place.subjectPath &&
    isWithin(place.subjectPath, place.grassrootsPath)
  )
    return place.grassrootsPath;
  return parent;
}

/** True when a unit at `deciderPath` may decide the form: the lowest decider itself or a unit above it. */
export function mayDecide(form: Pick<DisciplineForm, 'decidedBy'>, place: SubjectPlace, deciderPath: string): boolean {
  const floor = lowestDecider(form, place);
  return floor !== null && isWithin(floor, deciderPath);
}

/** Refuses a deciding unit below the level the form requires (a branch deciding a warning). */
export function assertDecider(
  form: Pick<DisciplineForm, 'decidedBy' | 'label'>,
  place: SubjectPlace,
  decider: { path: string; name: string },
): void {
  if (mayDecide(form, place, decider.path)) return;
  const level =
    place.subject === 'unit'
      ? 'cấp trên của tổ chức bị kỷ luật'
      : form.decidedBy === 'branch'
        ? 'chi đoàn của đoàn viên hoặc cấp trên'
        : 'Đoàn cơ sở hoặc cấp trên';
  const message = `${decider.name} không có thẩm quyền quyết định hình thức "${form.label}": thẩm quyền thuộc ${level}.`;
  throw new DomainError('rule_violation', message, [{ field: 'decidingUnitId', message }]);
}

/** Checks the dates: meeting ≤ decision ≤ today, effective date not before the decision. */
export function assertDecisionDates(input: {
  meetingOn: string;
  decidedOn: string;
  effectiveOn: string;
  today: string;
  /** True when the form changes the member record at once (position, membership). */
  immediate: boolean;
}): void {
  const { meetingOn, decidedOn, effectiveOn, today } = input;
  assertNotFuture('meetingOn', 'Ngày họp', meetingOn, today);
  assertNotFuture('decidedOn', 'Ngày quyết định', decidedOn, today);
  if (meetingOn > decidedOn) {
    throw fail.invalid('decidedOn', `Ngày quyết định không được trước ngày họp (${formatDateVi(meetingOn)}).`);
  }
  if (effectiveOn < decidedOn) {
    throw fail.invalid('effectiveOn', `Ngày hiệu lực không được trước ngày quyết định (${formatDateVi(decidedOn)}).`);
  }
  if (input.immediate && effectiveOn > today) {
    throw fail.invalid(
      'effectiveOn',
      'Hình thức này thay đổi hồ sơ đoàn viên ngay khi ghi nhận: ngày hiệu lực không được sau ngày hôm nay.',
    );
  }
}

/** What a decision changes on the member record. */
export interface DisciplineEffects {
  /** The position is cleared (removal from post, expulsion). */
  clearsPosition: boolean;
  /** The membership ends with status "expelled". */
  expels: boolean;
  /** A unit's dissolution: recorded, the unit is closed later through the restructure flow. */
  dissolvesUnit: boolean;
}

/** The effects of a form on its subject. */
export function effectsOf(
  form: Pick<DisciplineForm, 'subject' | 'endsPosition' | 'endsMembership'>,
): DisciplineEffects {
  return {
    clearsPosition: form.subject === 'member' && form.endsPosition,
    expels: form.subject === 'member' && form.endsMembership,
    dissolvesUnit: form.subject === 'unit' && form.endsMembership,
  };
}

/** Checks an annulment: a decided record, a reason, and a date between the decision and today. */
export function assertAnnulment(input: { status: string; decidedOn: string; annulledOn: string; today: string }): void {
  if (input.status !== 'decided') throw fail.rule('Quyết định kỷ luật này đã bị hủy trước đó.');
  assertNotFuture('annulledOn', 'Ngày hủy', input.annulledOn, input.today);
  if (input.annulledOn < input.decidedOn) {
    throw fail.invalid('annulledOn', `Ngày hủy không được trước ngày quyết định (${formatDateVi(input.decidedOn)}).`);
  }
}
