import { z } from 'zod';
import {
  CARD_ACTIONS,
  CARD_REASONS,
  CARD_STATUSES,
  REISSUE_CAUSES,
  SCHEME_LIMITS,
} from '../domain/workflows/member-card.js';
import { id, isoDate, requiredText } from './common.js';

const version = z.number({ error: 'Thiếu phiên bản hồ sơ (version).' }).int().positive();

/** One card of the register: issued, then possibly replaced or revoked. */
export const memberCardDto = z.object({
  id: z.string(),
  cardNumber: z.string(),
  issuedOn: z.string(),
  reason: z.enum(CARD_REASONS),
  status: z.enum(CARD_STATUSES),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** The unit that issued the card. */
  unitId: id,
  unitName: z.string(),
});
export type MemberCardDto = z.infer<typeof memberCardDto>;

/** A member's cards, newest first, and what the actor may do with them. */
export const memberCards = z.object({
  memberId: id,
  /** The member record's version, to send back with a change. */
  version: z.number().int(),
  cardNumber: z.string().nullable(),
  cardIssuedOn: z.string().nullable(),
  items: z.array(memberCardDto),
  actions: z.array(z.enum(CARD_ACTIONS)),
  /** The unit whose numbering scheme gives the member's next card number. */
  issuer: z.object({ id, name: z.string() }).nullable(),
});
export type MemberCards = z.infer<typeof memberCards>;

/** Issue a card to a member who has none. */
export const issueCardBody = z.object({ version, issuedOn: isoDate });
export type IssueCardBody = z.input<typeof issueCardBody>;

/** Reissue the active card: lost (new number) or damaged (same number). */
export const reissueCardBody = z.object({
  version,
  cause: z.enum(REISSUE_CAUSES, { error: 'Lý do cấp lại phải là mất thẻ hoặc thẻ hư hỏng.' }),
  issuedOn: isoDate,
});
export type ReissueCardBody = z.input<typeof reissueCardBody>;

/** Revoke the active card with a reason. */
export const revokeCardBody = z.object({
  version,
  revokedOn: isoDate,
  reason: requiredText('Lý do thu hồi', 500),
});
export type RevokeCardBody = z.input<typeof revokeCardBody>;

/** A unit's card numbering scheme (the default one when none is stored yet). */
export const cardScheme = z.object({
  unitId: id,
  unitName: z.string(),
  prefix: z.string(),
  width: z.number().int(),
  nextNumber: z.number().int(),
  /** The card number the next card will get. */
  nextCardNumber: z.string(),
  /** The highest counter already used with this prefix and width, or null. */
  highestUsed: z.number().int().nullable(),
  /** False while the default is shown and nothing is stored. */
  stored: z.boolean(),
  /** Concurrency token to send back (the last change time), null when nothing is stored. */
  version: z.string().nullable(),
  canEdit: z.boolean(),
});
export type CardScheme = z.infer<typeof cardScheme>;

/** Change a unit's numbering scheme. */
export const putCardSchemeBody = z.object({
  prefix: z
    .string({ error: 'Tiền tố là bắt buộc.' })
    .trim()
    .min(1, { error: 'Tiền tố là bắt buộc.' })
    .max(SCHEME_LIMITS.prefixMax, { error: `Tiền tố dài tối đa ${SCHEME_LIMITS.prefixMax} ký tự.` }),
  width: z
    .number({ error: 'Độ dài phần số là bắt buộc.' })
    .int()
    .min(SCHEME_LIMITS.widthMin, {
      error: `Độ dài phần số từ ${SCHEME_LIMITS.widthMin} đến ${SCHEME_LIMITS.widthMax}.`,
    })
    .max(SCHEME_LIMITS.widthMax, {
      error: `Độ dài phần số từ ${SCHEME_LIMITS.widthMin} đến ${SCHEME_LIMITS.widthMax}.`,
    }),
  nextNumber: z
    .number({ error: 'Số tiếp theo là bắt buộc.' })
    .int({ error: 'Số tiếp theo phải là số nguyên.' })
    .min(1, { error: 'Số tiếp theo phải từ 1 trở lên.' })
    .max(2_000_000_000, { error: 'Số tiếp theo quá lớn.' }),
  /** The `version` read with the scheme (null when none was stored). */
  version: z.string().nullable(),
});
export type PutCardSchemeBody = z.input<typeof putCardSchemeBody>;

/** Filters of the card register. */
export const cardRegisterQuery = z.object({
  year: z.coerce.number().int().min(1931).max(2200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

/** One line of the register of cards issued (sổ cấp thẻ đoàn viên). */
export const cardRegisterRow = memberCardDto.extend({
  memberId: id,
  memberName: z.string(),
  birthDate: z.string().nullable(),
  branchName: z.string(),
});
export type CardRegisterRow = z.infer<typeof cardRegisterRow>;

/** A page of the register, with the years that have cards. */
export const cardRegisterPage = z.object({
  items: z.array(cardRegisterRow),
  next: z.string().nullable(),
  total: z.number().int(),
  years: z.array(z.number().int()),
});
export type CardRegisterPage = z.infer<typeof cardRegisterPage>;
