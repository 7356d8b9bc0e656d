import { Card, Col, Row, Select, Skeleton, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { UnitPicker } from '../../components/unit-picker';
import { useCan } from '../auth/current-user';
import { recentYears } from '../member-exits/procedure-ui';
import { ComparisonTab } from './comparison-tab';
import { dashboardOptions } from './evaluation-api';
import { DEFAULT_PROGRAMME, programmeOptions } from './evaluation-labels';
import type { DashboardSearch } from './evaluation-search';
import { ResultsTab } from './results-tab';

/** The default years: the last five up to this one. */
function defaultYears(search: DashboardSearch) {
  const now = new Date().getFullYear();
  const toYear = search.toYear ?? now;
  return { fromYear: Math.min(search.fromYear ?? toYear - 4, toYear), toYear };
}

/**
 * "Tổng hợp kết quả": the results of a programme under a unit by year (share recognised, classes, child units) and
 * the comparison with the year before. Opens on "Đoàn cơ sở 3 chủ động".
 */
export function EvaluationDashboardPage(props: { search: DashboardSearch; onSearch: (next: DashboardSearch) => void }) {
  const { t } = useTranslation();
  const { search, onSearch } = props;
  const canRead = useCan('member.read');
  const programme = search.programme ?? DEFAULT_PROGRAMME;
  const years = defaultYears(search);
  const query = useQuery({ ...dashboardOptions({ programme, unitId: search.unitId, ...years }), enabled: canRead });
  if (!canRead) return <Forbidden />;
  const d = query.data;
  const yearOptions = recentYears(1).map((y) => ({ value: y, label: String(y) }));
  const tab = search.tab ?? 'results';

  return (
    <>
      <PageTitle title={t('evaluation.dashboard.title')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[12, 8]}>
          <Col xs={24} md={8}>
            <Typography.Text type="secondary">{t('evaluation.dashboard.programme')}</Typography.Text>
            <Select<string>
              aria-label={t('evaluation.dashboard.programme')}
              style={{ width: '100%' }}
              value={programme}
              onChange={(p) => onSearch({ ...search, programme: p })}
              options={programmeOptions(t)}
              data-testid="dashboard-programme"
            />
          </Col>
          <Col xs={24} md={8}>
            <Typography.Text type="secondary">{t('evaluation.dashboard.unit')}</Typography.Text>
            <UnitPicker
              aria-label={t('evaluation.dashboard.unit')}
              placeholder={d?.unitName ?? t('procedures.chooseUnit')}
              onChange={(unitId) => unitId && onSearch({ ...search, unitId })}
            />
          </Col>
          <Col xs={12} md={4}>
            <Typography.Text type="secondary">{t('evaluation.dashboard.fromYear')}</Typography.Text>
            <Select<number>
              aria-label={t('evaluation.dashboard.fromYear')}
              style={{ width: '100%' }}
              value={years.fromYear}
              onChange={(fromYear) => onSearch({ ...search, fromYear })}
              options={yearOptions.filter((o) => o.value <= years.toYear)}
            />
          </Col>
          <Col xs={12} md={4}>
            <Typography.Text type="secondary">{t('evaluation.dashboard.toYear')}</Typography.Text>
            <Select<number>
              aria-label={t('evaluation.dashboard.toYear')}
              style={{ width: '100%' }}
              value={years.toYear}
              onChange={(toYear) => onSearch({ ...search, toYear })}
              options={yearOptions.filter((o) => o.value >= years.fromYear)}
            />
          </Col>
        </Row>
      </Card>
      {d && (
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="dashboard-heading">
          {t('evaluation.dashboard.heading', { programme: d.programmeTitle, unit: d.unitName })}
        </Typography.Title>
      )}
      {query.error ? (
        <PageError error={query.error} onRetry={() => void query.refetch()} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => onSearch({ ...search, tab: key === 'comparison' ? 'comparison' : 'results' })}
          items={[
            { key: 'results', label: t('evaluation.dashboard.tabResults'), children: <ResultsTab data={d} /> },
            {
              key: 'comparison',
              label: t('evaluation.dashboard.tabComparison'),
              children: (
                <ComparisonTab
                  key={`${programme}-${search.unitId ?? ''}`}
                  programme={programme}
                  unitId={search.unitId}
                  years={d.years.length > 0 ? d.years : [years.toYear]}
                />
              ),
            },
          ]}
        />
      )}
    </>
  );
}
