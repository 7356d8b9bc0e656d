import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { ruleSets, user } from '../../db/schema/index.js';
import { DEFAULT_RULES, DEFAULT_RULES_VALID_FROM, RULE_KEYS } from '../../domain/rules/rule-sets.js';
import type { RuleKey, RuleSets } from '../../domain/rules/rule-sets.js';

/** The rule set valid on a date (ISO yyyy-mm-dd); the default when none is stored for that date. */
export async function ruleOn<K extends RuleKey>(db: DbOrTx, key: K, onDate: string): Promise<RuleSets[K]> {
  const [row] = await db
    .select({ value: ruleSets.value })
    .from(ruleSets)
    .where(
      sql`${ruleSets.key} = ${key} and ${ruleSets.validFrom} <= ${onDate}::date and (${ruleSets.validTo} is null or ${ruleSets.validTo} > ${onDate}::date)`,
    )
    .orderBy(sql`${ruleSets.validFrom} desc`)
    .limit(1);
  if (!row) return DEFAULT_RULES[key];
  return { ...DEFAULT_RULES[key], ...(row.value as Partial<RuleSets[K]>) };
}

/** Stores the default rule sets for keys that have none yet (start-up and demo). */
export async function ensureDefaultRules(db: DbOrTx): Promise<void> {
  const present = await db.selectDistinct({ key: ruleSets.key }).from(ruleSets);
  const have = new Set(present.map((r) => r.key));
  const missing = RULE_KEYS.filter((k) => !have.has(k));
  if (missing.length === 0) return;
  await db.insert(ruleSets).values(
    missing.map((key) => ({
      key,
      validFrom: DEFAULT_RULES_VALID_FROM,
      value: DEFAULT_RULES[key],
      note: 'Giá trị mặc định theo Điều lệ Đoàn và hướng dẫn thực hiện',
    })),
  );
}

/** A stored period of a rule set, with the name of whoever recorded it. */
export interface RulePeriodRow {
  id: string;
  key: string;
  validFrom: string;
  validTo: string | null;
  value: unknown;
  note: string | null;
  createdByName: string | null;
  createdAt: Date;
}

/** Every stored period of every rule set, newest first within a key. */
export async function listRulePeriods(db: DbOrTx): Promise<RulePeriodRow[]> {
  return db
    .select({
      id: ruleSets.id,
      key: ruleSets.key,
      validFrom: ruleSets.validFrom,
      validTo: ruleSets.validTo,
      value: ruleSets.value,
      note: ruleSets.note,
      createdByName: user.name,
      createdAt: ruleSets.createdAt,
    })
    .from(ruleSets)
    .leftJoin(user, eq(user.id, ruleSets.createdBy))
    .orderBy(ruleSets.key, desc(ruleSets.validFrom));
}

/** The latest period of a key (the one a new value follows), locked until the transaction ends. */
export async function lockLatestPeriod(tx: DbOrTx, key: RuleKey) {
  const [row] = await tx
    .select()
    .from(ruleSets)
    .where(eq(ruleSets.key, key))
    .orderBy(desc(ruleSets.validFrom))
    .limit(1)
    .for('update');
  return row ?? null;
}

/** Ends a period on a date (the first day it no longer applies). */
export async function closePeriod(tx: DbOrTx, id: string, validTo: string): Promise<void> {
  await tx.update(ruleSets).set({ validTo }).where(eq(ruleSets.id, id));
}

/** Stores a new open period of a key. */
export async function insertPeriod(
  tx: DbOrTx,
  values: { key: RuleKey; validFrom: string; value: unknown; note: string | null; createdBy: string },
): Promise<string> {
  const [row] = await tx.insert(ruleSets).values(values).returning({ id: ruleSets.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}
