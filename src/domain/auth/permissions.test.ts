import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  GRANTABLE,
  inScope,
  minimalPaths,
  PERMISSIONS,
  roleAllows,
  ROLES,
  scopePaths,
} from './permissions.js';
import { lockedMinutesLeft, LOCKOUT } from './lockout.js';

describe('permissions', () => {
  it('lets a viewer read but never write', () => {
    expect(roleAllows('viewer', 'unit.read')).toBe(true);
    for (const action of [
      'unit.create',
      'unit.update',
      'unit.restructure',
      'unit.close',
      'member.write',
      'account.manage',
    ] as const) {
      expect(roleAllows('viewer', action)).toBe(false);
    }
  });

  it('gives a member only their own record', () => {
    expect(PERMISSIONS.member).toEqual(['self.read']);
  });

  it('never lets a role grant a role above its own', () => {
    expect(GRANTABLE.unit_admin).not.toContain('system_admin');
    expect(GRANTABLE.cadre).toEqual([]);
    for (const role of ROLES) expect(GRANTABLE[role].length <= ROLES.length).toBe(true);
  });

  it('computes the scope of an action from role grants, dropping covered subtrees', () => {
    const grants = [
      { role: 'cadre' as const, unitId: '1', unitPath: 'a.b' },
      { role: 'viewer' as const, unitId: '2', unitPath: 'a.b.c' },
      { role: 'viewer' as const, unitId: '3', unitPath: 'a.d' },
    ];
    expect(scopePaths(grants, 'unit.read')).toEqual(['a.b', 'a.d']);
    expect(scopePaths(grants, 'unit.update')).toEqual(['a.b']);
    expect(scopePaths(grants, 'account.manage')).toEqual([]);
    expect(allowedActions(grants, 'a.d.x')).toEqual(['unit.read', 'member.read']);
    expect(allowedActions(grants, 'z')).toEqual([]);
  });

  it('matches scope by whole labels only', () => {
    expect(inScope(['a.b'], 'a.b.c')).toBe(true);
    expect(inScope(['a.b'], 'a.bc')).toBe(false);
    expect(minimalPaths(['a.b.c', 'a.b', 'a.b'])).toEqual(['a.b']);
  });
});

describe('login lockout', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  it('locks after the configured number of recent failures', () => {
    const four = [1, 2, 3, 4].map(minutesAgo);
    expect(lockedMinutesLeft(four, now)).toBe(0);
    expect(lockedMinutesLeft([...four, minutesAgo(0)], now)).toBe(LOCKOUT.windowMinutes);
  });

  it('forgets failures older than the window', () => {
    const old = [20, 21, 22, 23, 24].map(minutesAgo);
    expect(lockedMinutesLeft(old, now)).toBe(0);
  });
});
