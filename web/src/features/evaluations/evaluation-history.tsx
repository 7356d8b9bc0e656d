import { App, Card, Flex, Select, Timeline, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../src/contracts/evaluations';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { followUpCandidatesOptions, useRefreshEvaluations } from './evaluation-api';
import { transitionText } from './evaluation-events';
import { eventLabel, stepLabel } from './evaluation-labels';

type Event = EvaluationDetail['events'][number];

function EventContent({ event }: { event: Event }) {
  const { t } = useTranslation();
  const change = transitionText(t, event);
  return (
    <>
      <Typography.Text strong>
        {eventLabel(t, event.action)} · {stepLabel(t, event.step)}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(event.at)}
          {event.actorName && ` · ${event.actorName}`}
        </Typography.Text>
      </div>
      {change && (
        <div data-testid="event-transition">
          <Typography.Text style={{ fontSize: 13, overflowWrap: 'anywhere' }}>{change}</Typography.Text>
        </div>
      )}
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

/**
 * The cadre who follows the file ("3 chủ động": the level above assigns one to each registered unit). Whoever may
 * assign picks among the cadres of the evaluator and the units above it, or clears the choice.
 */
export function FollowUp({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshEvaluations();
  const canAssign = detail.actions.assignFollowUp;
  const candidates = useQuery(followUpCandidatesOptions(detail.id, canAssign));
  const assign = useMutation({
    mutationFn: (userId: string | null) =>
      api.put<EvaluationDetail>(`/evaluations/${detail.id}/follow-up`, { version: detail.version, userId }),
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(t('evaluation.file.followUpSaved'));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const options = (candidates.data ?? []).map((c) => ({
    value: c.userId,
    label: t('evaluation.file.followUpOption', { name: c.name, unit: c.unitName }),
  }));
  if (detail.followUpUserId && !options.some((o) => o.value === detail.followUpUserId))
    options.unshift({ value: detail.followUpUserId, label: detail.followUpName ?? detail.followUpUserId });
  return (
    <Card size="small" title={t('evaluation.file.followUp')} data-testid="follow-up">
      {canAssign ? (
        <Flex vertical gap={4}>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            style={{ width: '100%' }}
            placeholder={t('evaluation.file.followUpPick')}
            aria-label={t('evaluation.file.followUpPick')}
            value={detail.followUpUserId ?? undefined}
            loading={candidates.isLoading || assign.isPending}
            disabled={assign.isPending}
            options={options}
            notFoundContent={candidates.isLoading ? undefined : t('evaluation.file.followUpNone')}
            onChange={(userId) => assign.mutate(userId ?? null)}
            data-testid="follow-up-select"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('evaluation.file.followUpHint', { evaluator: detail.evaluatorName })}
          </Typography.Text>
          {candidates.error && <Typography.Text type="danger">{errorMessage(candidates.error)}</Typography.Text>}
        </Flex>
      ) : (
        <Typography.Text type={detail.followUpName ? undefined : 'secondary'} data-testid="follow-up-name">
          {detail.followUpName ?? t('evaluation.file.noFollowUp')}
        </Typography.Text>
      )}
    </Card>
  );
}
