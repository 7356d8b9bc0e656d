import { Badge, Button, Flex, Grid, Tabs } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { useCan } from '../auth/current-user';
import { TemporaryTab } from './temporary-tab';
import { TransferList } from './transfer-list';
import { transferSummaryOptions } from './transfer-queries';

/** The tabs of the transfers page. */
export const TRANSFER_TABS = ['outgoing', 'incoming', 'temporary'] as const;
export type TransferTab = (typeof TRANSFER_TABS)[number];

function TabLabel({ label, count, overdue }: { label: string; count: number; overdue: number }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} align="center">
      <span>{label}</span>
      {count > 0 && <Badge count={count} color="blue" size="small" overflowCount={999} />}
      {overdue > 0 && (
        <Badge
          count={overdue}
          size="small"
          overflowCount={999}
          title={t('transfer.overdueCount', { n: overdue })}
          data-testid="overdue-badge"
        />
      )}
    </Flex>
  );
}

/** "Chuyển sinh hoạt": transfers going out, coming in, and temporary participation, with counts and overdue badges. */
export function TransfersPage({ tab, onTab }: { tab: TransferTab; onTab: (tab: TransferTab) => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.md;
  const canWrite = useCan('member.write');
  const { data: summary } = useQuery(transferSummaryOptions);
  return (
    <>
      <PageTitle
        title={t('transfer.title')}
        extra={
          canWrite && (
            <Link to="/transfers/receive">
              <Button type="primary" icon={<ImportOutlined />}>
                {t('transfer.receive.button')}
              </Button>
            </Link>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => onTab(k as TransferTab)}
        destroyOnHidden
        items={[
          {
            key: 'outgoing',
            label: (
              <TabLabel
                label={t('transfer.tabs.outgoing')}
                count={summary?.outgoing.open ?? 0}
                overdue={summary?.outgoing.overdue ?? 0}
              />
            ),
            children: (
              <TransferList base={{ direction: 'outgoing', kinds: ['internal', 'external'] }} isMobile={isMobile} />
            ),
          },
          {
            key: 'incoming',
            label: (
              <TabLabel
                label={t('transfer.tabs.incoming')}
                count={summary?.incoming.open ?? 0}
                overdue={summary?.incoming.overdue ?? 0}
              />
            ),
            children: (
              <TransferList base={{ direction: 'incoming', kinds: ['internal', 'external'] }} isMobile={isMobile} />
            ),
          },
          {
            key: 'temporary',
            label: (
              <TabLabel
                label={t('transfer.tabs.temporary')}
                count={(summary?.temporary.hosted ?? 0) + (summary?.temporary.pending ?? 0)}
                overdue={0}
              />
            ),
            children: <TemporaryTab isMobile={isMobile} />,
          },
        ]}
      />
    </>
  );
}

/** The tab of the transfers page kept in the address (`?tab=incoming`). */
export function parseTransferSearch(search: Record<string, unknown>): { tab?: TransferTab } {
  return TRANSFER_TABS.includes(search.tab as TransferTab) ? { tab: search.tab as TransferTab } : {};
}
