import { z } from 'zod';
import { EXCEPTION_REASONS } from '../domain/workflows/coming-of-age.js';
import { id, isoDate, optionalText } from './common.js';
import { documentRef, signerFields } from './member-exits.js';

/** A year of the coming-of-age list. */
export const comingOfAgeYear = z.coerce
  .number({ error: 'Năm không hợp lệ.' })
  .int({ error: 'Năm không hợp lệ.' })
  .min(1956, { error: 'Năm không hợp lệ.' })
  .max(2200, { error: 'Năm không hợp lệ.' });

/** The list of a unit (its whole subtree) for a year. */
export const comingOfAgeQuery = z.object({ unitId: id, year: comingOfAgeYear });

/** Why a member stays past the age limit. */
export const exceptionReason = z.enum(EXCEPTION_REASONS, { error: 'Lý do giữ lại sinh hoạt không hợp lệ.' });

/** An exception (committee member, full-time union worker, extension). */
export const comingOfAgeExceptionDto = z.object({
  id,
  memberId: id,
  memberName: z.string(),
  unitName: z.string(),
  reason: exceptionReason,
  validUntil: isoDate.nullable(),
  note: z.string().nullable(),
  decidedByUnitName: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** True when it still runs today. */
  valid: z.boolean(),
});
export type ComingOfAgeExceptionDto = z.infer<typeof comingOfAgeExceptionDto>;

/** A member of the list. */
export const comingOfAgeItem = z.object({
  memberId: id,
  fullName: z.string(),
  birthDate: isoDate.nullable(),
  birthYearOnly: z.boolean(),
  unitId: id,
  unitName: z.string(),
  status: z.string(),
  position: z.string().nullable(),
  /** The member record's version, sent back when processing. */
  version: z.number().int(),
  /** The day the member reaches the age limit. */
  turnsOn: isoDate.nullable(),
  /** Reached the age in an earlier year and was never processed. */
  overdue: z.boolean(),
  /** The exception recorded for the member (valid or expired), if any. */
  exception: comingOfAgeExceptionDto.nullable(),
});
export type ComingOfAgeItem = z.infer<typeof comingOfAgeItem>;

/** A member who came of age, with the certificate. */
export const comingOfAgeRecordDto = z.object({
  recordId: id,
  memberId: id,
  fullName: z.string(),
  birthDate: isoDate.nullable(),
  unitName: z.string(),
  ceremonyOn: isoDate,
  certificate: documentRef.nullable(),
});
export type ComingOfAgeRecordDto = z.infer<typeof comingOfAgeRecordDto>;

/** The yearly list of a unit. */
export const comingOfAgeList = z.object({
  unit: z.object({ id, name: z.string() }),
  year: z.number().int(),
  /** The age limit in force. */
  age: z.number().int(),
  extensionMaxAge: z.number().int(),
  /** The configured ceremony dates of the year (ISO). */
  ceremonyDates: z.array(isoDate),
  /** The đoàn cơ sở that processes this list, or null when the unit lies above the grassroots level. */
  grassroots: z.object({ id, name: z.string() }).nullable(),
  /** True when the actor may process and record exceptions for the đoàn cơ sở. */
  canProcess: z.boolean(),
  /** Members to process this year (overdue ones included). */
  due: z.array(comingOfAgeItem),
  /** Members of the age kept by an exception running to the end of the year. */
  excepted: z.array(comingOfAgeItem),
  /** Members who came of age in the year. */
  processed: z.array(comingOfAgeRecordDto),
  /** True when a list was cut at its maximum length (choose a smaller unit). */
  truncated: z.boolean(),
});
export type ComingOfAgeList = z.infer<typeof comingOfAgeList>;

/** Process the coming of age of a batch of members of one đoàn cơ sở, all or nothing. */
export const processComingOfAgeBody = z.object({
  /** The đoàn cơ sở. */
  unitId: id,
  year: comingOfAgeYear,
  ceremonyOn: isoDate,
  members: z
    .array(z.object({ id, version: z.number().int().positive() }), { error: 'Danh sách đoàn viên không hợp lệ.' })
    .min(1, { error: 'Hãy chọn ít nhất một đoàn viên.' })
    .max(500, { error: 'Mỗi lần xử lý tối đa 500 đoàn viên.' }),
  ...signerFields,
});
export type ProcessComingOfAgeBody = z.input<typeof processComingOfAgeBody>;

/** The members processed, with their certificates. */
export const processComingOfAgeResult = z.object({ processed: z.array(comingOfAgeRecordDto) });
export type ProcessComingOfAgeResult = z.infer<typeof processComingOfAgeResult>;

/** The exceptions of a unit's members. */
export const exceptionListQuery = z.object({
  unitId: id,
  includeRevoked: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** Record an exception for a member. */
export const createExceptionBody = z.object({
  memberId: id,
  reason: exceptionReason,
  validUntil: isoDate.nullable().optional(),
  note: optionalText('Ghi chú', 500),
});
export type CreateExceptionBody = z.input<typeof createExceptionBody>;
