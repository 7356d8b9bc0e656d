import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MemberPage } from '../../../../src/contracts/members';
import { api } from '../../lib/api';

interface Props {
  /** The unit whose subtree is searched. */
  unitId?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The member already chosen, so the value shows as a name. */
  known?: { id: string; name: string } | null;
  id?: string;
}

/** Search the members of a unit's subtree by name (GET /api/members?q=). */
export function MemberPicker({ unitId, value, onChange, known, id }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);
  const { data, isFetching } = useQuery({
    queryKey: ['members', 'picker', unitId, q],
    queryFn: () => api.get<MemberPage>('/members', { unitId, q, limit: 20 }),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
  });
  const [names, setNames] = useState<Map<string, string>>(() => new Map(known ? [[known.id, known.name]] : []));
  const options = (data?.items ?? []).map((m) => ({ value: m.id, label: `${m.fullName} · ${m.unitName}` }));
  useEffect(() => {
    if (!data?.items.length) return;
    setNames((prev) => {
      if (data.items.every((m) => prev.has(m.id))) return prev;
      const next = new Map(prev);
      for (const m of data.items) next.set(m.id, `${m.fullName} · ${m.unitName}`);
      return next;
    });
  }, [data]);
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: names.get(value) ?? value });
  return (
    <Select<string>
      id={id}
      allowClear
      loading={isFetching}
      placeholder={t('admission.form.memberSearch')}
      options={options}
      notFoundContent={isFetching ? t('common.loading') : t('admission.form.noMember')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onBlur={() => setSearch('')}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      style={{ width: '100%' }}
    />
  );
}
