import { z } from 'zod';
import { ACTIONS } from '../domain/auth/permissions.js';
import { cccdProblem, fullNameProblem, normalizePhone } from '../domain/members/member-rules.js';
import { CARE_FLAGS, GENDERS, MEMBER_STATUSES } from '../domain/members/reference-lists.js';
import { id, isoDate, optionalText } from './common.js';

const fullName = z
  .string({ error: 'Họ và tên là bắt buộc.' })
  .transform((v) => v.normalize('NFC').trim().replace(/\s+/g, ' '))
  .superRefine((v, ctx) => {
    const problem = fullNameProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const cccd = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional()
  .superRefine((v, ctx) => {
    const problem = v ? cccdProblem(v) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A phone number, normalised to its 10-digit form ("0905 111 222" -> "0905111222"); empty is null. */
export const phoneField = z
  .string()
  .trim()
  .nullable()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const normal = normalizePhone(v);
    if (!normal)
      ctx.addIssue({ code: 'custom', message: 'Số điện thoại phải có 10 chữ số, bắt đầu bằng 0 (hoặc +84).' });
    return normal;
  });

/** An e-mail address, lower-cased; empty is null. */
export const emailField = z
  .string()
  .trim()
  .nullable()
  .optional()
  .refine((v) => !v || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), { error: 'Thư điện tử không hợp lệ.' })
  .transform((v) => (v ? v.toLowerCase() : null));

const optionalDate = isoDate.nullable().optional();

/** Every field of a member record that a cadre can write (no defaults: an update leaves out what it does not change). */
export const memberFields = z.object({
  fullName,
  birthDate: optionalDate,
  birthYearOnly: z.boolean().optional(),
  gender: z.enum(GENDERS, { error: 'Giới tính phải là Nam hoặc Nữ.' }),
  ethnicity: optionalText('Dân tộc', 40),
  religion: optionalText('Tôn giáo', 80),
  cccd,
  phone: phoneField,
  email: emailField,
  permanentProvince: optionalText('Tỉnh thường trú', 80),
  permanentCommune: optionalText('Xã/phường thường trú', 80),
  permanentAddress: optionalText('Địa chỉ thường trú', 300),
  residenceProvince: optionalText('Tỉnh nơi ở', 80),
  residenceCommune: optionalText('Xã/phường nơi ở', 80),
  residenceAddress: optionalText('Nơi ở hiện nay', 300),
  hometown: optionalText('Quê quán', 300),
  joinedOn: optionalDate,
  admittedAt: optionalText('Nơi kết nạp', 200),
  cardNumber: optionalText('Số thẻ đoàn viên', 30),
  cardIssuedOn: optionalDate,
  position: optionalText('Chức vụ', 100),
  partyMember: z.boolean().optional(),
  partyJoinedOn: optionalDate,
  pioneerHistory: optionalText('Quá trình tham gia Đội', 300),
  educationLevel: optionalText('Trình độ học vấn', 40),
  qualification: optionalText('Chuyên môn', 120),
  occupation: optionalText('Nghề nghiệp', 120),
  schoolClass: optionalText('Trường, lớp', 120),
  workplace: optionalText('Nơi làm việc', 200),
  status: z.enum(MEMBER_STATUSES, { error: 'Tình trạng không hợp lệ.' }).optional(),
  awayPlace: optionalText('Nơi làm ăn xa', 200),
  awaySince: optionalDate,
  careFlags: z.array(z.enum(CARE_FLAGS, { error: 'Diện quan tâm không hợp lệ.' })).optional(),
  careNote: optionalText('Ghi chú hoàn cảnh', 1000),
  helpPlan: optionalText('Kế hoạch giúp đỡ', 1000),
});
export type MemberFields = z.output<typeof memberFields>;

/** Create a member in a branch. */
export const createMemberBody = memberFields.extend({
  unitId: id,
  birthYearOnly: z.boolean().default(false),
  partyMember: z.boolean().default(false),
  status: z.enum(MEMBER_STATUSES, { error: 'Tình trạng không hợp lệ.' }).default('active'),
  careFlags: z.array(z.enum(CARE_FLAGS, { error: 'Diện quan tâm không hợp lệ.' })).default([]),
});
export type CreateMemberBody = z.input<typeof createMemberBody>;

/** Change a member record; `version` must be the one read (else 409). */
export const updateMemberBody = memberFields
  .partial()
  .extend({ unitId: id.optional(), version: z.number().int().positive() });
export type UpdateMemberBody = z.input<typeof updateMemberBody>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const csv = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values, { error: message })));

/** Filters, order and page of a member list (the unit's whole subtree). */
export const memberListQuery = z.object({
  unitId: id,
  q: z.string().trim().max(100).optional(),
  status: csv(MEMBER_STATUSES, 'Tình trạng không hợp lệ.').optional(),
  gender: z.enum(GENDERS).optional(),
  ethnicity: z.string().trim().max(40).optional(),
  religion: z.string().trim().max(80).optional(),
  partyMember: bool.optional(),
  careFlag: z.enum(CARE_FLAGS).optional(),
  ageMin: z.coerce.number().int().min(0).max(120).optional(),
  ageMax: z.coerce.number().int().min(0).max(120).optional(),
  /** Members who turn 30 in this year. */
  turns30In: z.coerce.number().int().min(1900).max(2200).optional(),
  sort: z.enum(['name', 'birthDate']).default('name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type MemberListQuery = z.input<typeof memberListQuery>;

/** A member in a list; CCCD and phone masked without the personal-data permission. */
export const memberListItem = z.object({
  id,
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYearOnly: z.boolean(),
  gender: z.enum(GENDERS),
  ethnicity: z.string().nullable(),
  religion: z.string().nullable(),
  cccd: z.string().nullable(),
  phone: z.string().nullable(),
  cardNumber: z.string().nullable(),
  joinedOn: z.string().nullable(),
  position: z.string().nullable(),
  partyMember: z.boolean(),
  status: z.enum(MEMBER_STATUSES),
  careFlags: z.array(z.enum(CARE_FLAGS)),
  unitId: id,
  unitName: z.string(),
});
export type MemberListItem = z.infer<typeof memberListItem>;

/**
 * A page of members in keyset order. It carries no total: the count of the whole filtered list is
 * `GET /api/members/count`, fetched beside the first page so the page never waits for a large count.
 */
export const memberPage = z.object({
  items: z.array(memberListItem),
  /** The cursor of the next page, or null on the last page. */
  next: z.string().nullable(),
});
export type MemberPage = z.infer<typeof memberPage>;

/** The filters of a member count: those of the list, without order and page. */
export const memberCountQuery = memberListQuery.omit({ sort: true, limit: true, cursor: true });
export type MemberCountQuery = z.input<typeof memberCountQuery>;

/**
 * How many members the filtered list holds. Exact: with only the unit and statuses it is the sum of the
 * per-unit counts kept by the database (`unit_member_counts`), otherwise a count of the matching records.
 */
export const memberCount = z.object({ total: z.number().int() });
export type MemberCount = z.infer<typeof memberCount>;

/** A dated event of a member's history. */
export const memberEventDto = z.object({
  id: z.string(),
  kind: z.string(),
  onDate: z.string(),
  unitName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
});

/** A yearly comment (nhận xét). */
export const memberCommentDto = z.object({ year: z.number().int(), content: z.string(), updatedAt: z.string() });

const text = z.string().nullable();

/** A member's full record as stored (CCCD and phone masked without the personal-data permission). */
export const memberRecord = z.object({
  id,
  fullName: z.string(),
  birthYearOnly: z.boolean(),
  gender: z.enum(GENDERS),
  partyMember: z.boolean(),
  status: z.enum(MEMBER_STATUSES),
  careFlags: z.array(z.enum(CARE_FLAGS)),
  ethnicity: text,
  religion: text,
  cccd: text,
  phone: text,
  email: text,
  permanentProvince: text,
  permanentCommune: text,
  permanentAddress: text,
  residenceProvince: text,
  residenceCommune: text,
  residenceAddress: text,
  hometown: text,
  joinedOn: text,
  admittedAt: text,
  cardNumber: text,
  cardIssuedOn: text,
  position: text,
  partyJoinedOn: text,
  pioneerHistory: text,
  educationLevel: text,
  qualification: text,
  occupation: text,
  schoolClass: text,
  workplace: text,
  awayPlace: text,
  awaySince: text,
  careNote: text,
  helpPlan: text,
  birthDate: text,
  unitId: id,
  version: z.number().int(),
  createdAt: z.string(),
});
export type MemberRecord = z.infer<typeof memberRecord>;

/** The member's own account (self-service), when one was created for them. */
export const memberAccountSummary = z.object({
  id: z.string(),
  username: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type MemberAccountSummary = z.infer<typeof memberAccountSummary>;

/** A member's full record, the path of their branch, timeline, comments and what the actor may do. */
export const memberDetail = memberRecord.extend({
  unitName: z.string(),
  unitPath: z.array(z.object({ id, name: z.string() })),
  events: z.array(memberEventDto),
  comments: z.array(memberCommentDto),
  actions: z.array(z.enum(ACTIONS)),
  /** The member's own account, or null when none was created. */
  account: memberAccountSummary.nullable(),
  /** True when a photo was uploaded for the e-card. */
  hasPhoto: z.boolean(),
});
export type MemberDetail = z.infer<typeof memberDetail>;

/** Write or replace the comment of one year. */
export const memberCommentBody = z.object({
  content: z
    .string({ error: 'Nội dung nhận xét là bắt buộc.' })
    .trim()
    .min(1, { error: 'Nội dung nhận xét là bắt buộc.' })
    .max(4000, { error: 'Nhận xét dài tối đa 4000 ký tự.' }),
});

/** A group of records that look like the same person. */
export const duplicateGroup = z.object({
  reason: z.enum(['cccd', 'name_birth']),
  members: z.array(memberListItem),
});
export type DuplicateGroup = z.infer<typeof duplicateGroup>;

/** Merge `mergeId` into `keepId`. */
export const mergeMembersBody = z.object({ keepId: id, mergeId: id });
