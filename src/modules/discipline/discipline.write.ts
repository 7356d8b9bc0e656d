import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { disciplines } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type { createDisciplineBody } from '../../contracts/discipline.js';
import { fail } from '../../domain/errors.js';
import type { DisciplineForm } from '../../domain/rules/rule-sets.js';
import { formatDateVi } from '../../domain/text/dates.js';
import type { DisciplineEffects } from '../../domain/workflows/discipline.js';
import { disciplineDecisionData } from '../../domain/workflows/discipline-documents.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { issueDocument } from '../documents/documents.issue.js';
import { endActiveCard } from '../member-cards/member-cards.service.js';
import { eventsForChange, recordEvents } from '../members/members.events.js';
import { documentMember, updateMemberVersioned, type ScopedMember } from '../member-exits/member-exits.queries.js';
import type { UnitRow } from '../org-units/org-units.queries.js';

type Ctx = RequestContext & { actor: Actor };

/** A checked decision, ready to be written. */
export interface CheckedDecision {
  body: z.output<typeof createDisciplineBody>;
  form: DisciplineForm;
  effects: DisciplineEffects;
  decider: UnitRow;
  subject: { kind: 'member'; found: ScopedMember } | { kind: 'unit'; unit: UnitRow };
}

/**
 * Writes a checked decision in the caller's transaction: the discipline row, the decision document, the
 * member's new version with its effects and history events, the end of the card on expulsion, one audit row.
 * Returns the new record's id.
 */
export async function applyDecision(tx: DbOrTx, ctx: Ctx, d: CheckedDecision): Promise<string> {
  const { body, form, effects, decider, subject } = d;
  const member = subject.kind === 'member' ? subject.found.member : null;
  const subjectUnitId = subject.kind === 'member' ? subject.found.member.unitId : subject.unit.id;
  const subjectPath = subject.kind === 'member' ? subject.found.unitPath : subject.unit.path;
  const [row] = await tx
    .insert(disciplines)
    .values({
      subjectKind: subject.kind,
      memberId: member?.id ?? null,
      subjectUnitId,
      decidingUnitId: decider.id,
      form: form.key,
      reason: body.reason,
      meetingOn: body.meetingOn,
      eligibleCount: body.eligibleCount,
      presentCount: body.presentCount,
      inFavourCount: body.inFavourCount,
      secretBallot: body.secretBallot,
      decidedOn: body.decidedOn,
      effectiveOn: body.effectiveOn,
      createdBy: ctx.actor.userId,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  const vote = {
    reason: body.reason,
    meetingOn: body.meetingOn,
    eligible: body.eligibleCount,
    present: body.presentCount,
    inFavour: body.inFavourCount,
    secretBallot: body.secretBallot,
    decidedOn: body.decidedOn,
    effectiveOn: body.effectiveOn,
  };
  const subjectName = member ? `đồng chí ${member.fullName}` : subject.kind === 'unit' ? subject.unit.name : '';
  const doc = await issueDocument(tx, ctx, {
    unitId: decider.id,
    unitPath: decider.path,
    kind: 'discipline_decision',
    issuedOn: body.decidedOn,
    subject: `Thi hành kỷ luật ${form.label.toLocaleLowerCase('vi')} đối với ${subjectName}`,
    data:
      subject.kind === 'member'
        ? disciplineDecisionData({
            ...vote,
            form,
            member: documentMember(subject.found.member, subject.found.unitName),
          })
        : disciplineDecisionData({ ...vote, form, unitName: subject.unit.name }),
    entity: 'discipline',
    entityId: row.id,
    signerTitle: body.signerTitle ?? null,
    signerName: body.signerName ?? null,
  });
  await tx.update(disciplines).set({ decisionId: doc.id }).where(eq(disciplines.id, row.id));

  if (member && body.memberVersion !== undefined) {
    const after = await updateMemberVersioned(tx, member.id, body.memberVersion, {
      ...(effects.clearsPosition && member.position ? { position: null } : {}),
      ...(effects.expels ? { status: 'expelled' } : {}),
    });
    if (!after) throw fail.conflict('Hồ sơ đoàn viên vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.');
    const decision = `${form.label} theo Quyết định số ${doc.numberText} ngày ${formatDateVi(body.decidedOn)} của ${decider.name}`;
    await recordEvents(
      tx,
      after,
      [
        { kind: 'discipline', note: `${decision}. Lý do: ${body.reason}` },
        ...eventsForChange(member, after).map((e) => ({ ...e, note: decision })),
      ],
      body.effectiveOn,
      ctx.actor.userId,
    );
    if (effects.expels) await endActiveCard(tx, member.id, body.effectiveOn, 'Khai trừ', ctx.actor.userId);
  }
  await audit(tx, ctx, {
    entity: 'discipline',
    entityId: row.id,
    action: 'decide',
    unitId: subjectUnitId,
    unitPath: subjectPath,
    after: { ...row, decisionId: doc.id },
  });
  return row.id;
}
