import { z } from 'zod';
import { FEE_RATE_CLASSES } from '../domain/branch-life/fee-rates.js';
import { id, isoDate, optionalText, pageOf, requiredText } from './common.js';

/** A calendar month "YYYY-MM". */
export const month = z
  .string({ error: 'Tháng là bắt buộc.' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Tháng phải có dạng yyyy-mm (ví dụ 2026-03).' });

/** A fee rate class: without salary, with salary, abroad. */
export const feeRateClass = z.enum(FEE_RATE_CLASSES, {
  error: 'Mức đóng phải là không hưởng lương, có hưởng lương hoặc ở nước ngoài.',
});
export type FeeRateClassDto = z.infer<typeof feeRateClass>;

/** Body of PUT /api/members/:id/fee-class. */
export const putFeeClassBody = z.object({
  rateClass: feeRateClass,
  /** First month the class applies. */
  fromMonth: month,
});

/** A member's fee class now and its history (newest first). */
export const memberFeeClass = z.object({
  memberId: z.string(),
  rateClass: feeRateClass,
  history: z.array(z.object({ rateClass: feeRateClass, fromMonth: z.string() })),
});
export type MemberFeeClass = z.infer<typeof memberFeeClass>;

/** Body of POST /api/fees/payments (and of the quote): a collection at one branch. */
export const collectFeesBody = z.object({
  /** The branch collecting (the members' home branch). */
  unitId: id,
  collectedOn: isoDate,
  items: z
    .array(
      z.object({
        memberId: id,
        months: z
          .array(month)
          .min(1, { error: 'Chọn ít nhất một tháng cho mỗi đoàn viên.' })
          .max(24, { error: 'Mỗi lần thu tối đa 24 tháng cho một đoàn viên.' }),
      }),
    )
    .min(1, { error: 'Chọn ít nhất một đoàn viên.' })
    .max(200, { error: 'Mỗi lần thu tối đa 200 đoàn viên.' }),
  note: optionalText('Ghi chú'),
});
export type CollectFeesBody = z.input<typeof collectFeesBody>;

/** One month of one member in a collection, with its amount. */
export const feeLine = z.object({
  memberId: z.string(),
  fullName: z.string(),
  month: z.string(),
  rateClass: feeRateClass,
  amount: z.number().int(),
});

/** The lines and total of a collection: what will be written (quote) or was written. */
export const feeCollection = z.object({
  lines: z.array(feeLine.extend({ id: z.string().nullable() })),
  total: z.number().int(),
});
export type FeeCollection = z.infer<typeof feeCollection>;

/** Body of DELETE /api/fees/payments/:id. */
export const deletePaymentBody = z.object({ reason: requiredText('Lý do huỷ khoản thu', 500) });

/** GET /api/fees query. */
export const feesQuery = z.object({
  unitId: id,
  year: z.coerce.number().int().min(2000, { error: 'Năm không hợp lệ.' }).max(2200, { error: 'Năm không hợp lệ.' }),
  /** Keyset cursor of the per-branch table (higher units). */
  after: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Money totals of a period: collected, kept by the branch, passed up. */
export const feeTotals = z.object({ collected: z.number(), kept: z.number(), passedUp: z.number() });
export type FeeTotals = z.infer<typeof feeTotals>;

/** Amounts of the rule valid now. */
export const feeRates = z.object({
  withoutSalary: z.number(),
  withSalary: z.number(),
  abroad: z.number(),
  branchKeepsPercent: z.number(),
  overdueMonths: z.number(),
});

/** A paid month in the member grid. */
export const paidMonth = z.object({
  id: z.string(),
  month: z.string(),
  amount: z.number(),
  rateClass: feeRateClass,
  collectedOn: z.string(),
});
export type PaidMonth = z.infer<typeof paidMonth>;

/** Months a member owes now, from which month, and how much. */
export const feeOwed = z.object({ from: z.string(), count: z.number().int(), amount: z.number() }).nullable();

/** A member row of a branch's fee view. */
export const branchFeeMember = z.object({
  memberId: z.string(),
  fullName: z.string(),
  status: z.string(),
  rateClass: feeRateClass,
  /** The year's paid months. */
  paid: z.array(paidMonth),
  /** "Đóng đến tháng": latest month paid (any year). */
  paidUpTo: z.string().nullable(),
  owed: feeOwed,
  overdue: z.boolean(),
});
export type BranchFeeMember = z.infer<typeof branchFeeMember>;

/** GET /api/fees for a branch. */
export const branchFees = z.object({
  kind: z.literal('branch'),
  unit: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  currentMonth: z.string(),
  rates: feeRates,
  /** First month the branch recorded any fee (start of its ledger). */
  ledgerStart: z.string().nullable(),
  totals: feeTotals,
  members: z.array(branchFeeMember),
  canWrite: z.boolean(),
});
export type BranchFees = z.infer<typeof branchFees>;

/** A branch row of a higher unit's fee view. */
export const branchFeeRow = z.object({
  unitId: z.string(),
  name: z.string(),
  parentName: z.string().nullable(),
  members: z.number().int(),
  collected: z.number(),
  kept: z.number(),
  passedUp: z.number(),
  /** Members owing at least `overdueMonths` months. */
  overdue: z.number().int(),
});
export type BranchFeeRow = z.infer<typeof branchFeeRow>;

/** GET /api/fees for a unit above branches: per-branch rows (keyset by branch name) and the subtree totals. */
export const unitFees = z.object({
  kind: z.literal('overview'),
  unit: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  currentMonth: z.string(),
  rates: feeRates,
  totals: feeTotals,
  branches: pageOf(branchFeeRow),
});
export type UnitFees = z.infer<typeof unitFees>;

export const feesView = z.discriminatedUnion('kind', [branchFees, unitFees]);
export type FeesView = z.infer<typeof feesView>;

/** GET /api/fees/arrears query. */
export const arrearsQuery = z.object({
  unitId: id,
  /** Only members owing at least this many months (default 1). */
  minMonths: z.coerce.number().int().min(1).max(120).default(1),
  after: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A member owing fees. */
export const arrearsItem = z.object({
  memberId: z.string(),
  fullName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  rateClass: feeRateClass,
  paidUpTo: z.string().nullable(),
  from: z.string(),
  months: z.number().int(),
  amount: z.number(),
});
export type ArrearsItem = z.infer<typeof arrearsItem>;
export const arrearsPage = pageOf(arrearsItem);
export type ArrearsPage = z.infer<typeof arrearsPage>;

/** GET /api/me/fees: the signed-in member's own fee standing. */
export const myFees = z.object({
  unitName: z.string(),
  rateClass: feeRateClass,
  monthlyAmount: z.number(),
  paidUpTo: z.string().nullable(),
  owed: feeOwed,
  year: z.number(),
  payments: z.array(paidMonth),
});
export type MyFees = z.infer<typeof myFees>;

/** Ledger query. */
export const ledgerQuery = z.object({
  year: z.coerce.number().int().min(2000, { error: 'Năm không hợp lệ.' }).max(2200, { error: 'Năm không hợp lệ.' }),
});
