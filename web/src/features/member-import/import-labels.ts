import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { vi } from '../../i18n/vi';
import type { MemberFieldKey } from '../members/member-labels';
import { importFieldsOptions } from './import-queries';

const MEMBER_FIELDS = new Set(Object.keys(vi.member.fields));

/** The import's target fields, named in the current language (the member form's names). */
export function useImportFields() {
  const { t } = useTranslation();
  const { data } = useQuery(importFieldsOptions);
  const fields = data?.fields ?? [];
  const label = (key: string) => {
    const name = key === 'branch' ? 'unit' : key;
    if (MEMBER_FIELDS.has(name)) return t(`member.fields.${name as MemberFieldKey}`);
    return fields.find((f) => f.key === key)?.label ?? key;
  };
  return { fields, label };
}
