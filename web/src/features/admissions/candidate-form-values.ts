import type { Dayjs } from 'dayjs';
import type { CandidateDetail, CreateCandidateBody } from '../../../../src/contracts/admissions';
import type { Gender } from '../../../../src/domain/members/reference-lists';
import type { CandidateSource, IntroducerKind } from '../../../../src/domain/workflows/admission';
import { fromIsoDate, toIsoDate } from '../../lib/dates';

/** Personal-record fields kept in the candidate's profile and copied to the member on admission. */
export const PROFILE_FIELDS = [
  'hometown',
  'permanentProvince',
  'permanentCommune',
  'permanentAddress',
  'residenceProvince',
  'residenceCommune',
  'residenceAddress',
  'educationLevel',
  'qualification',
  'occupation',
  'schoolClass',
  'workplace',
  'pioneerHistory',
] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

/** The candidate form's values as antd holds them (dates as Dayjs). */
export type CandidateFormValues = { [K in ProfileField]?: string | null } & {
  unitId?: string;
  fullName?: string;
  birthDate?: Dayjs | null;
  gender?: Gender;
  ethnicity?: string | null;
  religion?: string | null;
  cccd?: string;
  phone?: string | null;
  email?: string | null;
  source?: CandidateSource;
  applicationDate?: Dayjs | null;
  courseName?: string | null;
  courseCertificateNo?: string | null;
  courseCompletedOn?: Dayjs | null;
  introducerKind?: IntroducerKind | null;
  introducerMemberId?: string | null;
  introducerName?: string | null;
  introducerKnownSince?: Dayjs | null;
  recruiterMemberId?: string | null;
};

/** The body fields (everything but the branch) from the form values. */
export function toCandidateFields(v: CandidateFormValues): Omit<CreateCandidateBody, 'unitId'> {
  const profile = Object.fromEntries(PROFILE_FIELDS.map((k) => [k, v[k] || null]));
  return {
    fullName: v.fullName ?? '',
    birthDate: toIsoDate(v.birthDate) ?? '',
    gender: v.gender ?? 'male',
    ethnicity: v.ethnicity || null,
    religion: v.religion || null,
    cccd: v.cccd ?? '',
    phone: v.phone || null,
    email: v.email || null,
    profile,
    source: v.source ?? 'youth',
    applicationDate: toIsoDate(v.applicationDate) ?? '',
    courseName: v.courseName || null,
    courseCertificateNo: v.courseCertificateNo || null,
    courseCompletedOn: toIsoDate(v.courseCompletedOn) ?? null,
    introducerKind: v.introducerKind ?? null,
    introducerMemberId: v.introducerMemberId ?? null,
    introducerName: v.introducerName || null,
    introducerKnownSince: toIsoDate(v.introducerKnownSince) ?? null,
    recruiterMemberId: v.recruiterMemberId ?? null,
  };
}

/** The form values of a stored candidate. */
export function fromCandidate(c: CandidateDetail): CandidateFormValues {
  return {
    ...Object.fromEntries(PROFILE_FIELDS.map((k) => [k, c.profile[k] ?? null])),
    unitId: c.unitId,
    fullName: c.fullName,
    birthDate: fromIsoDate(c.birthDate),
    gender: c.gender,
    ethnicity: c.ethnicity,
    religion: c.religion,
    cccd: c.cccd ?? '',
    phone: c.phone,
    email: c.email,
    source: c.source,
    applicationDate: fromIsoDate(c.applicationDate),
    courseName: c.courseName,
    courseCertificateNo: c.courseCertificateNo,
    courseCompletedOn: fromIsoDate(c.courseCompletedOn),
    introducerKind: c.introducerKind,
    introducerMemberId: c.introducerMember?.id ?? null,
    introducerName: c.introducerName,
    introducerKnownSince: fromIsoDate(c.introducerKnownSince),
    recruiterMemberId: c.recruiter?.id ?? null,
  };
}
