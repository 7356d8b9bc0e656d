/**
 * Configurable rules of the Union's procedures, stored as data with a validity period (table `rule_sets`).
 * The defaults are the values in DOMAIN.md; an administrator may record new values from a date on.
 */

/** Age limits of admission and membership. */
export interface MembershipAgeRule {
  /** Youngest age at which a youth may be admitted. */
  admissionMinAge: number;
  /** Oldest age at which a youth may be admitted. */
  admissionMaxAge: number;
  /** Age at which a member comes of age (trưởng thành đoàn). */
  comingOfAgeAge: number;
  /** Highest age up to which a branch may propose keeping a member. */
  extensionMaxAge: number;
}

/** Admission procedure. */
export interface AdmissionRule {
  /** Months an introducing member must have worked with the candidate. */
  introducerMinMonths: number;
  /** The ceremony should take place within this many months of approval (a warning otherwise). */
  ceremonyWithinMonths: number;
}

/** Ceremony dates of the coming-of-age, as "DD/MM". */
export interface ComingOfAgeRule {
  ceremonyDates: string[];
}

/** A discipline form and who may decide it. */
export interface DisciplineForm {
  key: string;
  label: string;
  /** member or unit. */
  subject: 'member' | 'unit';
  /** branch: the branch itself may decide; superior: the level above decides. */
  decidedBy: 'branch' | 'superior';
  /** Ends the member's position in the branch. */
  endsPosition: boolean;
  /** Ends the membership (status "expelled") or dissolves the unit. */
  endsMembership: boolean;
}

/** Discipline procedure: forms, quorum and majority. */
export interface DisciplineRule {
  forms: DisciplineForm[];
  /** Share of eligible members who must be present, e.g. 2/3 as [2, 3]. */
  quorum: [number, number];
  /** Share of those present who must be in favour, strictly more than, e.g. 1/2 as [1, 2]. */
  majority: [number, number];
}

/** Transfers of union activity. */
export interface TransferRule {
  /** Days after which a transfer not accepted shows as overdue. */
  acceptWithinDays: number;
}

/** Party introduction. */
export interface PartyIntroductionRule {
  minAge: number;
}

/** Union fee per month, in VND, by rate class; the share the branch keeps and when arrears become overdue. */
export interface FeeRule {
  withoutSalary: number;
  withSalary: number;
  /** Members working or studying abroad. */
  abroad: number;
  /** Percent of what a branch collects that it keeps; the rest is passed up to the đoàn cơ sở. */
  branchKeepsPercent: number;
  /** Months unpaid after which a member shows as overdue in the monthly review. */
  overdueMonths: number;
}

/** Branch meetings (sinh hoạt chi đoàn). */
export interface MeetingRule {
  /** Months between meetings of an ordinary branch (the charter: every month). */
  regularEveryMonths: number;
  /** Months between meetings of a branch marked remote or dispersed (at least quarterly). */
  remoteEveryMonths: number;
  /** Minutes a check-in QR code stays valid. */
  checkInCodeMinutes: number;
  /** Meetings missed in a row (absent without leave) that put a member on the monthly review. */
  missedInARow: number;
}

/** Figures of the branch indicators. */
export interface BranchIndicatorRule {
  /** A branch counts as large enough from this many members (seed 001: 9). */
  minMembers: number;
  /** Members not present at any meeting for this many months count as "not seen". */
  notSeenMonths: number;
}

/** Every rule set, by key. */
export interface RuleSets {
  membershipAge: MembershipAgeRule;
  admission: AdmissionRule;
  comingOfAge: ComingOfAgeRule;
  discipline: DisciplineRule;
  transfer: TransferRule;
  partyIntroduction: PartyIntroductionRule;
  fee: FeeRule;
  meeting: MeetingRule;
  branchIndicators: BranchIndicatorRule;
}

export type RuleKey = keyof RuleSets;

/** The values of DOMAIN.md, valid from the first date the system knows. */
export const DEFAULT_RULES: RuleSets = {
  membershipAge: { admissionMinAge: 16, admissionMaxAge: 30, comingOfAgeAge: 30, extensionMaxAge: 35 },
  admission: { introducerMinMonths: 3, ceremonyWithinMonths: 1 },
  comingOfAge: { ceremonyDates: ['26/03', '19/05', '15/10', '22/12'] },
  discipline: {
    forms: [
      {
        key: 'reprimand',
        label: 'Khiển trách',
        subject: 'member',
        decidedBy: 'branch',
        endsPosition: false,
        endsMembership: false,
      },
      {
        key: 'warning',
        label: 'Cảnh cáo',
        subject: 'member',
        decidedBy: 'superior',
        endsPosition: false,
        endsMembership: false,
      },
      {
        key: 'removal_from_post',
        label: 'Cách chức',
        subject: 'member',
        decidedBy: 'superior',
        endsPosition: true,
        endsMembership: false,
      },
      {
        key: 'expulsion',
        label: 'Khai trừ',
        subject: 'member',
        decidedBy: 'superior',
        endsPosition: true,
        endsMembership: true,
      },
      {
        key: 'unit_reprimand',
        label: 'Khiển trách',
        subject: 'unit',
        decidedBy: 'superior',
        endsPosition: false,
        endsMembership: false,
      },
      {
        key: 'unit_warning',
        label: 'Cảnh cáo',
        subject: 'unit',
        decidedBy: 'superior',
        endsPosition: false,
        endsMembership: false,
      },
      {
        key: 'dissolution',
        label: 'Giải tán',
        subject: 'unit',
        decidedBy: 'superior',
        endsPosition: false,
        endsMembership: true,
      },
    ],
    quorum: [2, 3],
    majority: [1, 2],
  },
  transfer: { acceptWithinDays: 30 },
  partyIntroduction: { minAge: 18 },
  fee: { withoutSalary: 2000, withSalary: 5000, abroad: 5000, branchKeepsPercent: 40, overdueMonths: 3 },
  meeting: { regularEveryMonths: 1, remoteEveryMonths: 3, checkInCodeMinutes: 5, missedInARow: 3 },
  branchIndicators: { minMembers: 9, notSeenMonths: 3 },
};

export const RULE_KEYS = Object.keys(DEFAULT_RULES) as RuleKey[];

/** First date the default rules are valid from. */
export const DEFAULT_RULES_VALID_FROM = '2000-01-01';

/** Vietnamese names of the rule sets, for the administration page. */
export const RULE_LABELS: Record<RuleKey, string> = {
  membershipAge: 'Độ tuổi kết nạp và trưởng thành',
  admission: 'Kết nạp đoàn viên',
  comingOfAge: 'Trưởng thành đoàn',
  discipline: 'Kỷ luật',
  transfer: 'Chuyển sinh hoạt đoàn',
  partyIntroduction: 'Giới thiệu đoàn viên ưu tú cho Đảng',
  fee: 'Đoàn phí',
  meeting: 'Sinh hoạt chi đoàn',
  branchIndicators: 'Chỉ tiêu chi đoàn',
};
