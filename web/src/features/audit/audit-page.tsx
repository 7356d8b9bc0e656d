import { useState } from 'react';
import { Button, Card, Col, Flex, Row, Table, Typography } from 'antd';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '../../../../src/contracts/audit';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { useCan } from '../auth/current-user';
import { AuditFilters, type AuditFilter } from './audit-filters';
import { useAuditLabels } from './audit-labels';

interface AuditPage {
  items: AuditEntryDto[];
  next: string | null;
}

const auditOptions = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) => api.get<AuditPage>('/audit', { ...filter, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });

function Json({ title, value }: { title: string; value: unknown }) {
  return (
    <Col xs={24} md={12}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="json-block">{value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}</pre>
    </Col>
  );
}

/** Nhật ký thao tác: who changed what, filterable, newest first, with the before/after of each change. */
export function AuditPage() {
  const { t } = useTranslation();
  const canRead = useCan('audit.read');
  const labels = useAuditLabels();
  const [filter, setFilter] = useState<AuditFilter>({});
  const list = useInfiniteQuery({ ...auditOptions(filter), enabled: canRead });

  if (!canRead) return <Forbidden />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle title={t('nav.audit')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <AuditFilters onChange={setFilter} />
      </Card>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<AuditEntryDto>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (e) => (
              <Row gutter={[12, 8]}>
                <Col span={24}>
                  <Typography.Text type="secondary">
                    {labels.entity(e.entity)}
                    {e.entityId && ` · ${e.entityId}`}
                    {e.unitName && ` · ${e.unitName}`}
                  </Typography.Text>
                </Col>
                <Json title={t('audit.before')} value={e.before} />
                <Json title={t('audit.after')} value={e.after} />
              </Row>
            ),
          }}
          columns={[
            { key: 'at', title: t('audit.fields.at'), render: (_, e) => formatDateTime(e.at) },
            { key: 'actor', title: t('audit.fields.actor'), render: (_, e) => e.actorName ?? '—' },
            {
              key: 'unit',
              title: t('audit.fields.unit'),
              responsive: ['md'],
              render: (_, e) =>
                e.unitId ? (
                  <Link to="/units/$unitId" params={{ unitId: e.unitId }}>
                    {e.unitName ?? e.unitId}
                  </Link>
                ) : (
                  '—'
                ),
            },
            {
              key: 'entity',
              title: t('audit.fields.entity'),
              render: (_, e) => labels.entity(e.entity),
              responsive: ['sm'],
            },
            { key: 'action', title: t('audit.fields.action'), render: (_, e) => labels.action(e.action) },
          ]}
          footer={() => (
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text type="secondary">{t('common.shown', { shown: rows.length })}</Typography.Text>
              {list.hasNextPage && (
                <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t('common.loadMore')}
                </Button>
              )}
            </Flex>
          )}
        />
      )}
    </>
  );
}
