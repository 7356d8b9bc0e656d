import { Card, Col, Flex, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CareSummary } from '../../../../src/contracts/care';
import type { CareCategory } from '../../../../src/domain/branch-life/care';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { formatVnd } from './care-queries';

function Figure({
  label,
  value,
  detail,
  active,
  onClick,
  testId,
}: {
  label: string;
  value: string | number;
  detail: string;
  active?: boolean;
  onClick?: () => void;
  testId?: string;
}) {
  return (
    <Card
      size="small"
      hoverable={Boolean(onClick)}
      onClick={onClick}
      style={{ height: '100%', borderColor: active ? '#1677ff' : undefined }}
      data-testid={testId}
    >
      <Typography.Text type="secondary" style={{ display: 'block', overflowWrap: 'anywhere' }}>
        {label}
      </Typography.Text>
      <Typography.Text strong style={{ fontSize: 20 }}>
        {value}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {detail}
      </Typography.Text>
    </Card>
  );
}

/** The counts at the top of the care page: totals, one card per category (a click filters), sub-units. */
export function CareSummaryCards({
  summary,
  category,
  onCategory,
}: {
  summary: CareSummary;
  category?: CareCategory;
  onCategory: (c: CareCategory | undefined) => void;
}) {
  const { t } = useTranslation();
  const s = summary;
  return (
    <>
      <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
        <Col xs={24} sm={8}>
          <Figure
            label={t('care.summary.open')}
            value={s.open.members + s.open.youth}
            detail={t('care.summary.openDetail', s.open)}
            testId="care-open-count"
          />
        </Col>
        <Col xs={12} sm={8}>
          <Figure
            label={t('care.summary.given', { year: s.year })}
            value={formatVnd(s.given.amount)}
            detail={t('care.summary.givenDetail', s.given)}
            testId="care-given"
          />
        </Col>
        <Col xs={12} sm={8}>
          <Figure
            label={t('care.summary.planned')}
            value={formatVnd(s.planned.amount)}
            detail={t('care.summary.plannedDetail', s.planned)}
          />
        </Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        {s.categories.map((c) => (
          <Col key={c.category} xs={12} sm={8} lg={4}>
            <Figure
              label={t(`care.categories.${c.category}`)}
              value={c.members + c.youth}
              detail={t('care.summary.byCategory', c)}
              active={category === c.category}
              onClick={() => onCategory(category === c.category ? undefined : c.category)}
              testId={`care-category-${c.category}`}
            />
          </Col>
        ))}
      </Row>
    </>
  );
}

/** One row per direct sub-unit: people followed and help given in the year. */
export function CareChildren({ summary }: { summary: CareSummary }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  if (summary.children.length === 0) return null;
  const title = (
    <Typography.Title level={5} style={{ marginTop: 16 }}>
      {t('care.summary.children')}
    </Typography.Title>
  );
  if (isMobile)
    return (
      <>
        {title}
        {summary.children.map((c) => (
          <Flex key={c.unitId} vertical style={cardStyle}>
            <Typography.Text strong>{c.unitName}</Typography.Text>
            <Typography.Text type="secondary">
              {t('care.summary.openDetail', c)} ·{' '}
              {t('care.list.givenValue', { count: c.givenCount, amount: formatVnd(c.givenAmount) })}
            </Typography.Text>
          </Flex>
        ))}
      </>
    );
  return (
    <>
      {title}
      <Table
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={summary.children}
        data-testid="care-children"
        columns={[
          { key: 'unit', title: t('care.summary.unit'), dataIndex: 'unitName' },
          { key: 'members', title: t('care.summary.members'), dataIndex: 'members', align: 'right' },
          { key: 'youth', title: t('care.summary.youth'), dataIndex: 'youth', align: 'right' },
          { key: 'count', title: t('care.summary.givenCount'), dataIndex: 'givenCount', align: 'right' },
          {
            key: 'amount',
            title: t('care.summary.givenAmount'),
            align: 'right',
            render: (_, c) => new Intl.NumberFormat('vi-VN').format(c.givenAmount),
          },
        ]}
      />
    </>
  );
}
