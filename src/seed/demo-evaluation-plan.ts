import { randomUUID } from 'node:crypto';
import type { CriteriaSet } from '../domain/evaluations/criteria.js';
import type { StepKey } from '../domain/evaluations/cycle-steps.js';
import type { ReinspectionMode } from '../domain/evaluations/step-flow.js';
import { lowered, sampleScores } from './demo-evaluation-scores.js';
import type { Subject, Walk } from './demo-evaluation-walk.js';

/** How far a subject has gone in its cycle: `late` is re-inspected, then reopened to its evaluation with a date now past. */
export type Stage =
  'fresh' | 'draft' | 'submitted' | 'returned' | 'evaluating' | 'evaluated' | 'reinspected' | 'late' | 'accepted';

/** A subject's way through the cycle: the stage reached, the class the level above gives, the one it claimed. */
export interface Plan {
  stage: Stage;
  target: string;
  selfTarget: string;
  sampled: boolean;
}

/** A day (ISO) and how many days later the action may fall. */
export type Around = [string, number];

export interface CycleSpec {
  programme: string;
  ownerCode: string;
  year: number;
  reinspection: ReinspectionMode;
  deadlines: Partial<Record<StepKey, string>>;
  openedOn: string;
  days: Record<'self' | 'selfCheck' | 'evaluation' | 'reinspection', Around> &
    Partial<Record<'register' | 'registerCheck', Around>> & { decision: string };
  /** The new last day a `late` subject was given when reopened. */
  lateUntil?: string;
  /** Computes the automatic evidence of every subject once walked. */
  evidence?: boolean;
  note: string;
  evidenceNote: string;
  seed: number;
  plan: (subject: Subject, index: number, set: CriteriaSet, random: () => number) => Plan;
}

const OVERRIDE_REASONS = [
  'Tỷ lệ đoàn viên tham gia sinh hoạt theo sổ điểm danh thấp hơn số liệu chi đoàn tự chấm.',
  'Chưa có minh chứng về công trình, phần việc thanh niên của chi đoàn trong năm.',
  'Sổ sách chi đoàn chưa cập nhật đầy đủ các tháng cuối năm.',
];
const NOT_RECOGNISED_REASON =
  'Qua kiểm tra: chưa xây dựng được công trình thanh niên; chi đoàn thôn 3, thôn 4 chưa sinh hoạt định kỳ hằng tháng.';
const RETURN_REASON =
  'Chưa đính kèm biên bản sinh hoạt chi đoàn tháng 9 và tháng 10; đề nghị bổ sung minh chứng tỷ lệ đoàn viên tham gia sinh hoạt rồi nộp lại.';
const REOPEN_REASON =
  'Phúc tra: điểm “Sổ sách chi đoàn” chưa khớp với sổ thực tế; đề nghị Đoàn cơ sở chấm lại và duyệt lại.';

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** A one-page PDF saying what the file is (ASCII: the standard fonts have no Vietnamese letters). */
function planPdf(lines: string[]): Buffer {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^ -~]/g, '"')
      .replace(/[()\\]/g, '\\$&');
  const text = lines
    .map((l, i) => `BT /F1 ${i === 0 ? 14 : 11} Tf 60 ${780 - i * 22} Td (${ascii(l)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export interface FileRow {
  id: string;
  evaluationId: string;
  step: string;
  fileName: string;
  contentType: string;
  size: number;
  content: Buffer;
  uploadedBy: string | null;
  createdAt: Date;
}

/** Walks one subject to its planned stage, as the subject, its evaluator and the cycle's owner would. */
export function drive(
  w: Walk,
  spec: CycleSpec,
  plan: Plan,
  actors: ReadonlyMap<string, string>,
  today: string,
  random: () => number,
  files: FileRow[],
): void {
  if (plan.stage === 'fresh') return;
  const yesterday = addDays(today, -1);
  const day = ([from, spread]: Around) => {
    const d = addDays(from, Math.floor(random() * (spread + 1)));
    return d < today ? d : yesterday;
  };
  const subject = actors.get(w.subject.code) ?? null;
  const evaluator = actors.get(w.subject.evaluatorCode) ?? null;
  const owner = actors.get(spec.ownerCode) ?? null;
  const { days, deadlines } = spec;
  if (w.state.step === 'registration' && days.register && days.registerCheck) {
    const registered = day(days.register);
    const fileName = `ke-hoach-3-chu-dong-${spec.year}.pdf`;
    const content = planPdf([
      `KE HOACH XAY DUNG DOAN CO SO "3 CHU DONG" NAM ${spec.year}`,
      w.subject.name,
      'Chu dong quan ly doan vien; chu dong xay dung ke hoach; chu dong tham muu, phoi hop.',
    ]);
    const id = randomUUID();
    w.record('file', {}, registered, subject, { after: { id, fileName } });
    const file = {
      evaluationId: w.subject.id,
      step: 'registration',
      contentType: 'application/pdf',
      uploadedBy: subject,
    };
    files.push({ ...file, id, fileName, size: content.length, content, createdAt: w.updatedAt });
    w.submit(registered, subject, deadlines.registration ?? null);
    w.approve(day(days.registerCheck), evaluator);
  }
  const selfDay = day(days.self);
  const self = sampleScores(w.set, plan.selfTarget, random);
  w.saveSelf(selfDay, subject, self, spec.evidenceNote);
  if (plan.stage === 'draft') return;
  w.submit(addDays(selfDay, Math.floor(random() * 3)), subject, deadlines.selfAssessment ?? null);
  if (plan.stage === 'submitted') return;
  if (plan.stage === 'returned') return w.returnToSubject(day(days.selfCheck), evaluator, RETURN_REASON);
  w.approve(day(days.selfCheck), evaluator);
  if (plan.stage === 'evaluating') return;
  const evaluationDay = day(days.evaluation);
  if (plan.selfTarget !== plan.target) {
    const recognition = w.set.classes[0]?.key === 'recognised';
    const reason = recognition ? NOT_RECOGNISED_REASON : pick(random, OVERRIDE_REASONS);
    const scores = lowered(w.set, self, plan.target, random, recognition ? /công trình|sinh hoạt/iu : undefined);
    w.review(evaluationDay, evaluator, scores, reason);
  }
  w.approve(evaluationDay, evaluator);
  if (plan.stage === 'evaluated') return;
  if (w.state.step === 'reinspection') {
    if (plan.stage === 'late')
      return w.reopen(day(days.reinspection), owner, 'evaluation', REOPEN_REASON, spec.lateUntil ?? yesterday);
    w.approve(day(days.reinspection), owner);
  }
  if (plan.stage === 'reinspected') return;
  w.accept(days.decision < today ? days.decision : yesterday, owner);
}
