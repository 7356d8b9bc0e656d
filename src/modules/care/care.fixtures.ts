import type { TestApp } from '../../../tests/helpers/test-app.js';
import type { CareRecordDetail } from '../../contracts/care.js';
import type { ScopeCase } from '../../../tests/helpers/scope-case.js';

/** A day `days` after (negative: before) today in Vietnam, as yyyy-mm-dd. */
export function careDay(days: number): string {
  const d = new Date(Date.now() + 7 * 3600_000);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A young person who is not a member, for a branch. */
export const youthBody = (unitId: string, extra: Record<string, unknown> = {}) => ({
  unitId,
  fullName: 'Đặng Thị Thu Trang',
  birthYear: new Date().getFullYear() - 18,
  gender: 'female',
  address: 'Kiệt 9 Hoàng Diệu',
  phone: '0905123456',
  categories: ['hardship'],
  situation: 'Gia đình khó khăn, mẹ đơn thân.',
  ...extra,
});

/** What the scope cases act on: a record at TDP1 with one planned help. */
export interface CareFixtures {
  record: { id: string; version: number };
  plannedId: string;
}

/** Creates, as the ward cadre, a young person's record at TDP1 with one planned help. */
export async function careScopeFixtures(t: TestApp): Promise<CareFixtures> {
  const cookie = await t.as('xadoan');
  const created = await t.call('POST', '/api/care-records', cookie, youthBody(await t.unitId('TDP1')));
  if (created.statusCode !== 200) throw new Error(`care record: ${created.statusCode} ${created.body}`);
  const record = created.json<CareRecordDetail>();
  const withPlan = (
    await t.call('POST', `/api/care-records/${record.id}/actions`, cookie, {
      kind: 'planned',
      onDate: careDay(10),
      description: 'Tặng học bổng',
      amount: 500000,
    })
  ).json<CareRecordDetail>();
  return { record: { id: record.id, version: withPlan.version }, plannedId: withPlan.actions[0]!.id };
}

/** One scope case per care endpoint (an outsider gets nothing, a viewer only reads). */
export function careScopeCases(r: { unitId: (code: string) => string; fx: () => CareFixtures }): ScopeCase[] {
  const rec = () => `/api/care-records/${r.fx().record.id}`;
  const read = (name: string, url: () => string) => ({ name, method: 'GET' as const, url, write: false });
  const post = (name: string, url: () => string, body: () => unknown) => ({
    name,
    method: 'POST' as const,
    url,
    body,
    write: true,
  });
  return [
    read('care list', () => `/api/care-records?unitId=${r.unitId('HCH')}`),
    read('care counts', () => `/api/care-records/summary?unitId=${r.unitId('HCH')}`),
    read('care suggestions', () => `/api/care-records/suggestions?unitId=${r.unitId('HCH')}`),
    read('care export', () => `/api/care-records.xlsx?unitId=${r.unitId('HCH')}`),
    read('care record', rec),
    post(
      'add to care list',
      () => '/api/care-records',
      () => youthBody(r.unitId('TDP1')),
    ),
    {
      name: 'edit care record',
      method: 'PATCH' as const,
      url: rec,
      body: () => ({ version: r.fx().record.version, situation: 'x' }),
      write: true,
    },
    post(
      'close care record',
      () => `${rec()}/close`,
      () => ({ version: r.fx().record.version, reason: 'x', closedOn: careDay(0) }),
    ),
    post(
      'record help',
      () => `${rec()}/actions`,
      () => ({ kind: 'given', onDate: careDay(0), description: 'x' }),
    ),
    post(
      'planned help given',
      () => `${rec()}/actions/${r.fx().plannedId}/done`,
      () => ({ onDate: careDay(0) }),
    ),
    {
      name: 'delete planned help',
      method: 'DELETE' as const,
      url: () => `${rec()}/actions/${r.fx().plannedId}`,
      write: true,
    },
  ];
}
