import { Button, Card, Flex, Grid, Progress, Table, Tag, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitReviews } from '../../../../src/contracts/member-reviews';
import { PageError } from '../../components/page-error';
import { SimpleList } from '../../components/simple-list';
import { unitReviewsOptions } from './review-queries';

type BranchCount = UnitReviews['branches'][number];

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/** The twelve months of a branch's year, the reviewed ones linking to their meeting. */
function BranchMonths({ data }: { data: UnitReviews }) {
  const { t } = useTranslation();
  const byMonth = new Map(data.months.map((m) => [m.period.slice(5, 7), m]));
  return (
    <Flex vertical gap={8}>
      <Typography.Text data-testid="review-months-count">
        {t('review.monthsReviewed', { n: data.months.length })}
      </Typography.Text>
      <Flex wrap gap={6}>
        {MONTHS.map((m) => {
          const reviewed = byMonth.get(m);
          const label = t('review.monthShort', { m: Number(m) });
          return reviewed ? (
            <Link key={m} to="/meetings/$meetingId" params={{ meetingId: reviewed.meetingId }}>
              <Tag color="green">{label}</Tag>
            </Link>
          ) : (
            <Tag key={m}>{label}</Tag>
          );
        })}
      </Flex>
    </Flex>
  );
}

function BranchCounts({ rows, isMobile }: { rows: BranchCount[]; isMobile: boolean }) {
  const { t } = useTranslation();
  const bar = (n: number) => (
    <Progress percent={Math.round((n / 12) * 100)} format={() => `${n}/12`} size="small" style={{ minWidth: 120 }} />
  );
  if (isMobile) {
    return (
      <SimpleList
        header={t('review.branch')}
        items={rows}
        itemKey={(r) => r.unitId}
        empty={t('review.noBranches')}
        renderItem={(r) => (
          <Flex vertical style={{ width: '100%' }}>
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>{r.name}</Typography.Text>
            {bar(r.monthsReviewed)}
          </Flex>
        )}
      />
    );
  }
  return (
    <Table<BranchCount>
      size="small"
      rowKey="unitId"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('review.noBranches') }}
      columns={[
        { title: t('review.branch'), dataIndex: 'name' },
        { title: t('review.reviewedCount'), dataIndex: 'monthsReviewed', width: 260, render: (n: number) => bar(n) },
      ]}
    />
  );
}

/**
 * The "Rà soát" summary of a unit's year: a branch's reviewed months, or for a higher unit each branch with the
 * number of months it reviewed (a page at a time).
 */
export function ReviewMonths({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const query = useInfiniteQuery(unitReviewsOptions(unitId, year));
  if (query.isPending) return <Card loading title={t('review.monthsTitle', { year })} />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const first = query.data.pages[0];
  if (!first) return null;
  const rows = query.data.pages.flatMap((p) => p.branches);
  return (
    <Card title={t('review.monthsTitle', { year })} data-testid="review-months" styles={{ body: { padding: 12 } }}>
      {first.isBranch ? (
        <BranchMonths data={first} />
      ) : (
        <Flex vertical gap={8}>
          <BranchCounts rows={rows} isMobile={!screens.md} />
          <Typography.Text type="secondary">
            {t('common.shownOfTotal', { shown: rows.length, total: first.total })}
          </Typography.Text>
          {query.hasNextPage && (
            <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}
