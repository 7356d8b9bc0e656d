import { useState } from 'react';
import { Button, Card, Empty, Flex, Grid, List, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MySurvey, SurveySummary } from '../../../../src/contracts/surveys';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { UnitPicker } from '../../components/unit-picker';
import { formatDate } from '../../lib/dates';
import { useCan, useCurrentUser } from '../auth/current-user';
import type { UnitYearSearch } from '../member-exits/procedure-search';
import { unitDetailOptions } from '../units/unit-queries';
import { SurveyBuilder } from './survey-builder';
import { mySurveysOptions, surveyListOptions } from './survey-queries';
import { AnonymousTag, SurveyDates, WindowTag } from './survey-tags';

const thisYear = () => new Date().getFullYear();

function SurveyLink({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <Link to="/surveys/$surveyId" params={{ surveyId: id }}>
      {children}
    </Link>
  );
}

/** The surveys of a unit (issued in its subtree or received from above): a table, or a list on phones. */
function CadreSurveys({ search, onSearch }: { search: UnitYearSearch; onSearch: (next: UnitYearSearch) => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.md;
  const me = useCurrentUser();
  const unitId = search.unitId ?? me.scopeRoots[0]?.id ?? '';
  const year = search.year ?? thisYear();
  const unit = useQuery({ ...unitDetailOptions(unitId), enabled: Boolean(unitId) });
  const list = useQuery({ ...surveyListOptions(unitId, year), enabled: Boolean(unitId) });
  const [creating, setCreating] = useState(false);
  const canWrite = unit.data?.actions.includes('member.write') ?? false;
  if (list.error) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  const years = Array.from({ length: 6 }, (_, i) => thisYear() + 1 - i);

  return (
    <>
      <PageTitle
        title={t('survey.title')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="survey-create"
            >
              {t('survey.create')}
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <Typography.Text>
            {t('survey.unit')}:{' '}
            <Typography.Text strong data-testid="survey-unit">
              {unit.data?.name ?? ''}
            </Typography.Text>
          </Typography.Text>
          <Flex wrap gap={8} style={{ width: isMobile ? '100%' : undefined }}>
            <Select<number>
              aria-label={t('survey.year')}
              value={year}
              onChange={(y) => onSearch({ ...search, year: y })}
              options={years.map((y) => ({ value: y, label: `${t('survey.year')} ${y}` }))}
              style={{ width: isMobile ? '100%' : 130 }}
            />
            <div style={{ width: isMobile ? '100%' : 300 }}>
              <UnitPicker
                aria-label={t('survey.changeUnit')}
                placeholder={t('survey.changeUnit')}
                onChange={(id) => id && onSearch({ ...search, unitId: id })}
              />
            </div>
          </Flex>
        </Flex>
      </Card>
      <Card size="small">
        {isMobile ? (
          <List<SurveySummary>
            loading={list.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('survey.empty')} /> }}
            renderItem={(s) => (
              <List.Item data-testid="survey-row">
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <SurveyLink id={s.id}>
                    <Typography.Text strong style={{ color: 'inherit' }}>
                      {s.title}
                    </Typography.Text>
                  </SurveyLink>
                  <Typography.Text type="secondary">{s.unitName}</Typography.Text>
                  <Flex wrap gap={4}>
                    <WindowTag window={s.window} />
                    <AnonymousTag anonymous={s.anonymous} />
                    {s.received && <Tag>{t('survey.received')}</Tag>}
                  </Flex>
                  <Typography.Text type="secondary">
                    <SurveyDates opensOn={s.opensOn} closesOn={s.closesOn} />
                  </Typography.Text>
                  <Typography.Text data-testid="survey-responses">
                    {t('survey.responses', { n: s.responses })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<SurveySummary>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: <Empty description={t('survey.empty')} /> }}
            onRow={() => ({ 'data-testid': 'survey-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('survey.columns.title'),
                key: 'title',
                render: (_, s) => (
                  <Flex vertical gap={2}>
                    <SurveyLink id={s.id}>{s.title}</SurveyLink>
                    <Flex wrap gap={4}>
                      <AnonymousTag anonymous={s.anonymous} />
                      <Tag>{t('survey.questionCount', { n: s.questionCount })}</Tag>
                      {s.received && <Tag>{t('survey.received')}</Tag>}
                    </Flex>
                  </Flex>
                ),
              },
              { title: t('survey.columns.unit'), dataIndex: 'unitName', key: 'unit' },
              {
                title: t('survey.columns.status'),
                key: 'status',
                render: (_, s) => <WindowTag window={s.window} />,
              },
              {
                title: t('survey.columns.dates'),
                key: 'dates',
                render: (_, s) => <SurveyDates opensOn={s.opensOn} closesOn={s.closesOn} />,
              },
              {
                title: t('survey.columns.responses'),
                key: 'responses',
                align: 'right',
                render: (_, s) => <span data-testid="survey-responses">{s.responses}</span>,
              },
            ]}
          />
        )}
      </Card>
      {creating && <SurveyBuilder unitId={unitId} onClose={() => setCreating(false)} />}
    </>
  );
}

/** The open surveys sent to the signed-in member, answered or not. */
function MemberSurveys() {
  const { t } = useTranslation();
  const mine = useQuery(mySurveysOptions);
  if (mine.error) return <PageError error={mine.error} onRetry={() => void mine.refetch()} />;
  return (
    <>
      <PageTitle title={t('survey.mineTitle')} />
      <List<MySurvey>
        loading={mine.isLoading}
        dataSource={mine.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('survey.mineEmpty')} /> }}
        renderItem={(s) => (
          <Card size="small" style={{ marginBottom: 12 }} data-testid="my-survey">
            <Flex vertical gap={6}>
              <Typography.Text strong>{s.title}</Typography.Text>
              <Typography.Text type="secondary">{t('survey.sentBy', { name: s.unitName })}</Typography.Text>
              <Flex wrap gap={4}>
                <WindowTag window={s.window} />
                <AnonymousTag anonymous={s.anonymous} />
                <Tag>{t('survey.questionCount', { n: s.questionCount })}</Tag>
              </Flex>
              <Typography.Text type="secondary">
                <SurveyDates opensOn={s.opensOn} closesOn={s.closesOn} />
              </Typography.Text>
              {s.answered ? (
                <Flex wrap gap={8} align="center" justify="space-between">
                  <Typography.Text type="success">
                    {t('survey.answeredOn', { date: formatDate(s.answeredAt) })}
                  </Typography.Text>
                  <SurveyLink id={s.id}>{t('survey.view')}</SurveyLink>
                </Flex>
              ) : (
                <Link to="/surveys/$surveyId" params={{ surveyId: s.id }}>
                  <Button type="primary" block disabled={s.window !== 'open'}>
                    {t('survey.answer')}
                  </Button>
                </Link>
              )}
            </Flex>
          </Card>
        )}
      />
    </>
  );
}

/** Surveys sent and to answer: cadres see their unit’s surveys and build new ones; members see what to answer. */
export function SurveysPage({
  search,
  onSearch,
}: {
  search: UnitYearSearch;
  onSearch: (next: UnitYearSearch) => void;
}) {
  const cadre = useCan('member.read');
  if (cadre) return <CadreSurveys search={search} onSearch={onSearch} />;
  return <MemberSurveys />;
}
