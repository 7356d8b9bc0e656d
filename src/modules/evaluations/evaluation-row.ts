import type { EvaluationRow } from '../../contracts/evaluations.js';

/** A class as the criteria set names it. */
type ClassName = { key: string; label: string };

/** The label of a class key in a set's classes; the key itself when the set no longer has it, null without a key. */
export function classLabel(classes: readonly ClassName[], key: string | null): string | null {
  if (!key) return null;
  return classes.find((c) => c.key === key)?.label ?? key;
}

/** The columns a subject row is read with, as SQL returns them. */
export interface EvaluationRowSql {
  id: string;
  subject_name: string;
  unit_id: string;
  unit_name: string;
  member_id: string | null;
  step: EvaluationRow['step'];
  status: EvaluationRow['status'];
  total: string | null;
  class_key: string | null;
  self_class: string | null;
  deadline: string | null;
  late: boolean;
  follow_up_name: string | null;
}

/** One subject row of a list, its classes named by the set. */
export function toEvaluationRow(r: EvaluationRowSql, classes: readonly ClassName[]): EvaluationRow {
  return {
    id: r.id,
    subjectName: r.subject_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    memberId: r.member_id,
    step: r.step,
    status: r.status,
    total: r.total === null ? null : Number(r.total),
    classKey: r.class_key,
    classLabel: classLabel(classes, r.class_key),
    selfClassLabel: classLabel(classes, r.self_class),
    deadline: r.deadline,
    late: r.late,
    followUpName: r.follow_up_name,
  };
}
