import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { auditLog, units } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { UnitDetail, UnitSummary } from '../../contracts/units.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const unitCount = async () => (await t.database.db.select({ n: count() }).from(units))[0]?.n ?? 0;

describe('reading the tree', () => {
  it('shows a unit with its path up to the root, counts and allowed actions', async () => {
    const res = await t.call('GET', `/api/units/${await t.unitId('HCH')}`, await t.as('xadoan'));
    expect(res.statusCode).toBe(200);
    const unit = res.json<UnitDetail>();
    expect(unit.name).toBe('Đoàn phường Hải Châu');
    expect(unit.ancestors.map((a) => a.name)).toEqual(['Trung ương Đoàn TNCS Hồ Chí Minh', 'Thành đoàn Đà Nẵng']);
    expect(unit.childCount).toBe(7);
    expect(unit.memberCount).toBeGreaterThan(40);
    expect(unit.predecessors.map((p) => p.unitName).sort()).toEqual([
      'Đoàn phường Hải Châu I',
      'Đoàn phường Phước Ninh',
    ]);
    expect(unit.actions).toContain('unit.update');
    expect(unit.actions).not.toContain('unit.restructure');
  });

  it('lists sub-units with their own child counts, closed ones on request', async () => {
    const dng = await t.unitId('DNG');
    const open = (await t.call('GET', `/api/units/${dng}/children`, await t.as('tinhdoan'))).json<UnitSummary[]>();
    expect(open.map((u) => u.code)).toContain('HCH');
    expect(open.map((u) => u.code)).not.toContain('QHC');
    expect(open.find((u) => u.code === 'HCH')?.childCount).toBe(7);
    const all = (await t.call('GET', `/api/units/${dng}/children?includeClosed=true`, await t.as('tinhdoan'))).json<
      UnitSummary[]
    >();
    expect(all.map((u) => u.code)).toContain('QHC');
  });

  it('offers no "add sub-unit" action on a leaf kind such as a branch', async () => {
    const branch = (
      await t.call('GET', `/api/units/${await t.unitId('TDP1')}`, await t.as('tinhdoan'))
    ).json<UnitDetail>();
    expect(branch.actions).toContain('unit.update');
    expect(branch.actions).not.toContain('unit.create');
  });

  it('leaves closed units out of a search unless asked', async () => {
    const cookie = await t.as('admin');
    const open = (await t.call('GET', '/api/units/search?q=QHC&includeClosed=false', cookie)).json<UnitSummary[]>();
    expect(open).toEqual([]);
    const all = (await t.call('GET', '/api/units/search?q=QHC&includeClosed=true', cookie)).json<UnitSummary[]>();
    expect(all.map((u) => u.code)).toEqual(['QHC']);
  });

  it('searches by name ignoring diacritics and case, only inside the scope', async () => {
    const found = (await t.call('GET', '/api/units/search?q=HOI%20AN', await t.as('tinhdoan'))).json<UnitSummary[]>();
    expect(found.map((u) => u.name)).toContain('Đoàn phường Hội An');
    const outside = (await t.call('GET', '/api/units/search?q=hoi%20an', await t.as('xadoan'))).json<UnitSummary[]>();
    expect(outside).toEqual([]);
  });

  it('returns the tree as it was on a date, from history', async () => {
    const cookie = await t.as('tinhdoan');
    const dng = await t.unitId('DNG');
    const before = (await t.call('GET', `/api/units/tree-as-of?date=2025-01-01&rootId=${dng}`, cookie)).json<
      { code: string; parentId: string | null }[]
    >();
    const after = (await t.call('GET', `/api/units/tree-as-of?date=2025-07-01&rootId=${dng}`, cookie)).json<
      { code: string }[]
    >();
    expect(before.map((n) => n.code)).toEqual(expect.arrayContaining(['QHC', 'HC1', 'PNI']));
    expect(before.map((n) => n.code)).not.toContain('HCH');
    expect(after.map((n) => n.code)).toContain('HCH');
    expect(after.map((n) => n.code)).not.toContain('QHC');
  });
});

describe('creating and editing units', () => {
  it('creates a branch under a commune union, with history and an audit row', async () => {
    const cookie = await t.as('tinhdoan');
    const parentId = await t.unitId('HAN');
    const res = await t.call('POST', '/api/units', cookie, {
      parentId,
      name: '  Chi đoàn khối phố   An Hội ',
      code: 'KP-AH',
      kind: 'branch',
      sector: 'residential',
      socialUrl: 'https://zalo.me/g/abc123',
      foundedOn: '2026-01-15',
    });
    expect(res.statusCode).toBe(200);
    const unit = res.json<UnitDetail>();
    expect(unit.name).toBe('Chi đoàn khối phố An Hội');
    expect(unit.ancestors.at(-1)?.id).toBe(parentId);
    const history = (await t.call('GET', `/api/units/${unit.id}/history`, cookie)).json<{
      versions: { validFrom: string }[];
    }>();
    expect(history.versions).toEqual([
      expect.objectContaining({ validFrom: '2026-01-15', validTo: null, parentName: 'Đoàn phường Hội An' }),
    ]);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, unit.id));
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('rejects bad input with the field and a Vietnamese message, writing nothing', async () => {
    const before = await unitCount();
    const res = await t.call('POST', '/api/units', await t.as('tinhdoan'), {
      parentId: await t.unitId('HAN'),
      name: '   ',
      code: 'mã có dấu',
      kind: 'branch',
      sector: 'nowhere',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details: { field: string; message: string }[] } }>();
    expect(body.error.code).toBe('validation');
    const fields = body.error.details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'code', 'sector']));
    expect(body.error.details.find((d) => d.field === 'name')?.message).toBe('Tên đơn vị là bắt buộc.');
    expect(await unitCount()).toBe(before);
  });

  it('refuses a kind that breaks the level order, a duplicate sibling code and a closed parent', async () => {
    const cookie = await t.as('tinhdoan');
    const base = { name: 'Thử', sector: 'residential' };
    const inBranch = await t.call('POST', '/api/units', cookie, {
      ...base,
      parentId: await t.unitId('TDP1'),
      code: 'X1',
      kind: 'branch',
    });
    expect(inBranch.statusCode).toBe(422);
    expect(inBranch.json().error.message).toMatch(/không thể có đơn vị trực thuộc/);
    const provinceUnderCommune = await t.call('POST', '/api/units', cookie, {
      ...base,
      parentId: await t.unitId('HAN'),
      code: 'X2',
      kind: 'province',
    });
    expect(provinceUnderCommune.statusCode).toBe(422);
    const duplicate = await t.call('POST', '/api/units', cookie, {
      ...base,
      parentId: await t.unitId('HCH'),
      code: 'tdp1',
      kind: 'branch',
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.details[0].field).toBe('code');
    const underClosed = await t.call('POST', '/api/units', await t.as('admin'), {
      ...base,
      parentId: await t.unitId('QHC'),
      code: 'X3',
      kind: 'grassroots',
    });
    expect(underClosed.statusCode).toBe(422);
    expect(underClosed.json().error.message).toContain('01/07/2025');
  });

  it('detects a stale edit with the version column', async () => {
    const cookie = await t.as('xadoan');
    const id = await t.unitId('TDP3');
    const { version } = (await t.call('GET', `/api/units/${id}`, cookie)).json<UnitDetail>();
    const first = await t.call('PATCH', `/api/units/${id}`, cookie, { version, address: 'Số 1 Trần Phú' });
    expect(first.statusCode).toBe(200);
    expect(first.json<UnitDetail>().version).toBe(version + 1);
    const second = await t.call('PATCH', `/api/units/${id}`, cookie, { version, address: 'Số 2 Trần Phú' });
    expect(second.statusCode).toBe(409);
    const now = (await t.call('GET', `/api/units/${id}`, cookie)).json<UnitDetail>();
    expect(now.address).toBe('Số 1 Trần Phú');
  });

  it('keeps the old name in history when a unit is renamed', async () => {
    const cookie = await t.as('xadoan');
    const id = await t.unitId('TDP4');
    const { version } = (await t.call('GET', `/api/units/${id}`, cookie)).json<UnitDetail>();
    expect(
      (await t.call('PATCH', `/api/units/${id}`, cookie, { version, name: 'Chi đoàn Tổ dân phố 4 mới' })).statusCode,
    ).toBe(200);
    const history = (await t.call('GET', `/api/units/${id}/history`, cookie)).json<{ versions: { name: string }[] }>();
    expect(history.versions.map((v) => v.name)).toEqual(['Chi đoàn Tổ dân phố 4', 'Chi đoàn Tổ dân phố 4 mới']);
  });

  it('lets only a superior give a unit powers', async () => {
    const id = await t.unitId('HCH');
    const own = (await t.call('GET', `/api/units/${id}`, await t.as('xadoan'))).json<UnitDetail>();
    const selfGrant = await t.call('PATCH', `/api/units/${id}`, await t.as('xadoan'), {
      version: own.version,
      powers: ['approves_admission'],
    });
    expect(selfGrant.statusCode).toBe(403);
    const superior = await t.call('PATCH', `/api/units/${id}`, await t.as('tinhdoan'), {
      version: own.version,
      powers: ['approves_admission'],
    });
    expect(superior.statusCode).toBe(200);
    expect(superior.json<UnitDetail>().powers).toEqual(['approves_admission']);
  });
});

describe('closing units', () => {
  it('refuses to close a unit with members or open sub-units, then closes an empty one and ends its roles', async () => {
    const cookie = await t.as('tinhdoan');
    const han = (await t.call('GET', `/api/units/${await t.unitId('HAN')}`, cookie)).json<UnitDetail>();
    const withChildren = await t.call('POST', `/api/units/${han.id}/close`, cookie, {
      closedOn: '2026-11-01',
      reason: 'Thử',
      version: han.version,
    });
    expect(withChildren.statusCode).toBe(422);
    const kp1 = (await t.call('GET', `/api/units/${await t.unitId('KP1')}`, cookie)).json<UnitDetail>();
    const withMembers = await t.call('POST', `/api/units/${kp1.id}/close`, cookie, {
      closedOn: '2026-11-01',
      reason: 'Thử',
      version: kp1.version,
    });
    expect(withMembers.statusCode).toBe(422);
    expect(withMembers.json().error.message).toMatch(/đoàn viên đang sinh hoạt/);

    const created = (
      await t.call('POST', '/api/units', cookie, {
        parentId: han.id,
        name: 'Chi đoàn tạm',
        code: 'TAM',
        kind: 'branch',
        sector: 'residential',
        foundedOn: '2026-02-01',
      })
    ).json<UnitDetail>();
    const tooEarly = await t.call('POST', `/api/units/${created.id}/close`, cookie, {
      closedOn: '2026-01-01',
      reason: 'Thử',
      version: created.version,
    });
    expect(tooEarly.statusCode).toBe(400);
    const closed = await t.call('POST', `/api/units/${created.id}/close`, cookie, {
      closedOn: '2026-03-01',
      reason: 'Sáp nhập khu dân cư',
      version: created.version,
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<UnitDetail>()).toMatchObject({
      closedOn: '2026-03-01',
      closeReason: 'Sáp nhập khu dân cư',
      actions: expect.not.arrayContaining(['unit.update']),
    });
    const [row] = await t.database.db
      .select()
      .from(units)
      .where(sql`${units.id} = ${created.id}`);
    expect(row?.closedOn).toBe('2026-03-01');
  });
});
