import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, Flex, Form, Input, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MeetingReview, RecordedReview } from '../../../../src/contracts/member-reviews';
import { FormErrorAlert } from '../../components/form-error-alert';
import { PageError } from '../../components/page-error';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { lineKey, ReviewChecklist } from './review-checklist';
import { meetingReviewOptions, putMeetingReview, reviewKeys } from './review-queries';

const monthLabel = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

/** The decisions of the recorded review still on the checklist, by line. */
function initialDecisions(review: MeetingReview): Record<string, string> {
  const onList = new Set(review.checklist.map(lineKey));
  const out: Record<string, string> = {};
  for (const item of review.recorded?.items ?? []) {
    if (item.decision && onList.has(lineKey(item))) out[lineKey(item)] = item.decision;
  }
  return out;
}

/** Who recorded the review and when, with the decisions and the conclusion as recorded. */
function RecordedSummary({ recorded, missedInARow }: { recorded: RecordedReview; missedInARow: number }) {
  const { t } = useTranslation();
  const decided = recorded.items.filter((i) => i.decision);
  const at = formatDateTime(recorded.updatedAt);
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <Alert
        type="success"
        showIcon
        data-testid="review-recorded"
        title={
          recorded.reviewedByName
            ? t('review.recordedBy', { at, name: recorded.reviewedByName })
            : t('review.recordedByUnknown', { at })
        }
      />
      <Collapse
        size="small"
        items={[
          {
            key: 'recorded',
            label: t('review.recordedTitle', { n: decided.length }),
            children: (
              <Flex vertical gap={6}>
                {decided.length === 0 && <Typography.Text type="secondary">{t('review.noDecisions')}</Typography.Text>}
                {decided.map((i) => (
                  <Typography.Text key={lineKey(i)} style={{ overflowWrap: 'anywhere' }}>
                    <strong>{i.fullName}</strong>
                    {` (${t(`review.categories.${i.category}`, { n: missedInARow })}): ${i.decision}`}
                  </Typography.Text>
                ))}
                {recorded.conclusion && (
                  <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                    <strong>{t('review.conclusion')}: </strong>
                    {recorded.conclusion}
                  </Typography.Paragraph>
                )}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}

function ReviewForm({ review, onReload }: { review: MeetingReview; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ conclusion?: string }>();
  const { error, onError, clear } = useFormError(form);
  const [decisions, setDecisions] = useState(() => initialDecisions(review));
  const save = useMutation({
    mutationFn: (conclusion: string | undefined) =>
      putMeetingReview(review.meetingId, {
        version: review.recorded?.version,
        items: review.checklist
          .filter((l) => decisions[lineKey(l)]?.trim())
          .map((l) => ({ category: l.category, memberId: l.memberId, decision: decisions[lineKey(l)] })),
        conclusion: conclusion ?? null,
      }),
    onMutate: clear,
    onError,
    onSuccess: async (saved) => {
      queryClient.setQueryData(reviewKeys.meeting(review.meetingId), saved);
      await queryClient.invalidateQueries({ queryKey: [...reviewKeys.all, 'unit'] });
      void message.success(t('review.saved'));
    },
  });
  const stale = error instanceof ApiError && error.status === 409;
  return (
    <>
      {review.recorded ? (
        <RecordedSummary recorded={review.recorded} missedInARow={review.missedInARow} />
      ) : (
        <Typography.Paragraph type="secondary">{t('review.notRecorded')}</Typography.Paragraph>
      )}
      {(review.blockedReason || !review.canRecord) && (
        <Alert type="info" showIcon title={review.blockedReason ?? t('review.readOnly')} style={{ marginBottom: 12 }} />
      )}
      <ReviewChecklist
        checklist={review.checklist}
        missedInARow={review.missedInARow}
        decisions={decisions}
        editable={review.canRecord}
        onChange={(key, value) => setDecisions((d) => ({ ...d, [key]: value }))}
      />
      {review.canRecord && (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ conclusion: review.recorded?.conclusion ?? undefined }}
          onFinish={(v) => save.mutate(v.conclusion)}
          data-testid="review-form"
        >
          <Form.Item name="conclusion" label={t('review.conclusion')}>
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('review.conclusionPlaceholder')} />
          </Form.Item>
          {stale ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('review.stale')}
              data-testid="stale-error"
              action={
                <Button size="small" onClick={onReload}>
                  {t('common.reload')}
                </Button>
              }
            />
          ) : (
            <FormErrorAlert error={error} />
          )}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('review.save')}
          </Button>
        </Form>
      )}
    </>
  );
}

/** The monthly member review (rà soát) of a meeting, shown on the meeting page. */
export function MeetingReviewPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const query = useQuery(meetingReviewOptions(meetingId));
  if (query.isPending) return <Card loading title={t('review.title', { month: '' })} />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const review = query.data;
  return (
    <Card
      title={<span style={{ whiteSpace: 'normal' }}>{t('review.title', { month: monthLabel(review.period) })}</span>}
      data-testid="meeting-review"
      styles={{ body: { padding: 12 } }}
    >
      <Typography.Paragraph type="secondary">{t('review.intro')}</Typography.Paragraph>
      <ReviewForm key={review.recorded?.version ?? 0} review={review} onReload={() => void query.refetch()} />
    </Card>
  );
}
