import { describe, expect, it } from 'vitest';
import {
  answerWindow,
  checkAnswers,
  normalizeQuestions,
  questionIssues,
  surveyActions,
  surveyDateIssues,
  type DraftQuestion,
  type SurveyQuestion,
} from './survey.js';

const single = (options: string[], extra: Partial<DraftQuestion> = {}): DraftQuestion => ({
  text: 'Bạn thích hoạt động nào?',
  kind: 'single',
  options,
  required: true,
  ...extra,
});

describe('questionIssues', () => {
  it('accepts a sound questionnaire', () => {
    expect(questionIssues([single(['A', 'B']), { text: 'Góp ý', kind: 'text', required: false }])).toEqual([]);
  });

  it('names the question number in every message', () => {
    const issues = questionIssues([single(['A', 'B']), single(['A', 'B']), single(['A'])]);
    expect(issues).toEqual([{ field: 'questions.2.options', message: 'Câu 3: cần ít nhất 2 lựa chọn.' }]);
  });

  it('refuses empty text, blank and duplicate options, too many options, and options on a text question', () => {
    const messages = questionIssues([
      single(['A', ' ']),
      single(['Có', 'có']),
      single(Array.from({ length: 11 }, (_, i) => `L${i}`)),
      { text: '  ', kind: 'text', required: true, options: ['x'] },
    ]).map((i) => i.message);
    expect(messages).toContain('Câu 1: có lựa chọn để trống, hãy nhập nội dung hoặc xoá nó.');
    expect(messages).toContain('Câu 2: có hai lựa chọn trùng nhau.');
    expect(messages).toContain('Câu 3: tối đa 10 lựa chọn.');
    expect(messages).toContain('Câu 4: hãy nhập nội dung câu hỏi.');
    expect(messages).toContain('Câu 4: chỉ câu hỏi lựa chọn mới có danh sách lựa chọn.');
  });

  it('refuses no question, more than 30 and duplicate keys', () => {
    expect(questionIssues([])[0]?.message).toBe('Khảo sát cần ít nhất 1 câu hỏi.');
    expect(questionIssues(Array.from({ length: 31 }, () => single(['A', 'B'])))[0]?.message).toBe(
      'Khảo sát có tối đa 30 câu hỏi.',
    );
    const dup = questionIssues([single(['A', 'B'], { key: 'x' }), single(['A', 'B'], { key: 'x' })]);
    expect(dup[0]?.message).toBe('Câu 2: mã câu hỏi “x” trùng với câu trước.');
  });
});

describe('normalizeQuestions', () => {
  it('gives missing keys without reusing the given ones and drops options of text questions', () => {
    const out = normalizeQuestions([
      single([' A ', 'B'], { key: 'q1' }),
      { text: ' Góp  ý ', kind: 'text', required: false },
      { text: 'Mức độ', kind: 'scale', required: true },
    ]);
    expect(out.map((q) => q.key)).toEqual(['q1', 'q2', 'q3']);
    expect(out[0]?.options).toEqual(['A', 'B']);
    expect(out[1]).toEqual({ key: 'q2', text: 'Góp ý', kind: 'text', required: false });
  });
});

describe('dates and status', () => {
  it('refuses a closing date before the opening date', () => {
    expect(surveyDateIssues('2026-03-10', '2026-03-01')).toHaveLength(1);
    expect(surveyDateIssues('2026-03-10', '2026-03-10')).toEqual([]);
    expect(surveyDateIssues(null, '2026-03-01')).toEqual([]);
  });

  it('takes answers only while open and within its dates (inclusive)', () => {
    const s = { status: 'open', opensOn: '2026-03-01', closesOn: '2026-03-31' };
    expect(answerWindow(s, '2026-02-28')).toBe('not_yet_open');
    expect(answerWindow(s, '2026-03-01')).toBe('open');
    expect(answerWindow(s, '2026-03-31')).toBe('open');
    expect(answerWindow(s, '2026-04-01')).toBe('closed');
    expect(answerWindow({ ...s, status: 'closed' }, '2026-03-10')).toBe('closed');
    expect(answerWindow({ ...s, status: 'draft' }, '2026-03-10')).toBe('draft');
  });

  it('lets a writer edit and open a draft, close an open survey', () => {
    expect(surveyActions('draft', true)).toEqual(['edit', 'open']);
    expect(surveyActions('open', true)).toEqual(['close']);
    expect(surveyActions('closed', true)).toEqual([]);
    expect(surveyActions('draft', false)).toEqual([]);
  });
});

describe('checkAnswers', () => {
  const questions: SurveyQuestion[] = [
    { key: 'a', text: 'Một', kind: 'single', options: ['Có', 'Không'], required: true },
    { key: 'b', text: 'Nhiều', kind: 'multiple', options: ['X', 'Y', 'Z'], required: false },
    { key: 'c', text: 'Thang', kind: 'scale', required: true },
    { key: 'd', text: 'Chữ', kind: 'text', required: false },
  ];

  it('keeps valid answers, orders multiple choices as listed and drops blank optional ones', () => {
    const out = checkAnswers(questions, { a: 'Có', b: ['Z', 'X'], c: 4, d: '  ' });
    expect(out.issues).toEqual([]);
    expect(out.answers).toEqual({ a: 'Có', b: ['X', 'Z'], c: 4 });
  });

  it('refuses missing required answers, unknown options, scale outside 1–5 and unknown questions', () => {
    const out = checkAnswers(questions, { b: ['W'], c: 6, e: 'x' });
    expect(out.issues.map((i) => i.message)).toEqual([
      'Khảo sát không có câu hỏi “e”: hãy tải lại trang.',
      'Câu 1: câu hỏi bắt buộc, hãy trả lời.',
      'Câu 2: chỉ chọn các lựa chọn có trong danh sách.',
      'Câu 3: chọn một mức từ 1 đến 5.',
    ]);
    expect(checkAnswers(questions, { a: 'Có', c: 2.5 }).issues[0]?.field).toBe('answers.c');
    expect(checkAnswers(questions, { a: ['Có'], c: 3 }).issues[0]?.message).toBe(
      'Câu 1: hãy chọn một lựa chọn có trong danh sách.',
    );
  });
});
