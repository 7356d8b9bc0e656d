import { useState } from 'react';
import { Button, Empty, Flex, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ArrearsItem } from '../../../../src/contracts/fees';
import { PageError } from '../../components/page-error';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { arrearsOptions, money, monthText } from './fees-api';

function Name({ item }: { item: ArrearsItem }) {
  return (
    <Link to="/members/$memberId" params={{ memberId: item.memberId }} style={{ fontWeight: 500 }}>
      {item.fullName}
    </Link>
  );
}

/** Members of the unit's subtree owing fees, by branch and name, page by page. */
export function ArrearsList({ unitId, overdueMonths }: { unitId: string; overdueMonths: number }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [minMonths, setMinMonths] = useState(1);
  const list = useInfiniteQuery(arrearsOptions(unitId, minMonths));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const owed = (i: ArrearsItem) => (
    <Tag color={i.months >= overdueMonths ? 'red' : 'orange'}>
      {t('fee.owedMonths', { n: i.months, amount: money(i.amount) })}
    </Tag>
  );
  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('fee.minMonths')}</Typography.Text>
        <Select<number>
          size="small"
          aria-label={t('fee.minMonths')}
          value={minMonths}
          onChange={setMinMonths}
          style={{ width: 150 }}
          options={[1, 2, 3, 6, 12].map((n) => ({ value: n, label: t('fee.minMonthsOption', { n }) }))}
        />
      </Flex>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fee.noArrears')} />
      ) : isMobile ? (
        <div data-testid="fee-arrears">
          {items.map((i) => (
            <Flex key={i.memberId} vertical gap={2} style={cardStyle}>
              <Name item={i} />
              <Typography.Text type="secondary">
                {i.unitName} · {t('fee.paidUpTo')}: {i.paidUpTo ? monthText(i.paidUpTo) : t('fee.never')}
              </Typography.Text>
              <div>{owed(i)}</div>
            </Flex>
          ))}
        </div>
      ) : (
        <Table<ArrearsItem>
          rowKey="memberId"
          size="small"
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="fee-arrears"
          columns={[
            { key: 'name', title: t('fee.member'), render: (_, i) => <Name item={i} /> },
            { key: 'branch', title: t('fee.branch'), dataIndex: 'unitName' },
            { key: 'class', title: t('fee.rateClass'), render: (_, i) => t(`fee.classes.${i.rateClass}`) },
            {
              key: 'upTo',
              title: t('fee.paidUpTo'),
              render: (_, i) => (i.paidUpTo ? monthText(i.paidUpTo) : t('fee.never')),
            },
            { key: 'from', title: t('fee.owedFrom'), render: (_, i) => monthText(i.from) },
            { key: 'owed', title: t('fee.owed'), render: (_, i) => owed(i) },
          ]}
        />
      )}
      {list.hasNextPage && (
        <Button
          block
          style={{ marginTop: 8 }}
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('fee.more')}
        </Button>
      )}
    </>
  );
}
