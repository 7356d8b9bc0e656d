import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeAnywhere } from '../../auth/actor.js';
import { RULE_VALUE_SCHEMAS, type RulePeriodDto, type RuleSetDto } from '../../contracts/rules.js';
import { DomainError, fail } from '../../domain/errors.js';
import { DEFAULT_RULES, RULE_KEYS, RULE_LABELS, type RuleKey } from '../../domain/rules/rule-sets.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import * as q from './rules.queries.js';

type Ctx = RequestContext & { actor: Actor };

/** A new value of a rule set, already past the request contract. */
export interface RecordRule {
  validFrom: string;
  value: unknown;
  note?: string | null;
}

function toPeriod(row: q.RulePeriodRow): RulePeriodDto {
  const key = row.key as RuleKey;
  const stored = typeof row.value === 'object' && row.value !== null ? row.value : {};
  return {
    id: row.id,
    validFrom: row.validFrom,
    validTo: row.validTo,
    value: { ...(DEFAULT_RULES[key] ?? {}), ...stored } as Record<string, unknown>,
    note: row.note,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}

function toRuleSet(key: RuleKey, periods: q.RulePeriodRow[], today: string): RuleSetDto {
  const current = periods.find((p) => p.validFrom <= today && (p.validTo === null || p.validTo > today));
  return { key, label: RULE_LABELS[key], current: current ? toPeriod(current) : null, periods: periods.map(toPeriod) };
}

/** Every rule set with the value in force today and its history; any cadre may read them. */
export async function listRules(db: DbOrTx, actor: Actor): Promise<RuleSetDto[]> {
  authorizeAnywhere(actor, 'unit.read');
  const periods = await q.listRulePeriods(db);
  const today = todayInVietnam();
  return RULE_KEYS.map((key) =>
    toRuleSet(
      key,
      periods.filter((p) => p.key === key),
      today,
    ),
  );
}

/** The value checked against the key's schema; a validation error names the field (`value.admissionMinAge`). */
export function parseRuleValue<K extends RuleKey>(key: K, value: unknown) {
  const parsed = RULE_VALUE_SCHEMAS[key].safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({
    field: ['value', ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new DomainError('validation', details[0]?.message ?? 'Giá trị quy định không hợp lệ.', details);
}

/**
 * Records a new value of a rule set valid from a date (system administrators). The open period before it
 * ends on that date; earlier periods are never changed, so the date must come after the latest start.
 */
export async function recordRule(db: Db, ctx: Ctx, key: RuleKey, body: RecordRule): Promise<RuleSetDto> {
  authorizeAnywhere(ctx.actor, 'rules.manage');
  const value = parseRuleValue(key, body.value);
  await db.transaction(async (tx) => {
    const latest = await q.lockLatestPeriod(tx, key);
    if (latest && body.validFrom <= latest.validFrom)
      throw fail.rule(
        `Giá trị mới phải áp dụng từ sau ngày ${formatDateVi(latest.validFrom)} (ngày bắt đầu của giá trị gần nhất): lịch sử quy định không được ghi đè.`,
        'validFrom',
      );
    if (latest?.validTo && latest.validTo > body.validFrom)
      throw fail.rule(
        `Giá trị gần nhất đã kết thúc ngày ${formatDateVi(latest.validTo)}: giá trị mới phải bắt đầu từ ngày đó trở đi.`,
        'validFrom',
      );
    if (latest && latest.validTo === null) await q.closePeriod(tx, latest.id, body.validFrom);
    const id = await q.insertPeriod(tx, {
      key,
      validFrom: body.validFrom,
      value,
      note: body.note ?? null,
      createdBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      entity: 'rule_set',
      entityId: id,
      action: 'create',
      unitId: null,
      unitPath: null,
      before: latest ? { key, validFrom: latest.validFrom, validTo: latest.validTo, value: latest.value } : null,
      after: { key, validFrom: body.validFrom, value, note: body.note ?? null },
    });
  });
  const periods = (await q.listRulePeriods(db)).filter((p) => p.key === key);
  return toRuleSet(key, periods, todayInVietnam());
}
