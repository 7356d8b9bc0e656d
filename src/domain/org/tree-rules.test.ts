import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { assertEffectiveDate, assertNoCycle, assertOpen } from './tree-rules.js';
import { assertKindFits } from './unit-kind.js';
import { childPath, idOfLabel, idsOnPath, isWithin, labelOf } from './unit-path.js';

const unit = (path: string, closedOn: string | null = null) => ({ id: 'x', path, closedOn, name: `Đơn vị ${path}` });
const kind = (code: string, rank: number, isLeaf = false) => ({ code, rank, isLeaf, nameVi: code });

describe('tree rules', () => {
  it('refuses moving a unit into itself or its own subtree', () => {
    expect(() => assertNoCycle(unit('a.b'), unit('a.b'))).toThrow(DomainError);
    expect(() => assertNoCycle(unit('a.b'), unit('a.b.c'))).toThrow(/chính nó/);
    expect(() => assertNoCycle(unit('a.b'), unit('a.bc'))).not.toThrow();
    expect(() => assertNoCycle(unit('a.b'), unit('a'))).not.toThrow();
  });

  it('refuses placing under a closed unit, naming the date dd/mm/yyyy', () => {
    expect(() => assertOpen(unit('a', '2025-07-01'))).toThrow('01/07/2025');
    expect(() => assertOpen(unit('a'))).not.toThrow();
  });

  it('keeps kinds in level order: a branch cannot contain a province', () => {
    expect(() => assertKindFits(kind('branch', 50, true), kind('province', 10))).toThrow(
      /không thể có đơn vị trực thuộc/,
    );
    expect(() => assertKindFits(kind('grassroots', 30), kind('province', 10))).toThrow(/cấp của đơn vị con/);
    expect(() => assertKindFits(kind('grassroots', 30), kind('grassroots_branch', 30))).toThrow(DomainError);
    expect(() => assertKindFits(kind('province', 10), kind('grassroots', 30))).not.toThrow();
  });

  it('dates changes between the last change and today', () => {
    expect(() => assertEffectiveDate('2026-01-02', '2026-01-01', '2026-01-05')).not.toThrow();
    expect(() => assertEffectiveDate('2026-01-01', '2026-01-01', '2026-01-05')).not.toThrow();
    expect(() => assertEffectiveDate('2025-12-31', '2026-01-01', '2026-01-05')).toThrow('01/01/2026');
    expect(() => assertEffectiveDate('2026-01-06', '2026-01-01', '2026-01-05')).toThrow(/sau ngày hôm nay/);
  });
});

describe('unit paths', () => {
  const id = '0c7ccbcb-a991-4268-90db-c9dd784d9994';
  it('round-trips ids through ltree labels', () => {
    expect(labelOf(id)).toBe('u0c7ccbcba991426890dbc9dd784d9994');
    expect(idOfLabel(labelOf(id))).toBe(id);
    expect(idsOnPath(childPath(labelOf(id), id))).toEqual([id, id]);
  });
  it('tells whether a path lies within another', () => {
    expect(isWithin('a.b', 'a')).toBe(true);
    expect(isWithin('a', 'a')).toBe(true);
    expect(isWithin('ab', 'a')).toBe(false);
  });
});
