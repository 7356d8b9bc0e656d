import { z } from 'zod';
import { ACTIONS } from '../domain/auth/permissions.js';
import { SECTORS, UNIT_POWERS } from '../domain/org/unit-kind.js';
import { id, isoDate, optionalText, requiredText } from './common.js';

/** A level kind of the tree (data, editable by a system administrator). */
export const unitKindDto = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  rank: z.number().int(),
  isLeaf: z.boolean(),
});
export type UnitKindDto = z.infer<typeof unitKindDto>;

/** Add a level kind. */
export const createUnitKindBody = z.object({
  code: z
    .string({ error: 'Mã loại là bắt buộc.' })
    .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Mã loại gồm chữ thường không dấu, số và dấu gạch dưới (2–40 ký tự).' }),
  nameVi: requiredText('Tên tiếng Việt', 100),
  nameEn: requiredText('Tên tiếng Anh', 100),
  rank: z.number({ error: 'Cấp là số nguyên từ 0 đến 100.' }).int().min(0).max(100),
  isLeaf: z.boolean().default(false),
});
export type CreateUnitKindBody = z.infer<typeof createUnitKindBody>;

const sector = z.enum(SECTORS, { error: 'Loại hình không hợp lệ.' });
const power = z.enum(UNIT_POWERS, { error: 'Quyền hạn không hợp lệ.' });
const unitCode = z
  .string({ error: 'Mã đơn vị là bắt buộc.' })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
    error: 'Mã đơn vị gồm chữ không dấu, số, dấu chấm, gạch ngang (tối đa 40 ký tự).',
  });
const socialUrl = z
  .string()
  .trim()
  .max(300)
  .refine((v) => v === '' || /^https?:\/\/\S+$/.test(v), {
    error: 'Địa chỉ Zalo/Facebook phải bắt đầu bằng http:// hoặc https://.',
  })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();
const email = z
  .string()
  .trim()
  .refine((v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), { error: 'Thư điện tử không hợp lệ.' })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();
const phone = z
  .string()
  .trim()
  .refine((v) => v === '' || /^[0-9 +().-]{8,20}$/.test(v), { error: 'Số điện thoại không hợp lệ.' })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

/** The editable details of a unit. */
export const unitFields = z.object({
  name: requiredText('Tên đơn vị'),
  shortName: optionalText('Tên viết tắt', 60),
  code: unitCode,
  kind: z.string({ error: 'Loại đơn vị là bắt buộc.' }).min(1, { error: 'Loại đơn vị là bắt buộc.' }),
  sector,
  powers: z.array(power).default([]),
  address: optionalText('Địa chỉ'),
  phone,
  email,
  socialUrl,
  foundedOn: isoDate.nullable().optional(),
});

/** Create a unit under a parent (a root only for a system administrator). */
export const createUnitBody = unitFields.extend({ parentId: id.nullable() });
export type CreateUnitBody = z.input<typeof createUnitBody>;

/** Edit a unit's details; `version` must be the one read (else 409). */
export const updateUnitBody = unitFields.partial().extend({ version: z.number().int().positive() });
export type UpdateUnitBody = z.input<typeof updateUnitBody>;

/** Move a unit (and its subtree) under another parent. */
export const moveUnitBody = z.object({
  newParentId: id,
  effectiveOn: isoDate.optional(),
  version: z.number().int().positive(),
});
export type MoveUnitBody = z.infer<typeof moveUnitBody>;

/** Merge units into an existing unit or into a new one. */
export const mergeUnitsBody = z
  .object({
    sourceIds: z.array(id).min(1, { error: 'Chọn ít nhất một đơn vị để hợp nhất.' }).max(50),
    targetId: id.optional(),
    newUnit: createUnitBody.optional(),
    effectiveOn: isoDate.optional(),
    reason: optionalText('Lý do'),
  })
  .refine((b) => Boolean(b.targetId) !== Boolean(b.newUnit), {
    error: 'Chọn đơn vị tiếp nhận hoặc nhập đơn vị mới (chỉ một trong hai).',
    path: ['targetId'],
  });
export type MergeUnitsBody = z.input<typeof mergeUnitsBody>;

/** One part of a split: a new unit, and which sub-units and members go to it. */
export const splitPart = unitFields.partial({ kind: true, sector: true }).extend({
  childIds: z.array(id).default([]),
  memberIds: z.array(id).default([]),
});

/** Split a unit into new units; sub-units and members not listed go to the first part. */
export const splitUnitBody = z.object({
  parts: z.array(splitPart).min(2, { error: 'Chia tách cần ít nhất hai đơn vị mới.' }).max(20),
  effectiveOn: isoDate.optional(),
  reason: optionalText('Lý do'),
  version: z.number().int().positive(),
});
export type SplitUnitBody = z.input<typeof splitUnitBody>;

/** Close a unit with a date. */
export const closeUnitBody = z.object({
  closedOn: isoDate,
  reason: requiredText('Lý do', 500),
  version: z.number().int().positive(),
});
export type CloseUnitBody = z.input<typeof closeUnitBody>;

/** A unit as shown in lists and the tree. */
export const unitSummary = z.object({
  id,
  parentId: id.nullable(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  sector: sector,
  closedOn: z.string().nullable(),
  childCount: z.number().int(),
});
export type UnitSummary = z.infer<typeof unitSummary>;

/** A succession link (merge, split). */
export const successionDto = z.object({
  kind: z.enum(['merge', 'split']),
  effectiveOn: z.string(),
  unitId: id,
  unitName: z.string(),
  note: z.string().nullable(),
});

/** A unit with its details, its path to the root and what the actor may do with it. */
export const unitDetail = unitSummary.extend({
  powers: z.array(power),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  socialUrl: z.string().nullable(),
  foundedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  version: z.number().int(),
  /** Ancestors from the root down to the parent (names only beyond the actor's scope). */
  ancestors: z.array(z.object({ id, name: z.string(), kind: z.string() })),
  memberCount: z.number().int(),
  subtreeUnitCount: z.number().int(),
  predecessors: z.array(successionDto),
  successors: z.array(successionDto),
  actions: z.array(z.enum(ACTIONS)),
});
export type UnitDetail = z.infer<typeof unitDetail>;

/** A version of a unit's placement and names over time. */
export const unitVersionDto = z.object({
  validFrom: z.string(),
  validTo: z.string().nullable(),
  parentId: id.nullable(),
  parentName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
});
export type UnitVersionDto = z.infer<typeof unitVersionDto>;

/** Search units in scope, by name or code. */
export const unitSearchQuery = z.object({
  q: z.string().trim().max(100).default(''),
  includeClosed: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The tree as it was on a date, below a root (or the actor's scope roots). */
export const treeAsOfQuery = z.object({ date: isoDate, rootId: id.optional() });

/** A node of the tree as of a date. */
export const treeNodeAsOf = z.object({
  id,
  parentId: id.nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  depth: z.number().int(),
});
export type TreeNodeAsOf = z.infer<typeof treeNodeAsOf>;
