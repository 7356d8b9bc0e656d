import { DomainError, type FieldIssue } from '../errors.js';
import type { CycleKind, StepKey } from './cycle-steps.js';

/**
 * Criteria sets (bộ tiêu chí đánh giá): one evaluation engine for several programmes. A set belongs to a
 * programme and a period, holds criteria with scored sub-items, and names the classes (loại, danh hiệu) a total
 * score and the mandatory items lead to. Sets are data with a validity period, never constants in code.
 */

/** Facts the system computes from its own records and shows next to an item as evidence. */
export const EVIDENCE_KEYS = [
  'meetsMonthly',
  'usesMemberSoftware',
  'monthlyReviewDone',
  'recruiterCredits',
  'attendanceShare',
  'feePaid',
  'trainingDone',
  'careListKept',
  'partyIntroductions',
  'threeProactive',
] as const;
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];

/** What is evaluated: a member, a branch (chi đoàn) or a đoàn cơ sở. */
export const EVALUATION_SUBJECTS = ['member', 'branch', 'grassroots'] as const;
export type EvaluationSubject = (typeof EVALUATION_SUBJECTS)[number];

/** One level of a level-scored item. */
export interface ScoreLevel {
  key: string;
  label: string;
  points: number;
}

/** How an item is scored: yes/no worth `points`, points from 0 to `max`, or a level chosen from a list. */
export type ScoringRule =
  { kind: 'yesno'; points: number } | { kind: 'points'; max: number } | { kind: 'level'; levels: ScoreLevel[] };

/** A sub-item of a criterion. */
export interface CriterionItem {
  /** Unique in the whole set. */
  key: string;
  /** The numbering in the source document (e.g. "1.2"), when it has one. */
  ref?: string;
  /** The wording shown to users, quoted from the source document where there is one. */
  text: string;
  /** Guidance lines quoted from the source document under this item. */
  details?: string[];
  rule: ScoringRule;
  /** A mandatory item must be met for any class whose rule `needsAllMandatory`. */
  mandatory: boolean;
  /** Points from which the item counts as met; full points when absent. */
  passAt?: number;
  /** The fact the system computes as evidence for this item. */
  evidence?: EvidenceKey;
}

/** A criterion (tiêu chí) with its sub-items. */
export interface Criterion {
  key: string;
  ref?: string;
  title: string;
  items: CriterionItem[];
}

/** An item a class needs beyond the mandatory ones, with the fewest points it must reach. */
export interface ClassRequirement {
  item: string;
  minPoints: number;
}

/** A class (loại, danh hiệu). The list of a set is ordered best first; the last one is the fallback. */
export interface ClassRule {
  key: string;
  label: string;
  /** Total score from which the class is reached. */
  minScore: number;
  /** True when every mandatory item must be met. */
  needsAllMandatory: boolean;
  /** Items this class needs beyond the mandatory ones (e.g. attendance ≥ 90% for the top class). */
  requires?: ClassRequirement[];
}

/** A day of the year relative to the evaluated year: `yearOffset` -1 is the year before. */
export interface DayOfYear {
  day: number;
  month: number;
  yearOffset: number;
}

/** A criteria set of one programme for one period. */
export interface CriteriaSet {
  /** Programme key, e.g. "grassroots3Proactive", "memberRating". */
  programme: string;
  /** Name of the programme as shown to users. */
  title: string;
  /** Period label, e.g. "2023 – 2027". */
  periodLabel: string;
  /** First year the set applies to. */
  validFrom: number;
  /** Last year the set applies to; null when open-ended. */
  validTo: number | null;
  subject: EvaluationSubject;
  /** The cycles the programme runs: half-yearly, yearly or both. */
  cycles: CycleKind[];
  /** True when units register before the cycle (e.g. "3 chủ động"). */
  needsRegistration: boolean;
  /** Default deadlines per step. */
  deadlines?: Partial<Record<StepKey, DayOfYear>>;
  criteria: Criterion[];
  classes: ClassRule[];
  /** Highest share (0–1] of the rated subjects that may get the top class; none when absent. */
  topClassCap?: number;
  /** Where the wording comes from. */
  source?: string;
}

/** The most points an item can give. */
export function itemMaxPoints(item: CriterionItem): number {
  if (item.rule.kind === 'yesno') return item.rule.points;
  if (item.rule.kind === 'points') return item.rule.max;
  return Math.max(0, ...item.rule.levels.map((l) => l.points));
}

/** Every item of a set, criteria in order. */
export function allItems(set: CriteriaSet): CriterionItem[] {
  return set.criteria.flatMap((c) => c.items);
}

/** The highest total a set allows. */
export function maxTotal(set: CriteriaSet): number {
  return round2(allItems(set).reduce((sum, item) => sum + itemMaxPoints(item), 0));
}

/** True when the set applies to the year. */
export function appliesTo(set: Pick<CriteriaSet, 'validFrom' | 'validTo'>, year: number): boolean {
  return year >= set.validFrom && (set.validTo === null || year <= set.validTo);
}

/** Rounds to two decimals, so that 0.1 + 0.2 totals compare as written. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

const isNonNegative = (n: number) => Number.isFinite(n) && n >= 0;
const isPositive = (n: number) => Number.isFinite(n) && n > 0;
const blank = (s: string | undefined) => !s || s.trim() === '';

function ruleIssues(item: CriterionItem, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field: `${at}.${field}`, message });
  const rule = item.rule;
  if (rule.kind === 'yesno' && !isPositive(rule.points)) {
    add('rule.points', `Mục "${item.key}": điểm của mục Có/Không phải là số dương.`);
  }
  if (rule.kind === 'points' && !isPositive(rule.max)) {
    add('rule.max', `Mục "${item.key}": điểm tối đa phải là số dương.`);
  }
  if (rule.kind === 'level') {
    if (rule.levels.length < 2) add('rule.levels', `Mục "${item.key}": cần ít nhất 2 mức để chọn.`);
    const seen = new Set<string>();
    rule.levels.forEach((level, i) => {
      if (blank(level.key) || blank(level.label)) {
        add(`rule.levels[${i}]`, `Mục "${item.key}": mức thứ ${i + 1} phải có mã và tên.`);
      }
      if (seen.has(level.key)) add(`rule.levels[${i}].key`, `Mục "${item.key}": mức "${level.key}" bị trùng mã.`);
      seen.add(level.key);
      if (!isNonNegative(level.points)) {
        add(`rule.levels[${i}].points`, `Mục "${item.key}": điểm của mức "${level.label}" không được âm.`);
      }
    });
    if (rule.levels.length >= 2 && itemMaxPoints(item) <= 0) {
      add('rule.levels', `Mục "${item.key}": ít nhất một mức phải có điểm dương.`);
    }
  }
  if (item.passAt !== undefined && !(isPositive(item.passAt) && item.passAt <= itemMaxPoints(item))) {
    add('passAt', `Mục "${item.key}": mức điểm đạt phải lớn hơn 0 và không vượt quá ${itemMaxPoints(item)} điểm.`);
  }
  if (item.evidence !== undefined && !(EVIDENCE_KEYS as readonly string[]).includes(item.evidence)) {
    add('evidence', `Mục "${item.key}": minh chứng tự động "${item.evidence}" không được hệ thống hỗ trợ.`);
  }
  return issues;
}

function criteriaIssues(set: CriteriaSet): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (set.criteria.length === 0) {
    issues.push({ field: 'criteria', message: 'Bộ tiêu chí phải có ít nhất một tiêu chí.' });
  }
  const criterionKeys = new Set<string>();
  const itemKeys = new Set<string>();
  set.criteria.forEach((criterion, ci) => {
    const at = `criteria[${ci}]`;
    if (blank(criterion.key)) issues.push({ field: `${at}.key`, message: `Tiêu chí thứ ${ci + 1} chưa có mã.` });
    if (criterionKeys.has(criterion.key)) {
      issues.push({ field: `${at}.key`, message: `Mã tiêu chí "${criterion.key}" bị trùng.` });
    }
    criterionKeys.add(criterion.key);
    if (blank(criterion.title)) issues.push({ field: `${at}.title`, message: `Tiêu chí thứ ${ci + 1} chưa có tên.` });
    if (criterion.items.length === 0) {
      issues.push({ field: `${at}.items`, message: `Tiêu chí "${criterion.title}" phải có ít nhất một mục.` });
    }
    criterion.items.forEach((item, ii) => {
      const itemAt = `${at}.items[${ii}]`;
      if (blank(item.key))
        issues.push({ field: `${itemAt}.key`, message: `Mục thứ ${ii + 1} của tiêu chí thứ ${ci + 1} chưa có mã.` });
      if (itemKeys.has(item.key)) {
        issues.push({ field: `${itemAt}.key`, message: `Mã mục "${item.key}" bị trùng: mỗi mục cần một mã riêng.` });
      }
      itemKeys.add(item.key);
      if (blank(item.text)) issues.push({ field: `${itemAt}.text`, message: `Mục "${item.key}" chưa có nội dung.` });
      issues.push(...ruleIssues(item, itemAt));
    });
  });
  return issues;
}

function classIssues(set: CriteriaSet): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  if (set.classes.length < 2) add('classes', 'Bộ tiêu chí phải có ít nhất 2 loại xếp loại.');
  const items = new Map(allItems(set).map((item) => [item.key, item]));
  const top = maxTotal(set);
  const keys = new Set<string>();
  set.classes.forEach((cls, i) => {
    const at = `classes[${i}]`;
    if (blank(cls.key) || blank(cls.label)) add(at, `Loại thứ ${i + 1} phải có mã và tên.`);
    if (keys.has(cls.key)) add(`${at}.key`, `Mã loại "${cls.key}" bị trùng.`);
    keys.add(cls.key);
    if (!isNonNegative(cls.minScore)) add(`${at}.minScore`, `Điểm tối thiểu của loại "${cls.label}" không được âm.`);
    if (cls.minScore > top) {
      add(
        `${at}.minScore`,
        `Điểm tối thiểu của loại "${cls.label}" (${cls.minScore}) vượt quá tổng điểm tối đa (${top}).`,
      );
    }
    const better = set.classes[i - 1];
    if (better && cls.minScore >= better.minScore) {
      add(
        `${at}.minScore`,
        `Các loại phải xếp từ cao xuống thấp: điểm tối thiểu của "${cls.label}" (${cls.minScore}) phải thấp hơn của "${better.label}" (${better.minScore}).`,
      );
    }
    (cls.requires ?? []).forEach((req, r) => {
      const item = items.get(req.item);
      if (!item) {
        add(`${at}.requires[${r}].item`, `Loại "${cls.label}" đòi hỏi mục "${req.item}" không có trong bộ tiêu chí.`);
        return;
      }
      if (!(isPositive(req.minPoints) && req.minPoints <= itemMaxPoints(item))) {
        add(
          `${at}.requires[${r}].minPoints`,
          `Loại "${cls.label}": điểm cần đạt ở mục "${req.item}" phải lớn hơn 0 và không vượt quá ${itemMaxPoints(item)}.`,
        );
      }
    });
  });
  const last = set.classes[set.classes.length - 1];
  if (last && (last.minScore !== 0 || last.needsAllMandatory || (last.requires ?? []).length > 0)) {
    add(
      `classes[${set.classes.length - 1}]`,
      `Loại thấp nhất "${last.label}" phải có điểm tối thiểu 0 và không có điều kiện, để mọi kết quả đều được xếp loại.`,
    );
  }
  return issues;
}

function dayIssue(field: string, d: DayOfYear): FieldIssue | null {
  const valid =
    Number.isInteger(d.month) &&
    d.month >= 1 &&
    d.month <= 12 &&
    Number.isInteger(d.day) &&
    d.day >= 1 &&
    d.day <= new Date(Date.UTC(2001, d.month, 0)).getUTCDate() &&
    Number.isInteger(d.yearOffset) &&
    Math.abs(d.yearOffset) <= 1;
  return valid ? null : { field, message: `Hạn ${d.day}/${d.month} không phải là một ngày hợp lệ.` };
}

/** Every problem of a set, with the field to fix; empty when the set is valid. */
export function criteriaSetIssues(set: CriteriaSet): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (blank(set.programme)) issues.push({ field: 'programme', message: 'Bộ tiêu chí phải thuộc một chương trình.' });
  if (blank(set.title)) issues.push({ field: 'title', message: 'Bộ tiêu chí chưa có tên.' });
  if (blank(set.periodLabel)) issues.push({ field: 'periodLabel', message: 'Bộ tiêu chí chưa có tên giai đoạn.' });
  if (!Number.isInteger(set.validFrom) || set.validFrom < 1900) {
    issues.push({ field: 'validFrom', message: 'Năm bắt đầu áp dụng phải là một năm hợp lệ (ví dụ 2023).' });
  }
  if (set.validTo !== null && !(Number.isInteger(set.validTo) && set.validTo >= set.validFrom)) {
    issues.push({ field: 'validTo', message: 'Năm kết thúc áp dụng phải từ năm bắt đầu trở đi.' });
  }
  if (set.cycles.length === 0) {
    issues.push({ field: 'cycles', message: 'Hãy chọn ít nhất một kỳ đánh giá (6 tháng hoặc năm).' });
  }
  for (const [step, day] of Object.entries(set.deadlines ?? {})) {
    const issue = day ? dayIssue(`deadlines.${step}`, day) : null;
    if (issue) issues.push(issue);
  }
  if (set.topClassCap !== undefined && !(isPositive(set.topClassCap) && set.topClassCap <= 1)) {
    issues.push({ field: 'topClassCap', message: 'Tỷ lệ tối đa của loại cao nhất phải lớn hơn 0% và không quá 100%.' });
  }
  return [...issues, ...criteriaIssues(set), ...classIssues(set)];
}

/** Refuses a set with any problem; the error lists every problem with its field. */
export function validateCriteriaSet(set: CriteriaSet): void {
  const issues = criteriaSetIssues(set);
  const first = issues[0];
  if (!first) return;
  const more = issues.length > 1 ? ` (và ${issues.length - 1} lỗi khác)` : '';
  throw new DomainError('validation', `Bộ tiêu chí chưa hợp lệ: ${first.message}${more}`, issues);
}

/** Refuses to change a set that is frozen, i.e. used by a cycle already opened. */
export function assertEditable(set: Pick<CriteriaSet, 'title' | 'periodLabel'>, frozen: boolean): void {
  if (!frozen) return;
  throw new DomainError(
    'locked',
    `Bộ tiêu chí "${set.title}" giai đoạn ${set.periodLabel} đang được dùng cho một đợt đánh giá đã mở nên không thể sửa. Hãy tạo bộ tiêu chí mới (sao chép từ bộ này) cho giai đoạn sau.`,
  );
}
