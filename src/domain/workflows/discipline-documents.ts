import type { DocumentData } from '../documents/document-data.js';
import type { DisciplineForm } from '../rules/rule-sets.js';
import { formatDateVi } from '../text/dates.js';
import {
  CHARTER_GROUNDS,
  clause,
  DECISION_RECIPIENTS,
  memberFields,
  memberPhrase,
  type DocumentMember,
} from './member-exit-documents.js';

/** The meeting and decision a discipline document states. */
export interface DisciplineDecisionInput {
  form: Pick<DisciplineForm, 'key' | 'label' | 'endsPosition' | 'endsMembership'>;
  reason: string;
  meetingOn: string;
  eligible: number;
  present: number;
  inFavour: number;
  secretBallot: boolean;
  decidedOn: string;
  effectiveOn: string;
  /** The member disciplined (member subject) ... */
  member?: DocumentMember & { position: string | null };
  /** ... or the unit disciplined (unit subject). */
  unitName?: string;
}

function voteGrounds(i: DisciplineDecisionInput): string {
  const ballot = i.secretBallot ? ', biểu quyết bằng phiếu kín' : '';
  return `Căn cứ biên bản hội nghị ngày ${formatDateVi(i.meetingOn)}: có mặt ${i.present}/${i.eligible} đồng chí, ${i.inFavour}/${i.present} đồng chí tán thành${ballot};`;
}

function article1(i: DisciplineDecisionInput): string {
  const label = i.form.label.toLocaleLowerCase('vi');
  const reason = `Lý do: ${clause(i.reason)}.`;
  if (i.unitName) {
    if (i.form.endsMembership) return `Điều 1. Giải tán ${i.unitName}. ${reason}`;
    return `Điều 1. Thi hành kỷ luật bằng hình thức ${label} đối với ${i.unitName}. ${reason}`;
  }
  const m = i.member!;
  const extra = i.form.endsMembership
    ? ' và xóa tên khỏi danh sách đoàn viên'
    : i.form.endsPosition && m.position
      ? `, thôi giữ chức vụ ${m.position}`
      : '';
  return `Điều 1. Thi hành kỷ luật bằng hình thức ${label} đối với ${memberPhrase(m)}${extra}. ${reason}`;
}

/** The discipline decision (quyết định kỷ luật) of a member or a unit. */
export function disciplineDecisionData(i: DisciplineDecisionInput): DocumentData {
  const subjectName = i.unitName ?? i.member!.branchName;
  const executor = i.unitName
    ? `${i.unitName} và các đơn vị có liên quan`
    : `${subjectName} và đồng chí có tên tại Điều 1`;
  return {
    body: [
      CHARTER_GROUNDS,
      'Căn cứ Hướng dẫn thực hiện Điều lệ Đoàn TNCS Hồ Chí Minh;',
      voteGrounds(i),
      'QUYẾT ĐỊNH:',
      article1(i),
      `Điều 2. Quyết định có hiệu lực kể từ ngày ${formatDateVi(i.effectiveOn)}.`,
      `Điều 3. ${executor} căn cứ Quyết định thi hành.`,
    ],
    recipients: DECISION_RECIPIENTS,
    fields: {
      ...(i.member ? memberFields(i.member) : { unitName: i.unitName ?? '' }),
      form: i.form.label,
      reason: clause(i.reason),
      meetingOn: formatDateVi(i.meetingOn),
      decidedOn: formatDateVi(i.decidedOn),
      effectiveOn: formatDateVi(i.effectiveOn),
      present: String(i.present),
      eligible: String(i.eligible),
      inFavour: String(i.inFavour),
    },
  };
}
