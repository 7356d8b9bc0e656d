import type { MemberAccountSummary } from '../../contracts/members.js';
import type { ChangeRequestDto } from '../../contracts/self-service.js';
import type { ChangeRequestStatus, FieldValues } from '../../domain/members/self-service.js';
import { CONTACT_FIELDS, IDENTITY_FIELDS, valuesOf } from '../../domain/members/self-service.js';
import type { accountOfMember, ChangeRequestListRow } from './self-service.queries.js';

const FIELD_ORDER: readonly string[] = [...IDENTITY_FIELDS, ...CONTACT_FIELDS];
const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

/** Stored JSON field values (`changes`, `previous`) as text-or-null values, in the record's field order. */
export const asFieldValues = (value: unknown): FieldValues => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => rank(a) - rank(b));
  const out: FieldValues = {};
  for (const [k, v] of entries) out[k] = v === null || v === undefined ? null : String(v);
  return out;
};

/** A change request as the API shows it, with the record's current values of the requested fields. */
export function toChangeRequestDto(row: ChangeRequestListRow): ChangeRequestDto {
  const r = row.request;
  const changes = asFieldValues(r.changes);
  return {
    id: r.id,
    memberId: r.memberId,
    memberName: row.member.fullName,
    unitId: r.unitId,
    unitName: row.unitName,
    changes,
    previous: asFieldValues(r.previous),
    current: valuesOf(row.member, Object.keys(changes)),
    note: r.note,
    status: r.status as ChangeRequestStatus,
    requestedAt: r.requestedAt.toISOString(),
    requestedByName: row.requestedByName,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: row.decidedByName,
    decisionNote: r.decisionNote,
    version: r.version,
  };
}

/** The member's own account as the member record shows it. */
export function toAccountSummary(row: Awaited<ReturnType<typeof accountOfMember>>): MemberAccountSummary | null {
  if (!row) return null;
  return {
    id: row.id,
    username: row.username ?? row.email,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
  };
}
