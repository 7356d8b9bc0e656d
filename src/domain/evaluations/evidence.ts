import { monthsOwed } from '../branch-life/fee-arrears.js';
import { firstCountedMonth, judgedUntil, requiredPeriods } from '../branch-life/indicators.js';
import { monthLabel, type Month } from '../branch-life/months.js';
import { missingRecordFields, type RecordFacts } from '../branch-life/review.js';
import { formatDateVi } from '../text/dates.js';
import { EVIDENCE_KEYS, type EvidenceKey } from './criteria.js';
import { STEP_LABELS, type StepKey, type StepStatus } from './cycle-steps.js';

/**
 * Automatic evidence (minh chứng tự động): figures computed from the system's own records, shown next to the
 * criteria items that name an evidence key when a member, a branch or a đoàn cơ sở is evaluated.
 *
 * Choices where the sources are silent:
 * - facts (attendance, admissions, introductions, care) count up to today while the period runs;
 * - requirements (a meeting and a member review per meeting period, the fee of each month) are judged on the
 *   periods already over, as the branch indicators do: a month still running is not required yet;
 * - a branch answers yes/no (every branch requirement met), a đoàn cơ sở a share of its branches or members;
 * - "usesMemberSoftware" reads the member records as they are now (they keep no history): complete records are
 *   those the monthly review does not list as "Thiếu thông tin hồ sơ";
 * - there are no "Rèn luyện đoàn viên" records in the system yet: `trainingDone` is always without data;
 * - `threeProactive` reads a đoàn cơ sở's "3 chủ động" evaluation of the same year (recognised or not once decided),
 *   whatever the half-year rated: the recognition is yearly.
 */

/** 0 for the whole year, 1 or 2 for the first or second half. */
export type EvaluationHalf = 0 | 1 | 2;

/** One figure shown next to an item (the `evidenceFigure` contract). */
export interface EvidenceFigureData {
  key: EvidenceKey;
  label: string;
  value: number | boolean | null;
  text: string;
}

/** Vietnamese names of the evidence keys. */
export const EVIDENCE_LABELS: Record<EvidenceKey, string> = {
  meetsMonthly: 'Sinh hoạt chi đoàn định kỳ',
  usesMemberSoftware: 'Quản lý đoàn viên trên phần mềm',
  monthlyReviewDone: 'Rà soát đoàn viên hằng tháng',
  recruiterCredits: 'Phát triển đoàn viên mới (chủ trương 1 + 1)',
  attendanceShare: 'Tỷ lệ tham gia sinh hoạt chi đoàn',
  feePaid: 'Đóng đoàn phí',
  trainingDone: 'Chương trình “Rèn luyện đoàn viên”',
  careListKept: 'Danh sách chăm lo',
  partyIntroductions: 'Giới thiệu đoàn viên ưu tú cho Đảng',
  threeProactive: 'Kết quả xây dựng Đoàn cơ sở “3 chủ động”',
};

/** The text of a figure that only a đoàn cơ sở has. */
export const ONLY_GRASSROOTS_TEXT = 'Chỉ áp dụng khi đánh giá đoàn cơ sở';
/** The text of a figure the system has no records for. */
export const NO_DATA_TEXT = 'Chưa có dữ liệu trong hệ thống';
/** The text of a figure that does not apply to the subject. */
export const NOT_FOR_MEMBER_TEXT = 'Không áp dụng khi đánh giá đoàn viên';
/** The text of every figure of a period that has not begun. */
export const NOT_STARTED_TEXT = 'Kỳ đánh giá chưa bắt đầu';
/** The text of a requirement while no month of the period is over. */
export const NOTHING_JUDGED_TEXT = 'Chưa hết tháng nào của kỳ đánh giá';

/** The evaluated period and the months its figures count. */
export interface EvidencePeriod {
  year: number;
  half: EvaluationHalf;
  /** First and last month of the period. */
  from: Month;
  to: Month;
  /** The day the figures are computed on. */
  today: string;
  /** Last month whose facts count: `to`, or this month while the period runs (before `from` when not begun). */
  factsUntil: Month;
  /** Last month judged against a monthly requirement: `to`, or the last month over while the period runs. */
  closedUntil: Month;
}

/** The months of a year or half-year, as seen on `today` (yyyy-mm-dd). */
export function evidencePeriod(year: number, half: EvaluationHalf, today: string): EvidencePeriod {
  const from: Month = `${year}-${half === 2 ? '07' : '01'}`;
  const to: Month = `${year}-${half === 1 ? '06' : '12'}`;
  const thisMonth = today.slice(0, 7);
  return {
    year,
    half,
    from,
    to,
    today,
    factsUntil: thisMonth < to ? thisMonth : to,
    closedUntil: judgedUntil(to, 1, today),
  };
}

/** The meeting periods of a branch meeting every `everyMonths` months, judged over the period. */
export interface CadenceWindow {
  everyMonths: number;
  /** First month whose meetings count (the start of the period holding `from`). */
  first: Month;
  /** Last month judged (a period still running is not required yet); before `first` when none is. */
  last: Month;
  /** Meeting periods required. */
  required: number;
}

/** The judged meeting periods of a cadence (the branch indicators' rule). */
export function cadenceWindow(period: EvidencePeriod, everyMonths: number): CadenceWindow {
  const last = judgedUntil(period.to, everyMonths, period.today);
  return {
    everyMonths,
    first: firstCountedMonth(period.from, everyMonths),
    last,
    required: requiredPeriods(period.from, last, everyMonths),
  };
}

/** Raw facts of one member. */
export interface MemberEvidenceRaw {
  subject: 'member';
  record: RecordFacts;
  /** Latest month paid, the month joined, the first month the member's branch recorded a fee. */
  paidUpTo: Month | null;
  joinedMonth: Month | null;
  ledgerStart: Month | null;
  /** Attendance marks at held meetings of the period, and those "present". */
  marked: number;
  present: number;
  /** Candidates admitted in the period whom the member recruited (1 + 1). */
  credited: number;
}

/** Raw counts of a branch (itself) or of a đoàn cơ sở (the branches and members below it). */
export interface UnitEvidenceRaw {
  subject: 'branch' | 'grassroots';
  /** Branches open during the period. */
  branches: number;
  /** Months between meetings of the branch itself (for its wording). */
  everyMonths: number;
  /** Branches with at least one meeting period judged, and those that met every one / reviewed at every one. */
  branchesJudged: number;
  branchesMeetingCharter: number;
  branchesReviewedAll: number;
  /** Meeting periods held, reviewed and required, summed over the branches. */
  heldPeriods: number;
  reviewedPeriods: number;
  requiredPeriods: number;
  /** Present and expected counts of the held meetings. */
  present: number;
  expected: number;
  /** Members in the union, and those with a complete record. */
  members: number;
  completeRecords: number;
  /** Members whose fee standing is known (they paid, or their branch keeps a fee ledger), and those not owing. */
  feeKnown: number;
  feePaid: number;
  /** Branches that never recorded a fee. */
  branchesWithoutLedger: number;
  /** Members admitted in the period; of them, those credited to a recruiter of the unit, and the recruiters. */
  admitted: number;
  credited: number;
  recruiters: number;
  /** Members introduced to the Party in the period, and those of them admitted. */
  introduced: number;
  introducedAdmitted: number;
  /** People on the care list during the period, and help given in it. */
  careListed: number;
  careHelpGiven: number;
  /** A đoàn cơ sở's "3 chủ động" result of the period's year; null or absent when it was not enrolled. */
  threeProactive?: ThreeProactiveResult | null;
}

/** A đoàn cơ sở's "Đoàn cơ sở 3 chủ động" evaluation of a year, as its cycle holds it. */
export interface ThreeProactiveResult {
  /** The step it is at and its state there ("accepted" once the decision recognised it or not). */
  step: StepKey;
  status: StepStatus;
  /** True when the class is the programme's first ("Đạt"), false for another class, null without a class. */
  recognised: boolean | null;
  /** The decision's date (yyyy-mm-dd) once accepted. */
  decidedOn: string | null;
}

/** The raw facts of one subject. */
export type EvidenceRaw = MemberEvidenceRaw | UnitEvidenceRaw;

/** "1.234" (Vietnamese thousands separator). */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "83,3%" (one decimal, Vietnamese decimal comma). */
export function formatShare(share: number): string {
  return `${String(Math.round(share * 1000) / 10).replace('.', ',')}%`;
}

const ratio = (n: number, d: number) => `${formatCount(n)}/${formatCount(d)}`;

/** "tháng", "quý" or "kỳ 2 tháng": the meeting period of a cadence. */
export function cadenceWord(everyMonths: number): string {
  if (everyMonths === 1) return 'tháng';
  if (everyMonths === 3) return 'quý';
  return `kỳ ${everyMonths} tháng`;
}

/** " (tính đến tháng 11/2025)" when the judged months stop before the period's end. */
function judgedNote(period: EvidencePeriod, last: Month): string {
  return last < period.to ? ` (tính đến tháng ${monthLabel(last)})` : '';
}

/** " (tính đến ngày 15/12/2025)" while the period runs. */
function factsNote(period: EvidencePeriod): string {
  return period.factsUntil < period.to ? ` (tính đến ngày ${formatDateVi(period.today)})` : '';
}

function figure(key: EvidenceKey, value: number | boolean | null, text: string): EvidenceFigureData {
  return { key, label: EVIDENCE_LABELS[key], value, text };
}

const noData = (key: EvidenceKey) => figure(key, null, NO_DATA_TEXT);

/** "n/d <text> (pct)<note>". */
function shareFigure(key: EvidenceKey, n: number, d: number, text: string, note = ''): EvidenceFigureData {
  return figure(key, n / d, `${ratio(n, d)} ${text} (${formatShare(n / d)})${note}`);
}

// ---------------------------------------------------------------- units

function unitMeetings(raw: UnitEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  if (raw.branches === 0) return noData('meetsMonthly');
  if (raw.branchesJudged === 0) return figure('meetsMonthly', null, NOTHING_JUDGED_TEXT);
  if (raw.subject === 'grassroots')
    return shareFigure(
      'meetsMonthly',
      raw.branchesMeetingCharter,
      raw.branchesJudged,
      'chi đoàn sinh hoạt đủ các kỳ theo Điều lệ Đoàn',
      judgedNote(period, period.closedUntil),
    );
  const last = cadenceWindow(period, raw.everyMonths).last;
  return figure(
    'meetsMonthly',
    raw.branchesMeetingCharter === raw.branchesJudged,
    `${ratio(raw.heldPeriods, raw.requiredPeriods)} ${cadenceWord(raw.everyMonths)} có sinh hoạt chi đoàn${judgedNote(period, last)}`,
  );
}

function unitReviews(raw: UnitEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  if (raw.branches === 0) return noData('monthlyReviewDone');
  if (raw.branchesJudged === 0) return figure('monthlyReviewDone', null, NOTHING_JUDGED_TEXT);
  if (raw.subject === 'grassroots')
    return shareFigure(
      'monthlyReviewDone',
      raw.branchesReviewedAll,
      raw.branchesJudged,
      'chi đoàn rà soát đoàn viên ở mọi kỳ sinh hoạt',
      judgedNote(period, period.closedUntil),
    );
  const last = cadenceWindow(period, raw.everyMonths).last;
  return figure(
    'monthlyReviewDone',
    raw.branchesReviewedAll === raw.branchesJudged,
    `Rà soát đoàn viên ${ratio(raw.reviewedPeriods, raw.requiredPeriods)} ${cadenceWord(raw.everyMonths)}${judgedNote(period, last)}`,
  );
}

function unitAttendance(raw: UnitEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  if (raw.expected === 0) return noData('attendanceShare');
  return shareFigure(
    'attendanceShare',
    raw.present,
    raw.expected,
    'lượt đoàn viên có mặt tại các buổi sinh hoạt',
    factsNote(period),
  );
}

function unitRecords(raw: UnitEvidenceRaw): EvidenceFigureData {
  if (raw.members === 0) return noData('usesMemberSoftware');
  return shareFigure(
    'usesMemberSoftware',
    raw.completeRecords,
    raw.members,
    'đoàn viên có hồ sơ đầy đủ thông tin trên phần mềm',
  );
}

function unitFees(raw: UnitEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  if (period.closedUntil < period.from) return figure('feePaid', null, NOTHING_JUDGED_TEXT);
  if (raw.feeKnown === 0) return noData('feePaid');
  const until = `đoàn viên đã đóng đoàn phí đến tháng ${monthLabel(period.closedUntil)}`;
  if (raw.subject === 'branch')
    return figure('feePaid', raw.feePaid === raw.feeKnown, `${ratio(raw.feePaid, raw.feeKnown)} ${until}`);
  const unrecorded =
    raw.branchesWithoutLedger > 0
      ? `; ${formatCount(raw.branchesWithoutLedger)}/${formatCount(raw.branches)} chi đoàn chưa ghi đoàn phí trên hệ thống`
      : '';
  const paid = shareFigure('feePaid', raw.feePaid, raw.feeKnown, until);
  return { ...paid, text: paid.text + unrecorded };
}

function unitRecruitment(raw: UnitEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  const credit =
    raw.credited > 0
      ? `${formatCount(raw.credited)} người do ${formatCount(raw.recruiters)} đoàn viên vận động (chủ trương 1 + 1)`
      : 'chưa ghi nhận thanh niên nào do đoàn viên vận động (chủ trương 1 + 1)';
  return figure(
    'recruiterCredits',
    raw.credited,
    `Kết nạp ${formatCount(raw.admitted)} đoàn viên mới; ${credit}${factsNote(period)}`,
  );
}

function unitIntroductions(raw: UnitEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  if (raw.introduced === 0)
    return figure('partyIntroductions', 0, `Chưa giới thiệu đoàn viên ưu tú nào cho Đảng${factsNote(period)}`);
  return figure(
    'partyIntroductions',
    raw.introduced,
    `Giới thiệu ${formatCount(raw.introduced)} đoàn viên ưu tú cho Đảng, ${formatCount(raw.introducedAdmitted)} đã được kết nạp vào Đảng${factsNote(period)}`,
  );
}

function unitCare(raw: UnitEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  if (raw.careListed === 0) return figure('careListKept', 0, `Chưa có ai trong danh sách chăm lo${factsNote(period)}`);
  return figure(
    'careListKept',
    raw.careListed,
    `Danh sách chăm lo có ${formatCount(raw.careListed)} người; ${formatCount(raw.careHelpGiven)} lượt hỗ trợ đã trao trong kỳ${factsNote(period)}`,
  );
}

/**
 * The đoàn cơ sở's "3 chủ động" result of the same year ("the result feeds the đoàn cơ sở rating"): recognised or
 * not once decided, still under way, or no data when the unit was not enrolled.
 */
function unitThreeProactive(raw: UnitEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  if (raw.subject !== 'grassroots') return figure('threeProactive', null, ONLY_GRASSROOTS_TEXT);
  const r = raw.threeProactive;
  if (!r) return noData('threeProactive');
  const year = period.year;
  if (r.status === 'accepted' && r.recognised !== null) {
    const decided = r.decidedOn ? ` (quyết định ngày ${formatDateVi(r.decidedOn)})` : '';
    return r.recognised
      ? figure('threeProactive', true, `Được công nhận Đoàn cơ sở “3 chủ động” năm ${year}${decided}`)
      : figure('threeProactive', false, `Chưa đạt Đoàn cơ sở “3 chủ động” năm ${year}${decided}`);
  }
  return figure(
    'threeProactive',
    null,
    `Chưa có kết quả công nhận Đoàn cơ sở “3 chủ động” năm ${year} (đang ở bước ${STEP_LABELS[r.step]})`,
  );
}

function unitFigure(key: EvidenceKey, raw: UnitEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  switch (key) {
    case 'meetsMonthly':
      return unitMeetings(raw, period);
    case 'usesMemberSoftware':
      return unitRecords(raw);
    case 'monthlyReviewDone':
      return unitReviews(raw, period);
    case 'recruiterCredits':
      return unitRecruitment(raw, period);
    case 'attendanceShare':
      return unitAttendance(raw, period);
    case 'feePaid':
      return unitFees(raw, period);
    case 'trainingDone':
      return noData(key);
    case 'careListKept':
      return unitCare(raw, period);
    case 'partyIntroductions':
      return unitIntroductions(raw, period);
    case 'threeProactive':
      return unitThreeProactive(raw, period);
  }
}

// ---------------------------------------------------------------- members

function memberRecord(raw: MemberEvidenceRaw): EvidenceFigureData {
  const missing = missingRecordFields(raw.record);
  if (missing.length === 0) return figure('usesMemberSoftware', true, 'Hồ sơ đoàn viên đầy đủ thông tin');
  return figure('usesMemberSoftware', false, `Hồ sơ đoàn viên còn thiếu: ${missing.join(', ')}`);
}

function memberAttendance(raw: MemberEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  if (raw.marked === 0) return noData('attendanceShare');
  return shareFigure(
    'attendanceShare',
    raw.present,
    raw.marked,
    'buổi sinh hoạt có mặt (trên số buổi được điểm danh)',
    factsNote(period),
  );
}

function memberFee(raw: MemberEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  if (period.closedUntil < period.from) return figure('feePaid', null, NOTHING_JUDGED_TEXT);
  if (!raw.paidUpTo && !raw.ledgerStart) return noData('feePaid');
  const owed = monthsOwed(raw, period.closedUntil);
  if (owed)
    return figure(
      'feePaid',
      false,
      `Còn nợ đoàn phí ${formatCount(owed.count)} tháng, từ tháng ${monthLabel(owed.from)} đến tháng ${monthLabel(period.closedUntil)}`,
    );
  const text = raw.paidUpTo
    ? `Đã đóng đoàn phí đến tháng ${monthLabel(raw.paidUpTo)}`
    : `Không nợ đoàn phí đến tháng ${monthLabel(period.closedUntil)}`;
  return figure('feePaid', true, text);
}

function memberRecruitment(raw: MemberEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  const text =
    raw.credited > 0
      ? `Vận động được ${formatCount(raw.credited)} thanh niên được kết nạp vào Đoàn (chủ trương 1 + 1)`
      : 'Chưa ghi nhận thanh niên nào được kết nạp do đoàn viên vận động (chủ trương 1 + 1)';
  return figure('recruiterCredits', raw.credited, text + factsNote(period));
}

function memberFigure(key: EvidenceKey, raw: MemberEvidenceRaw, period: EvidencePeriod): EvidenceFigureData {
  switch (key) {
    case 'usesMemberSoftware':
      return memberRecord(raw);
    case 'attendanceShare':
      return memberAttendance(raw, period);
    case 'feePaid':
      return memberFee(raw, period);
    case 'recruiterCredits':
      return memberRecruitment(raw, period);
    case 'trainingDone':
      return noData(key);
    default:
      return figure(key, null, NOT_FOR_MEMBER_TEXT);
  }
}

/** Every evidence figure of a subject for the period, in the order of `EVIDENCE_KEYS`. */
export function evidenceFigures(raw: EvidenceRaw, period: EvidencePeriod): EvidenceFigureData[] {
  if (period.today.slice(0, 7) < period.from) return EVIDENCE_KEYS.map((key) => figure(key, null, NOT_STARTED_TEXT));
  if (raw.subject === 'member') return EVIDENCE_KEYS.map((key) => memberFigure(key, raw, period));
  return EVIDENCE_KEYS.map((key) => unitFigure(key, raw, period));
}
