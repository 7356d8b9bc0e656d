import type { Query } from '../../lib/api';
import {
  CARE_FLAGS,
  GENDERS,
  MEMBER_STATUSES,
  type CareFlag,
  type Gender,
  type MemberStatus,
} from '../../../../src/domain/members/reference-lists';

/** The filters and order of a member list, as kept in the page address. */
export interface MemberFilter {
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
  sort?: 'birthDate';
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const v = String(value).trim();
  return v === '' ? undefined : v.slice(0, max);
};

const int = (value: unknown, min: number, max: number): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

const bool = (value: unknown): boolean | undefined =>
  value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;

function statuses(value: unknown): MemberStatus[] | undefined {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const valid = [...new Set(list.map((v) => oneOf(MEMBER_STATUSES, v)).filter((v) => v !== undefined))];
  return valid.length > 0 ? valid : undefined;
}

/** Reads the filters from the address, dropping anything unknown or out of range. */
export function parseMemberFilter(search: Record<string, unknown>): MemberFilter {
  const filter: MemberFilter = {
    q: text(search.q, 100),
    status: statuses(search.status),
    gender: oneOf(GENDERS, search.gender),
    ethnicity: text(search.ethnicity, 40),
    religion: text(search.religion, 80),
    partyMember: bool(search.partyMember),
    careFlag: oneOf(CARE_FLAGS, search.careFlag),
    ageMin: int(search.ageMin, 0, 120),
    ageMax: int(search.ageMax, 0, 120),
    turns30In: int(search.turns30In, 1900, 2200),
    sort: search.sort === 'birthDate' ? 'birthDate' : undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as MemberFilter;
}

/** How many filters (other than the search text and the order) are set. */
export function activeFilterCount(filter: MemberFilter): number {
  const { q: _q, sort: _s, ageMax, ageMin, ...rest } = filter;
  const age = ageMin !== undefined || ageMax !== undefined ? 1 : 0;
  return Object.values(rest).filter((v) => v !== undefined).length + age;
}

/** The query string of GET /api/members and of the exports for a unit and filter. */
export function memberQuery(unitId: string, filter: MemberFilter): Query {
  return {
    unitId,
    q: filter.q,
    status: filter.status?.join(','),
    gender: filter.gender,
    ethnicity: filter.ethnicity,
    religion: filter.religion,
    partyMember: filter.partyMember,
    careFlag: filter.careFlag,
    ageMin: filter.ageMin,
    ageMax: filter.ageMax,
    turns30In: filter.turns30In,
    sort: filter.sort ?? 'name',
  };
}

/** The address of an export of the filtered list (a plain download link). */
export function exportUrl(format: 'xlsx' | 'csv', unitId: string, filter: MemberFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(memberQuery(unitId, filter))) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return `/api/members/export.${format}?${params.toString()}`;
}
