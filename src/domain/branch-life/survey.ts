import type { FieldIssue } from '../errors.js';

/** Kinds of survey questions: one choice, several choices, free text, a 1–5 scale. */
export const QUESTION_KINDS = ['single', 'multiple', 'text', 'scale'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Survey statuses: a draft can be edited, an open survey takes answers, a closed one only shows results. */
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** Limits of the survey builder. */
export const SURVEY_LIMITS = {
  minQuestions: 1,
  maxQuestions: 30,
  minOptions: 2,
  maxOptions: 10,
  questionText: 500,
  optionText: 200,
  textAnswer: 2000,
  scaleMin: 1,
  scaleMax: 5,
} as const;

/** A question as stored on the survey (`surveys.questions`). */
export interface SurveyQuestion {
  key: string;
  text: string;
  kind: QuestionKind;
  /** The choices of a single or multiple choice question; absent otherwise. */
  options?: string[];
  required: boolean;
}

/** A question as the builder sends it: the key may be left out. */
export type DraftQuestion = Omit<SurveyQuestion, 'key'> & { key?: string | null };

/** One answer: the chosen option, the chosen options, a text, or a scale value. */
export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;

const KEY = /^[a-z0-9_-]{1,40}$/i;
const hasChoices = (kind: QuestionKind) => kind === 'single' || kind === 'multiple';
const clean = (v: string) => v.normalize('NFC').trim().replace(/\s+/g, ' ');

function optionIssues(q: DraftQuestion, label: string, field: string): FieldIssue[] {
  const options = (q.options ?? []).map(clean);
  if (!hasChoices(q.kind)) return [];
  const issues: FieldIssue[] = [];
  const filled = options.filter((o) => o !== '');
  if (filled.length < options.length)
    issues.push({ field, message: `${label}: có lựa chọn để trống, hãy nhập nội dung hoặc xoá nó.` });
  if (options.length < SURVEY_LIMITS.minOptions)
    issues.push({ field, message: `${label}: cần ít nhất ${SURVEY_LIMITS.minOptions} lựa chọn.` });
  if (options.length > SURVEY_LIMITS.maxOptions)
    issues.push({ field, message: `${label}: tối đa ${SURVEY_LIMITS.maxOptions} lựa chọn.` });
  if (new Set(filled.map((o) => o.toLocaleLowerCase('vi'))).size < filled.length)
    issues.push({ field, message: `${label}: có hai lựa chọn trùng nhau.` });
  if (options.some((o) => o.length > SURVEY_LIMITS.optionText))
    issues.push({ field, message: `${label}: mỗi lựa chọn dài tối đa ${SURVEY_LIMITS.optionText} ký tự.` });
  return issues;
}

function questionIssue(q: DraftQuestion, index: number, seenKeys: Set<string>): FieldIssue[] {
  const label = `Câu ${index + 1}`;
  const at = `questions.${index}`;
  const issues: FieldIssue[] = [];
  const text = clean(q.text);
  if (text === '') issues.push({ field: `${at}.text`, message: `${label}: hãy nhập nội dung câu hỏi.` });
  if (text.length > SURVEY_LIMITS.questionText)
    issues.push({ field: `${at}.text`, message: `${label}: nội dung dài tối đa ${SURVEY_LIMITS.questionText} ký tự.` });
  if (q.key) {
    if (!KEY.test(q.key))
      issues.push({ field: `${at}.key`, message: `${label}: mã câu hỏi chỉ gồm chữ không dấu, số, “-” và “_”.` });
    else if (seenKeys.has(q.key))
      issues.push({ field: `${at}.key`, message: `${label}: mã câu hỏi “${q.key}” trùng với câu trước.` });
    seenKeys.add(q.key);
  }
  if (!hasChoices(q.kind) && (q.options ?? []).length > 0)
    issues.push({ field: `${at}.options`, message: `${label}: chỉ câu hỏi lựa chọn mới có danh sách lựa chọn.` });
  return [...issues, ...optionIssues(q, label, `${at}.options`)];
}

/** Everything wrong with a questionnaire, each message naming the question ("Câu 3: cần ít nhất 2 lựa chọn."). */
export function questionIssues(questions: readonly DraftQuestion[]): FieldIssue[] {
  if (questions.length < SURVEY_LIMITS.minQuestions)
    return [{ field: 'questions', message: 'Khảo sát cần ít nhất 1 câu hỏi.' }];
  if (questions.length > SURVEY_LIMITS.maxQuestions)
    return [{ field: 'questions', message: `Khảo sát có tối đa ${SURVEY_LIMITS.maxQuestions} câu hỏi.` }];
  const seen = new Set<string>();
  return questions.flatMap((q, i) => questionIssue(q, i, seen));
}

/** The stored questions: trimmed texts, options only on choice questions, a key for each ("q1", "q2"... when left out). */
export function normalizeQuestions(questions: readonly DraftQuestion[]): SurveyQuestion[] {
  const taken = new Set(questions.map((q) => q.key).filter((k): k is string => Boolean(k)));
  let next = 1;
  const freshKey = () => {
    while (taken.has(`q${next}`)) next++;
    taken.add(`q${next}`);
    return `q${next}`;
  };
  return questions.map((q) => {
    const base = { key: q.key || freshKey(), text: clean(q.text), kind: q.kind, required: q.required };
    return hasChoices(q.kind) ? { ...base, options: (q.options ?? []).map(clean) } : base;
  });
}

/** Checks the opening and closing dates of a survey. */
export function surveyDateIssues(opensOn: string | null, closesOn: string | null): FieldIssue[] {
  if (opensOn && closesOn && closesOn < opensOn)
    return [{ field: 'closesOn', message: 'Ngày kết thúc không được trước ngày bắt đầu.' }];
  return [];
}

/** Where an open survey stands on `today`: not yet open, taking answers, or past its closing date. */
export type AnswerWindow = 'draft' | 'not_yet_open' | 'open' | 'closed';

/** The answer window of a survey on `today` (dates are inclusive). */
export function answerWindow(
  s: { status: string; opensOn: string | null; closesOn: string | null },
  today: string,
): AnswerWindow {
  if (s.status === 'draft') return 'draft';
  if (s.status === 'closed') return 'closed';
  if (s.opensOn && today < s.opensOn) return 'not_yet_open';
  if (s.closesOn && today > s.closesOn) return 'closed';
  return 'open';
}

/** Actions on a survey for someone who may write on its issuing unit. */
export type SurveyAction = 'edit' | 'open' | 'close';

/** What a writer may do: edit and open a draft, close an open survey. */
export function surveyActions(status: SurveyStatus, writable: boolean): SurveyAction[] {
  if (!writable) return [];
  if (status === 'draft') return ['edit', 'open'];
  if (status === 'open') return ['close'];
  return [];
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && !v.length);
}

function checkOne(q: SurveyQuestion, value: unknown, label: string): { issue?: string; value?: AnswerValue } {
  const options = q.options ?? [];
  if (q.kind === 'single') {
    if (typeof value !== 'string' || !options.includes(value))
      return { issue: `${label}: hãy chọn một lựa chọn có trong danh sách.` };
    return { value };
  }
  if (q.kind === 'multiple') {
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((v): v is string => typeof v === 'string' && options.includes(v)))
      return { issue: `${label}: chỉ chọn các lựa chọn có trong danh sách.` };
    return { value: options.filter((o) => list.includes(o)) };
  }
  if (q.kind === 'scale') {
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < SURVEY_LIMITS.scaleMin || n > SURVEY_LIMITS.scaleMax)
      return { issue: `${label}: chọn một mức từ ${SURVEY_LIMITS.scaleMin} đến ${SURVEY_LIMITS.scaleMax}.` };
    return { value: n };
  }
  if (typeof value !== 'string') return { issue: `${label}: câu trả lời phải là một đoạn chữ.` };
  const text = value.normalize('NFC').trim();
  if (text.length > SURVEY_LIMITS.textAnswer)
    return { issue: `${label}: câu trả lời dài tối đa ${SURVEY_LIMITS.textAnswer} ký tự.` };
  return { value: text };
}

/**
 * Checks a respondent's answers against the questions: required questions answered, options from the list,
 * scale values 1–5, no unknown questions. Returns the answers to store (blank optional answers dropped).
 */
export function checkAnswers(
  questions: readonly SurveyQuestion[],
  answers: Readonly<Record<string, unknown>>,
): { issues: FieldIssue[]; answers: Answers } {
  const issues: FieldIssue[] = [];
  const out: Answers = {};
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      issues.push({ field: `answers.${key}`, message: `Khảo sát không có câu hỏi “${key}”: hãy tải lại trang.` });
  }
  questions.forEach((q, i) => {
    const label = `Câu ${i + 1}`;
    const field = `answers.${q.key}`;
    const value = answers[q.key];
    if (isBlank(value)) {
      if (q.required) issues.push({ field, message: `${label}: câu hỏi bắt buộc, hãy trả lời.` });
      return;
    }
    const checked = checkOne(q, value, label);
    if (checked.issue) issues.push({ field, message: checked.issue });
    else if (checked.value !== undefined) out[q.key] = checked.value;
  });
  return { issues, answers: out };
}
