import { Breadcrumb, Button, Card, Empty, Flex, Grid, List, Progress, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Participation, QuestionResult } from '../../../../src/contracts/surveys';
import { PageError } from '../../components/page-error';
import { surveyResultsOptions } from './survey-queries';

const shareText = (share: number | null) => (share === null ? '–' : `${share.toLocaleString('vi-VN')}%`);

/** Participation per subordinate unit: a table, or a list on phones; units with units below open their results. */
function ParticipationTable({ rows, onOpen }: { rows: Participation[]; onOpen: (unitId: string) => void }) {
  const { t } = useTranslation();
  const isMobile = !Grid.useBreakpoint().md;
  const name = (p: Participation) =>
    p.hasChildren ? (
      <Button
        type="link"
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
        onClick={() => onOpen(p.unitId)}
      >
        {p.unitName}
      </Button>
    ) : (
      p.unitName
    );
  if (isMobile)
    return (
      <List<Participation>
        dataSource={rows}
        renderItem={(p) => (
          <List.Item data-testid="participation-row">
            <Flex vertical style={{ width: '100%' }} gap={2}>
              <span>{name(p)}</span>
              <Typography.Text type="secondary">
                {t('survey.results.answeredOf', { answered: p.answered, members: p.members })}
              </Typography.Text>
              <Progress percent={p.share ?? 0} size="small" format={() => shareText(p.share)} />
            </Flex>
          </List.Item>
        )}
      />
    );
  return (
    <Table<Participation>
      rowKey="unitId"
      size="small"
      pagination={false}
      dataSource={rows}
      onRow={() => ({ 'data-testid': 'participation-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('survey.results.unit'), key: 'unit', render: (_, p) => name(p) },
        { title: t('survey.results.members'), dataIndex: 'members', key: 'members', align: 'right' },
        { title: t('survey.results.answered'), dataIndex: 'answered', key: 'answered', align: 'right' },
        {
          title: t('survey.results.share'),
          key: 'share',
          width: 220,
          render: (_, p) => <Progress percent={p.share ?? 0} size="small" format={() => shareText(p.share)} />,
        },
      ]}
    />
  );
}

/** One question: bars per option (or scale value) and the average, or the list of text answers. */
function QuestionCard({ question, index }: { question: QuestionResult; index: number }) {
  const { t } = useTranslation();
  const total = question.answered || 1;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="question-result"
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {index + 1}. {question.text}
        </span>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t(`survey.kinds.${question.kind}`)} · {t('survey.results.answeredCount', { n: question.answered })}
        {question.average !== null &&
          ` · ${t('survey.results.average', { value: question.average.toLocaleString('vi-VN') })}`}
      </Typography.Paragraph>
      {question.kind === 'text' ? (
        question.texts.length ? (
          <List
            size="small"
            dataSource={question.texts}
            pagination={question.texts.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            renderItem={(a) => (
              <List.Item>
                <Flex vertical>
                  <span>{a.text}</span>
                  <Typography.Text type="secondary">
                    {[a.memberName, a.unitName].filter(Boolean).join(' – ')}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary">{t('survey.results.noTexts')}</Typography.Text>
        )
      ) : (
        question.counts.map((c) => (
          <div key={c.option} style={{ marginBottom: 6 }}>
            <Flex justify="space-between" gap={8}>
              <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {question.kind === 'scale' ? t('survey.results.scaleValue', { n: c.option }) : c.option}
              </span>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('survey.results.count', { n: c.count })}
              </Typography.Text>
            </Flex>
            <Progress percent={Math.round((c.count / total) * 1000) / 10} size="small" />
          </div>
        ))
      )}
    </Card>
  );
}

/** The results of a survey over a part of the tree, with the way back up and the per-unit table. */
export function SurveyResultsView({
  surveyId,
  unitId,
  onUnit,
}: {
  surveyId: string;
  unitId: string | undefined;
  onUnit: (unitId: string) => void;
}) {
  const { t } = useTranslation();
  const results = useQuery(surveyResultsOptions(surveyId, unitId));
  if (results.error) return <PageError error={results.error} onRetry={() => void results.refetch()} />;
  const r = results.data;
  if (!r) return <Card loading />;
  return (
    <>
      {r.trail.length > 1 && (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={r.trail.map((u) => ({
            key: u.id,
            title: u.id === r.unit.id ? u.name : <a onClick={() => onUnit(u.id)}>{u.name}</a>,
          }))}
        />
      )}
      <Card size="small" title={t('survey.results.participation')} style={{ marginBottom: 16 }}>
        <Flex wrap gap={24} style={{ marginBottom: 12 }}>
          <Statistic title={t('survey.results.overall', { name: r.unit.name })} value={shareText(r.overall.share)} />
          <Statistic
            title={t('survey.results.answered')}
            value={r.overall.answered}
            valueRender={(v) => <span data-testid="results-answered">{v}</span>}
          />
          <Statistic title={t('survey.results.members')} value={r.overall.members} />
        </Flex>
        {r.groups.length > 0 && (
          <>
            <Typography.Title level={5}>{t('survey.results.byUnit')}</Typography.Title>
            <ParticipationTable rows={r.groups} onOpen={onUnit} />
          </>
        )}
      </Card>
      <Typography.Title level={5}>{t('survey.results.questionsTitle')}</Typography.Title>
      {r.survey.anonymous && (
        <Typography.Paragraph type="secondary">{t('survey.results.anonymousNote')}</Typography.Paragraph>
      )}
      {r.questions.length === 0 && <Empty />}
      {r.questions.map((q, i) => (
        <QuestionCard key={q.key} question={q} index={i} />
      ))}
    </>
  );
}
