import { useState } from 'react';
import { Alert, Button, Drawer, Grid, List, Segmented, Tag, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { IndicatorKeyName, IndicatorRow } from '../../../../src/contracts/branch-indicators';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { fetchIndicatorPage, type PeriodQuery } from './indicator-queries';

function RowText({ row, subject }: { row: IndicatorRow; subject: string }) {
  const { t } = useTranslation();
  if (subject === 'member')
    return (
      <>
        {t('indicator.rowMember', { date: row.lastPresentOn ? formatDate(row.lastPresentOn) : t('indicator.never') })}
      </>
    );
  if (subject === 'grassroots')
    return <>{row.pilotName ? t('indicator.rowPilot', { name: row.pilotName }) : t('indicator.rowNoPilot')}</>;
  return (
    <>
      {t('indicator.rowBranch', {
        held: row.heldPeriods,
        required: row.requiredPeriods,
        members: row.members,
        present: row.present,
        expected: row.expected,
        reviewed: row.reviewedMonths,
      })}
    </>
  );
}

/** The rows behind one figure, paginated, with a switch between those counted and the others. */
export function IndicatorDrawer({
  indicator,
  title,
  query,
  onClose,
}: {
  indicator: IndicatorKeyName | null;
  title: string;
  query: PeriodQuery;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [meets, setMeets] = useState(indicator === 'notSeen' || indicator === 'attendance');
  const list = useInfiniteQuery({
    queryKey: ['branch-indicators', 'list', indicator, query, meets],
    queryFn: ({ pageParam }) => fetchIndicatorPage(indicator!, query, meets, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: indicator !== null,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const subject = list.data?.pages[0]?.subject ?? 'branch';
  return (
    <Drawer open={indicator !== null} onClose={onClose} title={title} size={screens.md ? 560 : '100%'} destroyOnHidden>
      <Segmented
        block
        value={meets ? 'in' : 'out'}
        onChange={(v) => setMeets(v === 'in')}
        options={[
          { value: 'in', label: t('indicator.inFigure') },
          { value: 'out', label: t('indicator.outFigure') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <List
        loading={list.isLoading}
        dataSource={items}
        locale={{ emptyText: t('indicator.empty') }}
        data-testid="indicator-list"
        renderItem={(row) => (
          <List.Item
            extra={
              subject === 'branch' ? (
                <Link to="/units/$unitId/branch-book" params={{ unitId: row.id }}>
                  {t('indicator.openBook')}
                </Link>
              ) : undefined
            }
          >
            <List.Item.Meta
              title={
                <span style={{ overflowWrap: 'anywhere' }}>
                  {row.name} {row.remote && <Tag color="blue">{t('indicator.remote')}</Tag>}
                </span>
              }
              description={
                <>
                  {row.parentName && <Typography.Text type="secondary">{row.parentName} · </Typography.Text>}
                  <RowText row={row} subject={subject} />
                </>
              }
            />
          </List.Item>
        )}
      />
      {list.hasNextPage && (
        <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('indicator.loadMore')}
        </Button>
      )}
    </Drawer>
  );
}
