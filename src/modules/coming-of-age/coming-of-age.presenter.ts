import type { ComingOfAgeExceptionDto, ComingOfAgeItem } from '../../contracts/coming-of-age.js';
import { dueness, exceptionValidOn, turnsAgeOn, type ExceptionReason } from '../../domain/workflows/coming-of-age.js';
import type { MemberRow } from '../member-exits/member-exits.queries.js';
import type { ExceptionRow } from './coming-of-age.queries.js';

/** An exception as the API shows it. */
export function toExceptionDto(
  e: ExceptionRow,
  names: { memberName: string; unitName: string; deciderName: string | null },
  today: string,
): ComingOfAgeExceptionDto {
  return {
    id: e.id,
    memberId: e.memberId,
    memberName: names.memberName,
    unitName: names.unitName,
    reason: e.reason as ExceptionReason,
    validUntil: e.validUntil,
    note: e.note,
    decidedByUnitName: names.deciderName,
    createdAt: e.createdAt.toISOString(),
    revokedAt: e.revokedAt?.toISOString() ?? null,
    valid: exceptionValidOn(e, today),
  };
}

/** A member of the yearly list. */
export function toItem(
  m: MemberRow,
  unitName: string,
  ctx: { year: number; age: number },
  exception: ComingOfAgeExceptionDto | null,
): ComingOfAgeItem {
  return {
    memberId: m.id,
    fullName: m.fullName,
    birthDate: m.birthDate,
    birthYearOnly: m.birthYearOnly,
    unitId: m.unitId,
    unitName,
    status: m.status,
    position: m.position,
    version: m.version,
    turnsOn: m.birthDate ? turnsAgeOn(m.birthDate, ctx.age) : null,
    overdue: m.birthDate ? dueness(m.birthDate, ctx.year, ctx.age) === 'overdue' : false,
    exception,
  };
}
