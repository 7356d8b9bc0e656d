import { useState } from 'react';
import { Card, Skeleton, Space, Tabs, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useMatchRoute, useNavigate } from '@tanstack/react-router';
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
import { MembersTab } from '../members/members-tab';
import { RegistersTab } from '../documents/registers-tab';
import { TemplatesTab } from '../documents/templates-tab';

const NO_FILTER = {};

/** One unit: path, details, sub-units, history and the actions the account may take on it. */
export function UnitPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: unit, error, isPending, refetch } = useQuery(unitDetailOptions(unitId));
  const { kindName, byCode } = useUnitKinds();
  const [action, setAction] = useState<UnitAction | null>(null);
  // The "Đoàn viên" tab has its own address (/units/$unitId/members, with the list filters in the query).
  const onMembers = Boolean(useMatchRoute()({ to: '/units/$unitId/members', params: { unitId } }));
  const navigate = useNavigate();
  const [tab, setTab] = useState<string | undefined>(undefined);

  if (isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error || !unit) return <PageError error={error} onRetry={() => void refetch()} />;

  const reload = () => {
    setAction(null);
    void queryClient.invalidateQueries({ queryKey: unitKeys.all });
  };

  const tabs = [
    // A leaf kind (chi đoàn) has no sub-units: no tab for them.
    !(byCode.get(unit.kind)?.isLeaf && unit.childCount === 0) && {
      key: 'children',
      label: t('unit.tabs.children', { n: unit.childCount }),
      children: <UnitChildrenTab unitId={unit.id} />,
    },
    unit.actions.includes('member.read') && {
      key: 'members',
      label: t('member.tab'),
      // On /units/$unitId (a branch opens on this tab) the list starts unfiltered; filtering moves to .../members.
      children: onMembers ? (
        <Outlet />
      ) : (
        <MembersTab
          unitId={unit.id}
          filter={NO_FILTER}
          onFilterChange={(search) => void navigate({ to: '/units/$unitId/members', params: { unitId }, search })}
        />
      ),
    },
    // The registers of a đoàn cơ sở (and above); a branch keeps none of its own.
    unit.actions.includes('member.read') &&
      !byCode.get(unit.kind)?.isLeaf && {
        key: 'registers',
        label: t('registers.tab'),
        children: <RegistersTab unitId={unit.id} />,
      },
    unit.actions.includes('document.template') && {
      key: 'templates',
      label: t('documentTemplates.tab'),
      children: <TemplatesTab unitId={unit.id} />,
    },
    { key: 'history', label: t('unit.tabs.history'), children: <UnitHistoryTab unit={unit} /> },
  ].filter((item) => item !== false);

  return (
    <>
      <UnitBreadcrumb unit={unit} />
      <PageTitle
        title={
          <Space wrap size={8}>
            <span data-testid="unit-title">{unit.name}</span>
            <Tag color="blue">{kindName(unit.kind)}</Tag>
            {unit.closedOn && <Tag color="red">{t('unit.status.closed')}</Tag>}
            {unit.kind === 'branch' && (
              <Link to="/units/$unitId/branch-book" params={{ unitId: unit.id }} data-testid="unit-branch-book">
                {t('indicator.book.title')}
              </Link>
            )}
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
          activeKey={onMembers ? 'members' : (tab ?? tabs[0]?.key)}
          onChange={(key) => {
            if (key === 'members') {
              void navigate({ to: '/units/$unitId/members', params: { unitId } });
              return;
            }
            setTab(key);
            if (onMembers) void navigate({ to: '/units/$unitId', params: { unitId } });
          }}
          items={tabs}
        />
      </Card>
      <UnitActionModals unit={unit} action={action} onClose={() => setAction(null)} onReload={reload} />
    </>
  );
}
