import { z } from 'zod';
import { id, isoDate } from './common.js';

/** Filters of the audit page. */
export const auditQuery = z.object({
  unitId: id.optional(),
  entity: z.string().trim().max(40).optional(),
  action: z.string().trim().max(40).optional(),
  actor: z.string().trim().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d+$/, { error: 'Con trỏ trang không hợp lệ.' }).optional(),
});
export type AuditQuery = z.input<typeof auditQuery>;

/** One audited mutation. */
export const auditEntryDto = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;
