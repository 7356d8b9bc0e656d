import { Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CareRecordItem } from '../../../../src/contracts/care';
import { formatDate } from '../../lib/dates';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { formatVnd } from './care-queries';

function Categories({ item }: { item: CareRecordItem }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {item.categories.map((c) => (
        <Tag key={c} style={{ marginInlineEnd: 0 }}>
          {t(`care.categories.${c}`)}
        </Tag>
      ))}
    </Flex>
  );
}

function Who({ item }: { item: CareRecordItem }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t(item.memberId ? 'care.who.member' : 'care.who.youth')}
      {item.birthYear ? ` · ${t('care.list.born', { year: item.birthYear })}` : ''}
      {item.status === 'closed' ? ` · ${t('care.status.closed')}` : ''}
    </Typography.Text>
  );
}

function Next({ item }: { item: CareRecordItem }) {
  if (!item.nextPlanned) return null;
  return (
    <span>
      {formatDate(item.nextPlanned.onDate)}: {item.nextPlanned.description}
    </span>
  );
}

/** The care list: a table on desktop, cards on phones; a click opens the record. */
export function CareList({
  items,
  year,
  onOpen,
  hasMore,
  loadingMore,
  onMore,
}: {
  items: CareRecordItem[];
  year: number;
  onOpen: (id: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const more = hasMore && (
    <Flex justify="center" style={{ marginTop: 8 }}>
      <Button onClick={onMore} loading={loadingMore}>
        {t('common.loadMore')}
      </Button>
    </Flex>
  );
  const given = (i: CareRecordItem) =>
    t('care.list.givenValue', { count: i.given.count, amount: formatVnd(i.given.amount) });
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.list.empty')} />;
  if (isMobile)
    return (
      <div data-testid="care-list">
        {items.map((i) => (
          <Flex
            key={i.id}
            vertical
            gap={4}
            style={{ ...cardStyle, cursor: 'pointer' }}
            onClick={() => onOpen(i.id)}
            data-testid="care-card"
          >
            <Typography.Link strong style={{ overflowWrap: 'anywhere' }}>
              {i.fullName}
            </Typography.Link>
            <Who item={i} />
            <Typography.Text type="secondary">{i.unitName}</Typography.Text>
            <Categories item={i} />
            <Typography.Text style={{ fontSize: 13 }}>
              {t('care.list.given', { year })}: {given(i)}
            </Typography.Text>
            {i.nextPlanned && (
              <Typography.Text style={{ fontSize: 13 }}>
                {t('care.list.next')}: <Next item={i} />
              </Typography.Text>
            )}
          </Flex>
        ))}
        {more}
      </div>
    );
  return (
    <>
      <Table<CareRecordItem>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="care-list"
        onRow={(i) => ({ onClick: () => onOpen(i.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'name',
            title: t('care.list.name'),
            render: (_, i) => (
              <Flex vertical>
                <Typography.Link strong>{i.fullName}</Typography.Link>
                <Who item={i} />
              </Flex>
            ),
          },
          { key: 'unit', title: t('care.list.unit'), dataIndex: 'unitName' },
          { key: 'categories', title: t('care.list.categories'), render: (_, i) => <Categories item={i} /> },
          { key: 'given', title: t('care.list.given', { year }), render: (_, i) => given(i) },
          { key: 'next', title: t('care.list.next'), render: (_, i) => <Next item={i} /> },
        ]}
      />
      {more}
    </>
  );
}
