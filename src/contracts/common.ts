import { z } from 'zod';

z.config(z.locales.vi());

/** A calendar date as yyyy-mm-dd (shown to users as dd/mm/yyyy). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày phải có dạng yyyy-mm-dd.' })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      error: 'Ngày không tồn tại.',
    },
  );

/** A unit or record id. */
export const id = z.uuid({ error: 'Mã định danh không hợp lệ.' });

/** A non-empty trimmed text with a Vietnamese message naming the field. */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} là bắt buộc.` })
    .transform((v) => v.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(1, { error: `${label} là bắt buộc.` })
        .max(max, { error: `${label} dài tối đa ${max} ký tự.` }),
    );

/** An optional text; empty strings become null. */
export const optionalText = (label: string, max = 500) =>
  z
    .string()
    .max(max, { error: `${label} dài tối đa ${max} ký tự.` })
    .transform((v) => {
      const t = v.normalize('NFC').trim();
      return t === '' ? null : t;
    })
    .nullable()
    .optional();

/** The error body of every failed request. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

/** `{ ok: true }` for mutations that return nothing else. */
export const okResponse = z.object({ ok: z.literal(true) });

/** A keyset page: `next` is the cursor of the following page, null at the end. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable(), total: z.number().int().optional() });

/** The error statuses every authenticated endpoint may answer with, for the OpenAPI document. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
} as const;
