import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BranchFeeRow, UnitFees } from '../../../../src/contracts/fees';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { FeeTotalsCard } from './branch-fees';
import { branchPagesOptions, money } from './fees-api';

/** A unit above branches: totals and one row per branch (keyset pages by name), each opening the branch. */
export function UnitFeesView({ data, onOpen }: { data: UnitFees; onOpen: (unitId: string) => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const more = useInfiniteQuery(branchPagesOptions(data.unit.id, data.year, data.branches));
  const rows = [...data.branches.items, ...(more.data?.pages.flatMap((p) => p.items) ?? [])];
  const hasMore = more.data ? more.hasNextPage : Boolean(data.branches.next);
  const overdueTitle = t('fee.overdueCount', { n: data.rates.overdueMonths });
  const open = (r: BranchFeeRow) => (
    <Button size="small" onClick={() => onOpen(r.unitId)}>
      {t('fee.open')}
    </Button>
  );
  return (
    <>
      <FeeTotalsCard data={data} />
      <Typography.Text type="secondary">
        {t('fee.branchesCount', { n: data.branches.total ?? rows.length })}
      </Typography.Text>
      {isMobile ? (
        <div data-testid="fee-branches" style={{ marginTop: 8 }}>
          {rows.map((r) => (
            <Flex key={r.unitId} vertical gap={2} style={cardStyle}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                  {r.name}
                </Typography.Text>
                {open(r)}
              </Flex>
              {r.parentName && <Typography.Text type="secondary">{r.parentName}</Typography.Text>}
              <Typography.Text>
                {t('fee.membersCount')}: {r.members} · {money(r.collected)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('fee.passedUp')}: {money(r.passedUp)}
              </Typography.Text>
              {r.overdue > 0 && (
                <div>
                  <Tag color="red">
                    {overdueTitle}: {r.overdue}
                  </Tag>
                </div>
              )}
            </Flex>
          ))}
        </div>
      ) : (
        <Table<BranchFeeRow>
          rowKey="unitId"
          size="small"
          style={{ marginTop: 8 }}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="fee-branches"
          columns={[
            {
              key: 'name',
              title: t('fee.branch'),
              render: (_, r) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(r.unitId)}>
                  {r.name}
                </Button>
              ),
            },
            { key: 'parent', title: t('fee.parent'), dataIndex: 'parentName' },
            { key: 'members', title: t('fee.membersCount'), dataIndex: 'members', align: 'right' },
            {
              key: 'collected',
              title: t('fee.collected', { year: data.year }),
              align: 'right',
              render: (_, r) => money(r.collected),
            },
            {
              key: 'kept',
              title: t('fee.kept', { percent: data.rates.branchKeepsPercent }),
              align: 'right',
              render: (_, r) => money(r.kept),
            },
            { key: 'passedUp', title: t('fee.passedUp'), align: 'right', render: (_, r) => money(r.passedUp) },
            {
              key: 'overdue',
              title: overdueTitle,
              align: 'right',
              render: (_, r) => (r.overdue > 0 ? <Tag color="red">{r.overdue}</Tag> : 0),
            },
          ]}
        />
      )}
      {hasMore && (
        <Button block style={{ marginTop: 8 }} loading={more.isFetching} onClick={() => void more.fetchNextPage()}>
          {t('fee.more')}
        </Button>
      )}
    </>
  );
}
