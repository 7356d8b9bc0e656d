import { Button, Empty, Flex, Progress, Segmented, Spin, Table, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnouncementSummary } from '../../../../src/contracts/announcements';
import { PageError } from '../../components/page-error';
import { formatDate } from '../../lib/dates';
import { announcementListOptions } from './announcement-queries';
import { AnnouncementStatusTag, DirectionTag } from './announcement-tags';

type Filter = 'all' | 'sent' | 'received';
const cardStyle = { padding: '10px 12px', border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 8 } as const;

function TitleLink({ item }: { item: AnnouncementSummary }) {
  return (
    <Link
      to="/announcements/$announcementId"
      params={{ announcementId: item.id }}
      style={{ fontWeight: 500, overflowWrap: 'anywhere' }}
    >
      {item.title}
    </Link>
  );
}

/** When it was published, or written for a draft. */
function useWhen() {
  const { t } = useTranslation();
  return (i: AnnouncementSummary) =>
    i.publishedAt
      ? t('announcement.publishedOn', { date: formatDate(i.publishedAt) })
      : t('announcement.createdOn', { date: formatDate(i.createdAt) });
}

/** The read share as a small progress bar with "read/audience". */
export function ReadShare({ read, audience, percent }: { read: number; audience: number; percent: number }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={0} style={{ minWidth: 120 }}>
      <Progress percent={percent} size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('announcement.readShare', { read, audience })}
      </Typography.Text>
    </Flex>
  );
}

function AnnouncementCard({ item }: { item: AnnouncementSummary }) {
  const { t } = useTranslation();
  const when = useWhen();
  return (
    <Flex vertical gap={4} style={cardStyle} data-testid="announcement-card">
      <TitleLink item={item} />
      <Flex wrap gap={4}>
        <DirectionTag direction={item.direction} />
        <AnnouncementStatusTag status={item.status} />
      </Flex>
      <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {t('announcement.from', { name: item.unitName })} · {when(item)}
      </Typography.Text>
      {item.status !== 'draft' && <ReadShare {...item} />}
    </Flex>
  );
}

/** A unit's announcements, sent and received: a table on desktop, cards on phones, "Xem thêm" for more. */
export function AnnouncementList({ unitId, isMobile }: { unitId: string; isMobile: boolean }) {
  const { t } = useTranslation();
  const when = useWhen();
  const [filter, setFilter] = useState<Filter>('all');
  const list = useInfiniteQuery(announcementListOptions(unitId));
  if (list.error) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = (list.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (r) => filter === 'all' || r.direction === filter,
  );
  const toolbar = (
    <Segmented<Filter>
      value={filter}
      onChange={setFilter}
      style={{ marginBottom: 8 }}
      options={(['all', 'sent', 'received'] as const).map((k) => ({ value: k, label: t(`announcement.filter.${k}`) }))}
    />
  );
  const more = list.hasNextPage && (
    <Flex justify="center" style={{ paddingBlock: 8 }}>
      <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
        {t('common.loadMore')}
      </Button>
    </Flex>
  );
  if (isMobile)
    return (
      <>
        {toolbar}
        <Spin spinning={list.isFetching && !list.isFetchingNextPage}>
          <div data-testid="announcement-cards">
            {list.isPending ? null : rows.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('announcement.empty')} />
            ) : (
              rows.map((r) => <AnnouncementCard key={r.id} item={r} />)
            )}
          </div>
          {more}
        </Spin>
      </>
    );
  return (
    <>
      {toolbar}
      <Table<AnnouncementSummary>
        rowKey="id"
        size="small"
        loading={list.isFetching && !list.isFetchingNextPage}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('announcement.empty') }}
        data-testid="announcement-table"
        columns={[
          { title: t('announcement.fields.title'), key: 'title', render: (_, r) => <TitleLink item={r} /> },
          { title: t('announcement.fields.unit'), dataIndex: 'unitName', width: 200 },
          {
            title: '',
            key: 'tags',
            width: 180,
            render: (_, r) => (
              <Flex wrap gap={4}>
                <DirectionTag direction={r.direction} />
                <AnnouncementStatusTag status={r.status} />
              </Flex>
            ),
          },
          { title: '', key: 'when', width: 170, render: (_, r) => when(r) },
          {
            title: t('announcement.reads.title'),
            key: 'reads',
            width: 170,
            render: (_, r) => (r.status === 'draft' ? null : <ReadShare {...r} />),
          },
        ]}
      />
      {more}
    </>
  );
}
