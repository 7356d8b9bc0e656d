import { evaluationEvents } from '../db/schema/index.js';
import type { CriteriaSet } from '../domain/evaluations/criteria.js';
import { recordedState, returnStep, submit, type StepKey, type StepStatus } from '../domain/evaluations/cycle-steps.js';
import {
  assertClassAllowed,
  assertOverride,
  classOf,
  totalScore,
  validateScores,
  type Scores,
} from '../domain/evaluations/scoring.js';
import { assertReopenTarget, nextAfter } from '../domain/evaluations/step-flow.js';

export interface Subject {
  id: string;
  code: string;
  name: string;
  path: string;
  parentName: string;
  evaluatorCode: string;
  evaluatorPath: string;
}

export interface State {
  step: StepKey;
  status: StepStatus;
  selfScores: Scores;
  selfClass: string | null;
  selfTotal: number | null;
  scores: Scores;
  classKey: string | null;
  total: number | null;
  overrideReason: string | null;
  returnReason: string | null;
  reopened: { reason: string; until: string | null } | null;
  evidenceNote: string | null;
  decidedOn: string | null;
  version: number;
}

/** One subject walked through the services' transitions: the row it ends with and its history. */
export class Walk {
  readonly events: (typeof evaluationEvents.$inferInsert)[] = [];
  state: State = {
    step: 'registration',
    status: 'ready',
    selfScores: {},
    selfClass: null,
    selfTotal: null,
    scores: {},
    classKey: null,
    total: null,
    overrideReason: null,
    returnReason: null,
    reopened: null,
    evidenceNote: null,
    decidedOn: null,
    version: 1,
  };
  updatedAt: Date;
  private last = 0;

  constructor(
    readonly subject: Subject,
    readonly set: CriteriaSet,
    readonly steps: StepKey[],
    private readonly random: () => number,
    opened: Date,
  ) {
    this.state.step = steps[0]!;
    this.updatedAt = opened;
    this.last = opened.getTime();
  }

  /** A working-hours moment of the day, always after the previous action. */
  private at(day: string): Date {
    const hour = String(8 + Math.floor(this.random() * 9)).padStart(2, '0');
    const minute = String(Math.floor(this.random() * 60)).padStart(2, '0');
    const time = Math.max(new Date(`${day}T${hour}:${minute}:00+07:00`).getTime(), this.last + 7 * 60_000);
    this.last = time;
    return new Date(time);
  }

  /** As `persistChange`: the new state at the next version, and its event. */
  record(
    action: string,
    changes: Partial<State>,
    day: string,
    actorId: string | null,
    extra: { reason?: string | null; before?: unknown; after?: unknown } = {},
  ): void {
    const before = this.state;
    const after = { ...before, ...changes, version: before.version + 1 };
    const moved = after.step !== before.step || after.status !== before.status;
    const createdAt = this.at(day);
    this.events.push({
      evaluationId: this.subject.id,
      step: before.step,
      action,
      fromStatus: recordedState(before.step, before.status),
      toStatus: moved ? `${after.step}.${after.status}` : null,
      reason: extra.reason ?? null,
      before: extra.before ?? null,
      after: extra.after ?? null,
      actorId,
      createdAt,
    });
    this.state = after;
    this.updatedAt = createdAt;
  }

  saveSelf(day: string, actor: string | null, scores: Scores, note: string): void {
    const s = this.state;
    const total = totalScore(this.set, scores);
    const after = { selfScores: scores, selfClass: null, evidenceNote: note };
    this.record('saveSelf', { ...after, selfTotal: total, scores, classKey: null, total }, day, actor, {
      before: { selfScores: s.selfScores, selfClass: s.selfClass, evidenceNote: s.evidenceNote },
      after,
    });
  }

  submit(day: string, actor: string | null, deadline: string | null): void {
    const s = this.state;
    const state = submit(
      { status: s.status, deadline, returnReason: s.returnReason, reopened: s.reopened },
      { today: day },
    );
    const changes: Partial<State> = { status: state.status };
    if (s.step === 'selfAssessment') {
      validateScores(this.set, s.selfScores, { complete: true });
      const classKey = s.selfClass ?? classOf(this.set, s.selfScores).key;
      assertClassAllowed(this.set, s.selfScores, classKey);
      Object.assign(changes, { selfClass: classKey, classKey, scores: s.selfScores });
    }
    this.record('submit', changes, day, actor);
  }

  approve(day: string, actor: string | null): void {
    const s = this.state;
    const changes: Partial<State> = {};
    if (s.step === 'evaluation' || s.step === 'reinspection') {
      validateScores(this.set, s.scores, { complete: true });
      const classKey = s.classKey ?? classOf(this.set, s.scores).key;
      assertClassAllowed(this.set, s.scores, classKey, { override: true });
      Object.assign(changes, { classKey, total: totalScore(this.set, s.scores) });
    }
    const next = nextAfter(this.steps, s.step);
    this.record(
      'approve',
      { ...changes, step: next.step, status: next.status, returnReason: null, reopened: null },
      day,
      actor,
    );
  }

  review(day: string, actor: string | null, scores: Scores, reason: string): void {
    const s = this.state;
    const classKey = classOf(this.set, scores).key;
    const before = { scores: s.scores, classKey: s.classKey ?? classOf(this.set, s.scores).key };
    const after = { scores, classKey };
    const changed = assertOverride(this.set, { before, after, reason });
    const stated = changed.items.length > 0 || changed.classChanged ? reason : null;
    const total = totalScore(this.set, scores);
    this.record('review', { scores, classKey, total, overrideReason: stated ?? s.overrideReason }, day, actor, {
      reason: stated,
      before,
      after: { ...after, changedItems: changed.items },
    });
  }

  returnToSubject(day: string, actor: string | null, reason: string): void {
    const s = this.state;
    const state = returnStep(
      { status: s.status, deadline: null, returnReason: s.returnReason, reopened: s.reopened },
      { reason },
    );
    this.record('return', { status: state.status, returnReason: state.returnReason }, day, actor, { reason });
  }

  reopen(day: string, actor: string | null, step: StepKey, reason: string, until: string): void {
    assertReopenTarget(this.steps, this.state.step, step);
    const changes = {
      step,
      status: 'ready' as const,
      returnReason: null,
      reopened: { reason, until },
      decidedOn: null,
    };
    this.record('reopen', changes, day, actor, { reason, after: { step, until } });
  }

  accept(day: string, actor: string | null): void {
    if (this.state.step !== 'decision' || this.state.status !== 'approved') throw new Error('demo: not approved');
    this.record('accept', { status: 'accepted', decidedOn: day }, day, actor);
  }
}
