import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BranchMeetingRow, MeetingList, MeetingSummary } from '../../../../src/contracts/meetings';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { api, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useCan, useCurrentUser } from '../auth/current-user';
import type { UnitYearSearch } from '../member-exits/procedure-search';
import { cardStyle, UnitYearBar, useIsMobile } from '../member-exits/procedure-ui';
import { unitDetailOptions } from '../units/unit-queries';
import { AddMeetingModal } from './add-meeting-modal';
import { MeetingStatusTag, periodLabel } from './meeting-tags';
import { meetingListOptions, useRefreshMeetings } from './meetings-api';
import { periodStart } from '../../../../src/domain/branch-life/months';
import { ReviewMonths } from '../member-reviews/review-months';

type BranchList = Extract<MeetingList, { kind: 'branch' }>;
type UnitsList = Extract<MeetingList, { kind: 'units' }>;

const PLAN_DAY = 15;

function MeetingLink({ m, children }: { m: MeetingSummary; children: ReactNode }) {
  return (
    <Link to="/meetings/$meetingId" params={{ meetingId: m.id }} data-testid="meeting-link">
      {children}
    </Link>
  );
}

function Attendance({ m }: { m: MeetingSummary }) {
  const { t } = useTranslation();
  if (m.status !== 'held') return null;
  return <span>{t('meeting.counts', { present: m.presentCount, expected: m.expectedCount })}</span>;
}

function PlanButton({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const refresh = useRefreshMeetings();
  const plan = useMutation({
    mutationFn: () => api.post<MeetingList>(`/units/${unitId}/meeting-plan`, { year, dayOfMonth: PLAN_DAY }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('meeting.planned', { year }));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Button
      type="primary"
      icon={<CalendarOutlined />}
      loading={plan.isPending}
      onClick={() =>
        modal.confirm({
          title: t('meeting.planConfirm', { year }),
          content: t('meeting.planHint', { day: PLAN_DAY }),
          okText: t('meeting.plan'),
          cancelText: t('common.cancel'),
          onOk: () => plan.mutateAsync(),
        })
      }
    >
      {t('meeting.plan')}
    </Button>
  );
}

function BranchYear({ data }: { data: BranchList }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [adding, setAdding] = useState(false);
  const covered = new Set(
    data.items.filter((m) => m.status !== 'cancelled').map((m) => periodStart(m.period, data.everyMonths)),
  );
  const current = new Date().toISOString().slice(0, 7);
  const missing = data.periods.filter((p) => p < current && !covered.has(p));
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Tag color={data.remote ? 'orange' : 'default'}>
          {data.remote ? t('meeting.everyQuarter') : t('meeting.everyMonth')}
        </Tag>
        <span style={{ flex: 1 }} />
        {data.canWrite && <PlanButton unitId={data.unitId} year={data.year} />}
        {data.canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('meeting.add')}
          </Button>
        )}
      </Flex>
      {data.closed && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('meeting.closed')} />}
      {missing.map((p) => (
        <Alert
          key={p}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('meeting.missing', { period: periodLabel(p) })}
        />
      ))}
      {data.items.length === 0 ? (
        <Empty description={t('meeting.empty')} />
      ) : isMobile ? (
        <div data-testid="meeting-cards">
          {data.items.map((m) => (
            <div key={m.id} style={cardStyle}>
              <Flex justify="space-between" align="center" gap={8}>
                <MeetingLink m={m}>
                  <strong>{periodLabel(m.period)}</strong> · {formatDate(m.heldOn ?? m.plannedOn)}
                </MeetingLink>
                <MeetingStatusTag status={m.status} />
              </Flex>
              <Typography.Text type="secondary">{m.topic ?? t(`meeting.forms.${m.form}`)}</Typography.Text>
              <div>
                <Attendance m={m} />
              </div>
            </div>
          ))}
        </div>
      ) : (
        <Table<MeetingSummary>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={data.items}
          columns={[
            { title: t('meeting.period'), dataIndex: 'period', render: (p: string) => periodLabel(p), width: 100 },
            {
              title: t('meeting.date'),
              render: (_v, m) => (
                <MeetingLink m={m}>{formatDate(m.heldOn ?? m.plannedOn) || t('meeting.open')}</MeetingLink>
              ),
              width: 120,
            },
            { title: t('meeting.status'), render: (_v, m) => <MeetingStatusTag status={m.status} />, width: 120 },
            { title: t('meeting.form'), render: (_v, m) => t(`meeting.forms.${m.form}`) },
            { title: t('meeting.topic'), dataIndex: 'topic', ellipsis: true },
            { title: t('meeting.attendance'), render: (_v, m) => <Attendance m={m} />, width: 140 },
          ]}
        />
      )}
      {adding && <AddMeetingModal unitId={data.unitId} year={data.year} onClose={() => setAdding(false)} />}
    </>
  );
}

function Branches({
  first,
  unitId,
  year,
  onOpen,
}: {
  first: UnitsList;
  unitId: string;
  year: number;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const pages = useInfiniteQuery({
    queryKey: ['meetings', 'branches', unitId, year],
    queryFn: ({ pageParam }) => api.get<MeetingList>('/meetings', { unitId, year, after: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    initialData: { pages: [first], pageParams: [undefined] },
    getNextPageParam: (last) => (last.kind === 'units' ? (last.next ?? undefined) : undefined),
  });
  const rows = (pages.data?.pages ?? []).flatMap((p) => (p.kind === 'units' ? p.items : []));
  const name = (r: BranchMeetingRow) => (
    <Button
      type="link"
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
      onClick={() => onOpen(r.unitId)}
    >
      {r.unitName}
    </Button>
  );
  const rate = (r: BranchMeetingRow) => (r.averageAttendance === null ? '—' : `${r.averageAttendance}%`);
  const heldTag = (r: BranchMeetingRow) => (
    <Tag color={r.held >= r.required ? 'green' : 'red'}>
      {r.held}/{r.required}
    </Tag>
  );
  return (
    <>
      <Typography.Paragraph type="secondary">{t('meeting.branches.total', { n: first.total })}</Typography.Paragraph>
      {rows.length === 0 ? (
        <Empty description={t('meeting.branches.empty')} />
      ) : isMobile ? (
        rows.map((r) => (
          <div key={r.unitId} style={cardStyle}>
            <Flex justify="space-between" gap={8} align="start">
              {name(r)}
              {heldTag(r)}
            </Flex>
            <Typography.Text type="secondary">
              {r.parentName} · {t('meeting.branches.lastHeld')}: {formatDate(r.lastHeldOn) || '—'} · {rate(r)}
            </Typography.Text>
          </div>
        ))
      ) : (
        <Table<BranchMeetingRow>
          rowKey="unitId"
          size="middle"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('meeting.branches.name'), render: (_v, r) => name(r) },
            { title: t('meeting.branches.parent'), dataIndex: 'parentName' },
            { title: t('meeting.branches.held'), render: (_v, r) => heldTag(r), width: 100 },
            { title: t('meeting.branches.planned'), dataIndex: 'planned', width: 100 },
            { title: t('meeting.branches.lastHeld'), render: (_v, r) => formatDate(r.lastHeldOn), width: 150 },
            { title: t('meeting.branches.average'), render: (_v, r) => rate(r), width: 130 },
          ]}
        />
      )}
      {pages.hasNextPage && (
        <Button
          block
          style={{ marginTop: 12 }}
          loading={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {t('meeting.branches.more')}
        </Button>
      )}
    </>
  );
}

/** "Sinh hoạt chi đoàn": a branch's year plan and meetings, or a higher unit's branches with drill-down. */
export function MeetingsPage({
  search,
  onSearch,
}: {
  search: UnitYearSearch;
  onSearch: (next: UnitYearSearch) => void;
}) {
  const { t } = useTranslation();
  const canRead = useCan('member.read');
  const firstRoot = useCurrentUser().scopeRoots[0];
  const unitId = search.unitId ?? firstRoot?.id ?? '';
  const year = search.year ?? new Date().getFullYear();
  const unit = useQuery({ ...unitDetailOptions(unitId), enabled: canRead && Boolean(unitId) });
  const list = useQuery({ ...meetingListOptions(unitId, year), enabled: canRead && Boolean(unitId) });
  if (!canRead) return <Forbidden />;
  const data = list.data;
  return (
    <>
      <PageTitle title={t('meeting.title')} />
      <UnitYearBar
        unitName={unit.data?.name}
        onUnit={(id) => onSearch({ ...search, unitId: id })}
        year={year}
        onYear={(y) => onSearch({ ...search, year: y })}
      />
      {unit.data && (
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="meetings-unit">
          {unit.data.name}
        </Typography.Title>
      )}
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : data.kind === 'branch' ? (
        <BranchYear data={data} />
      ) : (
        <Branches
          key={`${unitId}-${year}`}
          first={data}
          unitId={unitId}
          year={year}
          onOpen={(id) => onSearch({ ...search, unitId: id })}
        />
      )}
      {data && (
        <div style={{ marginTop: 16 }}>
          <ReviewMonths key={`${unitId}-${year}`} unitId={unitId} year={year} />
        </div>
      )}
    </>
  );
}
