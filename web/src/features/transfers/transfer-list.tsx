import { useState } from 'react';
import { Button, Checkbox, Empty, Flex, Select, Spin, Table, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TransferListItem } from '../../../../src/contracts/transfers';
import type { TransferStatus } from '../../../../src/domain/workflows/transfer';
import { PageError } from '../../components/page-error';
import { formatDate } from '../../lib/dates';
import { transferListOptions, type TransferListFilter } from './transfer-queries';
import { TransferStatusTags } from './transfer-tags';

const dash = '—';
const cardStyle = { padding: '10px 12px', border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 8 } as const;
type Choice = 'open' | 'all' | 'accepted' | 'returned' | 'cancelled';
const STATUS_CHOICES: Record<Choice, TransferStatus[] | undefined> = {
  open: ['draft', 'sent'],
  all: undefined,
  accepted: ['accepted'],
  returned: ['returned'],
  cancelled: ['cancelled'],
};

/** Where the transfer comes from and goes to, as one line each. */
export function useTransferPlaces() {
  const { t } = useTranslation();
  return {
    from: (i: TransferListItem) => [i.fromUnit?.name, i.fromGrassroots?.name].filter(Boolean).join(', ') || dash,
    to: (i: TransferListItem) =>
      [i.toUnit?.name, i.toGrassroots?.name].filter(Boolean).join(', ') ||
      i.destinationText ||
      t('transfer.notAddressed'),
  };
}

function CodeLink({ item }: { item: TransferListItem }) {
  return (
    <Link to="/transfers/$transferId" params={{ transferId: item.id }} style={{ fontWeight: 500 }}>
      {item.memberName}
    </Link>
  );
}

function TransferCard({ item }: { item: TransferListItem }) {
  const { t } = useTranslation();
  const places = useTransferPlaces();
  return (
    <Flex vertical gap={2} style={cardStyle} data-testid="transfer-card">
      <Flex justify="space-between" align="start" gap={8}>
        <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          <CodeLink item={item} />
        </span>
        <TransferStatusTags kind={item.kind} status={item.status} overdue={item.overdue} />
      </Flex>
      <Typography.Text type="secondary">{item.code}</Typography.Text>
      <Typography.Text
        style={{ overflowWrap: 'anywhere' }}
      >{`${t('transfer.fields.from')}: ${places.from(item)}`}</Typography.Text>
      <Typography.Text
        style={{ overflowWrap: 'anywhere' }}
      >{`${t('transfer.fields.to')}: ${places.to(item)}`}</Typography.Text>
      {item.dueOn && item.status === 'sent' && (
        <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>
          {`${t('transfer.fields.dueOn')}: ${formatDate(item.dueOn)}`}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A list of transfers with a status filter and "Chỉ quá hạn": a table on desktop, cards on phones. */
export function TransferList({
  base,
  isMobile,
  initialChoice = 'open',
}: {
  base: TransferListFilter;
  isMobile: boolean;
  /** The status filter shown first: open (draft, sent), all, accepted, returned, cancelled. */
  initialChoice?: Choice;
}) {
  const { t } = useTranslation();
  const places = useTransferPlaces();
  const [choice, setChoice] = useState(initialChoice);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const filter: TransferListFilter = {
    ...base,
    status: STATUS_CHOICES[choice],
    overdue: overdueOnly ? true : undefined,
  };
  const list = useInfiniteQuery(transferListOptions(filter));
  if (list.error) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;

  const toolbar = (
    <Flex wrap gap={12} align="center" style={{ marginBottom: 8 }}>
      <Select
        aria-label={t('transfer.list.filterStatus')}
        value={choice}
        onChange={setChoice}
        style={{ minWidth: 180 }}
        options={(Object.keys(STATUS_CHOICES) as Choice[]).map((k) => ({
          value: k,
          label: t(`transfer.list.choices.${k}`),
        }))}
      />
      {base.kinds.includes('external') && (
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
          {t('transfer.list.onlyOverdue')}
        </Checkbox>
      )}
    </Flex>
  );
  const footer = (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ paddingBlock: 8 }}>
      <Typography.Text strong data-testid="transfer-total">
        {t('transfer.list.total', { n: total ?? dash })}
      </Typography.Text>
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );

  if (isMobile) {
    return (
      <>
        {toolbar}
        <Spin spinning={list.isFetching && !list.isFetchingNextPage}>
          <div data-testid="transfer-cards">
            {list.isPending ? null : rows.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfer.list.empty')} />
            ) : (
              rows.map((r) => <TransferCard key={r.id} item={r} />)
            )}
          </div>
          {footer}
        </Spin>
      </>
    );
  }
  return (
    <>
      {toolbar}
      <Table<TransferListItem>
        rowKey="id"
        size="small"
        loading={list.isFetching && !list.isFetchingNextPage}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('transfer.list.empty') }}
        data-testid="transfer-table"
        footer={() => footer}
        columns={[
          {
            key: 'member',
            title: t('transfer.fields.member'),
            render: (_, r) => (
              <Flex vertical>
                <CodeLink item={r} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {`${r.code} · ${t(`transfer.kinds.${r.kind}`)}`}
                </Typography.Text>
              </Flex>
            ),
          },
          { key: 'from', title: t('transfer.fields.from'), render: (_, r) => r.fromUnit?.name ?? dash },
          { key: 'to', title: t('transfer.fields.to'), render: (_, r) => places.to(r) },
          {
            key: 'dates',
            title: `${t('transfer.fields.sentOn')} / ${t('transfer.fields.dueOn')}`,
            width: 130,
            render: (_, r) =>
              r.sentOn ? (
                <Flex vertical>
                  <span>{formatDate(r.sentOn)}</span>
                  {r.dueOn && (
                    <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>{formatDate(r.dueOn)}</Typography.Text>
                  )}
                </Flex>
              ) : (
                dash
              ),
          },
          {
            key: 'status',
            title: t('transfer.fields.status'),
            width: 150,
            render: (_, r) => <TransferStatusTags kind={r.kind} status={r.status} overdue={r.overdue} />,
          },
        ]}
      />
    </>
  );
}
