import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unitSearchOptions, useUnitKinds } from '../features/units/unit-queries';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Names of branches already known (e.g. the member's current branch), so the value shows as a name. */
  known?: { id: string; name: string }[];
  id?: string;
  'aria-invalid'?: boolean;
}

/** Search the open branches (chi đoàn: units of a lowest-level kind) in the account's scope. */
export function BranchPicker({ value, onChange, known = [], id, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const { byCode } = useUnitKinds();
  // The previous matches stay while the next search loads, so options do not vanish under the finger.
  const { data, isFetching } = useQuery({ ...unitSearchOptions(q, false, 50), placeholderData: keepPreviousData });
  const [names, setNames] = useState<Map<string, string>>(() => new Map(known.map((u) => [u.id, u.name])));

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  const branches = (data ?? []).filter((u) => byCode.get(u.kind)?.isLeaf);
  // Remember the names seen, so a chosen branch keeps its name when a later search no longer lists it.
  useEffect(() => {
    if (branches.length === 0) return;
    setNames((prev) => {
      if (branches.every((u) => prev.has(u.id))) return prev;
      const next = new Map(prev);
      for (const u of branches) next.set(u.id, u.name);
      return next;
    });
  }, [branches]);

  const options = branches.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: names.get(value) ?? value });

  return (
    <Select<string>
      id={id}
      aria-invalid={rest['aria-invalid']}
      allowClear
      loading={isFetching}
      placeholder={t('branchPicker.placeholder')}
      options={options}
      notFoundContent={isFetching ? t('common.loading') : t('branchPicker.empty')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onBlur={() => setSearch('')}
      value={value}
      onChange={(v) => onChange?.(v)}
      style={{ width: '100%' }}
    />
  );
}
