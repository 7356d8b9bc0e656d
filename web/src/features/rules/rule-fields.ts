import type { RuleKey } from '../../../../src/domain/rules/rule-sets';

/** How a number is shown: in years, months, days, VND per month, percent, minutes or a plain count. */
export type NumberUnit = 'years' | 'months' | 'days' | 'vnd' | 'percent' | 'minutes' | 'count';

/** A numeric field of a rule set with its bounds (the server checks them again). */
export interface NumberField {
  field: string;
  unit: NumberUnit;
  min: number;
  max: number;
}

/** The numeric fields of each rule set, in order; comingOfAge and discipline have their own editors too. */
export const NUMBER_FIELDS: Record<RuleKey, NumberField[]> = {
  membershipAge: [
    { field: 'admissionMinAge', unit: 'years', min: 14, max: 40 },
    { field: 'admissionMaxAge', unit: 'years', min: 14, max: 40 },
    { field: 'comingOfAgeAge', unit: 'years', min: 14, max: 40 },
    { field: 'extensionMaxAge', unit: 'years', min: 14, max: 40 },
  ],
  admission: [
    { field: 'introducerMinMonths', unit: 'months', min: 0, max: 24 },
    { field: 'ceremonyWithinMonths', unit: 'months', min: 1, max: 12 },
  ],
  comingOfAge: [],
  discipline: [],
  transfer: [{ field: 'acceptWithinDays', unit: 'days', min: 1, max: 365 }],
  partyIntroduction: [{ field: 'minAge', unit: 'years', min: 16, max: 40 }],
  fee: [
    { field: 'withoutSalary', unit: 'vnd', min: 0, max: 1_000_000 },
    { field: 'withSalary', unit: 'vnd', min: 0, max: 1_000_000 },
    { field: 'abroad', unit: 'vnd', min: 0, max: 1_000_000 },
    { field: 'branchKeepsPercent', unit: 'percent', min: 0, max: 100 },
    { field: 'overdueMonths', unit: 'months', min: 1, max: 12 },
  ],
  meeting: [
    { field: 'regularEveryMonths', unit: 'months', min: 1, max: 6 },
    { field: 'remoteEveryMonths', unit: 'months', min: 1, max: 6 },
    { field: 'checkInCodeMinutes', unit: 'minutes', min: 1, max: 60 },
    { field: 'missedInARow', unit: 'count', min: 1, max: 12 },
  ],
  branchIndicators: [
    { field: 'minMembers', unit: 'count', min: 1, max: 100 },
    { field: 'notSeenMonths', unit: 'months', min: 1, max: 24 },
  ],
};

/** A discipline form as the rule stores it. */
export interface DisciplineFormValue {
  key: string;
  label: string;
  subject: 'member' | 'unit';
  decidedBy: 'branch' | 'superior';
  endsPosition: boolean;
  endsMembership: boolean;
}

/** A fraction stored as [numerator, denominator]. */
export type Fraction = [number, number];

/** True for a [numerator, denominator] pair. */
export function isFraction(value: unknown): value is Fraction {
  return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number');
}

/** True for a list of discipline forms. */
export function isFormList(value: unknown): value is DisciplineFormValue[] {
  return Array.isArray(value) && value.every((f) => typeof f === 'object' && f !== null && 'key' in f);
}
