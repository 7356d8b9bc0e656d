import { z } from 'zod';
import { DESIGNATION_KINDS } from '../domain/branch-life/indicator-designations.js';
import { INDICATOR_KEYS } from '../domain/branch-life/indicators.js';
import { id, isoDate, optionalText } from './common.js';

const month = (label: string) =>
  z.string({ error: `${label} là bắt buộc.` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
    error: `${label} phải có dạng YYYY-MM (ví dụ 2025-01).`,
  });

/** Year of the branch book (default: this year). */
const bookYear = z.coerce
  .number({ error: 'Năm phải là một số, ví dụ 2025.' })
  .int({ error: 'Năm phải là số nguyên, ví dụ 2025.' })
  .min(1956, { error: 'Năm phải từ 1956 trở đi.' })
  .max(2200, { error: 'Năm không hợp lệ: hãy chọn năm như 2025.' });

// ---------------------------------------------------------------- designations

/** A designation kind: pilot (chi đoàn chỉ đạo) or remote (vùng sâu, vùng xa, phân tán). */
export const designationKind = z.enum(DESIGNATION_KINDS, {
  error: 'Loại chỉ định phải là "pilot" (chi đoàn chỉ đạo) hoặc "remote" (vùng sâu, vùng xa).',
});

/** Designate a branch from a date. */
export const createDesignationBody = z.object({
  kind: designationKind,
  /** First day the designation holds. */
  validFrom: isoDate,
  note: optionalText('Ghi chú', 500),
});

/** End a designation: the first day it no longer holds. */
export const endDesignationBody = z.object({ validTo: isoDate });

/** One designation of the branch's history. */
export const designationItem = z.object({
  id,
  kind: designationKind,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  endedByName: z.string().nullable(),
});

/** A branch's designations, newest first, with what the actor may do. */
export const branchDesignations = z.object({
  unitId: id,
  unitName: z.string(),
  /** The đoàn cơ sở that chooses the pilot branch. */
  grassrootsName: z.string().nullable(),
  items: z.array(designationItem),
  /** Designation kinds the actor may set or end on this branch. */
  canManage: z.array(designationKind),
});
export type BranchDesignations = z.infer<typeof branchDesignations>;
export type DesignationItem = z.infer<typeof designationItem>;

// ---------------------------------------------------------------- indicators

/** An indicator key. */
export const indicatorKey = z.enum(INDICATOR_KEYS, { error: 'Chỉ tiêu không tồn tại.' });
export type IndicatorKeyName = z.infer<typeof indicatorKey>;

/** A unit and a period of months. */
export const indicatorQuery = z.object({
  unitId: id,
  from: month('Tháng bắt đầu'),
  to: month('Tháng kết thúc'),
});

/** The list behind a figure: those meeting (true) or not meeting (false) the indicator, keyset by name. */
export const indicatorListQuery = indicatorQuery.extend({
  meets: z.enum(['true', 'false'], { error: 'meets phải là true hoặc false.' }).default('false'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One figure: numerator over denominator, share (0..1) and target. */
export const figure = z.object({
  numerator: z.number(),
  denominator: z.number(),
  share: z.number().nullable(),
  target: z.number().nullable(),
  meetsTarget: z.boolean().nullable(),
});

/** The figures of every indicator. */
export const figures = z.object(
  Object.fromEntries(INDICATOR_KEYS.map((k) => [k, figure])) as Record<(typeof INDICATOR_KEYS)[number], typeof figure>,
);
export type Figures = z.infer<typeof figures>;

/** The indicators of a unit's subtree over a period. */
export const indicatorsResponse = z.object({
  unitId: id,
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  /** Branches (open, kind chi đoàn) counted. */
  branches: z.number().int(),
  figures,
  /** The rules used: minimum members, months without presence, meeting frequencies. */
  rules: z.object({
    minMembers: z.number(),
    notSeenMonths: z.number(),
    regularEveryMonths: z.number(),
    remoteEveryMonths: z.number(),
  }),
});
export type IndicatorsResponse = z.infer<typeof indicatorsResponse>;

/** Figures per child unit. */
export const byChildResponse = z.object({
  unitId: id,
  from: z.string(),
  to: z.string(),
  items: z.array(z.object({ unitId: id, unitName: z.string(), kind: z.string(), branches: z.number().int(), figures })),
});
export type ByChildResponse = z.infer<typeof byChildResponse>;

/** One row behind a figure: a branch, a đoàn cơ sở or a member, with its own figures. */
export const indicatorRow = z.object({
  id,
  name: z.string(),
  /** The parent unit (đoàn cơ sở of a branch, branch of a member). */
  parentName: z.string().nullable(),
  meets: z.boolean(),
  /** Branch rows: meeting periods held/required, members, present/expected, reviewed months, remote. */
  heldPeriods: z.number().int().optional(),
  requiredPeriods: z.number().int().optional(),
  remote: z.boolean().optional(),
  members: z.number().int().optional(),
  present: z.number().int().optional(),
  expected: z.number().int().optional(),
  reviewedMonths: z.number().int().optional(),
  /** Đoàn cơ sở rows: the pilot branch's name. */
  pilotName: z.string().nullable().optional(),
  /** Member rows: last presence (yyyy-mm-dd) or null. */
  lastPresentOn: z.string().nullable().optional(),
});
export type IndicatorRow = z.infer<typeof indicatorRow>;

/** A page of rows behind a figure. */
export const indicatorListPage = z.object({
  indicator: indicatorKey,
  subject: z.enum(['branch', 'grassroots', 'member']),
  items: z.array(indicatorRow),
  next: z.string().nullable(),
});
export type IndicatorListPage = z.infer<typeof indicatorListPage>;

// ---------------------------------------------------------------- branch book

/** `?year=` of the branch book. */
export const branchBookQuery = z.object({ year: bookYear.optional() });

/** The branch book (sổ chi đoàn) of a year as JSON for the page. */
export const branchBook = z.object({
  year: z.number().int(),
  branch: z.object({
    id,
    name: z.string(),
    code: z.string(),
    parentName: z.string().nullable(),
    address: z.string().nullable(),
    remote: z.boolean(),
    pilot: z.boolean(),
  }),
  secretary: z.object({ name: z.string(), position: z.string() }).nullable(),
  members: z.array(
    z.object({
      id,
      fullName: z.string(),
      birthDate: z.string().nullable(),
      gender: z.string(),
      position: z.string().nullable(),
      joinedOn: z.string().nullable(),
      status: z.string(),
      hosted: z.boolean(),
      paidUpTo: z.string().nullable(),
    }),
  ),
  meetings: z.array(
    z.object({
      id,
      period: z.string(),
      status: z.string(),
      heldOn: z.string().nullable(),
      plannedOn: z.string().nullable(),
      form: z.string(),
      topic: z.string().nullable(),
      minutes: z.string().nullable(),
      expected: z.number().int(),
      present: z.number().int(),
      excused: z.number().int(),
      absent: z.number().int(),
    }),
  ),
  fees: z.object({
    collected: z.number().int(),
    payments: z.number().int(),
    /** Members who owe at least one month of the year up to this month. */
    owing: z.array(
      z.object({ memberId: id, fullName: z.string(), paidUpTo: z.string().nullable(), months: z.number() }),
    ),
    byMonth: z.array(z.object({ month: z.string(), amount: z.number().int(), payers: z.number().int() })),
  }),
  comments: z.array(z.object({ memberId: id, fullName: z.string(), content: z.string() })),
  /** Ratings arrive with issue 6: until then, the message to show. */
  ratings: z.object({ items: z.array(z.object({ fullName: z.string(), rating: z.string() })), note: z.string() }),
});
export type BranchBook = z.infer<typeof branchBook>;
