import { useState } from 'react';
import { Alert, Col, Descriptions, Flex, Form, Row, Skeleton, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../src/contracts/evaluations';
import { FormErrorAlert } from '../../components/form-error-alert';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { formatDate, todayIso } from '../../lib/dates';
import { useCurrentUser } from '../auth/current-user';
import { useIsMobile } from '../member-exits/procedure-ui';
import { isMemberOnly } from '../self-service/member-account';
import { CriteriaScores, type ScoreMode } from './criteria-scores';
import { evaluationOptions } from './evaluation-api';
import { EvaluationActions, type FileValues } from './evaluation-actions';
import { EvaluationHistory, FollowUp } from './evaluation-history';
import { LateTag, programmeLabel, StatusTag, stepLabel } from './evaluation-labels';
import { EvidencePanel } from './evidence-panel';
import { ResultPanel } from './result-panel';
import { TopClassNotice } from './top-class-notice';

function StepsBar({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const current = Math.max(0, detail.steps.indexOf(detail.step));
  if (isMobile)
    return (
      <Typography.Paragraph data-testid="evaluation-step">
        {t('evaluation.file.stepOf', { n: current + 1, total: detail.steps.length, step: stepLabel(t, detail.step) })}
      </Typography.Paragraph>
    );
  const status = detail.status === 'returned' ? 'error' : detail.status === 'accepted' ? 'finish' : 'process';
  return (
    <Steps
      size="small"
      current={current}
      status={status}
      style={{ marginBottom: 16 }}
      data-testid="evaluation-step"
      items={detail.steps.map((s) => ({ key: s, title: stepLabel(t, s) }))}
    />
  );
}

function Facts({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  const late = detail.deadline !== null && detail.deadline < todayIso();
  const open = detail.status !== 'approved' && detail.status !== 'accepted';
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      style={{ marginBottom: 12 }}
      items={[
        { key: 'unit', label: t('evaluation.file.unit'), children: detail.unitName },
        { key: 'evaluator', label: t('evaluation.file.evaluator'), children: detail.evaluatorName },
        {
          key: 'status',
          label: t('evaluation.file.status'),
          children: (
            <Flex gap={4} wrap>
              <StatusTag status={detail.status} />
              {late && open && <LateTag />}
              {detail.sampled && <Tag color="purple">{t('evaluation.file.sampled')}</Tag>}
            </Flex>
          ),
        },
        { key: 'deadline', label: t('evaluation.file.deadline'), children: formatDate(detail.deadline) || '—' },
        ...(detail.decidedOn
          ? [{ key: 'decided', label: t('evaluation.file.decidedOn'), children: formatDate(detail.decidedOn) }]
          : []),
      ]}
    />
  );
}

function initialValues(d: EvaluationDetail, mode: ScoreMode): FileValues {
  const reviewFromSelf = mode.editReview && Object.keys(d.scores).length === 0;
  return {
    self: d.selfScores,
    review: reviewFromSelf ? d.selfScores : d.scores,
    selfClass: d.selfClass,
    classKey: d.classKey ?? (reviewFromSelf ? d.selfClass : null),
    reason: d.overrideReason ?? undefined,
    evidenceNote: d.evidenceNote,
    evidenceLinks: d.evidenceLinks,
  };
}

/** The scores, result, evidence and action bar; remounted on each new version so that it shows what was saved. */
/** The error of the last action; kept by the page so that it outlives the form's remount on a new version. */
interface ActionError {
  error: unknown;
  onError: (error: unknown) => void;
  clear: () => void;
}

function FileForm(props: { detail: EvaluationDetail; onReload: () => void } & ActionError) {
  const { detail, onReload, error, onError, clear } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<FileValues>();
  const a = detail.actions;
  const registering = detail.step === 'registration';
  const mode: ScoreMode = {
    editSelf: a.editSelf && !registering,
    editReview: a.review,
    showReview: a.review || Object.keys(detail.scores).length > 0 || detail.total !== null,
  };
  return (
    <Form<FileValues> form={form} layout="vertical" initialValues={initialValues(detail, mode)} onValuesChange={clear}>
      {registering && a.editSelf && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('evaluation.file.registrationHint')}
          data-testid="registration-hint"
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} xxl={16}>
          <CriteriaScores detail={detail} mode={mode} />
        </Col>
        <Col xs={24} xxl={8}>
          <Row gutter={[12, 12]}>
            {!(registering && detail.selfTotal === null) && (
              <Col xs={24} lg={12} xxl={24}>
                <ResultPanel detail={detail} mode={mode} />
              </Col>
            )}
            <Col xs={24} lg={12} xxl={24}>
              <Flex vertical gap={12}>
                <EvidencePanel detail={detail} editable={a.editSelf} />
                <FollowUp detail={detail} />
                <EvaluationHistory events={detail.events} />
              </Flex>
            </Col>
          </Row>
        </Col>
      </Row>
      {(a.editSelf || a.submit || a.review || a.approve || a.return || a.reopen || a.accept || Boolean(error)) && (
        <div className="evaluation-action-bar">
          <FormErrorAlert error={error} onReload={onReload} />
          <EvaluationActions detail={detail} form={form} onError={onError} onStart={clear} />
        </div>
      )}
    </Form>
  );
}

/** The file of one evaluation (a unit's or a member's): criteria and scores, result, evidence, history, actions. */
export function EvaluationPage({ evaluationId }: { evaluationId: string }) {
  const { t } = useTranslation();
  const memberOnly = isMemberOnly(useCurrentUser());
  const query = useQuery(evaluationOptions(evaluationId));
  const [actionError, setActionError] = useState<unknown>(null);
  const d = query.data;
  if (query.error) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  if (!d) return <Skeleton active paragraph={{ rows: 10 }} />;
  const back = memberOnly ? (
    <Link to="/evaluations/mine">
      <ArrowLeftOutlined /> {t('evaluation.file.backMine')}
    </Link>
  ) : (
    <Link to="/evaluations/cycles/$cycleId" params={{ cycleId: d.cycle.id }}>
      <ArrowLeftOutlined /> {t('evaluation.file.back')}
    </Link>
  );
  return (
    <>
      {back}
      <PageTitle title={<span data-testid="evaluation-subject">{d.subjectName}</span>} />
      <Typography.Paragraph type="secondary">
        {programmeLabel(t, d.cycle.programme, d.cycle.programmeTitle)} {d.cycle.label}
      </Typography.Paragraph>
      <StepsBar detail={d} />
      {d.status === 'returned' && d.returnReason && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('evaluation.file.returned', { reason: d.returnReason })}
          data-testid="return-reason"
        />
      )}
      {d.reopened && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            d.reopened.until
              ? t('evaluation.file.reopenedUntil', { reason: d.reopened.reason, date: formatDate(d.reopened.until) })
              : t('evaluation.file.reopened', { reason: d.reopened.reason })
          }
        />
      )}
      <Facts detail={d} />
      <TopClassNotice check={d.topClass} />
      <FileForm
        key={d.version}
        detail={d}
        onReload={() => {
          setActionError(null);
          void query.refetch();
        }}
        error={actionError}
        onError={setActionError}
        clear={() => setActionError(null)}
      />
    </>
  );
}
