import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CriteriaSetDefinition, CriteriaSetDetail } from '../../../../src/contracts/evaluations';
import type { StepKey } from '../../../../src/domain/evaluations/cycle-steps';
import { programmeLabel, scoreText, shareText, STEPS, stepLabel } from './evaluation-labels';
import { validityText } from './criteria-sets-page';
import { CriterionTitle, ruleText, type Item } from './score-input';

type ClassRule = CriteriaSetDefinition['classes'][number];
type Day = NonNullable<NonNullable<CriteriaSetDefinition['deadlines']>[StepKey]>;

function dayText(t: TFunction, day: Day): string {
  const when =
    day.yearOffset < 0
      ? t('evaluation.set.yearBefore')
      : day.yearOffset > 0
        ? t('evaluation.set.yearAfter')
        : t('evaluation.set.sameYear');
  return t('evaluation.set.deadlineOf', { day: day.day, month: day.month, when });
}

function SetFacts({ set }: { set: CriteriaSetDetail }) {
  const { t } = useTranslation();
  const d = set.definition;
  const deadlines = STEPS.flatMap((step) => {
    const day = d.deadlines?.[step];
    return day ? [`${stepLabel(t, step)}: ${dayText(t, day)}`] : [];
  });
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2 }}
      style={{ marginBottom: 12 }}
      items={[
        { key: 'programme', label: t('evaluation.set.programme'), children: programmeLabel(t, set.programme, d.title) },
        { key: 'period', label: t('evaluation.sets.period'), children: validityText(t, set) },
        { key: 'subject', label: t('evaluation.sets.subject'), children: t(`evaluation.subjectKinds.${d.subject}`) },
        {
          key: 'cycles',
          label: t('evaluation.set.cycles'),
          children: d.cycles.map((c) => t(`evaluation.kinds.${c}`)).join(', '),
        },
        {
          key: 'registration',
          label: t('evaluation.set.registration'),
          children: d.needsRegistration ? t('common.yes') : t('common.no'),
        },
        { key: 'max', label: t('evaluation.sets.maxTotal'), children: scoreText(set.maxTotal) },
        {
          key: 'deadlines',
          label: t('evaluation.set.deadlines'),
          children: deadlines.length > 0 ? deadlines.join('; ') : '—',
        },
        ...(d.topClassCap !== undefined
          ? [{ key: 'cap', label: t('evaluation.set.topCap'), children: shareText(d.topClassCap) }]
          : []),
        ...(d.source ? [{ key: 'source', label: t('evaluation.set.source'), children: d.source }] : []),
      ]}
    />
  );
}

function ItemView({ item }: { item: Item }) {
  const { t } = useTranslation();
  const rule = item.rule;
  return (
    <div style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }} data-testid={`set-item-${item.key}`}>
      <Typography.Text style={{ overflowWrap: 'anywhere' }}>
        {item.ref && <Typography.Text strong>{item.ref}. </Typography.Text>}
        {item.text}
      </Typography.Text>
      <Flex gap={4} wrap style={{ marginTop: 4 }}>
        <Tag>{ruleText(t, item)}</Tag>
        {item.mandatory && <Tag color="volcano">{t('evaluation.file.mandatory')}</Tag>}
        {item.passAt !== undefined && <Tag>{t('evaluation.file.passAt', { n: item.passAt })}</Tag>}
        {item.evidence && (
          <Tag icon={<DatabaseOutlined />} color="geekblue">
            {t(`evaluation.evidence.${item.evidence}`)}
          </Tag>
        )}
      </Flex>
      {rule.kind === 'level' && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {rule.levels
            .map((l) => t('evaluation.scoring.levelItem', { label: l.label, points: scoreText(l.points) }))
            .join('; ')}
        </Typography.Text>
      )}
      {item.details?.map((line, i) => (
        <Typography.Text key={i} type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {line}
        </Typography.Text>
      ))}
    </div>
  );
}

function ClassesTable({ definition }: { definition: CriteriaSetDefinition }) {
  const { t } = useTranslation();
  return (
    <Table<ClassRule>
      size="small"
      rowKey="key"
      dataSource={definition.classes}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="set-classes"
      columns={[
        { title: t('evaluation.set.classCol'), dataIndex: 'label' },
        {
          title: t('evaluation.set.minScore'),
          key: 'min',
          align: 'right',
          render: (_: unknown, c) => scoreText(c.minScore),
        },
        {
          title: t('evaluation.set.needsAllMandatory'),
          key: 'mandatory',
          render: (_: unknown, c) => (c.needsAllMandatory ? t('common.yes') : t('common.no')),
        },
        {
          title: t('evaluation.set.requires'),
          key: 'requires',
          render: (_: unknown, c) =>
            (c.requires ?? [])
              .map((r) => t('evaluation.set.requireItem', { item: r.item, points: r.minPoints }))
              .join('; ') || '—',
        },
      ]}
    />
  );
}

/** A criteria set read-only: facts, criteria with their items, and the classes. */
export function CriteriaSetView({ set }: { set: CriteriaSetDetail }) {
  const { t } = useTranslation();
  const d = set.definition;
  return (
    <>
      <SetFacts set={set} />
      <Flex vertical gap={12}>
        {d.criteria.map((c) => (
          <Card key={c.key} size="small" title={<CriterionTitle criterion={c} />} styles={{ body: { paddingTop: 0 } }}>
            {c.items.map((item) => (
              <ItemView key={item.key} item={item} />
            ))}
          </Card>
        ))}
        <Card size="small" title={t('evaluation.set.classes')}>
          <ClassesTable definition={d} />
        </Card>
      </Flex>
    </>
  );
}
