import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { members, roleAssignments, units } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { UnitDetail, UnitSummary } from '../../contracts/units.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const detail = async (code: string, cookie: string) =>
  (await t.call('GET', `/api/units/${await t.unitId(code)}`, cookie)).json<UnitDetail>();
const memberUnits = async (unitId: string) =>
  await t.database.db
    .select({ id: members.id, provinceId: members.provinceId })
    .from(members)
    .where(eq(members.unitId, unitId));

describe('moving a unit', () => {
  it('moves a commune union with its subtree to another province and keeps the old placement in history', async () => {
    const admin = await t.as('admin');
    const commune = await detail('LNG', admin);
    const target = await t.unitId('DNG');
    const before = await t.database.db.select({ path: units.path }).from(units).where(eq(units.parentId, commune.id));
    const res = await t.call('POST', `/api/units/${commune.id}/move`, admin, {
      newParentId: target,
      effectiveOn: '2026-10-01',
      version: commune.version,
    });
    expect(res.statusCode).toBe(200);
    const moved = res.json<UnitDetail>();
    expect(moved.ancestors.map((a) => a.name)).toEqual(['Trung ương Đoàn TNCS Hồ Chí Minh', 'Thành đoàn Đà Nẵng']);
    const children = await t.database.db.select({ path: units.path }).from(units).where(eq(units.parentId, commune.id));
    expect(children.length).toBe(before.length);
    const dngPath = (await t.database.db.select({ path: units.path }).from(units).where(eq(units.id, target)))[0]?.path;
    for (const c of children) expect(c.path.startsWith(`${dngPath}.`)).toBe(true);
    const branchMembers = await memberUnits(
      (await t.database.db.select({ id: units.id }).from(units).where(eq(units.parentId, commune.id)))[0]!.id,
    );
    expect(new Set(branchMembers.map((m) => m.provinceId))).toEqual(new Set([target]));

    const ldg = await t.unitId('LDG');
    const asOfBefore = (await t.call('GET', `/api/units/tree-as-of?date=2026-09-30&rootId=${ldg}`, admin)).json<
      { code: string }[]
    >();
    const asOfAfter = (await t.call('GET', `/api/units/tree-as-of?date=2026-10-01&rootId=${ldg}`, admin)).json<
      { code: string }[]
    >();
    expect(asOfBefore.map((n) => n.code)).toContain('LNG');
    expect(asOfAfter.map((n) => n.code)).not.toContain('LNG');
    const history = (await t.call('GET', `/api/units/${commune.id}/history`, admin)).json<{
      versions: { parentName: string; validTo: string | null }[];
    }>();
    expect(history.versions.map((v) => [v.parentName, v.validTo])).toEqual([
      ['Huyện đoàn Đức Trọng', '2026-10-01'],
      ['Thành đoàn Đà Nẵng', null],
    ]);
  });

  it('refuses a cycle, a kind that does not fit, and a target outside the actor scope', async () => {
    const admin = await t.as('admin');
    const dng = await detail('DNG', admin);
    const cycle = await t.call('POST', `/api/units/${dng.id}/move`, admin, {
      newParentId: await t.unitId('HCH'),
      version: dng.version,
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.message).toMatch(/chính nó/);
    const branch = await detail('KP2', admin);
    const intoBranch = await t.call('POST', `/api/units/${branch.id}/move`, admin, {
      newParentId: await t.unitId('KP3'),
      version: branch.version,
    });
    expect(intoBranch.statusCode).toBe(422);
    const tinhdoan = await t.as('tinhdoan');
    const own = await detail('KP2', tinhdoan);
    const outside = await t.call('POST', `/api/units/${own.id}/move`, tinhdoan, {
      newParentId: await t.unitId('P1BL'),
      version: own.version,
    });
    expect(outside.statusCode).toBe(404);
    expect((await detail('KP2', admin)).ancestors.at(-1)?.name).toBe('Đoàn phường Hội An');
  });
});

describe('merging units', () => {
  it('merges two communes into a new one: sub-units, members and roles follow, the sources close with successor links', async () => {
    const admin = await t.as('admin');
    const bl = await t.unitId('P1BL');
    const dl = await t.unitId('DLAO');
    const memberIds = [
      ...(await memberUnits(await t.unitId('BL-KP1'))),
      ...(await memberUnits(await t.unitId('DL-THON1'))),
    ];
    const officer = await t.accountWithRole('cadre', 'DLAO');
    const res = await t.call('POST', '/api/units/merge', admin, {
      sourceIds: [bl, dl],
      newUnit: {
        parentId: await t.unitId('TDBL'),
        name: 'Đoàn phường B’Lao',
        code: 'BLAO',
        kind: 'grassroots',
        sector: 'residential',
      },
      effectiveOn: '2026-11-01',
      reason: 'Sắp xếp đơn vị hành chính',
    });
    expect(res.statusCode).toBe(200);
    const merged = res.json<UnitDetail>();
    expect(merged.predecessors.map((p) => p.unitName).sort()).toEqual(['Đoàn Phường 1', 'Đoàn xã Đại Lào']);
    expect(merged.childCount).toBe(7);
    for (const id of [bl, dl]) {
      const source = (await t.call('GET', `/api/units/${id}`, admin)).json<UnitDetail>();
      expect(source.closedOn).toBe('2026-11-01');
      expect(source.successors.map((s) => s.unitId)).toEqual([merged.id]);
      expect(source.childCount).toBe(0);
    }
    const stillThere = await t.database.db
      .select({ unitId: members.unitId })
      .from(members)
      .where(sql`${members.id} in ${memberIds.map((m) => m.id)}`);
    expect(stillThere.length).toBe(memberIds.length);
    const grants = await t.database.db
      .select({ unitId: roleAssignments.unitId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, officer.userId), isNull(roleAssignments.revokedAt)));
    expect(grants.map((g) => g.unitId)).toEqual([merged.id]);
    const me = (await t.call('GET', '/api/auth/me', officer.cookie)).json<{ scopeRoots: { id: string }[] }>();
    expect(me.scopeRoots.map((r) => r.id)).toEqual([merged.id]);
  });

  it('refuses merging a unit into its own sub-unit and changes nothing', async () => {
    const admin = await t.as('admin');
    const res = await t.call('POST', '/api/units/merge', admin, {
      sourceIds: [await t.unitId('HTH-X')],
      targetId: await t.unitId('HT-THON1'),
    });
    expect([400, 422]).toContain(res.statusCode);
    expect((await detail('HTH-X', admin)).closedOn).toBeNull();
    const neither = await t.call('POST', '/api/units/merge', admin, { sourceIds: [await t.unitId('HTH-X')] });
    expect(neither.statusCode).toBe(400);
  });
});

describe('splitting a unit', () => {
  it('splits a union into two; listed sub-units and members go to the second part, the rest to the first', async () => {
    const admin = await t.as('admin');
    const source = await detail('HTH', admin);
    const kids = (await t.call('GET', `/api/units/${source.id}/children`, admin)).json<UnitSummary[]>();
    const nm3 = kids.find((k) => k.code === 'NM3')!;
    const res = await t.call('POST', `/api/units/${source.id}/split`, admin, {
      version: source.version,
      effectiveOn: '2026-11-01',
      parts: [
        { name: 'Đoàn cơ sở Công ty May Hòa Thọ', code: 'HTH-MAY' },
        { name: 'Đoàn cơ sở Công ty Sợi Hòa Thọ', code: 'HTH-SOI', childIds: [nm3.id] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const parts = res.json<UnitSummary[]>();
    expect(parts.map((p) => [p.code, p.childCount])).toEqual([
      ['HTH-MAY', 3],
      ['HTH-SOI', 1],
    ]);
    const closed = (await t.call('GET', `/api/units/${source.id}`, admin)).json<UnitDetail>();
    expect(closed.closedOn).toBe('2026-11-01');
    expect(closed.successors.map((s) => s.unitName).sort()).toEqual([
      'Đoàn cơ sở Công ty May Hòa Thọ',
      'Đoàn cơ sở Công ty Sợi Hòa Thọ',
    ]);
    const [nm3Now] = await t.database.db.select({ parentId: units.parentId }).from(units).where(eq(units.id, nm3.id));
    expect(nm3Now?.parentId).toBe(parts[1]?.id);
  });

  it('refuses a sub-unit listed twice and leaves the unit open', async () => {
    const admin = await t.as('admin');
    const source = await detail('DHBK', admin);
    const kids = (await t.call('GET', `/api/units/${source.id}/children`, admin)).json<UnitSummary[]>();
    const res = await t.call('POST', `/api/units/${source.id}/split`, admin, {
      version: source.version,
      parts: [
        { name: 'A', code: 'A1', childIds: [kids[0]!.id] },
        { name: 'B', code: 'B1', childIds: [kids[0]!.id] },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect((await detail('DHBK', admin)).closedOn).toBeNull();
    expect(await t.database.db.select().from(units).where(eq(units.code, 'A1'))).toEqual([]);
  });
});
