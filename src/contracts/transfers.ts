import { z } from 'zod';
import { GENDERS, MEMBER_STATUSES } from '../domain/members/reference-lists.js';
import { TRANSFER_ACTIONS, TRANSFER_KINDS, TRANSFER_STATUSES } from '../domain/workflows/transfer.js';
import { id, isoDate, optionalText, requiredText } from './common.js';

const version = z.number({ error: 'Thiếu phiên bản của bản ghi.' }).int().positive();
const feeMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Tháng đóng đoàn phí phải có dạng yyyy-mm.' })
  .nullable()
  .optional();
const reason = optionalText('Lý do', 500);
const branchComment = optionalText('Nhận xét của chi đoàn', 2000);

/** Move a member to another branch of the same đoàn cơ sở, in one step. */
export const createInternalTransfer = z.object({
  kind: z.literal('internal'),
  memberId: id,
  /** The member record's version as read (else 409). */
  memberVersion: version,
  toUnitId: id,
  reason,
});

/** Start a transfer to a unit anywhere in the country (a draft the branch completes, then the đoàn cơ sở sends). */
export const createExternalTransfer = z
  .object({
    kind: z.literal('external'),
    memberId: id,
    memberVersion: version,
    /** The receiving đoàn cơ sở when it is in the system. */
    toGrassrootsId: id.nullable().optional(),
    /** Where the member goes, in words (required when no receiving unit is chosen). */
    destinationText: optionalText('Nơi chuyển đến', 300),
    reason,
    branchComment,
    /** Union fee paid up to this month, yyyy-mm. */
    feePaidUntil: feeMonth,
  })
  .refine((b) => Boolean(b.toGrassrootsId) || Boolean(b.destinationText), {
    error: 'Chọn đoàn cơ sở nơi đến hoặc ghi rõ nơi chuyển đến.',
    path: ['destinationText'],
  });

/** Register a temporary participation (sinh hoạt tạm thời) at a host branch. */
export const createTemporaryTransfer = z.object({
  kind: z.literal('temporary'),
  memberId: id,
  memberVersion: version,
  /** The host branch. */
  toUnitId: id,
  startsOn: isoDate,
  endsOn: isoDate,
  reason,
  branchComment,
});

/** Create a transfer of one of the three kinds. */
export const createTransferBody = z.discriminatedUnion('kind', [
  createInternalTransfer,
  createExternalTransfer,
  createTemporaryTransfer,
]);
export type CreateTransferBody = z.input<typeof createTransferBody>;

/** Complete a draft: the branch's comment, fee, destination, reason. */
export const updateTransferBody = z.object({
  version,
  toGrassrootsId: id.nullable().optional(),
  destinationText: optionalText('Nơi chuyển đến', 300),
  reason,
  branchComment,
  feePaidUntil: feeMonth,
});
export type UpdateTransferBody = z.input<typeof updateTransferBody>;

/** Issue the introduction letter and send. */
export const sendTransferBody = z.object({
  version,
  signerTitle: optionalText('Chức danh người ký', 120),
  signerName: optionalText('Người ký', 120),
});
export type SendTransferBody = z.input<typeof sendTransferBody>;

/** Accept: the branch the member is placed in (external transfers; a temporary one keeps its host branch). */
export const acceptTransferBody = z.object({ version, toUnitId: id.optional() });
export type AcceptTransferBody = z.input<typeof acceptTransferBody>;

/** Return to the sender, with the reason. */
export const returnTransferBody = z.object({ version, reason: requiredText('Lý do trả lại', 500) });
export type ReturnTransferBody = z.input<typeof returnTransferBody>;

/** Cancel by the sender. */
export const cancelTransferBody = z.object({ version, reason });
export type CancelTransferBody = z.input<typeof cancelTransferBody>;

/** End a temporary participation. */
export const endTransferBody = z.object({ version, endedOn: isoDate.optional() });
export type EndTransferBody = z.input<typeof endTransferBody>;

/** The host branch's comment on a member in temporary participation, for a year. */
export const temporaryCommentBody = z.object({
  year: z.number().int().min(2000, { error: 'Năm không hợp lệ.' }).max(2200, { error: 'Năm không hợp lệ.' }),
  content: requiredText('Nội dung nhận xét', 4000),
});
export type TemporaryCommentBody = z.input<typeof temporaryCommentBody>;

const csv = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values, { error: message })));

/** Filters of the transfer lists. */
export const transferListQuery = z.object({
  /** Only transfers of this unit's subtree (else the whole scope). */
  unitId: id.optional(),
  /** outgoing: sent from the scope; incoming: to the scope; all: either. */
  direction: z.enum(['outgoing', 'incoming', 'all']).default('all'),
  kind: csv(TRANSFER_KINDS, 'Loại chuyển sinh hoạt không hợp lệ.').optional(),
  status: csv(TRANSFER_STATUSES, 'Trạng thái không hợp lệ.').optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  memberId: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type TransferListQuery = z.input<typeof transferListQuery>;

/** Find a sent transfer by the code on the letter or by the member's CCCD (exactly one of the two). */
export const transferLookupQuery = z
  .object({
    code: z.string().trim().max(40).optional(),
    cccd: z
      .string()
      .trim()
      .regex(/^\d{12}$/, { error: 'Số CCCD phải gồm đúng 12 chữ số.' })
      .optional(),
  })
  .refine((q) => Boolean(q.code) !== Boolean(q.cccd), {
    error: 'Nhập mã giấy giới thiệu hoặc số CCCD (một trong hai).',
    path: ['code'],
  });

/** Search receiving units anywhere in the country. */
export const destinationQuery = z.object({
  q: z.string().trim().min(2, { error: 'Nhập ít nhất 2 ký tự.' }).max(100),
  /** grassroots: a đoàn cơ sở (external transfer); branch: a host branch (temporary participation). */
  level: z.enum(['grassroots', 'branch']).default('grassroots'),
});

/** Filters of the members in temporary participation at the host units. */
export const hostedQuery = z.object({ unitId: id.optional() });

/** A unit named on a transfer. */
export const unitRef = z.object({ id, name: z.string() }).nullable();

/** A transfer in a list. */
export const transferListItem = z.object({
  id,
  code: z.string(),
  kind: z.enum(TRANSFER_KINDS),
  status: z.enum(TRANSFER_STATUSES),
  /** Sent and not accepted after the due date. */
  overdue: z.boolean(),
  memberId: id,
  memberName: z.string(),
  fromUnit: unitRef,
  fromGrassroots: unitRef,
  toUnit: unitRef,
  toGrassroots: unitRef,
  destinationText: z.string().nullable(),
  sentOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  createdAt: z.string(),
});
export type TransferListItem = z.infer<typeof transferListItem>;

/** A page of transfers, newest first. */
export const transferPage = z.object({
  items: z.array(transferListItem),
  next: z.string().nullable(),
  total: z.number().int(),
});
export type TransferPage = z.infer<typeof transferPage>;

/** The letter issued for a transfer; `url` downloads the .docx. */
export const transferLetterDto = z.object({ id, numberText: z.string(), issuedOn: z.string(), url: z.string() });

/** The member as the transfer shows them (no address, phone; CCCD masked without member.personal). */
export const transferMember = z.object({
  id,
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYearOnly: z.boolean(),
  gender: z.enum(GENDERS),
  cardNumber: z.string().nullable(),
  cccd: z.string().nullable(),
  status: z.enum(MEMBER_STATUSES),
  version: z.number().int(),
});

/** A comment written by the host branch. */
export const hostComment = z.object({ year: z.number().int(), content: z.string(), onDate: z.string() });

/** A transfer with its member, letter and the actions the actor may take. */
export const transferDetail = transferListItem.extend({
  version: z.number().int(),
  reason: z.string().nullable(),
  branchComment: z.string().nullable(),
  feePaidUntil: z.string().nullable(),
  returnReason: z.string().nullable(),
  previousStatus: z.enum(MEMBER_STATUSES).nullable(),
  member: transferMember,
  letter: transferLetterDto.nullable(),
  comments: z.array(hostComment),
  actions: z.array(z.enum(TRANSFER_ACTIONS)),
});
export type TransferDetail = z.infer<typeof transferDetail>;

/** What the receiving side sees when it looks a transfer up by code or CCCD: the letter's content, no more. */
export const transferLookupResult = z.object({
  id,
  code: z.string(),
  version: z.number().int(),
  status: z.enum(TRANSFER_STATUSES),
  overdue: z.boolean(),
  sentOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  member: z.object({
    fullName: z.string(),
    birthDate: z.string().nullable(),
    birthYearOnly: z.boolean(),
    gender: z.enum(GENDERS),
    cardNumber: z.string().nullable(),
  }),
  fromUnit: z.string(),
  fromGrassroots: z.string().nullable(),
  fromProvince: z.string().nullable(),
  toGrassroots: unitRef,
  destinationText: z.string().nullable(),
  reason: z.string().nullable(),
  branchComment: z.string().nullable(),
  feePaidUntil: z.string().nullable(),
  letterNumber: z.string().nullable(),
  actions: z.array(z.enum(TRANSFER_ACTIONS)),
});
export type TransferLookupResult = z.infer<typeof transferLookupResult>;

/** Counts for the tabs of the transfers page. */
export const transferSummary = z.object({
  outgoing: z.object({ open: z.number().int(), overdue: z.number().int() }),
  incoming: z.object({ open: z.number().int(), overdue: z.number().int() }),
  temporary: z.object({
    /** Members in temporary participation at the actor's branches. */
    hosted: z.number().int(),
    /** Registrations waiting for the host's acceptance. */
    pending: z.number().int(),
    /** The actor's members in temporary participation elsewhere. */
    away: z.number().int(),
  }),
});
export type TransferSummary = z.infer<typeof transferSummary>;

/** A member in temporary participation at a host branch (read-only basics for the host). */
export const hostedMember = z.object({
  transferId: id,
  transferVersion: z.number().int(),
  memberId: id,
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYearOnly: z.boolean(),
  gender: z.enum(GENDERS),
  cardNumber: z.string().nullable(),
  phone: z.string().nullable(),
  homeUnit: z.string(),
  homeGrassroots: z.string().nullable(),
  hostUnit: unitRef,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  latestComment: hostComment.nullable(),
  actions: z.array(z.enum(TRANSFER_ACTIONS)),
});
export type HostedMember = z.infer<typeof hostedMember>;

/** A receiving unit found in the national directory. */
export const destinationOption = z.object({
  id,
  name: z.string(),
  code: z.string(),
  /** The units above it, e.g. "Huyện đoàn Đức Trọng, Tỉnh đoàn Lâm Đồng". */
  context: z.string(),
});
export type DestinationOption = z.infer<typeof destinationOption>;
