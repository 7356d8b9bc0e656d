import type { DisciplineDto } from '../../contracts/discipline.js';
import { inScope } from '../../domain/auth/permissions.js';
import type { DisciplineForm } from '../../domain/rules/rule-sets.js';
import { DEFAULT_RULES } from '../../domain/rules/rule-sets.js';
import type { DisciplineStatus } from '../../domain/workflows/discipline.js';
import type { DisciplineListRow } from './discipline.queries.js';

/** A form by key from the forms in force, then the defaults (older records may use a retired form). */
export function formOf(forms: readonly DisciplineForm[], key: string): DisciplineForm | null {
  return forms.find((f) => f.key === key) ?? DEFAULT_RULES.discipline.forms.find((f) => f.key === key) ?? null;
}

/** A discipline record as the API shows it; `writeScope` decides whether the actor may annul it. */
export function toDisciplineDto(
  r: DisciplineListRow,
  forms: readonly DisciplineForm[],
  writeScope: readonly string[],
): DisciplineDto {
  const d = r.discipline;
  const form = formOf(forms, d.form);
  return {
    id: d.id,
    subjectKind: d.subjectKind as 'member' | 'unit',
    memberId: d.memberId,
    memberName: r.memberName,
    subjectUnitId: d.subjectUnitId,
    subjectUnitName: r.subjectUnitName,
    decidingUnitId: d.decidingUnitId,
    decidingUnitName: r.decidingUnitName,
    form: d.form,
    formLabel: form?.label ?? d.form,
    reason: d.reason,
    meetingOn: d.meetingOn,
    eligibleCount: d.eligibleCount,
    presentCount: d.presentCount,
    inFavourCount: d.inFavourCount,
    secretBallot: d.secretBallot,
    decidedOn: d.decidedOn,
    effectiveOn: d.effectiveOn,
    decision: d.decisionId && r.decisionNumber ? { id: d.decisionId, numberText: r.decisionNumber } : null,
    status: d.status as DisciplineStatus,
    annulledOn: d.annulledOn,
    annulReason: d.annulReason,
    version: d.version,
    dissolvesUnit: d.subjectKind === 'unit' && Boolean(form?.endsMembership),
    canAnnul: d.status === 'decided' && inScope(writeScope, r.decidingPath),
  };
}
