import { App, Button, Card, Flex, Timeline, Typography } from 'antd';
import { UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../src/contracts/evaluations';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { useCurrentUser } from '../auth/current-user';
import { useRefreshEvaluations } from './evaluation-api';
import { eventLabel, STATUSES, statusLabel, STEPS, stepLabel } from './evaluation-labels';

type Event = EvaluationDetail['events'][number];

/** A state as recorded: "ready", or "selfAssessment.submitted" with its step. */
function statusName(t: Parameters<typeof statusLabel>[0], recorded: string | null): string | null {
  if (!recorded) return null;
  const [stepPart, statusPart] = recorded.includes('.') ? recorded.split('.') : [undefined, recorded];
  const status = STATUSES.find((s) => s === statusPart);
  const step = STEPS.find((s) => s === stepPart);
  if (!status) return recorded;
  return step ? `${statusLabel(t, status)} (${stepLabel(t, step)})` : statusLabel(t, status);
}

function EventContent({ event }: { event: Event }) {
  const { t } = useTranslation();
  const from = statusName(t, event.fromStatus);
  const to = statusName(t, event.toStatus);
  return (
    <>
      <Typography.Text strong>
        {eventLabel(t, event.action)} · {stepLabel(t, event.step)}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(event.at)}
          {event.actorName && ` · ${event.actorName}`}
          {to && from !== to && ` · ${from ? `${from} → ` : ''}${to}`}
        </Typography.Text>
      </div>
      {event.reason && <Typography.Text style={{ overflowWrap: 'anywhere' }}>{event.reason}</Typography.Text>}
    </>
  );
}

/** What happened to the file, newest first. */
export function EvaluationHistory({ events }: { events: Event[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('evaluation.file.history')} data-testid="evaluation-history">
      {events.length === 0 ? (
        <Typography.Text type="secondary">{t('evaluation.file.noHistory')}</Typography.Text>
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={[...events].reverse().map((e, i) => ({
            key: `${e.at}-${i}`,
            color: e.action === 'return' ? 'red' : e.action === 'approve' || e.action === 'accept' ? 'green' : 'blue',
            content: <EventContent event={e} />,
          }))}
        />
      )}
    </Card>
  );
}

/** The cadre who follows the file; the level above may take it on or leave it. */
export function FollowUp({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const refresh = useRefreshEvaluations();
  const assign = useMutation({
    mutationFn: (userId: string | null) =>
      api.put<EvaluationDetail>(`/evaluations/${detail.id}/follow-up`, { version: detail.version, userId }),
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(t('evaluation.file.followUpSaved'));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Card size="small" title={t('evaluation.file.followUp')} data-testid="follow-up">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type={detail.followUpName ? undefined : 'secondary'}>
          {detail.followUpName ?? t('evaluation.file.noFollowUp')}
        </Typography.Text>
        {detail.actions.assignFollowUp && (
          <Flex gap={8} wrap>
            {detail.followUpUserId !== me.id && (
              <Button
                size="small"
                icon={<UserAddOutlined />}
                loading={assign.isPending}
                onClick={() => assign.mutate(me.id)}
              >
                {t('evaluation.file.takeFollowUp')}
              </Button>
            )}
            {detail.followUpUserId && (
              <Button
                size="small"
                icon={<UserDeleteOutlined />}
                loading={assign.isPending}
                onClick={() => assign.mutate(null)}
              >
                {t('evaluation.file.dropFollowUp')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
