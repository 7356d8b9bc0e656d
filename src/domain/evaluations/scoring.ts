import { DomainError, fail, type FieldIssue } from '../errors.js';
import { allItems, itemMaxPoints, round2, type ClassRule, type CriteriaSet, type CriterionItem } from './criteria.js';

/**
 * Scores of one evaluation (self-assessment or evaluation by the level above) against a criteria set: checks,
 * totals, the class the total and the mandatory items lead to, and the rules of an override.
 */

/** A score: true/false for a yes/no item, a number for a points item, a level key for a level item. */
export type ScoreValue = number | boolean | string;

/** Scores by item key. */
export type Scores = Readonly<Record<string, ScoreValue>>;

function valueIssue(item: CriterionItem, value: ScoreValue): string | null {
  const rule = item.rule;
  if (rule.kind === 'yesno') {
    return typeof value === 'boolean' ? null : `Mục "${item.text}" chỉ chấm Có hoặc Không.`;
  }
  if (rule.kind === 'points') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return `Điểm mục "${item.text}" phải là một số.`;
    if (value < 0) return `Điểm mục "${item.text}" không được âm.`;
    if (value > rule.max) return `Điểm mục "${item.text}" là ${value}, vượt quá điểm tối đa ${rule.max}.`;
    return null;
  }
  const labels = rule.levels.map((l) => `"${l.label}"`).join(', ');
  if (typeof value !== 'string' || !rule.levels.some((l) => l.key === value)) {
    return `Mục "${item.text}" phải chọn một trong các mức: ${labels}.`;
  }
  return null;
}

/** Every problem of the scores, with the field to fix; `complete` also asks for every item to be scored. */
export function scoreIssues(set: CriteriaSet, scores: Scores, options: { complete?: boolean } = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const items = new Map(allItems(set).map((item) => [item.key, item]));
  for (const [key, value] of Object.entries(scores)) {
    const item = items.get(key);
    if (!item) {
      issues.push({ field: `scores.${key}`, message: `Mục "${key}" không có trong bộ tiêu chí "${set.title}".` });
      continue;
    }
    const message = valueIssue(item, value);
    if (message) issues.push({ field: `scores.${key}`, message });
  }
  if (!options.complete) return issues;
  for (const item of items.values()) {
    if (scores[item.key] === undefined) {
      issues.push({ field: `scores.${item.key}`, message: `Chưa chấm mục "${item.text}".` });
    }
  }
  return issues;
}

/** Refuses unknown items, wrong kinds of value, points below 0 or above the maximum and unknown levels. */
export function validateScores(set: CriteriaSet, scores: Scores, options: { complete?: boolean } = {}): void {
  const issues = scoreIssues(set, scores, options);
  const first = issues[0];
  if (!first) return;
  const more = issues.length > 1 ? ` (và ${issues.length - 1} lỗi khác)` : '';
  throw new DomainError('validation', `${first.message}${more}`, issues);
}

/** Points an item gives for a value already validated; 0 when not scored. */
export function itemPoints(item: CriterionItem, value: ScoreValue | undefined): number {
  if (value === undefined) return 0;
  const rule = item.rule;
  if (rule.kind === 'yesno') return value === true ? rule.points : 0;
  if (rule.kind === 'points') return typeof value === 'number' ? value : 0;
  return rule.levels.find((l) => l.key === value)?.points ?? 0;
}

/** True when the item reaches its pass mark (full points unless `passAt` says otherwise). */
export function itemMet(item: CriterionItem, value: ScoreValue | undefined): boolean {
  return itemPoints(item, value) >= (item.passAt ?? itemMaxPoints(item));
}

/** The total of validated scores (unscored items count 0). */
export function totalScore(set: CriteriaSet, scores: Scores): number {
  validateScores(set, scores);
  return round2(allItems(set).reduce((sum, item) => sum + itemPoints(item, scores[item.key]), 0));
}

/** Mandatory items not met. */
export function unmetMandatory(set: CriteriaSet, scores: Scores): CriterionItem[] {
  return allItems(set).filter((item) => item.mandatory && !itemMet(item, scores[item.key]));
}

/** Items a class needs (mandatory ones if it says so, and its own requirements) that the scores do not meet. */
export function unmetForClass(set: CriteriaSet, scores: Scores, cls: ClassRule): CriterionItem[] {
  const unmet = cls.needsAllMandatory ? unmetMandatory(set, scores) : [];
  const items = new Map(allItems(set).map((item) => [item.key, item]));
  for (const req of cls.requires ?? []) {
    const item = items.get(req.item);
    if (item && itemPoints(item, scores[item.key]) < req.minPoints && !unmet.includes(item)) unmet.push(item);
  }
  return unmet;
}

/** The class with this key; a validation error naming the classes otherwise. */
export function findClass(set: CriteriaSet, classKey: string): ClassRule {
  const cls = set.classes.find((c) => c.key === classKey);
  if (cls) return cls;
  const labels = set.classes.map((c) => `"${c.label}"`).join(', ');
  throw fail.invalid('classKey', `Loại "${classKey}" không có trong bộ tiêu chí: hãy chọn một trong ${labels}.`);
}

/** Position of a class in the set, 0 being the best. */
export function classRank(set: CriteriaSet, classKey: string): number {
  return set.classes.indexOf(findClass(set, classKey));
}

/** The best class whose minimum score is reached and whose conditions hold. */
export function classOf(set: CriteriaSet, scores: Scores): ClassRule {
  const total = totalScore(set, scores);
  const reached = set.classes.find((cls) => total >= cls.minScore && unmetForClass(set, scores, cls).length === 0);
  const fallback = set.classes[set.classes.length - 1];
  if (reached) return reached;
  if (fallback) return fallback;
  throw fail.invalid('classes', `Bộ tiêu chí "${set.title}" chưa có loại xếp loại nào.`);
}

/**
 * Refuses a proposed class the scores do not allow: a class whose mandatory or required items are not met, and,
 * unless the level above is overriding, a class better than the total score reaches.
 */
export function assertClassAllowed(
  set: CriteriaSet,
  scores: Scores,
  proposedClass: string,
  options: { override?: boolean } = {},
): void {
  const proposed = findClass(set, proposedClass);
  const unmet = unmetForClass(set, scores, proposed);
  const firstUnmet = unmet[0];
  if (firstUnmet) {
    const names = unmet.map((item) => `"${item.text}"`).join('; ');
    const message = `Không thể xếp loại "${proposed.label}" vì chưa đạt yêu cầu bắt buộc của loại này ở ${unmet.length > 1 ? 'các mục' : 'mục'}: ${names}. Hãy chọn loại thấp hơn hoặc sửa điểm ${unmet.length > 1 ? 'các mục này' : 'mục này'}.`;
    throw new DomainError('rule_violation', message, [{ field: 'classKey', message }]);
  }
  if (options.override) return;
  const computed = classOf(set, scores);
  if (set.classes.indexOf(proposed) >= set.classes.indexOf(computed)) return;
  const total = totalScore(set, scores);
  const message = `Tổng điểm ${total} chưa đạt mức ${proposed.minScore} điểm của loại "${proposed.label}": theo điểm, kết quả là "${computed.label}".`;
  throw new DomainError('rule_violation', message, [{ field: 'classKey', message }]);
}

/** One evaluation result: scores and class. */
export interface EvaluationResult {
  scores: Scores;
  classKey: string;
}

/** What an override changed. */
export interface OverrideChange {
  /** Items whose score changed. */
  items: string[];
  classChanged: boolean;
}

/** What differs between two results. */
export function diffResults(before: EvaluationResult, after: EvaluationResult): OverrideChange {
  const keys = new Set([...Object.keys(before.scores), ...Object.keys(after.scores)]);
  const items = [...keys].filter((key) => before.scores[key] !== after.scores[key]);
  return { items, classChanged: before.classKey !== after.classKey };
}

/**
 * Checks an evaluation by the level above against the result it reviews: the new scores and class must be valid
 * and allowed by the mandatory items, and any change of a score or of the class needs a stated reason.
 */
export function assertOverride(
  set: CriteriaSet,
  input: { before: EvaluationResult; after: EvaluationResult; reason?: string | null },
): OverrideChange {
  validateScores(set, input.after.scores);
  assertClassAllowed(set, input.after.scores, input.after.classKey, { override: true });
  const change = diffResults(input.before, input.after);
  const changed = change.items.length > 0 || change.classChanged;
  if (changed && (input.reason ?? '').trim() === '') {
    const what = change.classChanged ? 'xếp loại' : 'điểm';
    throw fail.invalid('reason', `Cấp trên thay đổi ${what} so với kết quả tự đánh giá: hãy ghi rõ lý do thay đổi.`);
  }
  return change;
}
