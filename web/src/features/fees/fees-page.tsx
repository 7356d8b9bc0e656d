import { Button, Skeleton, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { useCan, useCurrentUser } from '../auth/current-user';
import type { UnitYearSearch } from '../member-exits/procedure-search';
import { UnitYearBar } from '../member-exits/procedure-ui';
import { ArrearsList } from './arrears-list';
import { BranchFeesView } from './branch-fees';
import { feesOptions, ledgerUrl } from './fees-api';
import { UnitFeesView } from './unit-fees';

/** Fee collection, arrears and ledger of a branch; per-branch totals of a higher unit. */
export function FeesPage({ search, onSearch }: { search: UnitYearSearch; onSearch: (next: UnitYearSearch) => void }) {
  const { t } = useTranslation();
  const canRead = useCan('member.read');
  const firstRoot = useCurrentUser().scopeRoots[0];
  const unitId = search.unitId ?? firstRoot?.id ?? '';
  const year = search.year ?? new Date().getFullYear();
  const tab = search.tab ?? 'grid';
  const view = useQuery({ ...feesOptions(unitId, year), enabled: canRead && Boolean(unitId) });
  if (!canRead) return <Forbidden />;
  const data = view.data;
  const ledger = (
    <Button icon={<DownloadOutlined />} href={ledgerUrl(unitId, year)} disabled={!unitId} data-testid="fee-ledger">
      {t('fee.ledger')}
    </Button>
  );
  return (
    <>
      <PageTitle title={t('fee.title')} />
      <Typography.Paragraph type="secondary">{t('fee.hint')}</Typography.Paragraph>
      <UnitYearBar
        unitName={data?.unit.name}
        onUnit={(id) => onSearch({ ...search, unitId: id, tab: undefined })}
        year={year}
        onYear={(y) => onSearch({ ...search, year: y })}
        extra={ledger}
      />
      {data && (
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="fee-unit">
          {data.unit.name}
        </Typography.Title>
      )}
      {view.error ? (
        <PageError error={view.error} onRetry={() => void view.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(next) => onSearch({ ...search, tab: next })}
          items={[
            {
              key: 'grid',
              label: t('fee.tabs.grid'),
              children:
                data.kind === 'branch' ? (
                  <BranchFeesView key={`${unitId}-${year}`} data={data} />
                ) : (
                  <UnitFeesView data={data} onOpen={(id) => onSearch({ ...search, unitId: id, tab: undefined })} />
                ),
            },
            {
              key: 'arrears',
              label: t('fee.tabs.arrears'),
              children: <ArrearsList unitId={unitId} overdueMonths={data.rates.overdueMonths} />,
            },
          ]}
        />
      )}
    </>
  );
}
