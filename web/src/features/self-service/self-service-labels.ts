import { useTranslation } from 'react-i18next';
import type { ChangeRequestStatus } from '../../../../src/domain/members/self-service';
import { GENDERS, type Gender } from '../../../../src/domain/members/reference-lists';
import { formatDate } from '../../lib/dates';
import { useMemberLabels, type MemberFieldKey } from '../members/member-labels';

/** Tag colours of the request statuses. */
export const REQUEST_STATUS_COLORS: Record<ChangeRequestStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** Field names, request statuses and field values as the user reads them (dates dd/mm/yyyy, genders in words). */
export function useSelfServiceLabels() {
  const { t } = useTranslation();
  const member = useMemberLabels();
  return {
    field: (key: string) => member.field(key as MemberFieldKey),
    status: (s: ChangeRequestStatus) => t(`selfService.statuses.${s}`),
    value: (field: string, value: string | null | undefined) => {
      if (value === null || value === undefined || value === '') return '—';
      if (field === 'birthDate') return formatDate(value);
      if (field === 'gender' && (GENDERS as readonly string[]).includes(value)) return member.gender(value as Gender);
      return value;
    },
  };
}
