import { useState } from 'react';
import { App, Button, Empty, Flex, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, MeetingInvitation } from '../../../../src/contracts/meetings';
import { api, errorMessage } from '../../lib/api';
import { invitableOptions, useRefreshMeetings } from './meetings-api';

/** The superior cadres invited to a meeting; the branch may invite or withdraw. */
export function InvitationsPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshMeetings();
  const editable = meeting.canWrite && meeting.status !== 'cancelled';
  const invitable = useQuery(invitableOptions(meeting.id, editable));
  const [chosen, setChosen] = useState<string | undefined>();
  const done = (text: string) => async () => {
    setChosen(undefined);
    await refresh();
    void message.success(text);
  };
  const invite = useMutation({
    mutationFn: (userId: string) => api.post<MeetingInvitation[]>(`/meetings/${meeting.id}/invitations`, { userId }),
    onSuccess: done(t('meeting.invite.added')),
    onError: (e) => void message.error(errorMessage(e)),
  });
  const withdraw = useMutation({
    mutationFn: (userId: string) => api.delete<MeetingInvitation[]>(`/meetings/${meeting.id}/invitations/${userId}`),
    onSuccess: done(t('meeting.invite.removed')),
    onError: (e) => void message.error(errorMessage(e)),
  });
  const options = (invitable.data?.items ?? [])
    .filter((c) => !c.invited)
    .map((c) => ({ value: c.userId, label: `${c.name} (${c.unitName})` }));
  return (
    <>
      {meeting.invitations.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meeting.invite.empty')} />
      )}
      {meeting.invitations.map((i) => (
        <Flex key={i.userId} justify="space-between" align="center" gap={8} style={{ padding: '6px 0' }}>
          <div style={{ minWidth: 0 }}>
            <strong>{i.name}</strong> <Typography.Text type="secondary">· {i.unitName}</Typography.Text>
          </div>
          {editable && (
            <Button size="small" loading={withdraw.isPending} onClick={() => withdraw.mutate(i.userId)}>
              {t('meeting.invite.remove')}
            </Button>
          )}
        </Flex>
      ))}
      {editable && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Select
            style={{ flex: 1, minWidth: 0 }}
            showSearch
            optionFilterProp="label"
            placeholder={t('meeting.invite.choose')}
            aria-label={t('meeting.invite.choose')}
            value={chosen}
            onChange={setChosen}
            options={options}
            loading={invitable.isLoading}
          />
          <Button
            type="primary"
            disabled={!chosen}
            loading={invite.isPending}
            onClick={() => chosen && invite.mutate(chosen)}
          >
            {t('meeting.invite.add')}
          </Button>
        </Flex>
      )}
    </>
  );
}
