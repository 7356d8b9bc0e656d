import { useState } from 'react';
import { Alert, Button, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { useCan, useCurrentUser } from '../auth/current-user';
import { unitDetailOptions } from '../units/unit-queries';
import type { UnitYearSearch } from '../member-exits/procedure-search';
import { UnitYearBar } from '../member-exits/procedure-ui';
import { partyListOptions } from './party-api';
import { PartyList } from './party-list';
import { PartyStatsTable } from './party-stats';
import { ResolutionDrawer } from './resolution-drawer';

/** Giới thiệu đảng viên: the introductions of a unit's subtree for a year, the steps, the yearly report. */
export function PartyIntroductionsPage({
  search,
  onSearch,
}: {
  search: UnitYearSearch;
  onSearch: (s: UnitYearSearch) => void;
}) {
  const { t } = useTranslation();
  const canRead = useCan('member.read');
  const canWrite = useCan('member.write');
  const firstRoot = useCurrentUser().scopeRoots[0];
  const unitId = search.unitId ?? firstRoot?.id ?? '';
  const year = search.year ?? new Date().getFullYear();
  const tab = search.tab === 'stats' ? 'stats' : 'list';
  const [adding, setAdding] = useState(false);
  const unit = useQuery({ ...unitDetailOptions(unitId), enabled: canRead && Boolean(unitId) });
  const list = useQuery({
    ...partyListOptions({ unitId, year }),
    enabled: canRead && Boolean(unitId) && tab === 'list',
  });
  if (!canRead) return <Forbidden />;

  return (
    <>
      <PageTitle
        title={t('partyIntro.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="party-add">
              {t('partyIntro.propose')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('partyIntro.hint')}</Typography.Paragraph>
      <UnitYearBar
        unitName={unit.data?.name}
        onUnit={(id) => onSearch({ ...search, unitId: id })}
        year={year}
        onYear={(y) => onSearch({ ...search, year: y })}
      />
      {unit.data && (
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="procedure-unit">
          {unit.data.name}
        </Typography.Title>
      )}
      <Tabs
        activeKey={tab}
        onChange={(next) => onSearch({ ...search, tab: next })}
        items={[
          {
            key: 'list',
            label: t('partyIntro.tabs.list'),
            children: list.error ? (
              <PageError error={list.error} onRetry={() => void list.refetch()} />
            ) : (
              <>
                {list.data?.truncated && <Alert type="info" showIcon title={t('procedures.truncated')} />}
                <PartyList items={list.data?.items ?? []} loading={list.isPending} />
              </>
            ),
          },
          {
            key: 'stats',
            label: t('partyIntro.tabs.stats'),
            children: <PartyStatsTable unitId={unitId} year={year} />,
          },
        ]}
      />
      {adding && <ResolutionDrawer unitId={unitId} onClose={() => setAdding(false)} />}
    </>
  );
}
