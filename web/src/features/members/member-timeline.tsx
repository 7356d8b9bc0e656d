import { Empty, Flex, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../../src/contracts/members';
import { GENDERS, MEMBER_STATUSES } from '../../../../src/domain/members/reference-lists';
import { formatDate } from '../../lib/dates';
import { unitDetailOptions } from '../units/unit-queries';
import { useMemberLabels, type MemberFieldKey } from './member-labels';
import { vi } from '../../i18n/vi';

type MemberEvent = MemberDetail['events'][number];
type Values = Record<string, unknown>;

const COLORS: Record<string, string> = {
  registered: 'green',
  branch_change: 'blue',
  status_change: 'orange',
  identity_change: 'red',
};
const DATE_KEYS = new Set(['birthDate', 'cardIssuedOn', 'awaySince', 'joinedOn', 'partyJoinedOn']);
const FIELD_KEYS = new Set(Object.keys(vi.member.fields));

const asValues = (v: unknown): Values =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Values) : {};

/** A unit's name from its id (the events keep ids); a placeholder when it is not readable. */
function UnitName({ id, fallback }: { id: string; fallback: string }) {
  const { data } = useQuery({ ...unitDetailOptions(id), retry: false });
  return <>{data?.name ?? fallback}</>;
}

function Value({ field, value, unitFallback }: { field: string; value: unknown; unitFallback: string }) {
  const labels = useMemberLabels();
  if (value === null || value === undefined || value === '') return <>—</>;
  const text = String(value);
  if (field === 'unitId') return <UnitName id={text} fallback={unitFallback} />;
  if (field === 'status' && (MEMBER_STATUSES as readonly string[]).includes(text))
    return <>{labels.status(text as (typeof MEMBER_STATUSES)[number])}</>;
  if (field === 'gender' && (GENDERS as readonly string[]).includes(text))
    return <>{labels.gender(text as (typeof GENDERS)[number])}</>;
  if (DATE_KEYS.has(field)) return <>{formatDate(text)}</>;
  return <>{text}</>;
}

function EventBody({ event }: { event: MemberEvent }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const before = asValues(event.before);
  const after = asValues(event.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (f) => f !== 'memberId' && !(event.kind === 'registered' && f === 'unitId'),
  );
  const name = (f: string) => (FIELD_KEYS.has(f) ? labels.field(f as MemberFieldKey) : f);
  return (
    <Flex vertical gap={2} data-testid="member-event">
      <Typography.Text type="secondary">{formatDate(event.onDate)}</Typography.Text>
      <Typography.Text strong>
        {labels.event(event.kind)}
        {event.unitName && (
          <Typography.Text type="secondary"> {t('member.profile.eventAt', { unit: event.unitName })}</Typography.Text>
        )}
      </Typography.Text>
      {fields.map((f) => (
        <Typography.Text key={f} style={{ overflowWrap: 'anywhere' }}>
          {name(f)}:{' '}
          {event.kind !== 'registered' && (
            <>
              <Value field={f} value={before[f]} unitFallback={t('member.profile.previousUnit')} /> →{' '}
            </>
          )}
          <Value field={f} value={after[f]} unitFallback={event.unitName ?? '—'} />
        </Typography.Text>
      ))}
      {event.note && <Typography.Text type="secondary">{event.note}</Typography.Text>}
    </Flex>
  );
}

/** "Quá trình": the member's dated events, newest first. */
export function MemberTimeline({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  if (member.events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.profile.noEvents')} />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      data-testid="member-timeline"
      items={member.events.map((e) => ({
        key: e.id,
        color: COLORS[e.kind] ?? 'gray',
        content: <EventBody event={e} />,
      }))}
    />
  );
}
