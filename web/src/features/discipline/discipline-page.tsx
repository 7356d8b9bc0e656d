import { useState } from 'react';
import { Alert, Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { useCan, useCurrentUser } from '../auth/current-user';
import { unitDetailOptions } from '../units/unit-queries';
import type { UnitYearSearch } from '../member-exits/procedure-search';
import { UnitYearBar } from '../member-exits/procedure-ui';
import { disciplineListOptions } from './discipline-api';
import { DisciplineDrawer } from './discipline-drawer';
import { DisciplineList } from './discipline-list';

/** Kỷ luật: the decisions of a unit's subtree (optionally one year), and the form to record one. */
export function DisciplinePage({
  search,
  onSearch,
}: {
  search: UnitYearSearch;
  onSearch: (s: UnitYearSearch) => void;
}) {
  const { t } = useTranslation();
  const canRead = useCan('member.read');
  const canWrite = useCan('member.write');
  const firstRoot = useCurrentUser().scopeRoots[0];
  const unitId = search.unitId ?? firstRoot?.id ?? '';
  const [adding, setAdding] = useState(false);
  const unit = useQuery({ ...unitDetailOptions(unitId), enabled: canRead && Boolean(unitId) });
  const list = useQuery({
    ...disciplineListOptions({ unitId, year: search.year }),
    enabled: canRead && Boolean(unitId),
  });
  if (!canRead) return <Forbidden />;

  return (
    <>
      <PageTitle
        title={t('discipline.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="discipline-add">
              {t('discipline.add')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('discipline.hint')}</Typography.Paragraph>
      <UnitYearBar
        unitName={unit.data?.name}
        onUnit={(id) => onSearch({ ...search, unitId: id })}
        year={search.year}
        onYear={(year) => onSearch({ ...search, year })}
        allowAllYears
      />
      {unit.data && (
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="procedure-unit">
          {unit.data.name}
        </Typography.Title>
      )}
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.data?.truncated && <Alert type="info" showIcon title={t('procedures.truncated')} />}
          <DisciplineList items={list.data?.items ?? []} loading={list.isPending} />
        </>
      )}
      {adding && <DisciplineDrawer unitId={unitId} onClose={() => setAdding(false)} />}
    </>
  );
}
