import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SurveyDetail } from '../../../../src/contracts/surveys';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { api, errorMessage } from '../../lib/api';
import { useCan } from '../auth/current-user';
import { SurveyAnswerForm } from './survey-answer-form';
import { SurveyBuilder } from './survey-builder';
import { mySurveyOptions, surveyDetailOptions, useRefreshSurveys } from './survey-queries';
import { SurveyResultsView } from './survey-results';
import { AnonymousTag, SurveyDates, WindowTag } from './survey-tags';

/** The list route is built by a helper, so its path is not in the router's typed paths. */
const LIST_PATH: string = '/surveys';

function BackLink() {
  const { t } = useTranslation();
  return <Link to={LIST_PATH}>← {t('survey.back')}</Link>;
}

/** Open / close with a confirmation; edit a draft; download the results. */
function SurveyActions({ survey, onEdit }: { survey: SurveyDetail; onEdit: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const refresh = useRefreshSurveys();
  const step = useMutation({
    mutationFn: (action: 'open' | 'close') =>
      api.post<SurveyDetail>(`/surveys/${survey.id}/${action}`, { version: survey.version }),
    onSuccess: async (_, action) => {
      await refresh();
      void message.success(t(action === 'open' ? 'survey.actions.opened' : 'survey.actions.closed'));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const confirm = (action: 'open' | 'close') =>
    modal.confirm({
      title: t(`survey.actions.${action}`),
      content: t(action === 'open' ? 'survey.actions.openConfirm' : 'survey.actions.closeConfirm'),
      okText: t(`survey.actions.${action}`),
      cancelText: t('common.cancel'),
      onOk: () => step.mutateAsync(action),
    });
  return (
    <>
      {survey.actions.includes('edit') && (
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="survey-edit">
          {t('survey.actions.edit')}
        </Button>
      )}
      {survey.actions.includes('open') && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => confirm('open')} data-testid="survey-open">
          {t('survey.actions.open')}
        </Button>
      )}
      {survey.actions.includes('close') && (
        <Button danger icon={<LockOutlined />} onClick={() => confirm('close')} data-testid="survey-close">
          {t('survey.actions.close')}
        </Button>
      )}
      {survey.status !== 'draft' && (
        <Button icon={<DownloadOutlined />} href={`/api/surveys/${survey.id}/results.xlsx`}>
          {t('survey.actions.export')}
        </Button>
      )}
    </>
  );
}

/** A cadre's view: the survey, its actions and, once open, its results by unit. */
function CadreSurvey({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const detail = useQuery(surveyDetailOptions(surveyId));
  const [editing, setEditing] = useState(false);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  if (detail.error) return <PageError error={detail.error} onRetry={() => void detail.refetch()} />;
  const s = detail.data;
  if (!s) return <Card loading />;
  return (
    <>
      <BackLink />
      <PageTitle title={s.title} extra={<SurveyActions survey={s} onEdit={() => setEditing(true)} />} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={4} style={{ marginBottom: 8 }}>
          <WindowTag window={s.window} />
          <AnonymousTag anonymous={s.anonymous} />
          <Tag>{t('survey.questionCount', { n: s.questionCount })}</Tag>
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'unit', label: t('survey.columns.unit'), children: s.unitName },
            {
              key: 'dates',
              label: t('survey.columns.dates'),
              children: <SurveyDates opensOn={s.opensOn} closesOn={s.closesOn} />,
            },
          ]}
        />
        {s.description && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{s.description}</Typography.Paragraph>
        )}
      </Card>
      {s.status === 'draft' ? (
        <Card size="small" title={t('survey.builder.questions')}>
          {s.questions.map((q, i) => (
            <Typography.Paragraph key={q.key} style={{ marginBottom: 8 }}>
              {i + 1}. {q.text} <Tag>{t(`survey.kinds.${q.kind}`)}</Tag>
              {q.options && <Typography.Text type="secondary">{q.options.join(' · ')}</Typography.Text>}
            </Typography.Paragraph>
          ))}
        </Card>
      ) : (
        <SurveyResultsView surveyId={surveyId} unitId={unitId} onUnit={setUnitId} />
      )}
      {editing && <SurveyBuilder unitId={s.unitId} survey={s} onClose={() => setEditing(false)} />}
    </>
  );
}

/** A member's view: the questionnaire to answer (or the thanks once answered). */
function MemberSurvey({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const mine = useQuery(mySurveyOptions(surveyId));
  if (mine.error) return <PageError error={mine.error} onRetry={() => void mine.refetch()} />;
  const s = mine.data;
  if (!s) return <Card loading />;
  return (
    <div style={{ maxWidth: 720 }}>
      <BackLink />
      <PageTitle title={s.title} />
      <Typography.Paragraph type="secondary">
        {t('survey.sentBy', { name: s.unitName })}
        {(s.opensOn || s.closesOn) && ' · '}
        <SurveyDates opensOn={s.opensOn} closesOn={s.closesOn} />
      </Typography.Paragraph>
      {s.description && <Typography.Paragraph>{s.description}</Typography.Paragraph>}
      <SurveyAnswerForm survey={s} />
    </div>
  );
}

/** One survey: members answer it in a phone-friendly form; cadres see its results and open or close it. */
export function SurveyPage({ surveyId }: { surveyId: string }) {
  const cadre = useCan('member.read');
  return cadre ? <CadreSurvey surveyId={surveyId} /> : <MemberSurvey surveyId={surveyId} />;
}
