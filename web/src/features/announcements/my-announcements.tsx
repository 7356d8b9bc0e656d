import { Badge, Button, Empty, Flex, Spin, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MyAnnouncement } from '../../../../src/contracts/announcements';
import { PageError } from '../../components/page-error';
import { formatDate } from '../../lib/dates';
import { myAnnouncementsOptions } from './announcement-queries';

const cardStyle = { padding: '10px 12px', border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 8 } as const;

function FeedCard({ item }: { item: MyAnnouncement }) {
  const { t } = useTranslation();
  const unread = !item.readAt;
  return (
    <Flex
      vertical
      gap={2}
      style={{ ...cardStyle, background: unread ? '#f0f7ff' : undefined }}
      data-testid="my-announcement"
    >
      <Flex justify="space-between" align="start" gap={8}>
        <Link
          to="/announcements/$announcementId"
          params={{ announcementId: item.id }}
          style={{ fontWeight: unread ? 600 : 400, overflowWrap: 'anywhere', minWidth: 0 }}
        >
          {item.title}
        </Link>
        {unread && (
          <Badge
            status="processing"
            text={t('announcement.unread')}
            style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
            data-testid="unread-badge"
          />
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {t('announcement.from', { name: item.unitName })} ·{' '}
        {t('announcement.publishedOn', { date: formatDate(item.publishedAt) })}
      </Typography.Text>
    </Flex>
  );
}

/** A member's feed: announcements of their branch and the levels above, unread ones first marked. */
export function MyAnnouncements() {
  const { t } = useTranslation();
  const feed = useInfiniteQuery(myAnnouncementsOptions);
  if (feed.error) return <PageError error={feed.error} onRetry={() => void feed.refetch()} />;
  const rows = feed.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = feed.data?.pages[0]?.unread ?? 0;
  return (
    <Spin spinning={feed.isFetching && !feed.isFetchingNextPage}>
      {unread > 0 && (
        <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
          <Badge count={unread} data-testid="unread-count" />
          <Typography.Text>{t('announcement.unreadCount', { n: unread })}</Typography.Text>
        </Flex>
      )}
      {feed.isPending ? null : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('announcement.myEmpty')} />
      ) : (
        rows.map((r) => <FeedCard key={r.id} item={r} />)
      )}
      {feed.hasNextPage && (
        <Flex justify="center" style={{ paddingBlock: 8 }}>
          <Button onClick={() => void feed.fetchNextPage()} loading={feed.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </Spin>
  );
}
