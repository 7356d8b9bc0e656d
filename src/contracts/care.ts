import { z } from 'zod';
import { CARE_ACTION_KINDS, CARE_CATEGORIES, CARE_STATUSES } from '../domain/branch-life/care.js';
import { GENDERS } from '../domain/members/reference-lists.js';
import { id, isoDate, optionalText, pageOf, requiredText } from './common.js';

/** One category of a care list. */
export const careCategory = z.enum(CARE_CATEGORIES, { error: 'Diện chăm lo không hợp lệ.' });

const categories = z
  .array(careCategory, { error: 'Hãy chọn ít nhất một diện chăm lo.' })
  .min(1, { error: 'Hãy chọn ít nhất một diện chăm lo.' })
  .max(CARE_CATEGORIES.length)
  .transform((list) => [...new Set(list)]);

const birthYear = z.coerce
  .number({ error: 'Năm sinh phải là số, ví dụ 2005.' })
  .int({ error: 'Năm sinh phải là số nguyên, ví dụ 2005.' })
  .min(1900, { error: 'Năm sinh phải từ 1900 trở đi.' })
  .max(2200, { error: 'Năm sinh không hợp lệ.' });

const phone = z
  .string()
  .trim()
  .regex(/^(0\d{9,10})?$/, { error: 'Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0.' })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

const version = z.number({ error: 'Thiếu phiên bản của hồ sơ: hãy tải lại trang.' }).int().min(1);

/**
 * A person added to a unit's care list: a member of the subtree (`memberId`), or a young person who is not a
 * member (name and year of birth required).
 */
export const createCareRecordBody = z
  .object({
    /** The unit keeping the list (for a member, the member's branch keeps the record). */
    unitId: id,
    memberId: id.nullable().optional(),
    fullName: optionalText('Họ và tên', 120),
    birthYear: birthYear.nullable().optional(),
    gender: z.enum(GENDERS, { error: 'Giới tính là Nam hoặc Nữ.' }).nullable().optional(),
    address: optionalText('Địa chỉ', 300),
    phone,
    categories,
    /** Hoàn cảnh: what the person's situation is. */
    situation: optionalText('Hoàn cảnh', 2000),
  })
  .superRefine((v, ctx) => {
    if (v.memberId) return;
    if (!v.fullName)
      ctx.addIssue({
        code: 'custom',
        path: ['fullName'],
        message: 'Họ và tên là bắt buộc với thanh niên chưa là đoàn viên (hoặc chọn một đoàn viên).',
      });
    if (v.birthYear === null || v.birthYear === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['birthYear'],
        message: 'Năm sinh là bắt buộc với thanh niên chưa là đoàn viên, để xác định độ tuổi thanh niên.',
      });
  });

/** Changes to a care record; name, year of birth and gender only for young people who are not members. */
export const updateCareRecordBody = z.object({
  version,
  fullName: requiredText('Họ và tên', 120).optional(),
  birthYear: birthYear.optional(),
  gender: z.enum(GENDERS, { error: 'Giới tính là Nam hoặc Nữ.' }).nullable().optional(),
  address: optionalText('Địa chỉ', 300),
  phone,
  categories: categories.optional(),
  situation: optionalText('Hoàn cảnh', 2000),
});

/** Ends the follow-up of a person (improved situation, moved away...). */
export const closeCareRecordBody = z.object({
  version,
  reason: requiredText('Lý do kết thúc theo dõi', 500),
  closedOn: isoDate,
});

const amount = z
  .number({ error: 'Số tiền phải là số (đồng).' })
  .int({ error: 'Số tiền tính bằng đồng, không có phần lẻ.' })
  .min(0, { error: 'Số tiền không được âm.' })
  .max(2_000_000_000, { error: 'Số tiền quá lớn: hãy kiểm tra lại (tính bằng đồng).' });

/** Help given (đã hỗ trợ) or planned (dự kiến). */
export const addCareActionBody = z.object({
  kind: z.enum(CARE_ACTION_KINDS, { error: 'Loại hỗ trợ là “Đã hỗ trợ” hoặc “Dự kiến”.' }),
  onDate: isoDate,
  description: requiredText('Nội dung hỗ trợ', 500),
  /** Value in VND. */
  amount: amount.nullable().optional(),
});

/** Records a planned help as given, on a day that is not in the future. */
export const doneCareActionBody = z.object({
  onDate: isoDate,
  amount: amount.nullable().optional(),
});

/** The unit of a care list, summary or export. */
export const careUnitQuery = z.object({
  unitId: id,
  /** The year whose help is counted (default: this year). */
  year: z.coerce.number().int().min(1956).max(2200).optional(),
});

/** Filters of a care list, paginated in Vietnamese name order. */
export const careListQuery = careUnitQuery.extend({
  category: careCategory.optional(),
  status: z.enum([...CARE_STATUSES, 'all'], { error: 'Trạng thái không hợp lệ.' }).default('open'),
  /** member: members only; youth: young people who are not members. */
  who: z.enum(['member', 'youth'], { error: 'Đối tượng không hợp lệ.' }).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

/** Help given or planned on a record. */
export const careAction = z.object({
  id,
  kind: z.enum(CARE_ACTION_KINDS),
  onDate: z.string(),
  description: z.string(),
  amount: z.number().int().nullable(),
  createdAt: z.string(),
});
export type CareAction = z.infer<typeof careAction>;

/** A row of a care list. */
export const careRecordItem = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  memberId: id.nullable(),
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  gender: z.enum(GENDERS).nullable(),
  address: z.string().nullable(),
  /** Masked unless the account sees personal data in the unit. */
  phone: z.string().nullable(),
  categories: z.array(careCategory),
  situation: z.string().nullable(),
  status: z.enum(CARE_STATUSES),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  version: z.number().int(),
  /** Help given in the year asked for (all years in the detail). */
  given: z.object({ count: z.number().int(), amount: z.number().int() }),
  /** The next planned help, if any. */
  nextPlanned: z.object({ onDate: z.string(), description: z.string() }).nullable(),
});
export type CareRecordItem = z.infer<typeof careRecordItem>;

/** A page of a care list. */
export const careRecordPage = pageOf(careRecordItem);
export type CareRecordPage = z.infer<typeof careRecordPage>;

/** A record with its help timeline (newest first) and whether the account may change it. */
export const careRecordDetail = careRecordItem.extend({
  actions: z.array(careAction),
  canWrite: z.boolean(),
});
export type CareRecordDetail = z.infer<typeof careRecordDetail>;

const counts = z.object({ members: z.number().int(), youth: z.number().int() });

/** Counts of a unit's care list (open records) and the help of a year, with one row per direct sub-unit. */
export const careSummary = z.object({
  unit: z.object({ id, name: z.string() }),
  year: z.number().int(),
  open: counts,
  categories: z.array(counts.extend({ category: careCategory })),
  given: z.object({ count: z.number().int(), amount: z.number().int(), people: z.number().int() }),
  planned: z.object({ count: z.number().int(), amount: z.number().int() }),
  /** Members flagged for care without an open record. */
  suggestions: z.number().int(),
  children: z.array(
    counts.extend({
      unitId: id,
      unitName: z.string(),
      givenCount: z.number().int(),
      givenAmount: z.number().int(),
    }),
  ),
  canWrite: z.boolean(),
});
export type CareSummary = z.infer<typeof careSummary>;

/** A member flagged for care (care flags on the record) who is not on the list. */
export const careSuggestion = z.object({
  memberId: id,
  fullName: z.string(),
  birthDate: z.string().nullable(),
  unitId: id,
  unitName: z.string(),
  categories: z.array(careCategory),
  careNote: z.string().nullable(),
  helpPlan: z.string().nullable(),
});
export type CareSuggestion = z.infer<typeof careSuggestion>;

/** The suggestions of a unit, at most 200 (`truncated` when there are more). */
export const careSuggestionList = z.object({ items: z.array(careSuggestion), truncated: z.boolean() });
export type CareSuggestionList = z.infer<typeof careSuggestionList>;

export type CreateCareRecordBody = z.input<typeof createCareRecordBody>;
export type UpdateCareRecordBody = z.input<typeof updateCareRecordBody>;
export type AddCareActionBody = z.input<typeof addCareActionBody>;
