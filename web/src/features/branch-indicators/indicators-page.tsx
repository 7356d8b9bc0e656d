import { useState } from 'react';
import { Alert, DatePicker, Flex, Form, Grid, List, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ByChildResponse, IndicatorKeyName } from '../../../../src/contracts/branch-indicators';
import { INDICATOR_KEYS } from '../../../../src/domain/branch-life/indicators';
import { PageTitle } from '../../components/page-title';
import { UnitPicker } from '../../components/unit-picker';
import { errorMessage } from '../../lib/api';
import { useCurrentUser } from '../auth/current-user';
import type { UnitYearSearch } from '../member-exits/procedure-search';
import { IndicatorCards, percent } from './indicator-cards';
import { IndicatorDrawer } from './indicator-drawer';
import { byChildOptions, indicatorsOptions } from './indicator-queries';

type Child = ByChildResponse['items'][number];

/** The default period of a year: January to this month (to December for a past year). */
function defaultPeriod(year: number): { from: string; to: string } {
  const now = dayjs();
  const to = year < now.year() ? `${year}-12` : now.format('YYYY-MM');
  return { from: `${year}-01`, to };
}

function ByChild({ items, label }: { items: Child[]; label: (k: IndicatorKeyName) => string }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const cell = (c: Child, k: IndicatorKeyName) => {
    const v = percent(c.figures[k].share);
    return v === null ? '—' : `${v}% (${c.figures[k].numerator}/${c.figures[k].denominator})`;
  };
  if (!screens.md)
    return (
      <List
        dataSource={items}
        data-testid="by-child"
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={c.unitName}
              description={INDICATOR_KEYS.map((k) => (
                <div key={k}>
                  {label(k)}: <Typography.Text strong>{cell(c, k)}</Typography.Text>
                </div>
              ))}
            />
          </List.Item>
        )}
      />
    );
  return (
    <Table<Child>
      size="small"
      rowKey="unitId"
      dataSource={items}
      pagination={false}
      scroll={{ x: 1100 }}
      data-testid="by-child"
      columns={[
        { title: t('indicator.child'), dataIndex: 'unitName', fixed: 'left', width: 220 },
        ...INDICATOR_KEYS.map((k) => ({ key: k, title: label(k), render: (_: unknown, c: Child) => cell(c, k) })),
      ]}
    />
  );
}

/** Branch indicators of a unit and period, with the branches behind each figure. */
export function IndicatorsPage({
  search,
  onSearch,
}: {
  search: UnitYearSearch;
  onSearch: (next: UnitYearSearch) => void;
}) {
  const { t } = useTranslation();
  const firstRoot = useCurrentUser().scopeRoots[0];
  const unitId = search.unitId ?? firstRoot?.id ?? '';
  const [period, setPeriod] = useState(() => defaultPeriod(search.year ?? dayjs().year()));
  const [open, setOpen] = useState<IndicatorKeyName | null>(null);
  const query = { unitId, ...period };
  const figures = useQuery({ ...indicatorsOptions(query), enabled: Boolean(unitId) });
  const children = useQuery({ ...byChildOptions(query), enabled: Boolean(unitId) });
  const rules = figures.data?.rules;
  const label = (key: IndicatorKeyName) =>
    t(`indicator.keys.${key}`, { min: rules?.minMembers ?? 9, months: rules?.notSeenMonths ?? 3 });
  const month = (value: string) => dayjs(`${value}-01`);

  return (
    <>
      <PageTitle title={t('indicator.title')} />
      <Typography.Paragraph type="secondary">{t('indicator.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Flex wrap gap={12}>
          <Form.Item label={t('indicator.unit')} style={{ flex: '1 1 260px', marginBottom: 8 }}>
            <UnitPicker
              value={unitId || undefined}
              onChange={(id) => id && onSearch({ ...search, unitId: id })}
              aria-label={t('indicator.unit')}
            />
          </Form.Item>
          <Form.Item label={t('indicator.from')} style={{ flex: '1 1 140px', marginBottom: 8 }}>
            <DatePicker
              picker="month"
              format="MM/YYYY"
              allowClear={false}
              value={month(period.from)}
              onChange={(d) => d && setPeriod((p) => ({ ...p, from: d.format('YYYY-MM') }))}
              style={{ width: '100%' }}
              aria-label={t('indicator.from')}
            />
          </Form.Item>
          <Form.Item label={t('indicator.to')} style={{ flex: '1 1 140px', marginBottom: 8 }}>
            <DatePicker
              picker="month"
              format="MM/YYYY"
              allowClear={false}
              value={month(period.to)}
              onChange={(d) => d && setPeriod((p) => ({ ...p, to: d.format('YYYY-MM') }))}
              style={{ width: '100%' }}
              aria-label={t('indicator.to')}
            />
          </Form.Item>
        </Flex>
      </Form>
      {figures.error && (
        <Alert type="error" showIcon title={errorMessage(figures.error)} style={{ marginBottom: 12 }} />
      )}
      {figures.data && (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="indicators-unit">
            {figures.data.unitName} · {t('indicator.branches', { count: figures.data.branches })}
          </Typography.Title>
          <IndicatorCards data={figures.data} onOpen={setOpen} />
        </>
      )}
      {children.data && children.data.items.length > 0 && (
        <>
          <Typography.Title level={4} style={{ marginTop: 24 }}>
            {t('indicator.byChild')}
          </Typography.Title>
          <ByChild items={children.data.items} label={label} />
        </>
      )}
      <IndicatorDrawer
        key={open ?? 'none'}
        indicator={open}
        title={open ? label(open) : ''}
        query={query}
        onClose={() => setOpen(null)}
      />
    </>
  );
}
