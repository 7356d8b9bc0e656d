import type { FieldIssue } from '../errors.js';
import { foldVietnamese } from '../text/vietnamese.js';
import { formatDateVi } from '../text/dates.js';

/**
 * Member cards (thẻ đoàn viên): issued on admission or later, reissued when lost (a new number: the lost card
 * must not stay valid) or damaged (the same number on a new card), revoked with a reason. One card per
 * member is active at a time; the member record mirrors the active card's number and date.
 */
export const CARD_REASONS = ['admission', 'initial', 'reissue_lost', 'reissue_damaged'] as const;
export type CardReason = (typeof CARD_REASONS)[number];

export const CARD_STATUSES = ['active', 'replaced', 'revoked'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** Why a card is reissued. */
export const REISSUE_CAUSES = ['lost', 'damaged'] as const;
export type ReissueCause = (typeof REISSUE_CAUSES)[number];

/** Kinds of the member history events the card procedures write. */
export const CARD_EVENT_KINDS = { issued: 'card_issued', reissued: 'card_reissued', revoked: 'card_revoked' } as const;

/** The actions on a member's cards. */
export const CARD_ACTIONS = ['issue', 'reissue', 'revoke'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** Limits of a numbering scheme. */
export const SCHEME_LIMITS = { prefixMax: 20, widthMin: 1, widthMax: 12, nextMax: 999_999_999_999 } as const;

/** A card number: the prefix then the counter padded with zeros to `width` digits. */
export function formatCardNumber(prefix: string, width: number, n: number): string {
  return `${prefix}${String(n).padStart(width, '0')}`;
}

/** The prefix a unit's scheme starts with: its code in capitals without diacritics or symbols. */
export function defaultCardPrefix(unitCode: string): string {
  const folded = foldVietnamese(unitCode)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return folded.slice(0, SCHEME_LIMITS.prefixMax) || 'DV';
}

/** What a reissue does: the reason stored and whether the card gets a new number. */
export function reissuePlan(cause: ReissueCause): { reason: CardReason; newNumber: boolean } {
  return cause === 'lost'
    ? { reason: 'reissue_lost', newNumber: true }
    : { reason: 'reissue_damaged', newNumber: false };
}

/** Vietnamese reason written when the old card is replaced. */
export function replacedReason(cause: ReissueCause): string {
  return cause === 'lost' ? 'Cấp lại do mất thẻ' : 'Cấp lại do thẻ hư hỏng';
}

/** The actions allowed on a member's cards, from whether a card is active and whether the member is in the union. */
export function cardActions(hasActiveCard: boolean, isMember: boolean): CardAction[] {
  if (!isMember) return hasActiveCard ? ['revoke'] : [];
  return hasActiveCard ? ['reissue', 'revoke'] : ['issue'];
}

/** Problems of a card date: not in the future, not before the member joined, not before the current card. */
export function cardDateIssues(
  field: string,
  label: string,
  onDate: string,
  today: string,
  floors: { joinedOn: string | null; currentIssuedOn: string | null },
): FieldIssue[] {
  if (onDate > today) return [{ field, message: `${label} không được sau ngày hôm nay.` }];
  if (floors.joinedOn && onDate < floors.joinedOn)
    return [
      {
        field,
        message: `${label} (${formatDateVi(onDate)}) không được trước ngày vào Đoàn (${formatDateVi(floors.joinedOn)}).`,
      },
    ];
  if (floors.currentIssuedOn && onDate < floors.currentIssuedOn)
    return [
      {
        field,
        message: `${label} (${formatDateVi(onDate)}) không được trước ngày cấp thẻ hiện tại (${formatDateVi(floors.currentIssuedOn)}).`,
      },
    ];
  return [];
}

/** A numbering scheme as edited. */
export interface SchemeInput {
  prefix: string;
  width: number;
  nextNumber: number;
}

/**
 * Problems of a scheme change: the prefix shape, and a next number that would give a card number already
 * used (`highestUsed`: the highest counter already used with this prefix and width, or null).
 */
export function schemeIssues(input: SchemeInput, highestUsed: number | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!/^[A-Z0-9][A-Z0-9./-]*$/.test(input.prefix))
    issues.push({
      field: 'prefix',
      message: 'Tiền tố số thẻ chỉ gồm chữ in hoa không dấu, chữ số và các dấu . / - (bắt đầu bằng chữ hoặc số).',
    });
  if (String(input.nextNumber).length > input.width)
    issues.push({
      field: 'width',
      message: `Số tiếp theo ${input.nextNumber} có nhiều hơn ${input.width} chữ số: hãy tăng độ dài phần số.`,
    });
  if (highestUsed !== null && input.nextNumber <= highestUsed)
    issues.push({
      field: 'nextNumber',
      message: `Số thẻ ${formatCardNumber(input.prefix, input.width, highestUsed)} đã được cấp: số tiếp theo phải lớn hơn ${highestUsed} để không trùng.`,
    });
  return issues;
}
