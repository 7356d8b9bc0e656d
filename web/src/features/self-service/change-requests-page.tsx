import { Button, Card, Empty, Flex, Form, Segmented, Skeleton, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestDto } from '../../../../src/contracts/self-service';
import { CHANGE_REQUEST_STATUSES, type ChangeRequestStatus } from '../../../../src/domain/members/self-service';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { UnitPicker } from '../../components/unit-picker';
import { formatDateTime } from '../../lib/dates';
import { ChangeList } from './change-list';
import { DecideRequest } from './decide-request';
import { RequestStatusTag } from './request-status-tag';
import { changeRequestsOptions } from './self-service-queries';
import { useSelfServiceLabels } from './self-service-labels';

function RequestCard({ request }: { request: ChangeRequestDto }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="change-request"
      title={
        <Flex wrap gap={8} align="center">
          <Link to="/members/$memberId" params={{ memberId: request.memberId }} data-testid="request-member">
            {request.memberName}
          </Link>
          <RequestStatusTag status={request.status} />
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {request.unitName} ·{' '}
          {t('selfService.requests.requestedBy', {
            name: request.requestedByName ?? request.memberName,
            date: formatDateTime(request.requestedAt),
          })}
        </Typography.Text>
        <ChangeList request={request} showCurrent />
        {request.note && (
          <Typography.Text italic>{t('selfService.request.memberNote', { note: request.note })}</Typography.Text>
        )}
        {request.decidedAt && request.decidedByName && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('selfService.request.decidedBy', {
              name: request.decidedByName,
              date: formatDateTime(request.decidedAt),
            })}
          </Typography.Text>
        )}
        {request.decisionNote && (
          <Typography.Text type={request.status === 'rejected' ? 'danger' : undefined}>
            {request.status === 'rejected'
              ? t('selfService.request.reason', { reason: request.decisionNote })
              : t('selfService.request.branchNote', { note: request.decisionNote })}
          </Typography.Text>
        )}
        {request.status === 'pending' && <DecideRequest request={request} />}
      </Flex>
    </Card>
  );
}

/** "Yêu cầu cập nhật thông tin": members' identity change requests in the cadre's scope, to approve or reject. */
export function ChangeRequestsPage() {
  const { t } = useTranslation();
  const labels = useSelfServiceLabels();
  const [status, setStatus] = useState<ChangeRequestStatus>('pending');
  const [unitId, setUnitId] = useState<string>();
  const { data, error, isPending, refetch, fetchNextPage, hasNextPage, isFetchingNextPage } = useInfiniteQuery(
    changeRequestsOptions(status, unitId),
  );
  const items = data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle title={t('selfService.requests.title')} />
      <Flex wrap gap={12} align="end" style={{ marginBottom: 16 }}>
        <Segmented<ChangeRequestStatus>
          value={status}
          onChange={setStatus}
          options={CHANGE_REQUEST_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          data-testid="request-status-filter"
        />
        <Form.Item label={t('selfService.requests.unit')} style={{ margin: 0, minWidth: 260, flex: '1 1 260px' }}>
          <UnitPicker value={unitId} onChange={setUnitId} placeholder={t('selfService.requests.unitPlaceholder')} />
        </Form.Item>
      </Flex>
      {isPending ? (
        <Skeleton active />
      ) : error ? (
        <PageError error={error} onRetry={() => void refetch()} />
      ) : items.length === 0 ? (
        <Empty description={t('selfService.requests.empty')} />
      ) : (
        <Flex vertical gap={12} data-testid="change-requests">
          {items.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
          {hasNextPage && (
            <Button onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </Flex>
      )}
    </>
  );
}
