import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { ruleSets } from '../../db/schema/index.js';
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
