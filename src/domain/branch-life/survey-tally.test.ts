import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from './survey.js';
import { answerShare, tallyQuestion, tallySurvey, type TallyResponse } from './survey-tally.js';

const questions: SurveyQuestion[] = [
  { key: 'a', text: 'Một', kind: 'single', options: ['Có', 'Không'], required: true },
  { key: 'b', text: 'Nhiều', kind: 'multiple', options: ['X', 'Y', 'Z'], required: false },
  { key: 'c', text: 'Thang', kind: 'scale', required: true },
  { key: 'd', text: 'Chữ', kind: 'text', required: false },
];
const responses: TallyResponse[] = [
  { answers: { a: 'Có', b: ['X', 'Z'], c: 5, d: 'Thêm sân chơi' } },
  { answers: { a: 'Có', b: ['X'], c: 4 } },
  { answers: { a: 'Không', c: 4, d: 'Học tiếng Anh' } },
];

describe('tallySurvey', () => {
  it('counts each option, each scale value, the average and the text answers', () => {
    const [a, b, c, d] = tallySurvey(questions, responses);
    expect(a?.counts).toEqual([
      { option: 'Có', count: 2 },
      { option: 'Không', count: 1 },
    ]);
    expect(b?.answered).toBe(2);
    expect(b?.counts.map((x) => x.count)).toEqual([2, 0, 1]);
    expect(c?.counts.map((x) => x.count)).toEqual([0, 0, 0, 2, 1]);
    expect(c?.average).toBe(4.33);
    expect(d?.textIndexes).toEqual([0, 2]);
    expect(d?.answered).toBe(2);
  });

  it('gives no average without answers', () => {
    expect(tallyQuestion(questions[2]!, []).average).toBeNull();
  });
});

describe('answerShare', () => {
  it('is a percentage with one decimal, null without members', () => {
    expect(answerShare(2, 3)).toBe(66.7);
    expect(answerShare(0, 0)).toBeNull();
  });
});
