import type { MemberRecord } from '../../contracts/members.js';
import { maskTail } from '../../domain/members/member-rules.js';
import type { CareFlag, Gender, MemberStatus } from '../../domain/members/reference-lists.js';
import type { MemberRow } from './members.queries.js';

/** A stored member as the API shows it; CCCD and phone masked unless `personal`. */
export function toRecord(m: MemberRow, personal: boolean): MemberRecord {
  const { givenName: _g, searchName: _s, sortKey: _k, provinceId: _p, createdAt, updatedAt: _u, ...rest } = m;
  return {
    ...rest,
    gender: m.gender as Gender,
    status: m.status as MemberStatus,
    careFlags: m.careFlags as CareFlag[],
    cccd: personal ? m.cccd : maskTail(m.cccd),
    phone: personal ? m.phone : maskTail(m.phone),
    createdAt: createdAt.toISOString(),
  };
}

/** An event's before/after values with CCCD and phone masked. */
export function maskPersonal(values: unknown): unknown {
  if (!values || typeof values !== 'object' || Array.isArray(values)) return values;
  const out: Record<string, unknown> = { ...(values as Record<string, unknown>) };
  for (const key of ['cccd', 'phone']) {
    if (typeof out[key] === 'string') out[key] = maskTail(out[key] as string);
  }
  return out;
}
