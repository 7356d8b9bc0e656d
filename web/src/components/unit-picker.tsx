import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UnitSummary } from '../../../src/contracts/units';
import { unitSearchOptions } from '../features/units/unit-queries';

interface CommonProps {
  /** Units that may not be chosen (e.g. the unit being edited). */
  excludeIds?: string[];
  includeClosed?: boolean;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
}
type SingleProps = CommonProps & { multiple?: false; value?: string; onChange?: (value: string | undefined) => void };
type MultipleProps = CommonProps & { multiple: true; value?: string[]; onChange?: (value: string[]) => void };

const labelOf = (u: UnitSummary) => `${u.name} (${u.code})`;

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Search units in the account's scope by name or code (GET /api/units/search). */
export function UnitPicker(props: SingleProps | MultipleProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching } = useQuery(unitSearchOptions(q, props.includeClosed ?? false));
  const [known, setKnown] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    if (!data?.length) return;
    setKnown((prev) => {
      const next = new Map(prev);
      for (const u of data) next.set(u.id, labelOf(u));
      return next;
    });
  }, [data]);

  const excluded = new Set(props.excludeIds ?? []);
  const options = (data ?? []).filter((u) => !excluded.has(u.id)).map((u) => ({ value: u.id, label: labelOf(u) }));
  const selected = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  for (const id of selected) {
    if (!options.some((o) => o.value === id)) options.push({ value: id, label: known.get(id) ?? id });
  }

  const common = {
    id: props.id,
    'aria-label': props['aria-label'],
    allowClear: true,
    loading: isFetching,
    placeholder: props.placeholder ?? t('unitPicker.placeholder'),
    options,
    notFoundContent: isFetching ? t('common.loading') : t('unitPicker.empty'),
    showSearch: { filterOption: false, onSearch: setSearch },
    onBlur: () => setSearch(''),
    style: { width: '100%' },
  } as const;

  if (props.multiple) {
    return (
      <Select<string[]>
        {...common}
        mode="multiple"
        value={props.value}
        onChange={(v) => {
          setSearch('');
          props.onChange?.(v);
        }}
      />
    );
  }
  return <Select<string> {...common} value={props.value} onChange={(v) => props.onChange?.(v)} />;
}
