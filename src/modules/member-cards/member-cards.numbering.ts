import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { cardNumberSchemes, memberCards, members } from '../../db/schema/index.js';
import { fail } from '../../domain/errors.js';
import { defaultCardPrefix, formatCardNumber } from '../../domain/workflows/member-card.js';

/** The width of a scheme created by default. */
export const DEFAULT_WIDTH = 6;
const MAX_SKIPS = 1000;

/** A unit's stored scheme, or null. */
export async function findScheme(db: DbOrTx, unitId: string) {
  const [row] = await db.select().from(cardNumberSchemes).where(eq(cardNumberSchemes.unitId, unitId));
  return row ?? null;
}

/** True when a card number is on an active card or on a member record (a number is never given twice). */
export async function cardNumberTaken(db: DbOrTx, cardNumber: string): Promise<boolean> {
  const found = await rows<{ one: number }>(
    db,
    sql`select 1 as one from ${memberCards} where card_number = ${cardNumber} and status = 'active'
        union all
        select 1 from ${members} where card_number = ${cardNumber}
        limit 1`,
  );
  return found.length > 0;
}

/**
 * Takes the next number of the unit's scheme (creating the scheme with the unit code as prefix when it has
 * none), skipping numbers already in use. The scheme row stays locked until the transaction ends, so two
 * issues never get the same number and a rolled-back issue gives its number back.
 */
export async function allocateCardNumber(tx: DbOrTx, unit: { id: string; code: string }): Promise<string> {
  for (let i = 0; i < MAX_SKIPS; i++) {
    const [row] = await rows<{ prefix: string; width: number; n: number }>(
      tx,
      sql`insert into ${cardNumberSchemes} (unit_id, prefix, width, next_number, updated_at)
          values (${unit.id}::uuid, ${defaultCardPrefix(unit.code)}, ${DEFAULT_WIDTH}, 2, date_trunc('milliseconds', now()))
          on conflict (unit_id) do update
            set next_number = ${cardNumberSchemes.nextNumber} + 1, updated_at = date_trunc('milliseconds', now())
          returning prefix, width, next_number - 1 as n`,
    );
    if (!row) throw new Error('card number allocation returned no row');
    const number = formatCardNumber(row.prefix, Number(row.width), Number(row.n));
    if (!(await cardNumberTaken(tx, number))) return number;
  }
  throw fail.rule('Không tìm được số thẻ còn trống theo cách đánh số của đơn vị: hãy kiểm tra cách đánh số thẻ.');
}

/**
 * The highest counter already used with this prefix and width, on any card ever issued or any member record
 * (null when none): the next number of a scheme must lie above it.
 */
export async function highestUsed(db: DbOrTx, prefix: string, width: number): Promise<number | null> {
  const low = formatCardNumber(prefix, width, 0);
  const high = `${prefix}${'9'.repeat(width)}`;
  const shape = `^${prefix.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}[0-9]{${width}}$`;
  const [row] = await rows<{ n: string | null }>(
    db,
    sql`select max(substr(card_number, ${prefix.length + 1})::bigint)::text as n from (
          select card_number from ${memberCards} where card_number between ${low} and ${high} and card_number ~ ${shape}
          union all
          select card_number from ${members} where card_number between ${low} and ${high} and card_number ~ ${shape}
        ) used`,
  );
  return row?.n ? Number(row.n) : null;
}

/** Stores a scheme: inserted when `version` is null, else updated only if unchanged since read. False on a race. */
export async function saveScheme(
  tx: DbOrTx,
  unitId: string,
  input: { prefix: string; width: number; nextNumber: number },
  version: string | null,
): Promise<boolean> {
  const now = sql`date_trunc('milliseconds', now())`;
  if (version === null) {
    const inserted = await tx
      .insert(cardNumberSchemes)
      .values({ unitId, ...input, updatedAt: now })
      .onConflictDoNothing()
      .returning({ unitId: cardNumberSchemes.unitId });
    return inserted.length > 0;
  }
  const updated = await tx
    .update(cardNumberSchemes)
    .set({ ...input, updatedAt: now })
    .where(
      and(
        eq(cardNumberSchemes.unitId, unitId),
        sql`date_trunc('milliseconds', ${cardNumberSchemes.updatedAt}) = ${version}::timestamptz`,
      ),
    )
    .returning({ unitId: cardNumberSchemes.unitId });
  return updated.length > 0;
}
