import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import { rows } from '../../db/rows.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function memberOf(code: string) {
  const [m] = await rows<{ id: string; version: number }>(
    t.database.db,
    sql`select m.id, m.version from members m join units u on u.id = m.unit_id
         where u.code = ${code} and m.status = 'active' order by m.id limit 1`,
  );
  return m!;
}

describe('direct edits of a member record', () => {
  it('refuse moving a member who is in transit and leave the record as it was', async () => {
    const m = await memberOf('TDP3');
    await t.database.db.execute(sql`update members set status = 'in_transit' where id = ${m.id}`);
    const res = await t.call('PATCH', `/api/members/${m.id}`, await t.as('xadoan'), {
      version: m.version,
      unitId: await t.unitId('TDP4'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/Chuyển sinh hoạt/);
    const [after] = await rows<{ code: string; status: string }>(
      t.database.db,
      sql`select u.code, m.status from members m join units u on u.id = m.unit_id where m.id = ${m.id}`,
    );
    expect(after).toEqual({ code: 'TDP3', status: 'in_transit' });
  });

  it('refuse setting the in-transit status by hand', async () => {
    const m = await memberOf('TDP5');
    const res = await t.call('PATCH', `/api/members/${m.id}`, await t.as('xadoan'), {
      version: m.version,
      status: 'in_transit',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('card fields of a member with a card in the register', () => {
  it('refuse a typed card number and keep the register as the source', async () => {
    const m = await memberOf('TDP6');
    await t.database.db.execute(
      sql`insert into member_cards (member_id, unit_id, card_number, issued_on, reason)
          select id, unit_id, 'REG000777', '2024-03-26', 'initial' from members where id = ${m.id}`,
    );
    const res = await t.call('PATCH', `/api/members/${m.id}`, await t.as('xadoan'), {
      version: m.version,
      cardNumber: 'TYPED0001',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/sổ cấp thẻ/);
  });
});
