import type {
  HostedMember,
  TransferDetail,
  TransferListItem,
  TransferLookupResult,
} from '../../contracts/transfers.js';
import { maskTail } from '../../domain/members/member-rules.js';
import type { Gender, MemberStatus } from '../../domain/members/reference-lists.js';
import {
  isOverdue,
  type TransferAction,
  type TransferKind,
  type TransferStatus,
} from '../../domain/workflows/transfer.js';
import type { JoinedTransfer } from './transfers.queries.js';

type Ref = { id: string | null; name: string | null } | null;
const ref = (u: Ref) => (u?.id && u.name ? { id: u.id, name: u.name } : null);

/** A comment of a host branch, read from its member event. */
export interface HostCommentRow {
  member_id: string;
  on_date: string;
  note: string | null;
  after: unknown;
}

/** The year and text of a host comment event. */
export function toHostComment(row: HostCommentRow) {
  const after = (row.after ?? {}) as { year?: unknown };
  const year = typeof after.year === 'number' ? after.year : Number(row.on_date.slice(0, 4));
  return { year, content: row.note ?? '', onDate: row.on_date };
}

/** A transfer as a list shows it. */
export function toListItem(row: JoinedTransfer, today: string): TransferListItem {
  const t = row.transfer;
  return {
    id: t.id,
    code: t.code,
    kind: t.kind as TransferKind,
    status: t.status as TransferStatus,
    overdue: isOverdue(t, today),
    memberId: t.memberId,
    memberName: row.member.fullName,
    fromUnit: ref(row.fromUnit),
    fromGrassroots: ref(row.fromGrassroots),
    toUnit: ref(row.toUnit),
    toGrassroots: ref(row.toGrassroots),
    destinationText: t.destinationText,
    sentOn: t.sentOn,
    dueOn: t.dueOn,
    acceptedOn: t.acceptedOn,
    returnedOn: t.returnedOn,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    createdAt: t.createdAt.toISOString(),
  };
}

/** A transfer with its member (CCCD masked unless `personal`), letter, host comments and the actor's actions. */
export function toDetail(
  row: JoinedTransfer,
  today: string,
  extra: { actions: TransferAction[]; personal: boolean; comments: HostCommentRow[] },
): TransferDetail {
  const t = row.transfer;
  const m = row.member;
  return {
    ...toListItem(row, today),
    version: t.version,
    reason: t.reason,
    branchComment: t.branchComment,
    feePaidUntil: t.feePaidUntil,
    returnReason: t.returnReason,
    previousStatus: (t.previousStatus as MemberStatus | null) ?? null,
    member: {
      id: m.id,
      fullName: m.fullName,
      birthDate: m.birthDate,
      birthYearOnly: m.birthYearOnly,
      gender: m.gender as Gender,
      cardNumber: m.cardNumber,
      cccd: extra.personal ? m.cccd : maskTail(m.cccd),
      status: m.status as MemberStatus,
      version: m.version,
    },
    letter:
      t.letterId && row.letterNumber && row.letterIssuedOn
        ? {
            id: t.letterId,
            numberText: row.letterNumber,
            issuedOn: row.letterIssuedOn,
            url: `/api/documents/${t.letterId}/file`,
          }
        : null,
    comments: extra.comments.map(toHostComment),
    actions: extra.actions,
  };
}

/** What the lookup reveals to a receiving cadre: the content of the letter, nothing more. */
export function toLookup(
  row: JoinedTransfer,
  today: string,
  extra: { actions: TransferAction[]; province: string | null },
): TransferLookupResult {
  const t = row.transfer;
  const m = row.member;
  return {
    id: t.id,
    code: t.code,
    version: t.version,
    status: t.status as TransferStatus,
    overdue: isOverdue(t, today),
    sentOn: t.sentOn,
    dueOn: t.dueOn,
    member: {
      fullName: m.fullName,
      birthDate: m.birthDate,
      birthYearOnly: m.birthYearOnly,
      gender: m.gender as Gender,
      cardNumber: m.cardNumber,
    },
    fromUnit: row.fromUnit.name,
    fromGrassroots: row.fromGrassroots?.name ?? null,
    fromProvince: extra.province,
    toGrassroots: ref(row.toGrassroots),
    destinationText: t.destinationText,
    reason: t.reason,
    branchComment: t.branchComment,
    feePaidUntil: t.feePaidUntil,
    letterNumber: row.letterNumber,
    actions: extra.actions,
  };
}

/** A member in temporary participation as the host branch sees them. */
export function toHosted(
  row: JoinedTransfer,
  extra: { actions: TransferAction[]; personal: boolean; latest: HostCommentRow | null },
): HostedMember {
  const m = row.member;
  const t = row.transfer;
  return {
    transferId: t.id,
    transferVersion: t.version,
    memberId: m.id,
    fullName: m.fullName,
    birthDate: m.birthDate,
    birthYearOnly: m.birthYearOnly,
    gender: m.gender as Gender,
    cardNumber: m.cardNumber,
    phone: extra.personal ? m.phone : maskTail(m.phone),
    homeUnit: row.fromUnit.name,
    homeGrassroots: row.fromGrassroots?.name ?? null,
    hostUnit: ref(row.toUnit),
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    latestComment: extra.latest ? toHostComment(extra.latest) : null,
    actions: extra.actions,
  };
}
