import { useState, type ReactNode } from 'react';
import { Badge, Button, Calendar, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarItem } from '../../../../src/contracts/meetings';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { formatDate } from '../../lib/dates';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { calendarOptions } from './meetings-api';
import { MeetingStatusTag } from './meeting-tags';

const STATUS_BADGE = { planned: 'processing', held: 'success', cancelled: 'default' } as const;

function ItemLink({ item, children }: { item: CalendarItem; children: ReactNode }) {
  if (item.reason === 'member' || item.reason === 'hosted') return <>{children}</>;
  return (
    <Link to="/meetings/$meetingId" params={{ meetingId: item.id }}>
      {children}
    </Link>
  );
}

function MonthList({ items }: { items: CalendarItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty description={t('meeting.calendar.empty')} />;
  return (
    <div data-testid="calendar-list">
      {items.map((i) => (
        <div key={i.id} style={cardStyle}>
          <Flex justify="space-between" gap={8} align="center">
            <ItemLink item={i}>
              <strong>{formatDate(i.date)}</strong>
              {i.startsAt ? ` · ${i.startsAt}` : ''}
            </ItemLink>
            <MeetingStatusTag status={i.status} />
          </Flex>
          <div>{i.unitName}</div>
          <Typography.Text type="secondary">{i.topic ?? t(`meeting.forms.${i.form}`)}</Typography.Text>
          <div>
            <Tag>{t(`meeting.calendar.reasons.${i.reason}`)}</Tag>
            {i.place && <Typography.Text type="secondary">{i.place}</Typography.Text>}
          </div>
        </div>
      ))}
    </div>
  );
}

/** Meetings the account is invited to, its own branch’s and those of the branches it serves: a month view. */
export function CalendarPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [month, setMonth] = useState<Dayjs>(dayjs().startOf('month'));
  const from = month
    .startOf('month')
    .subtract(isMobile ? 0 : 7, 'day')
    .format('YYYY-MM-DD');
  const to = month
    .endOf('month')
    .add(isMobile ? 0 : 14, 'day')
    .format('YYYY-MM-DD');
  const query = useQuery(calendarOptions(from, to));
  const items = query.data?.items ?? [];
  const byDay = new Map<string, CalendarItem[]>();
  for (const i of items) byDay.set(i.date, [...(byDay.get(i.date) ?? []), i]);
  const header = (
    <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
      <Button
        icon={<LeftOutlined />}
        aria-label={t('meeting.calendar.prev')}
        onClick={() => setMonth(month.subtract(1, 'month'))}
      />
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="calendar-month">
        {month.format('MM/YYYY')}
      </Typography.Title>
      <Button
        icon={<RightOutlined />}
        aria-label={t('meeting.calendar.next')}
        onClick={() => setMonth(month.add(1, 'month'))}
      />
    </Flex>
  );
  return (
    <>
      <PageTitle title={t('meeting.calendar.title')} />
      {header}
      {query.error ? (
        <PageError error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Skeleton active />
      ) : isMobile ? (
        <MonthList items={items.filter((i) => i.date.startsWith(month.format('YYYY-MM')))} />
      ) : (
        <Calendar
          value={month}
          headerRender={() => null}
          onPanelChange={(d) => setMonth(d.startOf('month'))}
          cellRender={(d, info) => {
            if (info.type !== 'date') return info.originNode;
            return (
              <>
                {(byDay.get(d.format('YYYY-MM-DD')) ?? []).map((i) => (
                  <div key={i.id} style={{ fontSize: 12, lineHeight: 1.3, marginBottom: 2 }}>
                    <ItemLink item={i}>
                      <Badge status={STATUS_BADGE[i.status]} text={`${i.startsAt ?? ''} ${i.unitName}`} />
                    </ItemLink>
                  </div>
                ))}
              </>
            );
          }}
        />
      )}
    </>
  );
}
