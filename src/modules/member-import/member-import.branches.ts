import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members, unitKinds, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { foldVietnamese } from '../../domain/text/vietnamese.js';

/** A branch rows can be placed in. */
export interface Branch {
  id: string;
  name: string;
  code: string;
  path: string;
}

const PREFIX = /^chi doan (co so )?/;

/** A branch reference as compared: folded, without the words "Chi đoàn (cơ sở)" in front. */
export function branchKey(ref: string): string {
  return foldVietnamese(ref).replace(PREFIX, '');
}

/**
 * Finds the branches the file names, by code or by name (case and diacritics ignored), among the open
 * leaf units of the chosen unit's subtree inside the write scope. Each reference gets its branch or a
 * Vietnamese message (not found or outside the scope, or several branches with that name).
 */
export async function resolveBranches(
  db: DbOrTx,
  writeScope: readonly string[],
  unit: { path: string; name: string },
  refs: readonly string[],
): Promise<Map<string, Branch | string>> {
  const out = new Map<string, Branch | string>();
  if (refs.length === 0) return out;
  const codes = [...new Set(refs.map((r) => r.toLowerCase()))];
  const names = [...new Set(refs.map(branchKey))];
  const list = (values: string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  const foldedName = sql`regexp_replace(lower(unaccent_immutable(${units.name})), '^chi doan (co so )?', '')`;
  const found = await db
    .select({ id: units.id, name: units.name, code: units.code, path: units.path })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kind))
    .where(
      and(
        eq(unitKinds.isLeaf, true),
        isNull(units.closedOn),
        sql`${units.path} <@ ${unit.path}::ltree`,
        withinScope(units.path, writeScope),
        sql`(lower(${units.code}) in (${list(codes)}) or ${foldedName} in (${list(names)}))`,
      ),
    );
  for (const ref of refs) {
    const byCode = found.filter((b) => b.code.toLowerCase() === ref.toLowerCase());
    const byName = found.filter((b) => branchKey(b.name) === branchKey(ref));
    const matches = byCode.length === 1 ? byCode : byName;
    if (matches.length === 1) out.set(ref, matches[0]!);
    else if (matches.length > 1)
      out.set(
        ref,
        `Có ${matches.length} chi đoàn tên "${ref}" trong ${unit.name}: hãy ghi mã chi đoàn ` +
          `(${matches.map((b) => b.code).join(', ')}).`,
      );
    else
      out.set(
        ref,
        `Không tìm thấy chi đoàn "${ref}" (theo mã hoặc tên) trong ${unit.name} thuộc phạm vi quản lý của bạn.`,
      );
  }
  return out;
}

/** Which of these units are still open branches of the unit's subtree inside the write scope, by id. */
export async function resolveBranchIds(
  db: DbOrTx,
  writeScope: readonly string[],
  unit: { path: string },
  ids: readonly string[],
): Promise<Map<string, Branch>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: units.id, name: units.name, code: units.code, path: units.path })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kind))
    .where(
      and(
        inArray(units.id, [...ids]),
        eq(unitKinds.isLeaf, true),
        isNull(units.closedOn),
        sql`${units.path} <@ ${unit.path}::ltree`,
        withinScope(units.path, writeScope),
      ),
    );
  return new Map(found.map((b) => [b.id, b]));
}

/** Active members holding these CCCDs, anywhere, with their branch's path and name; locked when `lock`. */
export async function activeByCccd(db: DbOrTx, cccds: readonly string[], lock: boolean) {
  if (cccds.length === 0) return [];
  const query = db
    .select({ member: members, unitPath: units.path, unitName: units.name })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(
      and(
        sql`${members.cccd} in (select jsonb_array_elements_text(${JSON.stringify(cccds)}::jsonb))`,
        inArray(members.status, [...ACTIVE_STATUSES]),
      ),
    );
  return lock ? query.for('update', { of: members }) : query;
}
