import { App, Button, Card, Empty, Flex, Popconfirm, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestDto } from '../../../../src/contracts/self-service';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { ChangeList } from './change-list';
import { RequestStatusTag } from './request-status-tag';
import { selfServiceKeys } from './self-service-queries';

/** "Rút yêu cầu" on the member's pending request. */
export function WithdrawButton({ request }: { request: ChangeRequestDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () =>
      api.post<ChangeRequestDto>(`/me/change-requests/${request.id}/withdraw`, { version: request.version }),
    onError: (error) => void message.error(errorMessage(error)),
    onSuccess: async () => {
      void message.success(t('selfService.request.withdrawn'));
      await queryClient.invalidateQueries({ queryKey: selfServiceKeys.all });
    },
  });
  return (
    <Popconfirm
      title={t('selfService.request.withdrawConfirm')}
      okText={t('selfService.request.withdraw')}
      cancelText={t('common.cancel')}
      onConfirm={() => withdraw.mutate()}
    >
      <Button danger size="small" loading={withdraw.isPending}>
        {t('selfService.request.withdraw')}
      </Button>
    </Popconfirm>
  );
}

/** One request as its member reads it: what was asked, when, and the branch's answer. */
export function MyRequestCard({ request }: { request: ChangeRequestDto }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="my-request"
      title={<RequestStatusTag status={request.status} />}
      extra={request.status === 'pending' && <WithdrawButton request={request} />}
    >
      <Flex vertical gap={6}>
        <ChangeList request={request} />
        {request.note && (
          <Typography.Text type="secondary">
            {t('selfService.request.memberNote', { note: request.note })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('selfService.request.sentAt', { date: formatDateTime(request.requestedAt) })}
          {request.decidedAt &&
            ` · ${
              request.decidedByName && request.status !== 'withdrawn'
                ? t('selfService.request.decidedBy', {
                    name: request.decidedByName,
                    date: formatDateTime(request.decidedAt),
                  })
                : t('selfService.request.decidedAt', { date: formatDateTime(request.decidedAt) })
            }`}
        </Typography.Text>
        {request.decisionNote && (
          <Typography.Text type={request.status === 'rejected' ? 'danger' : undefined}>
            {request.status === 'rejected'
              ? t('selfService.request.reason', { reason: request.decisionNote })
              : t('selfService.request.branchNote', { note: request.decisionNote })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/** "Yêu cầu cập nhật": every request the member sent, newest first. */
export function MyRequests({ requests }: { requests: ChangeRequestDto[] }) {
  const { t } = useTranslation();
  if (requests.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selfService.request.empty')} />;
  return (
    <Flex vertical gap={12} data-testid="my-requests">
      {requests.map((r) => (
        <MyRequestCard key={r.id} request={r} />
      ))}
    </Flex>
  );
}
