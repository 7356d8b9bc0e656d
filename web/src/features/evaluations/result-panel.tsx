import { Alert, Card, Col, Form, Input, Row, Select, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CriteriaSetDefinition, EvaluationDetail } from '../../../../src/contracts/evaluations';
import { allItems } from '../../../../src/domain/evaluations/criteria';
import { classOf, totalScore, unmetMandatory } from '../../../../src/domain/evaluations/scoring';
import { scoreText } from './evaluation-labels';
import type { ScoreMode } from './criteria-scores';
import { cleanScores, type ScoreValue } from './score-input';

type Scores = Record<string, ScoreValue | undefined>;

const shortText = (text: string) => (text.length > 40 ? `“${text.slice(0, 40).trimEnd()}…”` : `“${text}”`);

/** Total, class the scores lead to and mandatory items not met; nulls when the scores cannot be read. */
function computeResult(definition: CriteriaSetDefinition, raw: Scores | undefined) {
  const scores = cleanScores(allItems(definition), raw);
  try {
    return {
      total: totalScore(definition, scores),
      computed: classOf(definition, scores).key,
      unmet: unmetMandatory(definition, scores).map((i) => i.ref ?? shortText(i.text)),
    };
  } catch {
    return { total: null, computed: null, unmet: [] };
  }
}

function ResultColumn(props: {
  title: string;
  definition: CriteriaSetDefinition;
  maxTotal: number;
  total: number | null;
  computed: string | null;
  unmet: string[];
  classField: 'selfClass' | 'classKey';
  chosen: string | null | undefined;
  editable: boolean;
  testId: string;
  /** The only column: it takes the whole width. */
  single?: boolean;
}) {
  const { t } = useTranslation();
  const labelOf = (key: string | null | undefined) =>
    key ? (props.definition.classes.find((c) => c.key === key)?.label ?? key) : '—';
  const differs = Boolean(props.chosen && props.computed && props.chosen !== props.computed);
  return (
    <Col xs={24} md={props.single ? 24 : 12} data-testid={props.testId}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {props.title}
      </Typography.Title>
      <Statistic
        title={t('evaluation.file.total')}
        value={scoreText(props.total)}
        suffix={`/ ${scoreText(props.maxTotal)}`}
      />
      <Typography.Paragraph style={{ margin: '8px 0 4px' }}>
        {t('evaluation.file.computedClass')}: <Typography.Text strong>{labelOf(props.computed)}</Typography.Text>
      </Typography.Paragraph>
      {props.unmet.length > 0 && (
        <Typography.Paragraph type="warning" style={{ marginBottom: 4 }}>
          {t('evaluation.file.unmet', { items: props.unmet.join('; ') })}
        </Typography.Paragraph>
      )}
      {props.editable ? (
        <Form.Item
          name={props.classField}
          label={props.classField === 'selfClass' ? t('evaluation.file.selfClass') : t('evaluation.file.finalClass')}
          style={{ marginBottom: 8 }}
        >
          <Select
            allowClear
            placeholder={t('evaluation.file.classByScore')}
            options={props.definition.classes.map((c) => ({ value: c.key, label: c.label }))}
          />
        </Form.Item>
      ) : (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {props.classField === 'selfClass' ? t('evaluation.file.selfClass') : t('evaluation.file.finalClass')}:{' '}
          <Typography.Text strong>{labelOf(props.chosen)}</Typography.Text>
        </Typography.Paragraph>
      )}
      {differs && <Alert type="warning" showIcon title={t('evaluation.file.classDiffers')} />}
    </Col>
  );
}

/** Totals against the maximum and the classes, live while the scores are edited. */
export function ResultPanel({ detail, mode }: { detail: EvaluationDetail; mode: ScoreMode }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const selfScores = Form.useWatch<Scores | undefined>('self', form);
  const reviewScores = Form.useWatch<Scores | undefined>('review', form);
  const selfClass = Form.useWatch<string | null | undefined>('selfClass', form);
  const classKey = Form.useWatch<string | null | undefined>('classKey', form);
  const def = detail.definition;
  const self = computeResult(def, mode.editSelf ? selfScores : detail.selfScores);
  const review = computeResult(def, mode.editReview ? reviewScores : detail.scores);
  return (
    <Card size="small" title={t('evaluation.file.result')} data-testid="result-panel">
      <Row gutter={[24, 16]}>
        <ResultColumn
          title={t('evaluation.file.self')}
          definition={def}
          maxTotal={detail.maxTotal}
          total={mode.editSelf ? self.total : (detail.selfTotal ?? self.total)}
          computed={self.computed}
          unmet={self.unmet}
          classField="selfClass"
          chosen={mode.editSelf ? selfClass : detail.selfClass}
          editable={mode.editSelf}
          testId="result-self"
          single={!mode.showReview}
        />
        {mode.showReview && (
          <ResultColumn
            title={t('evaluation.file.review')}
            definition={def}
            maxTotal={detail.maxTotal}
            total={mode.editReview ? review.total : (detail.total ?? review.total)}
            computed={mode.editReview ? review.computed : (detail.computedClass ?? review.computed)}
            unmet={review.unmet}
            classField="classKey"
            chosen={mode.editReview ? classKey : detail.classKey}
            editable={mode.editReview}
            testId="result-review"
          />
        )}
      </Row>
      {mode.editReview ? (
        <Form.Item
          name="reason"
          label={t('evaluation.file.overrideReason')}
          extra={t('evaluation.file.overrideHint')}
          style={{ marginTop: 12, marginBottom: 0 }}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
      ) : (
        detail.overrideReason && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            {t('evaluation.file.overrideReason')}: {detail.overrideReason}
          </Typography.Paragraph>
        )
      )}
    </Card>
  );
}
