import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';

/** Pilot and remote branches of the demo. `unitIds` maps demo unit codes to ids. */
export async function seedDemoDesignations(
  tx: DbOrTx,
  unitIds: ReadonlyMap<string, string>,
  today: string,
): Promise<void> {
  const since = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const designations: [string, 'pilot' | 'remote', string][] = [
    ['TDP1', 'pilot', 'Đoàn phường Hải Châu chọn làm chi đoàn chỉ đạo.'],
    ['HT-THON4', 'remote', 'Thôn vùng cao, đoàn viên ở phân tán: sinh hoạt theo quý.'],
  ];
  for (const [code, kind, note] of designations) {
    const unitId = unitIds.get(code);
    if (!unitId) continue;
    await tx.execute(
      sql`insert into branch_designations (unit_id, kind, valid_from, note)
          values (${unitId}::uuid, ${kind}, ${since}::date, ${note}) on conflict do nothing`,
    );
  }
}
