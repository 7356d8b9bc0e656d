import { z } from 'zod';
import { CHANGE_REQUEST_STATUSES } from '../domain/members/self-service.js';
import { GENDERS, MEMBER_STATUSES } from '../domain/members/reference-lists.js';
import { createAccountBody } from './accounts.js';
import { id, optionalText, requiredText } from './common.js';
import { memberDetail, memberFields } from './members.js';

const version = z.number({ error: 'Thiếu phiên bản.' }).int().positive();

/** Create the member's own account: username and first password; the role "member" goes on the member's branch. */
export const createMemberAccountBody = createAccountBody.pick({ username: true, password: true });
export type CreateMemberAccountBody = z.input<typeof createMemberAccountBody>;

/** Contact fields a member corrects directly; `version` must be the one read (else 409). */
export const contactBody = memberFields
  .pick({ phone: true, email: true, residenceProvince: true, residenceCommune: true, residenceAddress: true })
  .partial()
  .extend({ version });
export type ContactBody = z.input<typeof contactBody>;

/** Identity fields a member asks to change; only the fields sent are requested. */
export const identityChanges = memberFields
  .pick({
    fullName: true,
    birthDate: true,
    gender: true,
    ethnicity: true,
    religion: true,
    cccd: true,
    permanentProvince: true,
    permanentCommune: true,
    permanentAddress: true,
    hometown: true,
  })
  .partial();
export type IdentityChanges = z.input<typeof identityChanges>;

/** A member's request to change identity fields. */
export const createChangeRequestBody = z.object({
  changes: identityChanges,
  /** Why, or which paper proves it (giấy khai sinh, CCCD mới...). */
  note: optionalText('Ghi chú', 500),
});
export type CreateChangeRequestBody = z.input<typeof createChangeRequestBody>;

/** Withdraw one's pending request. */
export const withdrawChangeRequestBody = z.object({ version });

/** Approve a pending request; `version` must be the one read (two deciders: the second gets 409). */
export const approveChangeRequestBody = z.object({ version, note: optionalText('Ghi chú', 500) });
export type ApproveChangeRequestBody = z.input<typeof approveChangeRequestBody>;

/** Reject a pending request with a reason the member reads. */
export const rejectChangeRequestBody = z.object({ version, reason: requiredText('Lý do từ chối', 500) });
export type RejectChangeRequestBody = z.input<typeof rejectChangeRequestBody>;

const fieldValues = z.record(z.string(), z.string().nullable());

/** A change request as the member and the branch's cadres see it. */
export const changeRequestDto = z.object({
  id,
  memberId: id,
  memberName: z.string(),
  /** The branch that decides (the member's branch when asking). */
  unitId: id,
  unitName: z.string(),
  /** Field -> requested value. */
  changes: fieldValues,
  /** Field -> value on the record when the request was made. */
  previous: fieldValues,
  /** Field -> value on the record now (differs from `previous` when the record was edited since). */
  current: fieldValues,
  note: z.string().nullable(),
  status: z.enum(CHANGE_REQUEST_STATUSES),
  requestedAt: z.string(),
  requestedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
});
export type ChangeRequestDto = z.infer<typeof changeRequestDto>;

/** Change requests of a unit's subtree (or the whole write scope), newest first. */
export const changeRequestListQuery = z.object({
  unitId: id.optional(),
  status: z.enum(CHANGE_REQUEST_STATUSES, { error: 'Trạng thái không hợp lệ.' }).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type ChangeRequestListQuery = z.input<typeof changeRequestListQuery>;

/** A keyset page of change requests. */
export const changeRequestPage = z.object({
  items: z.array(changeRequestDto),
  next: z.string().nullable(),
});
export type ChangeRequestPage = z.infer<typeof changeRequestPage>;

/** The member's own profile: the full record unmasked, and their change requests (newest first). */
export const selfProfile = memberDetail.extend({
  requests: z.array(changeRequestDto),
});
export type SelfProfile = z.infer<typeof selfProfile>;

/** What the e-card shows. */
export const memberCard = z.object({
  memberId: id,
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYearOnly: z.boolean(),
  gender: z.enum(GENDERS),
  cardNumber: z.string().nullable(),
  cardIssuedOn: z.string().nullable(),
  joinedOn: z.string().nullable(),
  unitName: z.string(),
  /** The unit above the branch (đoàn cơ sở), when there is one. */
  parentUnitName: z.string().nullable(),
  status: z.enum(MEMBER_STATUSES),
  /** True while the member is a member (active, working away, elsewhere, in transit). */
  active: z.boolean(),
  hasPhoto: z.boolean(),
  /** The signed member reference the QR code carries. */
  reference: z.string(),
  /** The public page that verifies the reference (what the QR code encodes). */
  verifyUrl: z.string(),
});
export type MemberCard = z.infer<typeof memberCard>;

/** What anyone scanning a card learns: no more than the card itself shows. */
export const cardVerification = z.object({
  fullName: z.string(),
  cardNumber: z.string().nullable(),
  unitName: z.string(),
  active: z.boolean(),
});
export type CardVerification = z.infer<typeof cardVerification>;

/** A stored photo's description (the bytes are served by the photo endpoint). */
export const photoDto = z.object({
  memberId: id,
  contentType: z.string(),
  byteSize: z.number().int(),
  updatedAt: z.string(),
});
export type PhotoDto = z.infer<typeof photoDto>;
