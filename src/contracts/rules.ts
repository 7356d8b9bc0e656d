import { z } from 'zod';
import { RULE_KEYS, type RuleKey, type RuleSets } from '../domain/rules/rule-sets.js';
import { id, isoDate, optionalText } from './common.js';

/** A rule set key. */
export const ruleKey = z.enum(RULE_KEYS, { error: 'Quy định không tồn tại.' });

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} phải là số.` })
    .int({ error: `${label} phải là số nguyên.` })
    .min(min, { error: `${label} phải từ ${min} đến ${max}.` })
    .max(max, { error: `${label} phải từ ${min} đến ${max}.` });

const age = (label: string) => int(label, 14, 40);

/** Age limits: integers 14–40, admission min < max ≤ coming of age ≤ extension. */
export const membershipAgeValue = z
  .object({
    admissionMinAge: age('Tuổi kết nạp thấp nhất'),
    admissionMaxAge: age('Tuổi kết nạp cao nhất'),
    comingOfAgeAge: age('Tuổi trưởng thành đoàn'),
    extensionMaxAge: age('Tuổi tối đa khi được kéo dài sinh hoạt'),
  })
  .superRefine((v, ctx) => {
    if (v.admissionMinAge >= v.admissionMaxAge)
      ctx.addIssue({
        code: 'custom',
        path: ['admissionMaxAge'],
        message: 'Tuổi kết nạp cao nhất phải lớn hơn tuổi kết nạp thấp nhất.',
      });
    if (v.comingOfAgeAge < v.admissionMaxAge)
      ctx.addIssue({
        code: 'custom',
        path: ['comingOfAgeAge'],
        message: 'Tuổi trưởng thành đoàn không được nhỏ hơn tuổi kết nạp cao nhất.',
      });
    if (v.extensionMaxAge < v.comingOfAgeAge)
      ctx.addIssue({
        code: 'custom',
        path: ['extensionMaxAge'],
        message: 'Tuổi tối đa khi kéo dài sinh hoạt không được nhỏ hơn tuổi trưởng thành đoàn.',
      });
  });

/** Admission: introducer 0–24 months, ceremony within 1–12 months. */
export const admissionValue = z.object({
  introducerMinMonths: int('Số tháng người giới thiệu cùng công tác', 0, 24),
  ceremonyWithinMonths: int('Thời hạn tổ chức lễ kết nạp (tháng)', 1, 12),
});

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day of the year as "DD/MM" (29/02 allowed). */
export const dayMonth = z
  .string({ error: 'Ngày phải có dạng DD/MM.' })
  .regex(/^\d{2}\/\d{2}$/, { error: 'Ngày phải có dạng DD/MM, ví dụ 26/03.' })
  .refine(
    (v) => {
      const [d, m] = v.split('/').map(Number) as [number, number];
      return m >= 1 && m <= 12 && d >= 1 && d <= (DAYS_IN_MONTH[m - 1] ?? 0);
    },
    { error: 'Ngày không tồn tại (DD/MM).' },
  );

/** Coming of age: one to twelve distinct ceremony dates. */
export const comingOfAgeValue = z.object({
  ceremonyDates: z
    .array(dayMonth, { error: 'Cần danh sách ngày tổ chức lễ.' })
    .min(1, { error: 'Cần ít nhất một ngày tổ chức lễ.' })
    .max(12, { error: 'Tối đa 12 ngày tổ chức lễ.' })
    .refine((dates) => new Set(dates).size === dates.length, { error: 'Ngày tổ chức lễ bị trùng.' }),
});

/** A fraction [numerator, denominator] strictly between 0 and 1 (or up to 1 when `allowOne`). */
const fraction = (label: string, allowOne: boolean) =>
  z
    .tuple([int(`Tử số của ${label}`, 1, 100), int(`Mẫu số của ${label}`, 1, 100)], {
      error: `${label} phải là một phân số [tử, mẫu].`,
    })
    .refine(([a, b]) => a > 0 && (allowOne ? a <= b : a < b), {
      error: `${label} phải là phân số lớn hơn 0 và ${allowOne ? 'không quá 1' : 'nhỏ hơn 1'}.`,
    });

const disciplineForm = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Mã hình thức chỉ gồm chữ thường, số và dấu gạch dưới.' }),
  label: z
    .string({ error: 'Tên hình thức là bắt buộc.' })
    .trim()
    .min(1, { error: 'Tên hình thức là bắt buộc.' })
    .max(60, { error: 'Tên hình thức dài tối đa 60 ký tự.' }),
  subject: z.enum(['member', 'unit'], { error: 'Đối tượng phải là đoàn viên hoặc tổ chức.' }),
  decidedBy: z.enum(['branch', 'superior'], { error: 'Cấp quyết định phải là chi đoàn hoặc cấp trên.' }),
  endsPosition: z.boolean(),
  endsMembership: z.boolean(),
});

/** Discipline: forms with unique keys, quorum in (0, 1], majority in (0, 1). */
export const disciplineValue = z.object({
  forms: z
    .array(disciplineForm)
    .min(1, { error: 'Cần ít nhất một hình thức kỷ luật.' })
    .max(20)
    .refine((forms) => new Set(forms.map((f) => f.key)).size === forms.length, {
      error: 'Mã hình thức kỷ luật bị trùng.',
    }),
  quorum: fraction('Tỷ lệ có mặt tối thiểu', true),
  majority: fraction('Tỷ lệ tán thành', false),
});

/** Transfers: overdue after 1–365 days. */
export const transferValue = z.object({ acceptWithinDays: int('Số ngày tiếp nhận', 1, 365) });

/** Party introduction: minimum age 16–40. */
export const partyIntroductionValue = z.object({ minAge: int('Tuổi tối thiểu', 16, 40) });

/** Union fee per month in VND: 0–1,000,000, without salary ≤ with salary; the branch keeps 0–100%. */
export const feeValue = z
  .object({
    withoutSalary: int('Đoàn phí không hưởng lương', 0, 1_000_000),
    withSalary: int('Đoàn phí có hưởng lương', 0, 1_000_000),
    abroad: int('Đoàn phí của đoàn viên ở nước ngoài', 0, 1_000_000),
    branchKeepsPercent: int('Tỷ lệ chi đoàn được giữ lại (%)', 0, 100),
    overdueMonths: int('Số tháng chưa đóng thì coi là nợ đoàn phí', 1, 12),
  })
  .refine((v) => v.withoutSalary <= v.withSalary, {
    path: ['withSalary'],
    error: 'Đoàn phí có hưởng lương không được thấp hơn mức không hưởng lương.',
  });

/** Meetings: monthly to half-yearly; a remote branch never meets more often than an ordinary one is required to. */
export const meetingValue = z
  .object({
    regularEveryMonths: int('Số tháng giữa hai lần sinh hoạt', 1, 6),
    remoteEveryMonths: int('Số tháng giữa hai lần sinh hoạt (chi đoàn vùng sâu, phân tán)', 1, 6),
    checkInCodeMinutes: int('Thời hạn mã điểm danh (phút)', 1, 60),
    missedInARow: int('Số buổi vắng liên tiếp cần rà soát', 1, 12),
  })
  .refine((v) => v.remoteEveryMonths >= v.regularEveryMonths, {
    path: ['remoteEveryMonths'],
    error: 'Chi đoàn vùng sâu, phân tán không thể phải sinh hoạt dày hơn chi đoàn thường.',
  });

/** Branch indicators: a minimum branch size and a "not seen" period. */
export const branchIndicatorsValue = z.object({
  minMembers: int('Số đoàn viên tối thiểu của chi đoàn', 1, 100),
  notSeenMonths: int('Số tháng không tham gia sinh hoạt', 1, 24),
});

/** The schema of each rule set's value. */
export const RULE_VALUE_SCHEMAS: { [K in RuleKey]: z.ZodType<RuleSets[K]> } = {
  membershipAge: membershipAgeValue,
  admission: admissionValue,
  comingOfAge: comingOfAgeValue,
  discipline: disciplineValue,
  transfer: transferValue,
  partyIntroduction: partyIntroductionValue,
  fee: feeValue,
  meeting: meetingValue,
  branchIndicators: branchIndicatorsValue,
};

/** A new value of a rule set, valid from a date on. */
export const recordRuleBody = z.object({
  /** First day the value applies (yyyy-mm-dd); the period before it ends that day. */
  validFrom: isoDate,
  /** The value, checked against the rule set's schema. */
  value: z.unknown(),
  note: optionalText('Ghi chú'),
});
export type RecordRuleBody = z.input<typeof recordRuleBody>;

/** One period of a rule set. */
export const rulePeriodDto = z.object({
  id,
  validFrom: z.string(),
  /** First day it no longer applies; null while it is open. */
  validTo: z.string().nullable(),
  value: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type RulePeriodDto = z.infer<typeof rulePeriodDto>;

/** A rule set with the value in force today and its whole history (newest first). */
export const ruleSetDto = z.object({
  key: ruleKey,
  label: z.string(),
  /** The period valid today, null when none is stored (the built-in default applies). */
  current: rulePeriodDto.nullable(),
  periods: z.array(rulePeriodDto),
});
export type RuleSetDto = z.infer<typeof ruleSetDto>;
