import { useState } from 'react';
import { Button, Card, Collapse, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RulePeriodDto, RuleSetDto } from '../../../../src/contracts/rules';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { api } from '../../lib/api';
import { formatDate, todayIso } from '../../lib/dates';
import { useCan } from '../auth/current-user';
import { RuleFormDrawer } from './rule-form';
import { RuleValue } from './rule-value';

/** Every rule set with its periods. */
export const rulesOptions = queryOptions({ queryKey: ['rules'], queryFn: () => api.get<RuleSetDto[]>('/rules') });

function History({ rule }: { rule: RuleSetDto }) {
  const { t } = useTranslation();
  return (
    <Table<RulePeriodDto>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rule.periods}
      columns={[
        { key: 'from', title: t('rules.from'), render: (_, p) => formatDate(p.validFrom) },
        {
          key: 'to',
          title: t('rules.to'),
          render: (_, p) => (p.validTo ? formatDate(p.validTo) : <Tag color="green">{t('rules.open')}</Tag>),
        },
        {
          key: 'value',
          title: t('rules.value'),
          render: (_, p) => <RuleValue ruleKey={rule.key} value={p.value} compact />,
        },
        { key: 'note', title: t('rules.note'), render: (_, p) => p.note ?? '' },
        { key: 'by', title: t('rules.by'), render: (_, p) => p.createdByName ?? '' },
      ]}
    />
  );
}

function RuleCard({ rule, canManage, onRecord }: { rule: RuleSetDto; canManage: boolean; onRecord: () => void }) {
  const { t } = useTranslation();
  const today = todayIso();
  const upcoming = rule.periods.filter((p) => p.validFrom > today);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t(`rules.keys.${rule.key}`)}
      data-testid={`rule-${rule.key}`}
      extra={
        canManage && (
          <Button size="small" icon={<EditOutlined />} onClick={onRecord}>
            {t('rules.record')}
          </Button>
        )
      }
    >
      <Flex wrap gap={6} style={{ marginBottom: 8 }}>
        <Tag color="blue">
          {rule.current ? t('rules.inForce', { date: formatDate(rule.current.validFrom) }) : t('rules.builtIn')}
        </Tag>
        {upcoming.map((p) => (
          <Tag key={p.id} color="orange">
            {t('rules.upcoming', { date: formatDate(p.validFrom) })}
          </Tag>
        ))}
      </Flex>
      {rule.current && <RuleValue ruleKey={rule.key} value={rule.current.value} />}
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'history',
            label: t('rules.history', { n: rule.periods.length }),
            children: <History rule={rule} />,
          },
        ]}
      />
    </Card>
  );
}

/** Quy định: the configurable rules with the value in force and their history; system admins record new values. */
export function RulesPage() {
  const { t } = useTranslation();
  const canManage = useCan('rules.manage');
  const { data, isPending, error, refetch } = useQuery(rulesOptions);
  const [editing, setEditing] = useState<RuleSetDto | null>(null);
  if (error) return <PageError error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle title={t('rules.title')} />
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      {isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        (data ?? []).map((rule) => (
          <RuleCard key={rule.key} rule={rule} canManage={canManage} onRecord={() => setEditing(rule)} />
        ))
      )}
      {editing && <RuleFormDrawer rule={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
