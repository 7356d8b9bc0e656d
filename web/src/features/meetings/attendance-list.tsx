import { useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Flex, Radio, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MeetingAttendance, RosterEntry } from '../../../../src/contracts/meetings';
import { FormErrorAlert } from '../../components/form-error-alert';
import { formatDateTime } from '../../lib/dates';
import { sendApi } from '../members/member-api';
import { cardStyle } from '../member-exits/procedure-ui';
import { attendanceOptions, useRefreshMeetings } from './meetings-api';

type Status = NonNullable<RosterEntry['status']>;
const STATUSES: Status[] = ['present', 'excused', 'absent'];

/** The roster with one-tap status buttons; only changed rows are sent, all or nothing. */
export function AttendanceList({ meetingId, polling }: { meetingId: string; polling: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshMeetings();
  const roster = useQuery(attendanceOptions(meetingId, polling));
  const [changes, setChanges] = useState<Map<string, Status>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (data: MeetingAttendance) =>
      sendApi<MeetingAttendance>('PUT', `/meetings/${meetingId}/attendance`, {
        version: data.version,
        items: [...changes].map(([memberId, status]) => ({ memberId, status })),
      }),
    onSuccess: async () => {
      setChanges(new Map());
      setError(null);
      await refresh();
      void message.success(t('meeting.roster.saved'));
    },
    onError: setError,
  });
  const data = roster.data;
  const shown = useMemo(
    () => (data?.items ?? []).map((r) => ({ ...r, shown: changes.get(r.memberId) ?? r.status })),
    [data, changes],
  );
  if (!data) return null;
  const set = (memberId: string, status: Status) => setChanges((prev) => new Map(prev).set(memberId, status));
  const allPresent = () =>
    setChanges((prev) => {
      const next = new Map(prev);
      for (const r of data.items) if (!r.status && !next.has(r.memberId)) next.set(r.memberId, 'present');
      return next;
    });
  return (
    <>
      <Typography.Paragraph data-testid="attendance-summary">
        {t('meeting.roster.summary', {
          present: data.presentCount,
          excused: data.excusedCount,
          absent: data.absentCount,
          expected: data.expectedCount || data.items.length,
        })}
      </Typography.Paragraph>
      {!data.open && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('meeting.roster.closedHint')} />}
      <FormErrorAlert error={error} onReload={() => void refresh()} />
      {shown.length === 0 && <Empty description={t('meeting.roster.empty')} />}
      {shown.map((r) => (
        <div key={r.memberId} style={cardStyle} data-testid="roster-row">
          <Flex justify="space-between" align="center" gap={8} wrap>
            <div style={{ minWidth: 0 }}>
              <strong>{r.fullName}</strong> {r.hosted && <Tag color="purple">{t('meeting.roster.hosted')}</Tag>}
              {r.source === 'qr' && r.checkedInAt && (
                <Tag color="cyan">{t('meeting.roster.qr', { time: formatDateTime(r.checkedInAt).slice(11) })}</Tag>
              )}
            </div>
            {data.canWrite ? (
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                value={r.shown ?? undefined}
                onChange={(e) => set(r.memberId, e.target.value as Status)}
                options={STATUSES.map((s) => ({ value: s, label: t(`meeting.roster.${s}`) }))}
                aria-label={r.fullName}
              />
            ) : (
              <Tag>{r.shown ? t(`meeting.roster.${r.shown}`) : t('meeting.roster.none')}</Tag>
            )}
          </Flex>
        </div>
      ))}
      {data.canWrite && shown.length > 0 && (
        <Flex
          gap={8}
          justify="end"
          align="center"
          wrap
          style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '8px 0' }}
        >
          {changes.size > 0 && (
            <Typography.Text type="secondary">{t('meeting.roster.unsaved', { n: changes.size })}</Typography.Text>
          )}
          <Button onClick={allPresent}>{t('meeting.roster.allPresent')}</Button>
          <Button
            type="primary"
            disabled={changes.size === 0}
            loading={save.isPending}
            onClick={() => save.mutate(data)}
          >
            {t('meeting.roster.save')}
          </Button>
        </Flex>
      )}
    </>
  );
}
