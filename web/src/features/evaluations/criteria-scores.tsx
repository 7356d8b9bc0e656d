import { Card, Col, Flex, Form, Row, Tag, Tooltip, Typography } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail, EvidenceFigure } from '../../../../src/contracts/evaluations';
import { CriterionTitle, ruleText, ScoreInput, ScoreValueText, type Item, type ScoreValue } from './score-input';

/** Which score columns show and which can be edited. */
export interface ScoreMode {
  editSelf: boolean;
  editReview: boolean;
  showReview: boolean;
}

/** The figure the system computed for an item, next to its scores. */
function EvidenceBadge({ item, figures }: { item: Item; figures: EvidenceFigure[] }) {
  const { t } = useTranslation();
  if (!item.evidence) return null;
  const figure = figures.find((f) => f.key === item.evidence);
  const text = figure ? figure.text : t('evaluation.file.noFigure');
  return (
    <Tooltip title={figure?.label ?? t(`evaluation.evidence.${item.evidence}`)}>
      <Tag
        icon={<DatabaseOutlined />}
        color={figure && figure.value !== null && figure.value !== false ? 'geekblue' : 'default'}
        style={{ whiteSpace: 'normal', marginTop: 4 }}
        data-testid={`evidence-${item.key}`}
      >
        {t('evaluation.file.figure', { text })}
      </Tag>
    </Tooltip>
  );
}

function ScoreColumn(props: {
  item: Item;
  field: 'self' | 'review';
  label: string;
  editable: boolean;
  value: ScoreValue | undefined;
}) {
  const { item, field, label } = props;
  return (
    <Col xs={12} lg={6}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {label}
      </Typography.Text>
      {props.editable ? (
        <Form.Item name={[field, item.key]} style={{ marginBottom: 0 }}>
          <ScoreInput item={item} aria-label={`${label}: ${item.ref ?? item.text}`} />
        </Form.Item>
      ) : (
        <ScoreValueText item={item} value={props.value} />
      )}
    </Col>
  );
}

function ItemRow(props: { item: Item; detail: EvaluationDetail; mode: ScoreMode; first: boolean }) {
  const { t } = useTranslation();
  const { item, detail, mode } = props;
  return (
    <div
      style={{ padding: '10px 0', borderTop: props.first ? undefined : '1px solid #f0f0f0' }}
      data-testid={`item-${item.key}`}
    >
      <Row gutter={[12, 8]}>
        <Col xs={24} lg={mode.showReview ? 12 : 18}>
          <Typography.Text style={{ overflowWrap: 'anywhere' }}>
            {item.ref && <Typography.Text strong>{item.ref}. </Typography.Text>}
            {item.text}
          </Typography.Text>
          <Flex gap={4} wrap style={{ marginTop: 4 }}>
            <Tag>{ruleText(t, item)}</Tag>
            {item.mandatory && <Tag color="volcano">{t('evaluation.file.mandatory')}</Tag>}
            {item.passAt !== undefined && <Tag>{t('evaluation.file.passAt', { n: item.passAt })}</Tag>}
          </Flex>
          {item.details && item.details.length > 0 && (
            <Typography.Paragraph
              type="secondary"
              style={{ fontSize: 13, margin: '4px 0 0' }}
              ellipsis={{ rows: 2, expandable: true, symbol: t('evaluation.file.more') }}
            >
              {item.details.join(' ')}
            </Typography.Paragraph>
          )}
          <EvidenceBadge item={item} figures={detail.autoEvidence} />
        </Col>
        <ScoreColumn
          item={item}
          field="self"
          label={t('evaluation.file.self')}
          editable={mode.editSelf}
          value={detail.selfScores[item.key]}
        />
        {mode.showReview && (
          <ScoreColumn
            item={item}
            field="review"
            label={t('evaluation.file.review')}
            editable={mode.editReview}
            value={detail.scores[item.key]}
          />
        )}
      </Row>
    </div>
  );
}

/** The criteria of the set with, per item, the unit's own score and the level above's score. */
export function CriteriaScores({ detail, mode }: { detail: EvaluationDetail; mode: ScoreMode }) {
  return (
    <Flex vertical gap={12}>
      {detail.definition.criteria.map((criterion) => (
        <Card
          key={criterion.key}
          size="small"
          title={<CriterionTitle criterion={criterion} />}
          styles={{ header: { paddingBlock: 8 } }}
          data-testid={`criterion-${criterion.key}`}
        >
          {criterion.items.map((item, i) => (
            <ItemRow key={item.key} item={item} detail={detail} mode={mode} first={i === 0} />
          ))}
        </Card>
      ))}
    </Flex>
  );
}
