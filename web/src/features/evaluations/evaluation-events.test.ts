import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { vi } from '../../i18n/vi';
import { parseRecordedState, transitionText } from './evaluation-events';

/** A `t` over the Vietnamese catalogue, with {{placeholders}}. */
const t = ((key: string, values: Record<string, string> = {}) => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], vi) as string;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}) as unknown as TFunction;

describe('evaluation history states', () => {
  it('reads "step.status" and a bare status', () => {
    expect(parseRecordedState('selfAssessment.submitted')).toEqual({ step: 'selfAssessment', status: 'submitted' });
    expect(parseRecordedState('ready')).toEqual({ step: null, status: 'ready' });
    expect(parseRecordedState('nonsense')).toBeNull();
    expect(parseRecordedState(null)).toBeNull();
  });

  it('writes a change within a step and across steps in Vietnamese', () => {
    expect(
      transitionText(t, { step: 'registration', fromStatus: 'registration.ready', toStatus: 'registration.submitted' }),
    ).toBe('Đăng ký: Sẵn sàng → Đã nộp, chờ duyệt');
    expect(
      transitionText(t, {
        step: 'registration',
        fromStatus: 'registration.submitted',
        toStatus: 'selfAssessment.ready',
      }),
    ).toBe('Đăng ký: Đã nộp, chờ duyệt → Tự đánh giá: Sẵn sàng');
    expect(transitionText(t, { step: 'decision', fromStatus: 'approved', toStatus: 'decision.accepted' })).toBe(
      'Quyết định công nhận: Đã duyệt → Đã công nhận',
    );
  });

  it('says nothing when the state did not change', () => {
    expect(transitionText(t, { step: 'evaluation', fromStatus: 'evaluation.ready', toStatus: null })).toBeNull();
  });
});
