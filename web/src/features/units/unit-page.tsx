import { useState } from 'react';
import { Card, Skeleton, Space, Tabs, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { unitDetailOptions, unitKeys, useUnitKinds } from './unit-queries';
import { UnitBreadcrumb } from './unit-breadcrumb';
import { UnitDetails } from './unit-details';
import { ClosedBanner } from './closed-banner';
import { UnitChildrenTab } from './unit-children-tab';
import { UnitHistoryTab } from './unit-history-tab';
import { UnitActionButtons, type UnitAction } from './unit-action-buttons';
import { UnitActionModals } from './unit-action-modals';

/** One unit: path, details, sub-units, history and the actions the account may take on it. */
export function UnitPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: unit, error, isPending, refetch } = useQuery(unitDetailOptions(unitId));
  const { kindName, byCode } = useUnitKinds();
  const [action, setAction] = useState<UnitAction | null>(null);

  if (isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error || !unit) return <PageError error={error} onRetry={() => void refetch()} />;

  const reload = () => {
    setAction(null);
    void queryClient.invalidateQueries({ queryKey: unitKeys.all });
  };

  return (
    <>
      <UnitBreadcrumb unit={unit} />
      <PageTitle
        title={
          <Space wrap size={8}>
            <span data-testid="unit-title">{unit.name}</span>
            <Tag color="blue">{kindName(unit.kind)}</Tag>
            {unit.closedOn && <Tag color="red">{t('unit.status.closed')}</Tag>}
          </Space>
        }
        extra={<UnitActionButtons unit={unit} onAction={setAction} />}
      />
      {unit.closedOn && <ClosedBanner unit={unit} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <UnitDetails unit={unit} />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            // A leaf kind (chi đoàn) has no sub-units: no tab for them.
            !(byCode.get(unit.kind)?.isLeaf && unit.childCount === 0) && {
              key: 'children',
              label: t('unit.tabs.children', { n: unit.childCount }),
              children: <UnitChildrenTab unitId={unit.id} />,
            },
            { key: 'history', label: t('unit.tabs.history'), children: <UnitHistoryTab unit={unit} /> },
          ].filter((tab) => tab !== false)}
        />
      </Card>
      <UnitActionModals unit={unit} action={action} onClose={() => setAction(null)} onReload={reload} />
    </>
  );
}
