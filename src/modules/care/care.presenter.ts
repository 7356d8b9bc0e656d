import type { CareAction, CareRecordItem, CareSuggestion } from '../../contracts/care.js';
import { categoriesFromFlags, type CareCategory, type CareStatus } from '../../domain/branch-life/care.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { maskTail } from '../../domain/members/member-rules.js';
import type { Gender } from '../../domain/members/reference-lists.js';
import type * as q from './care.queries.js';
import { decodePairCursor, encodeCursor as encodePair } from '../../db/cursor.js';

/** What a list row or a detail is built from. */
export interface RecordView {
  record: q.CareRecordRow;
  unitName: string;
  givenCount: number;
  givenAmount: number;
  plannedOn: string | null;
  plannedWhat: string | null;
}

/** A record as the API shows it; the phone is masked without the right to personal data. */
export function toItem(v: RecordView, personal: boolean): CareRecordItem {
  const r = v.record;
  return {
    id: r.id,
    unitId: r.unitId,
    unitName: v.unitName,
    memberId: r.memberId,
    fullName: r.fullName,
    birthYear: r.birthYear,
    gender: r.gender as Gender | null,
    address: r.address,
    phone: personal ? r.phone : maskTail(r.phone),
    categories: r.categories as CareCategory[],
    situation: r.situation,
    status: r.status as CareStatus,
    openedOn: todayInVietnam(r.createdAt),
    closedOn: r.closedOn,
    closeReason: r.closeReason,
    version: r.version,
    given: { count: Number(v.givenCount), amount: Number(v.givenAmount) },
    nextPlanned: v.plannedOn && v.plannedWhat ? { onDate: v.plannedOn, description: v.plannedWhat } : null,
  };
}

/** One help as the API shows it. */
export function toAction(a: q.CareActionRow): CareAction {
  return {
    id: a.id,
    kind: a.kind as CareAction['kind'],
    onDate: a.onDate,
    description: a.description,
    amount: a.amount,
    createdAt: a.createdAt.toISOString(),
  };
}

/** A flagged member who is not on the list. */
export function toSuggestion(s: Awaited<ReturnType<typeof q.suggestions>>[number]): CareSuggestion {
  return {
    memberId: s.memberId,
    fullName: s.fullName,
    birthDate: s.birthDate,
    unitId: s.unitId,
    unitName: s.unitName,
    categories: categoriesFromFlags(s.careFlags),
    careNote: s.careNote,
    helpPlan: s.helpPlan,
  };
}

/** The list cursor: the sort key and id of the last row. */
export function encodeCursor(row: { sortKey: string; record: { id: string } }): string {
  return encodePair([row.sortKey, row.record.id]);
}

/** Reads a cursor back; a validation error when it was tampered with (the id must be a uuid). */
export function decodeCursor(value: string): [string, string] {
  const pair = decodePairCursor(value);
  if (!/^[0-9a-f-]{36}$/.test(pair[1]))
    throw fail.invalid('cursor', 'Con trỏ trang không hợp lệ: hãy tải lại danh sách.');
  return pair;
}
