import { Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitDetail, UnitVersionDto } from '../../../../src/contracts/units';
import { PageError } from '../../components/page-error';
import { SimpleList } from '../../components/simple-list';
import { formatDate } from '../../lib/dates';
import { unitHistoryOptions, useUnitKinds } from './unit-queries';

type Succession = UnitDetail['successors'][number];

function SuccessionList({ title, items }: { title: string; items: Succession[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <SimpleList
      header={<Typography.Text strong>{title}</Typography.Text>}
      items={items}
      itemKey={(s) => `${s.unitId}-${s.kind}-${s.effectiveOn}`}
      renderItem={(s) => (
        <div>
          <Link to="/units/$unitId" params={{ unitId: s.unitId }}>
            {s.unitName}
          </Link>{' '}
          <Tag>{t(`unit.succession.${s.kind}`)}</Tag>
          <Typography.Text type="secondary">{formatDate(s.effectiveOn)}</Typography.Text>
          {s.note && <div>{s.note}</div>}
        </div>
      )}
    />
  );
}

/** Past versions of the unit (placement, names) and the units it came from or went into. */
export function UnitHistoryTab({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const { kindName } = useUnitKinds();
  const { data, isPending, error, refetch } = useQuery(unitHistoryOptions(unit.id));
  if (error) return <PageError error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <Table<UnitVersionDto>
        rowKey={(v) => `${v.validFrom}-${v.validTo ?? ''}`}
        size="small"
        loading={isPending}
        dataSource={data?.versions ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="history-table"
        columns={[
          { key: 'from', title: t('unit.history.from'), render: (_, v) => formatDate(v.validFrom) },
          {
            key: 'to',
            title: t('unit.history.to'),
            render: (_, v) => (v.validTo ? formatDate(v.validTo) : t('unit.history.now')),
          },
          { key: 'name', title: t('unit.fields.name'), dataIndex: 'name' },
          { key: 'code', title: t('unit.fields.code'), dataIndex: 'code' },
          { key: 'kind', title: t('unit.fields.kind'), render: (_, v) => kindName(v.kind) },
          {
            key: 'parent',
            title: t('unit.history.parent'),
            render: (_, v) =>
              v.parentId ? (
                <Link to="/units/$unitId" params={{ unitId: v.parentId }}>
                  {v.parentName ?? v.parentId}
                </Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <SuccessionList title={t('unit.predecessors')} items={unit.predecessors} />
      <SuccessionList title={t('unit.successors')} items={unit.successors} />
    </>
  );
}
