import { describe, expect, it } from 'vitest';
import { DEMO_TREE, type DemoUnit } from './demo-tree.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

const flatten = (u: DemoUnit): DemoUnit[] => [u, ...(u.children ?? []).flatMap(flatten)];

describe('demo tree', () => {
  const all = flatten(DEMO_TREE);
  it('uses each code once, so demo accounts and tests can name units by code', () => {
    expect(new Set(all.map((u) => u.code)).size).toBe(all.length);
  });
  it('places every demo account on an open unit', () => {
    for (const a of DEMO_ACCOUNTS) expect(all.find((u) => u.code === a.unitCode && !u.closedOn)).toBeTruthy();
  });
  it('has both shapes: a province with commune unions, and one with a district level', () => {
    const provinces = all.filter((u) => u.kind === 'province');
    expect(provinces.some((p) => p.children?.some((c) => c.kind === 'grassroots' && !c.closedOn))).toBe(true);
    expect(provinces.some((p) => p.children?.some((c) => c.kind === 'district' && !c.closedOn))).toBe(true);
  });
});
