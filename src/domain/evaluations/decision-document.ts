import type { DocumentData } from '../documents/document-data.js';
import { GRASSROOTS_KINDS } from '../org/unit-kind.js';
import { CHARTER_GROUNDS, clause, DECISION_RECIPIENTS } from '../workflows/member-exit-documents.js';
import type { EvaluationSubject } from './criteria.js';

/** One subject named in the list attached to the decision. */
export interface EvaluationDecisionRow {
  subjectName: string;
  /** The unit directly above the subject (the branch of a member, the đoàn cơ sở of a branch...). */
  parentName: string;
  classLabel: string;
  total: number | null;
}

/** What the recognition or rating decision of an evaluation cycle states. */
export interface EvaluationDecisionInput {
  /** The issuing unit as stored ("Huyện đoàn Đức Trọng"): "Ban Thường vụ Huyện đoàn Đức Trọng" is built from it. */
  issuingUnitName: string;
  /** Level kind of the issuing unit: a đoàn cơ sở decides through its Ban Chấp hành, the levels above through their Ban Thường vụ. Guessed from the name when absent. */
  issuingUnitKind?: string;
  /** The programme as users know it: "Đoàn cơ sở “3 chủ động”", "Xếp loại chi đoàn". */
  programmeTitle: string;
  /** "năm 2025", "6 tháng đầu năm 2025". */
  cycleLabel: string;
  /** True for a recognition programme ("công nhận đạt ..."), false for a rating ("công nhận kết quả xếp loại"). */
  recognition: boolean;
  /** What is evaluated; names the subjects in the text ("đơn vị" when absent). */
  subject?: EvaluationSubject;
  /** The subjects the decision names, in the order of the attached list (a recognition lists only those recognised). */
  rows: EvaluationDecisionRow[];
  /** Extra "Căn cứ ..." lines, printed after the criteria set and plan. */
  basis?: string[];
}

const SUBJECT_NOUNS: Record<EvaluationSubject, string> = {
  member: 'đoàn viên',
  branch: 'chi đoàn',
  grassroots: 'Đoàn cơ sở',
};

/** Names of units that decide through their standing committee (Ban Thường vụ). */
const STANDING_NAME = /^(trung ương|tỉnh đoàn|thành đoàn|huyện đoàn|quận đoàn|thị đoàn|thành phố đoàn|đoàn khối)\s/iu;

/** More named units than this are summed up as "các đơn vị trực thuộc". */
const MAX_NAMED_UNITS = 3;

const unique = (values: readonly string[]) => [...new Set(values)];
const upper = (text: string) => text.toLocaleUpperCase('vi');

/** A count as decisions write it, two digits below ten: "03", "12". */
export function countText(n: number): string {
  return String(n).padStart(2, '0');
}

/** A score as printed in Vietnamese, with a decimal comma: 87.5 -> "87,5"; empty when there is none. */
export function scoreText(total: number | null): string {
  if (total === null || !Number.isFinite(total)) return '';
  return String(Math.round(total * 100) / 100).replace('.', ',');
}

function isStanding(unitName: string, unitKind: string | undefined): boolean {
  if (unitKind) return !GRASSROOTS_KINDS.includes(unitKind) && unitKind !== 'sub_grassroots';
  return STANDING_NAME.test(unitName.trim());
}

/** "Ban Thường vụ Huyện đoàn X" above đoàn cơ sở level, "Ban Chấp hành Đoàn phường Y" otherwise. */
export function committeeName(unitName: string, unitKind?: string): string {
  const body = isStanding(unitName, unitKind) ? 'Ban Thường vụ' : 'Ban Chấp hành';
  return `${body} ${unitName.trim()}`;
}

/**
 * A title inside a sentence: its first letter in lower case ("Xếp loại chi đoàn" -> "xếp loại chi đoàn"), except
 * for a name of the union's organisations ("Đoàn cơ sở ...") and abbreviations.
 */
function inSentence(title: string): string {
  const text = title.trim();
  if (/^Đoàn\s/u.test(text)) return text;
  const [first = '', second = ''] = [...text];
  if (second !== '' && /\p{Lu}/u.test(second)) return text;
  return `${first.toLocaleLowerCase('vi')}${text.slice(first.length)}`;
}

/** The year of the cycle ("năm 2025") when the label names one, for the yearly rating and commendation. */
function yearText(cycleLabel: string): string {
  const year = /\b(\d{4})\b/u.exec(cycleLabel)?.[1];
  return year ? ` năm ${year}` : '';
}

function nounOf(input: EvaluationDecisionInput): string {
  return input.subject ? SUBJECT_NOUNS[input.subject] : 'đơn vị';
}

/** The units above the subjects other than the issuer, and whether some subjects sit directly under it. */
function parentsOf(input: EvaluationDecisionInput): { others: string[]; direct: boolean } {
  const issuer = input.issuingUnitName.trim();
  const parents = unique(input.rows.map((r) => r.parentName.trim()).filter((name) => name !== ''));
  const others = parents.filter((name) => name !== issuer);
  return { others, direct: input.rows.some((r) => r.parentName.trim() === issuer) };
}

/** "Ban Chấp hành A, Ban Chấp hành B" (or "các đơn vị trực thuộc" past a few), then the direct subjects. */
function unitsPhrase(input: EvaluationDecisionInput, others: string[], direct: boolean): string {
  const noun = nounOf(input);
  const named =
    others.length > MAX_NAMED_UNITS
      ? 'Ban Chấp hành các đơn vị trực thuộc'
      : others.map((name) => committeeName(name)).join(', ');
  return direct ? `${named} và các ${noun} trực thuộc` : named;
}

function grounds(input: EvaluationDecisionInput): string[] {
  const { others, direct } = parentsOf(input);
  const extra = (input.basis ?? []).map((line) => clause(line)).filter((line) => line !== '');
  const proposal =
    others.length === 0
      ? `Xét kết quả tự đánh giá và đề nghị của các ${nounOf(input)} trực thuộc,`
      : `Xét đề nghị của ${unitsPhrase(input, others, direct)},`;
  return [
    CHARTER_GROUNDS,
    `Căn cứ bộ tiêu chí ${inSentence(input.programmeTitle)} và kế hoạch đánh giá ${input.cycleLabel.trim()};`,
    ...extra.map((line) => `${line};`),
    proposal,
  ];
}

/** Subjects per class, in the order of the list: "01 “Hoàn thành xuất sắc nhiệm vụ”, 02 “Hoàn thành tốt nhiệm vụ”". */
function classSummary(rows: readonly EvaluationDecisionRow[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.classLabel, (counts.get(row.classLabel) ?? 0) + 1);
  return [...counts].map(([label, n]) => `${countText(n)} “${label}”`).join(', ');
}

function article1(input: EvaluationDecisionInput): string {
  const n = countText(input.rows.length);
  const noun = nounOf(input);
  const listed = `${n} ${noun} có tên trong danh sách kèm theo Quyết định này`;
  const cycle = input.cycleLabel.trim();
  const classes = new Set(input.rows.map((r) => r.classLabel));
  if (input.recognition) {
    const detail = classes.size > 1 ? ` (${classSummary(input.rows)})` : '';
    return `Điều 1. Công nhận ${listed} đạt ${input.programmeTitle.trim()} ${cycle}${detail}.`;
  }
  const detail = input.rows.length > 0 ? `, trong đó: ${classSummary(input.rows)}` : '';
  return `Điều 1. Công nhận kết quả ${inSentence(input.programmeTitle)} ${cycle} đối với ${listed} (mức xếp loại của từng ${noun} ghi trong danh sách)${detail}.`;
}

function article2(input: EvaluationDecisionInput): string {
  const what = input.recognition ? 'công nhận' : 'xếp loại';
  return `Điều 2. Kết quả ${what} tại Điều 1 là căn cứ để đánh giá, xếp loại hằng năm và xét khen thưởng công tác Đoàn và phong trào thanh thiếu nhi${yearText(input.cycleLabel)} đối với các ${nounOf(input)} có tên trong danh sách.`;
}

function article3(input: EvaluationDecisionInput): string {
  const { others } = parentsOf(input);
  const issuer = input.issuingUnitName.trim();
  const offices = isStanding(issuer, input.issuingUnitKind) ? [`Văn phòng, các ban ${issuer}`] : [];
  const units =
    others.length > MAX_NAMED_UNITS
      ? ['Ban Chấp hành các đơn vị trực thuộc']
      : others.map((name) => committeeName(name));
  const parts = [...offices, ...units];
  const lead = parts.length > 0 ? `${parts.join(', ')} và các` : 'Các';
  return `Điều 3. ${lead} ${nounOf(input)} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`;
}

const COLUMN_HEADERS = {
  unit: { subjectName: 'Tên đơn vị', parentName: 'Trực thuộc' },
  member: { subjectName: 'Họ và tên', parentName: 'Chi đoàn' },
} as const;

function columnsOf(input: EvaluationDecisionInput): Record<string, string> {
  const names = input.subject === 'member' ? COLUMN_HEADERS.member : COLUMN_HEADERS.unit;
  return { ...names, classLabel: input.recognition ? 'Kết quả' : 'Xếp loại', total: 'Điểm' };
}

/**
 * The subject of the decision as registered and printed after "V/v": "Công nhận Đoàn cơ sở “3 chủ động” năm 2025",
 * "Công nhận kết quả xếp loại chi đoàn năm 2025".
 */
export function evaluationDecisionSubject(
  input: Pick<EvaluationDecisionInput, 'programmeTitle' | 'cycleLabel' | 'recognition'>,
): string {
  const cycle = input.cycleLabel.trim();
  if (input.recognition) return `Công nhận ${input.programmeTitle.trim()} ${cycle}`;
  return `Công nhận kết quả ${inSentence(input.programmeTitle)} ${cycle}`;
}

/**
 * The decision recognising the subjects of an evaluation cycle, or their rating (quyết định công nhận kết quả đánh
 * giá, xếp loại): the issuing committee, the grounds, three articles, the recipients and the attached list (name, unit
 * above, class, score). Pure: the documents module numbers, stores and renders it.
 */
export function evaluationDecisionData(input: EvaluationDecisionInput): DocumentData {
  const issuer = input.issuingUnitName.trim();
  return {
    body: [
      upper(committeeName(issuer, input.issuingUnitKind)),
      ...grounds(input),
      'QUYẾT ĐỊNH:',
      article1(input),
      article2(input),
      article3(input),
    ],
    recipients: DECISION_RECIPIENTS,
    columns: columnsOf(input),
    rows: input.rows.map((r) => ({
      subjectName: r.subjectName,
      parentName: r.parentName,
      classLabel: r.classLabel,
      total: scoreText(r.total),
    })),
    fields: {
      count: String(input.rows.length),
      issuingUnitName: issuer,
      programmeTitle: input.programmeTitle.trim(),
      cycleLabel: input.cycleLabel.trim(),
      decisionKind: input.recognition ? 'recognition' : 'rating',
    },
  };
}
