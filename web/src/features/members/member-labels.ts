import { useTranslation } from 'react-i18next';
import type { MemberListItem } from '../../../../src/contracts/members';
import type { CareFlag, Gender, MemberStatus } from '../../../../src/domain/members/reference-lists';
import { formatDate } from '../../lib/dates';
import type { vi } from '../../i18n/vi';

/** The keys of the field names in `member.fields`. */
export type MemberFieldKey = keyof (typeof vi)['member']['fields'];

/** Tag colours of the statuses: green while a member, grey once they have left. */
export const STATUS_COLORS: Record<MemberStatus, string> = {
  active: 'green',
  working_away: 'orange',
  temporary_elsewhere: 'gold',
  in_transit: 'blue',
  matured: 'purple',
  removed: 'default',
  expelled: 'red',
  deceased: 'default',
};

/** dd/mm/yyyy, or the year alone when only the year of birth is known. */
export function formatBirth(m: Pick<MemberListItem, 'birthDate' | 'birthYearOnly'>): string {
  if (!m.birthDate) return '';
  return m.birthYearOnly ? m.birthDate.slice(0, 4) : formatDate(m.birthDate);
}

/** Translated names of statuses, genders, care flags and history events. */
export function useMemberLabels() {
  const { t } = useTranslation();
  const events: Record<string, string> = t('member.events', { returnObjects: true });
  return {
    field: (key: MemberFieldKey) => t(`member.fields.${key}`),
    status: (s: MemberStatus) => t(`member.statuses.${s}`),
    gender: (g: Gender) => t(`member.genders.${g}`),
    careFlag: (c: CareFlag) => t(`member.careFlags.${c}`),
    event: (kind: string) => (Object.hasOwn(events, kind) ? (events[kind] ?? kind) : kind),
  };
}
