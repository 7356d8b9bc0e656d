import { useState } from 'react';
import { Alert, Card, Col, Empty, Row, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvaluationComparison } from '../../../../src/contracts/evaluations';
import type { Movement } from '../../../../src/domain/evaluations/comparison';
import { PageError } from '../../components/page-error';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { comparisonOptions } from './evaluation-api';
import { shareText } from './evaluation-labels';

type UnitRow = EvaluationComparison['rows'][number];

const MOVEMENTS: readonly Movement[] = ['up', 'same', 'down', 'new', 'notRated'];
const MOVEMENT_COLORS: Record<Movement, string> = {
  up: 'green',
  same: 'default',
  down: 'red',
  new: 'blue',
  notRated: 'orange',
};

function MetTag({ met }: { met: boolean | null }) {
  const { t } = useTranslation();
  if (met === null)
    return (
      <Tag icon={<MinusCircleFilled />} color="default">
        {t('evaluation.comparison.noData')}
      </Tag>
    );
  return met ? (
    <Tag icon={<CheckCircleFilled />} color="success" data-testid="target-met">
      {t('evaluation.comparison.met')}
    </Tag>
  ) : (
    <Tag icon={<CloseCircleFilled />} color="error" data-testid="target-not-met">
      {t('evaluation.comparison.notMet')}
    </Tag>
  );
}

function Target({ title, value, met }: { title: string; value: string; met: boolean | null }) {
  return (
    <Col xs={24} md={8}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value} />
        <MetTag met={met} />
      </Card>
    </Col>
  );
}

function Targets({ data }: { data: EvaluationComparison }) {
  const { t } = useTranslation();
  const downMet = data.total === 0 ? null : data.protectedDown === 0;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="comparison-targets">
      <Target
        title={t('evaluation.comparison.rated', { target: shareText(data.rated.target) })}
        value={shareText(data.rated.share)}
        met={data.rated.met}
      />
      <Target
        title={t('evaluation.comparison.movedUp', { target: shareText(data.movedUp.target) })}
        value={shareText(data.movedUp.share)}
        met={data.movedUp.met}
      />
      <Target
        title={t('evaluation.comparison.protectedDown')}
        value={t('evaluation.comparison.protectedCount', { n: data.protectedDown })}
        met={downMet}
      />
    </Row>
  );
}

/** A class as the server names it; "—" without one. */
const classText = (label: string | null) => label ?? '—';

function UnitRows({ rows }: { rows: UnitRow[] }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const tag = (m: Movement) => <Tag color={MOVEMENT_COLORS[m]}>{t(`evaluation.movement.${m}`)}</Tag>;
  if (rows.length === 0) return <Empty description={t('evaluation.comparison.noUnits')} />;
  if (isMobile)
    return (
      <div data-testid="comparison-units">
        {rows.map((r) => (
          <div key={r.unitId} style={cardStyle}>
            <Typography.Text strong>{r.unitName}</Typography.Text> {tag(r.movement)}
            <div style={{ fontSize: 13 }}>
              {classText(r.previousLabel)} → {classText(r.currentLabel)}
            </div>
          </div>
        ))}
      </div>
    );
  return (
    <Table<UnitRow>
      size="small"
      rowKey="unitId"
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid="comparison-units"
      columns={[
        { title: t('evaluation.comparison.unit'), dataIndex: 'unitName' },
        {
          title: t('evaluation.comparison.previous'),
          key: 'prev',
          render: (_: unknown, r) => classText(r.previousLabel),
        },
        { title: t('evaluation.comparison.current'), key: 'cur', render: (_: unknown, r) => classText(r.currentLabel) },
        { title: t('evaluation.comparison.movementCol'), key: 'mv', render: (_: unknown, r) => tag(r.movement) },
      ]}
    />
  );
}

/** "So sánh với năm trước": movements of the units' classes and the three yearly targets. */
export function ComparisonTab(props: { programme: string; unitId?: string; years: number[] }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(props.years[props.years.length - 1] ?? new Date().getFullYear());
  const [movement, setMovement] = useState<Movement | undefined>();
  const query = useQuery(comparisonOptions({ programme: props.programme, unitId: props.unitId, year }));
  const d = query.data;
  const yearOptions = [...new Set([...props.years, year])].sort().map((y) => ({ value: y, label: String(y) }));
  return (
    <>
      <Row gutter={[12, 8]} style={{ marginBottom: 12 }} align="middle">
        <Col xs={24} sm={10} md={6}>
          <Typography.Text type="secondary">{t('evaluation.comparison.year')}</Typography.Text>
          <Select<number>
            aria-label={t('evaluation.comparison.year')}
            style={{ width: '100%' }}
            value={year}
            onChange={setYear}
            options={yearOptions}
          />
        </Col>
      </Row>
      {query.error ? (
        <PageError error={query.error} onRetry={() => void query.refetch()} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <Alert
            type={d.meetsAll === null ? 'info' : d.meetsAll ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              d.meetsAll === null
                ? t('evaluation.comparison.noData')
                : t(d.meetsAll ? 'evaluation.comparison.meetsAll' : 'evaluation.comparison.meetsNotAll', {
                    unit: d.unitName,
                    year: d.year,
                    previous: d.year - 1,
                  })
            }
            data-testid="comparison-summary"
          />
          <Targets data={d} />
          <Row gutter={[8, 8]} style={{ marginBottom: 12 }} data-testid="movement-counts">
            {MOVEMENTS.map((m) => (
              <Col key={m} xs={12} sm={8} md={4}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => setMovement(movement === m ? undefined : m)}
                  style={{ borderColor: movement === m ? '#1677ff' : undefined }}
                >
                  <Statistic title={t(`evaluation.movement.${m}`)} value={d.counts[m] ?? 0} />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary">
            {t('evaluation.comparison.total', { n: d.total })}
            {movement &&
              ` · ${t('evaluation.comparison.filtered', { movement: t(`evaluation.movement.${movement}`) })}`}
          </Typography.Paragraph>
          <UnitRows rows={movement ? d.rows.filter((r) => r.movement === movement) : d.rows} />
        </>
      )}
    </>
  );
}
