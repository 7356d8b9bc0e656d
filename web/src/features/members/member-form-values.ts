import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { CreateMemberBody, MemberDetail, UpdateMemberBody } from '../../../../src/contracts/members';
import type { CareFlag, Gender, MemberStatus } from '../../../../src/domain/members/reference-lists';
import { fromIsoDate, toIsoDate } from '../../lib/dates';

const TEXT_FIELDS = [
  'fullName',
  'ethnicity',
  'religion',
  'cccd',
  'phone',
  'email',
  'hometown',
  'permanentProvince',
  'permanentCommune',
  'permanentAddress',
  'residenceProvince',
  'residenceCommune',
  'residenceAddress',
  'admittedAt',
  'cardNumber',
  'position',
  'pioneerHistory',
  'educationLevel',
  'qualification',
  'occupation',
  'schoolClass',
  'workplace',
  'awayPlace',
  'careNote',
  'helpPlan',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const DATE_FIELDS = ['joinedOn', 'cardIssuedOn', 'partyJoinedOn', 'awaySince'] as const;
type DateField = (typeof DATE_FIELDS)[number];

/** The member form's values as antd holds them (dates as Dayjs, optional texts as strings). */
export type MemberFormValues = { [K in TextField]?: string | null } & { [K in DateField]?: Dayjs | null } & {
  unitId?: string;
  birthDate?: Dayjs | null;
  birthYearOnly: boolean;
  gender?: Gender;
  partyMember: boolean;
  status: MemberStatus;
  careFlags: CareFlag[];
};

/** The record fields sent to POST /members and PATCH /members/:id. */
export type MemberBodyFields = Omit<CreateMemberBody, 'unitId'>;

/** Values of a new member's form. */
export function newMemberValues(unitId: string | undefined): MemberFormValues {
  return {
    unitId,
    birthYearOnly: false,
    partyMember: false,
    status: 'active',
    careFlags: [],
    ethnicity: 'Kinh',
    religion: 'Không',
  };
}

/** A member record -> the values of the edit form. */
export function fromMember(m: MemberDetail): MemberFormValues {
  const values: MemberFormValues = {
    unitId: m.unitId,
    birthDate: fromIsoDate(m.birthDate) ?? null,
    birthYearOnly: m.birthYearOnly,
    gender: m.gender,
    partyMember: m.partyMember,
    status: m.status,
    careFlags: m.careFlags,
  };
  for (const f of TEXT_FIELDS) values[f] = m[f] ?? '';
  for (const f of DATE_FIELDS) values[f] = fromIsoDate(m[f]) ?? null;
  return values;
}

/** Form values -> the record fields of the API (a year of birth alone is stored as 1 January). */
export function toMemberFields(v: MemberFormValues): MemberBodyFields & { unitId?: string } {
  const birth = v.birthDate ? dayjs(v.birthDate) : null;
  const body: MemberBodyFields & { unitId?: string } = {
    unitId: v.unitId,
    fullName: (v.fullName ?? '').trim(),
    birthDate: birth ? (v.birthYearOnly ? `${birth.year()}-01-01` : toIsoDate(birth)) : null,
    birthYearOnly: v.birthYearOnly && Boolean(birth),
    gender: v.gender ?? 'male',
    partyMember: v.partyMember,
    status: v.status,
    careFlags: v.careFlags ?? [],
  };
  for (const f of TEXT_FIELDS) if (f !== 'fullName') body[f] = (v[f] ?? '').trim();
  for (const f of DATE_FIELDS) body[f] = toIsoDate(v[f]) ?? null;
  return body;
}

const normal = (value: unknown): string =>
  Array.isArray(value) ? [...value].sort().join(',') : value === '' || value === undefined ? 'null' : String(value);

/**
 * Fields the server resets to their defaults when a PATCH leaves them out (its update schema keeps the
 * create defaults), so every PATCH sends them as they are.
 */
const ALWAYS_SENT = ['status', 'partyMember', 'birthYearOnly', 'careFlags'] as const;

/**
 * The fields that differ from the record, for PATCH (plus ALWAYS_SENT). Unchanged fields are not sent: a CCCD
 * or phone shown masked is never sent back, and an edit writes history events only for what really changed.
 */
export function changedFields(before: MemberDetail, fields: MemberBodyFields & { unitId?: string }): UpdateMemberBody {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (normal(value) !== normal((before as Record<string, unknown>)[key] ?? null)) changes[key] = value;
  }
  if (Object.keys(changes).length === 0) return { version: before.version };
  for (const key of ALWAYS_SENT) changes[key] = fields[key];
  return { ...(changes as Partial<UpdateMemberBody>), version: before.version };
}
