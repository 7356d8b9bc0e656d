import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { AuditEntryDto } from '../../contracts/audit.js';
import type { UnitDetail } from '../../contracts/units.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('audit log', () => {
  it('records each mutation with actor, unit, before and after, and filters by entity, action and unit', async () => {
    const cookie = await t.as('xadoan');
    const id = await t.unitId('TDP5');
    const unit = (await t.call('GET', `/api/units/${id}`, cookie)).json<UnitDetail>();
    const res = await t.call('PATCH', `/api/units/${id}`, cookie, { version: unit.version, phone: '0905 123 456' });
    const requestId = res.headers['x-request-id'];
    const page = (await t.call('GET', `/api/audit?entity=unit&action=update&unitId=${id}`, cookie)).json<{
      items: AuditEntryDto[];
    }>();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      actorName: 'xadoan',
      unitName: 'Chi đoàn Tổ dân phố 5',
      requestId,
      before: expect.objectContaining({ phone: null }),
      after: expect.objectContaining({ phone: '0905 123 456' }),
    });
  });

  it('shows a cadre only the audit rows of their subtree', async () => {
    await t.call('PATCH', `/api/units/${await t.unitId('KP4')}`, await t.as('tinhdoan'), {
      version: (await t.call('GET', `/api/units/${await t.unitId('KP4')}`, await t.as('tinhdoan'))).json<UnitDetail>()
        .version,
      address: 'Hội An',
    });
    const mine = (await t.call('GET', '/api/audit?limit=200', await t.as('xadoan'))).json<{ items: AuditEntryDto[] }>();
    expect(mine.items.every((e) => e.unitName !== 'Chi đoàn khối phố Tân An')).toBe(true);
    const province = (await t.call('GET', '/api/audit?limit=200', await t.as('tinhdoan'))).json<{
      items: AuditEntryDto[];
    }>();
    expect(province.items.some((e) => e.unitName === 'Chi đoàn khối phố Tân An')).toBe(true);
  });

  it('filters by date and pages with a cursor', async () => {
    const admin = await t.as('admin');
    const future = (await t.call('GET', '/api/audit?from=2099-01-01', admin)).json<{ items: AuditEntryDto[] }>();
    expect(future.items).toEqual([]);
    const first = (await t.call('GET', '/api/audit?limit=1', admin)).json<{ items: AuditEntryDto[]; next: string }>();
    const second = (await t.call('GET', `/api/audit?limit=1&cursor=${first.next}`, admin)).json<{
      items: AuditEntryDto[];
    }>();
    expect(Number(second.items[0]!.id)).toBeLessThan(Number(first.items[0]!.id));
    expect((await t.call('GET', '/api/audit?from=01/01/2026', admin)).statusCode).toBe(400);
  });
});
