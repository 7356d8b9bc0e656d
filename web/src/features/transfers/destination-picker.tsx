import { useEffect, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { destinationOptions } from './transfer-queries';

interface Props {
  /** grassroots: a đoàn cơ sở (external transfer); branch: a host branch (temporary participation). */
  level: 'grassroots' | 'branch';
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The name of the current value, when already known. */
  known?: { id: string; name: string } | null;
  id?: string;
  'aria-invalid'?: boolean;
}

/** Search receiving units anywhere in the country (GET /api/transfers/destinations). */
export function DestinationPicker({ level, value, onChange, known, id, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [names, setNames] = useState<Map<string, string>>(() => new Map(known ? [[known.id, known.name]] : []));
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);
  const { data, isFetching } = useQuery(destinationOptions(level, q));
  useEffect(() => {
    if (!data?.length) return;
    setNames((prev) => {
      const next = new Map(prev);
      for (const u of data) next.set(u.id, u.name);
      return next;
    });
  }, [data]);

  const options = (q.length >= 2 ? (data ?? []) : []).map((u) => ({ value: u.id, label: u.name, context: u.context }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: names.get(value) ?? value, context: '' });

  return (
    <Select<string>
      id={id}
      aria-invalid={rest['aria-invalid']}
      allowClear
      loading={isFetching}
      placeholder={t(
        level === 'branch' ? 'transfer.destination.branchPlaceholder' : 'transfer.destination.placeholder',
      )}
      options={options}
      notFoundContent={
        isFetching
          ? t('common.loading')
          : q.length < 2
            ? t('transfer.destination.typeMore')
            : t('transfer.destination.empty')
      }
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onBlur={() => setSearch('')}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      style={{ width: '100%' }}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{o.data.label}</div>
          {o.data.context && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.data.context}
            </Typography.Text>
          )}
        </div>
      )}
    />
  );
}
