import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { compareClasses, movementOf, SEED_003_TARGETS, summariseComparison, type UnitClasses } from './comparison.js';

const ORDER = ['excellent', 'good', 'done', 'notDone'];

const thrown = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('comparison: movements', () => {
  it('names each movement', () => {
    expect(movementOf(ORDER, 'good', 'excellent')).toBe('up');
    expect(movementOf(ORDER, 'good', 'done')).toBe('down');
    expect(movementOf(ORDER, 'good', 'good')).toBe('same');
    expect(movementOf(ORDER, null, 'done')).toBe('new');
    expect(movementOf(ORDER, 'good', null)).toBe('notRated');
    expect(movementOf(ORDER, null, null)).toBe('notRated');
  });

  it('refuses a class not in the list', () => {
    const e = thrown(() => movementOf(ORDER, 'strong', 'good'));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('Loại "strong" không có trong danh sách xếp loại');
    expect(thrown(() => movementOf(ORDER, 'good', 'x')).details).toEqual([
      expect.objectContaining({ field: 'current' }),
    ]);
  });

  it('tags every unit', () => {
    expect(compareClasses(ORDER, [{ unitId: 'u1', previous: 'done', current: 'good' }])).toEqual([
      { unitId: 'u1', previous: 'done', current: 'good', movement: 'up' },
    ]);
  });
});

describe('comparison: seed 003 targets', () => {
  const units = (spec: [string | null, string | null][]): UnitClasses[] =>
    spec.map(([previous, current], i) => ({ unitId: `u${i + 1}`, previous, current }));

  it('meets every target: 95% rated, 5% moved up, no advanced unit moved down', () => {
    const list = units([
      ['done', 'good'],
      ...Array.from({ length: 18 }, (): [string, string] => ['good', 'good']),
      ['done', 'notDone'],
    ]);
    const summary = summariseComparison(ORDER, list);
    expect(summary.total).toBe(20);
    expect(summary.counts).toEqual({ up: 1, down: 1, same: 18, new: 0, notRated: 0 });
    expect(summary.rated).toEqual({ share: 1, target: 0.95, met: true });
    expect(summary.movedUp).toEqual({ share: 0.05, target: 0.05, met: true });
    expect(summary.protectedDown).toEqual([]);
    expect(summary.meetsAll).toBe(true);
  });

  it('misses the rated share and the moved-up share', () => {
    const list = units([
      ['good', null],
      ['good', 'good'],
      ['done', 'done'],
      [null, 'done'],
    ]);
    const summary = summariseComparison(ORDER, list);
    expect(summary.rated.share).toBe(0.75);
    expect(summary.rated.met).toBe(false);
    expect(summary.movedUp.met).toBe(false);
    expect(summary.counts.new).toBe(1);
    expect(summary.meetsAll).toBe(false);
  });

  it('lists advanced units that moved down', () => {
    const list = units([
      ['excellent', 'good'],
      ['good', 'notDone'],
      ['done', 'excellent'],
    ]);
    const summary = summariseComparison(ORDER, list);
    expect(summary.protectedDown).toEqual(['u1', 'u2']);
    expect(summary.meetsAll).toBe(false);
    const onlyTop = summariseComparison(ORDER, list, { ...SEED_003_TARGETS, protectedClasses: ['excellent'] });
    expect(onlyTop.protectedDown).toEqual(['u1']);
  });

  it('has no shares without units', () => {
    const summary = summariseComparison(ORDER, []);
    expect(summary.rated).toEqual({ share: null, target: 0.95, met: null });
    expect(summary.meetsAll).toBeNull();
  });

  it('refuses protected classes not in the list', () => {
    const e = thrown(() => summariseComparison(ORDER, [], { ...SEED_003_TARGETS, protectedClasses: ['vững mạnh'] }));
    expect(e.details).toEqual([expect.objectContaining({ field: 'protectedClasses' })]);
  });
});
