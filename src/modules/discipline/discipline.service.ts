import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { disciplines } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type {
  annulDisciplineBody,
  createDisciplineBody,
  DisciplineDto,
  DisciplineList,
  disciplineListQuery,
  DisciplineOptions,
  disciplineOptionsQuery,
} from '../../contracts/discipline.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { assertOpen } from '../../domain/org/tree-rules.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import {
  assertAnnulment,
  assertDecider,
  assertDecisionDates,
  assertVote,
  effectsOf,
  findForm,
  mayDecide,
  type SubjectPlace,
} from '../../domain/workflows/discipline.js';
import { assertStillMember } from '../../domain/workflows/member-exit.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { recordEvents } from '../members/members.events.js';
import { lockMember } from '../member-exits/member-exits.service.js';
import { grassrootsAt, memberInScope } from '../member-exits/member-exits.queries.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { ruleOn } from '../rules/rules.queries.js';
import * as q from './discipline.queries.js';
import { toDisciplineDto } from './discipline.presenter.js';
import { applyDecision } from './discipline.write.js';

type Ctx = RequestContext & { actor: Actor };

const LIST_LIMIT = 500;

/** 409 for an annulment based on an outdated read. */
function staleDiscipline() {
  return fail.conflict('Quyết định kỷ luật vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.');
}

/** Discipline records of a unit's subtree or of one member, newest first. */
export async function listDisciplines(
  db: Db,
  actor: Actor,
  query: z.output<typeof disciplineListQuery>,
): Promise<DisciplineList> {
  const scope = scopeOf(actor, 'member.read');
  let unitPath: string | undefined;
  if (query.unitId) unitPath = (await loadForAction(db, actor, query.unitId, 'member.read')).path;
  if (query.memberId && !(await memberInScope(db, scope, query.memberId))) throw fail.notFound('đoàn viên');
  const [rows, rule] = await Promise.all([
    q.disciplinesIn(db, scope, { ...query, unitPath }, LIST_LIMIT),
    ruleOn(db, 'discipline', todayInVietnam()),
  ]);
  const writeScope = scopeOf(actor, 'member.write');
  return {
    items: rows.slice(0, LIST_LIMIT).map((r) => toDisciplineDto(r, rule.forms, writeScope)),
    truncated: rows.length > LIST_LIMIT,
  };
}

/** One discipline record in the actor's scope. */
export async function getDiscipline(db: DbOrTx, actor: Actor, id: string): Promise<DisciplineDto> {
  const row = await q.disciplineInScope(db, scopeOf(actor, 'member.read'), id);
  if (!row) throw fail.notFound('quyết định kỷ luật');
  const rule = await ruleOn(db, 'discipline', todayInVietnam());
  return toDisciplineDto(row, rule.forms, scopeOf(actor, 'member.write'));
}

/** The subject of a discipline (a member or a unit in the actor's read scope) and where it sits. */
async function loadSubject(db: DbOrTx, actor: Actor, subject: { memberId?: string; unitId?: string }, lock: boolean) {
  if (subject.memberId) {
    const found = lock
      ? await lockMember(db, actor, subject.memberId)
      : await memberInScope(db, scopeOf(actor, 'member.read'), subject.memberId);
    if (!found) throw fail.notFound('đoàn viên');
    const { pathUnits, grassroots } = await grassrootsAt(db, found.unitPath);
    const place: SubjectPlace = {
      subject: 'member',
      subjectPath: found.unitPath,
      grassrootsPath: grassroots?.path ?? null,
    };
    return { kind: 'member' as const, found, pathUnits, place, unitId: found.member.unitId, unitName: found.unitName };
  }
  const unit = await loadForAction(db, actor, subject.unitId!, 'unit.read', lock);
  const { pathUnits, grassroots } = await grassrootsAt(db, unit.path);
  const place: SubjectPlace = { subject: 'unit', subjectPath: unit.path, grassrootsPath: grassroots?.path ?? null };
  return { kind: 'unit' as const, unit, pathUnits, place, unitId: unit.id, unitName: unit.name };
}

/** What the create form offers: the forms for the subject, each with the units the actor may decide it in. */
export async function disciplineOptions(
  db: Db,
  actor: Actor,
  query: z.output<typeof disciplineOptionsQuery>,
): Promise<DisciplineOptions> {
  const subject = await loadSubject(db, actor, { memberId: query.memberId, unitId: query.unitId }, false);
  const rule = await ruleOn(db, 'discipline', query.onDate ?? todayInVietnam());
  const writeScope = scopeOf(actor, 'member.write');
  const member = subject.kind === 'member' ? subject.found.member : null;
  return {
    subject: {
      kind: subject.kind,
      memberId: member?.id ?? null,
      name: member?.fullName ?? subject.unitName,
      unitId: subject.unitId,
      unitName: subject.unitName,
      version: member?.version ?? null,
      position: member?.position ?? null,
      status: member?.status ?? null,
    },
    quorum: rule.quorum,
    majority: rule.majority,
    forms: rule.forms
      .filter((f) => f.subject === subject.kind)
      .map((f) => ({
        key: f.key,
        label: f.label,
        decidedBy: f.decidedBy,
        endsPosition: f.endsPosition,
        endsMembership: f.endsMembership,
        deciders: subject.pathUnits
          .filter((u) => !u.closedOn && mayDecide(f, subject.place, u.path) && inScope(writeScope, u.path))
          .reverse()
          .map((u) => ({ id: u.id, name: u.name })),
      })),
  };
}

/**
 * Records a discipline decision: the deciding unit must hold the form's level and lie in the actor's write
 * scope, the meeting must have its quorum and majority. Effects (position cleared, expulsion) and the
 * decision document are written in the same transaction; a unit's dissolution is only recorded.
 */
export async function createDiscipline(
  db: Db,
  ctx: Ctx,
  body: z.output<typeof createDisciplineBody>,
): Promise<DisciplineDto> {
  const id = await db.transaction(async (tx) => {
    const subject = await loadSubject(
      tx,
      ctx.actor,
      body.subjectKind === 'member' ? { memberId: body.memberId } : { unitId: body.subjectUnitId },
      true,
    );
    const decider = await loadForAction(tx, ctx.actor, body.decidingUnitId, 'member.write');
    const rule = await ruleOn(tx, 'discipline', body.decidedOn);
    const form = findForm(rule, body.form, body.subjectKind);
    assertDecider(form, subject.place, decider);
    assertOpen(decider, 'decidingUnitId');
    const effects = effectsOf(form);
    if (subject.kind === 'member') {
      if (subject.found.member.version !== body.memberVersion)
        throw fail.conflict('Hồ sơ đoàn viên vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.');
      assertStillMember(subject.found.member);
    } else {
      assertOpen(subject.unit, 'subjectUnitId');
    }
    const member = subject.kind === 'member' ? subject.found.member : null;
    assertDecisionDates({
      meetingOn: body.meetingOn,
      decidedOn: body.decidedOn,
      effectiveOn: body.effectiveOn,
      today: todayInVietnam(),
      immediate: effects.expels || (effects.clearsPosition && Boolean(member?.position)),
    });
    assertVote({ eligible: body.eligibleCount, present: body.presentCount, inFavour: body.inFavourCount }, rule);
    if (subject.kind === 'unit' && (await q.sameUnitDecision(tx, subject.unit.id, form.key, body.decidedOn)))
      throw fail.conflict(
        `${subject.unit.name} đã có quyết định "${form.label}" ngày ${formatDateVi(body.decidedOn)}.`,
      );
    return applyDecision(tx, ctx, {
      body,
      form,
      effects,
      decider,
      subject:
        subject.kind === 'member' ? { kind: 'member', found: subject.found } : { kind: 'unit', unit: subject.unit },
    });
  });
  return getDiscipline(db, ctx.actor, id);
}

/** Annuls a decision with a reason; its effects stay (restored, if at all, by their own procedures). */
export async function annulDiscipline(
  db: Db,
  ctx: Ctx,
  id: string,
  body: z.output<typeof annulDisciplineBody>,
): Promise<DisciplineDto> {
  await db.transaction(async (tx) => {
    const found = await q.disciplineInScope(tx, scopeOf(ctx.actor, 'member.read'), id, true);
    if (!found) throw fail.notFound('quyết định kỷ luật');
    if (!inScope(scopeOf(ctx.actor, 'member.write'), found.decidingPath))
      throw fail.forbidden('Chỉ đơn vị đã ra quyết định (hoặc cấp trên) được hủy quyết định kỷ luật.');
    const before = found.discipline;
    if (before.version !== body.version) throw staleDiscipline();
    assertAnnulment({
      status: before.status,
      decidedOn: before.decidedOn,
      annulledOn: body.annulledOn,
      today: todayInVietnam(),
    });
    const [after] = await tx
      .update(disciplines)
      .set({ status: 'annulled', annulledOn: body.annulledOn, annulReason: body.reason, version: before.version + 1 })
      .where(and(eq(disciplines.id, id), eq(disciplines.version, body.version)))
      .returning();
    if (!after) throw staleDiscipline();
    if (before.memberId) {
      const member = await memberInScope(tx, scopeOf(ctx.actor, 'member.read'), before.memberId);
      if (member)
        await recordEvents(
          tx,
          member.member,
          [
            {
              kind: 'discipline_annulled',
              note: `Hủy quyết định kỷ luật${found.decisionNumber ? ` số ${found.decisionNumber}` : ''}. Lý do: ${body.reason}`,
            },
          ],
          body.annulledOn,
          ctx.actor.userId,
        );
    }
    await audit(tx, ctx, {
      entity: 'discipline',
      entityId: id,
      action: 'annul',
      unitId: before.subjectUnitId,
      unitPath: found.subjectPath,
      before,
      after,
    });
  });
  return getDiscipline(db, ctx.actor, id);
}
