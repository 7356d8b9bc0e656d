import { useState } from 'react';
import { Flex, Grid, Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitSummary } from '../../../../src/contracts/units';
import { PageError } from '../../components/page-error';
import { formatDate } from '../../lib/dates';
import { useLabels } from './labels';
import { unitChildrenOptions, useUnitKinds } from './unit-queries';

/** The unit's direct sub-units, optionally with the closed ones. */
export function UnitChildrenTab({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { kindName } = useUnitKinds();
  const [includeClosed, setIncludeClosed] = useState(false);
  const screens = Grid.useBreakpoint();
  const { data, isPending, error, refetch } = useQuery(unitChildrenOptions(unitId, includeClosed));

  if (error) return <PageError error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Switch id="show-closed" size="small" checked={includeClosed} onChange={setIncludeClosed} />
        <label htmlFor="show-closed">{t('unit.showClosed')}</label>
      </Flex>
      <Table<UnitSummary>
        rowKey="id"
        size="small"
        loading={isPending}
        dataSource={data ?? []}
        pagination={(data?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('unit.noChildren') }}
        data-testid="children-table"
        columns={[
          {
            key: 'name',
            title: t('unit.fields.name'),
            render: (_, u) => (
              <Flex vertical>
                <Link to="/units/$unitId" params={{ unitId: u.id }}>
                  {u.name}
                </Link>
                {u.shortName && <Typography.Text type="secondary">{u.shortName}</Typography.Text>}
                {u.closedOn && !screens.sm && (
                  <Typography.Text type="danger">
                    {t('unit.status.closedOn', { date: formatDate(u.closedOn) })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { key: 'code', title: t('unit.fields.code'), dataIndex: 'code' },
          { key: 'kind', title: t('unit.fields.kind'), render: (_, u) => kindName(u.kind), responsive: ['sm'] },
          {
            key: 'sector',
            title: t('unit.fields.sector'),
            render: (_, u) => labels.sector(u.sector),
            responsive: ['lg'],
          },
          { key: 'childCount', title: t('unit.fields.childCountShort'), dataIndex: 'childCount', responsive: ['md'] },
          {
            key: 'status',
            title: t('unit.fields.status'),
            responsive: ['sm'],
            render: (_, u) =>
              u.closedOn ? (
                <Tag color="red">{t('unit.status.closedOn', { date: formatDate(u.closedOn) })}</Tag>
              ) : (
                <Tag color="green">{t('unit.status.open')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
