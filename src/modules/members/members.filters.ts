import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { members, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { containsPattern } from '../../db/like.js';
import {
  ACTIVE_STATUSES,
  type CareFlag,
  type Gender,
  type MemberStatus,
} from '../../domain/members/reference-lists.js';
import { normalizePhone } from '../../domain/members/member-rules.js';
import { foldVietnamese } from '../../domain/text/vietnamese.js';

/** What a member list is filtered by (already validated). */
export interface MemberFilter {
  /** The subtree listed. */
  unitPath: string;
  /** The province the subtree lies in, when it lies in one: lets the planner use the province indexes. */
  provinceId?: string | null;
  /**
   * Set when the subtree is a whole province (`members.province_id` then says who is in it) or the whole tree:
   * pages are then picked from `members` alone through its ordered indexes, and the unit checks run on the page.
   */
  wholeSubtree?: 'province' | 'tree';
  q?: string;
  status?: MemberStatus[];
  gender?: Gender;
  ethnicity?: string;
  religion?: string;
  partyMember?: boolean;
  careFlag?: CareFlag;
  ageMin?: number;
  ageMax?: number;
  turns30In?: number;
  /** Today's date (yyyy-mm-dd) for age filters. */
  today: string;
}

function yearsBefore(today: string, years: number): string {
  const [y, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  return `${y - years}${rest === '-02-29' ? '-02-28' : rest}`;
}

/** The folded name searched for, or null when `q` is a CCCD, phone or card number. */
export function nameQuery(q: string | undefined): string | null {
  if (!q || /\d/.test(q)) return null;
  return foldVietnamese(q);
}

/** Search by CCCD (12 digits), phone, card number, or name ignoring diacritics. */
function textMatch(q: string): SQL {
  if (/^\d{12}$/.test(q)) return eq(members.cccd, q);
  const phone = normalizePhone(q);
  if (phone) return sql`(${members.phone} = ${phone} or ${members.cardNumber} = ${q})`;
  if (/\d/.test(q)) return eq(members.cardNumber, q);
  return sql`${members.searchName} like ${containsPattern(foldVietnamese(q))}`;
}

/** The filters on the member's own columns (province, status, text, person, age): no join to units needed. */
export function memberOnlyWhere(f: MemberFilter): SQL | undefined {
  return and(
    f.provinceId ? eq(members.provinceId, f.provinceId) : undefined,
    inArray(members.status, f.status && f.status.length > 0 ? f.status : [...ACTIVE_STATUSES]),
    f.q ? textMatch(f.q) : undefined,
    f.gender ? eq(members.gender, f.gender) : undefined,
    f.ethnicity ? eq(members.ethnicity, f.ethnicity) : undefined,
    f.religion ? eq(members.religion, f.religion) : undefined,
    f.partyMember !== undefined ? eq(members.partyMember, f.partyMember) : undefined,
    f.careFlag ? sql`${f.careFlag} = any(${members.careFlags})` : undefined,
    f.ageMin !== undefined ? sql`${members.birthDate} <= ${yearsBefore(f.today, f.ageMin)}::date` : undefined,
    f.ageMax !== undefined ? sql`${members.birthDate} > ${yearsBefore(f.today, f.ageMax + 1)}::date` : undefined,
    f.turns30In !== undefined
      ? sql`${members.birthDate} between ${`${f.turns30In - 30}-01-01`}::date and ${`${f.turns30In - 30}-12-31`}::date`
      : undefined,
  );
}

/** The unit side of the WHERE clause: the actor's scope and the listed subtree (needs `units` joined). */
export function unitWhere(scope: readonly string[], f: MemberFilter): SQL | undefined {
  return and(withinScope(units.path, scope), sql`${units.path} <@ ${f.unitPath}::ltree`);
}

/** The WHERE clause of a member list: scope in SQL, the unit's subtree, then each filter. */
export function memberWhere(scope: readonly string[], f: MemberFilter): SQL | undefined {
  return and(unitWhere(scope, f), memberOnlyWhere(f));
}

/** True when the filters are only the subtree and statuses, so per-unit counts give the total. */
export function countsFromRollups(f: MemberFilter): boolean {
  return (
    !f.q &&
    !f.gender &&
    !f.ethnicity &&
    !f.religion &&
    f.partyMember === undefined &&
    !f.careFlag &&
    f.ageMin === undefined &&
    f.ageMax === undefined &&
    f.turns30In === undefined
  );
}
