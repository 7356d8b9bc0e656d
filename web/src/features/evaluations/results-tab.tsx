import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Select, Statistic, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EvaluationDashboard } from '../../../../src/contracts/evaluations';
import { LazyEChart, type ChartOption } from '../../components/lazy-echart';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { shareText } from './evaluation-labels';

type Row = EvaluationDashboard['rows'][number];

/** Best class green, worst red, the ones between blue then gold. */
function classColor(index: number, last: number): string {
  if (index === 0) return '#389e0d';
  if (index === last) return '#cf1322';
  return index === 1 ? '#1677ff' : '#faad14';
}

function chartOption(t: TFunction, data: EvaluationDashboard): ChartOption {
  const byYear = new Map(data.totals.map((r) => [r.year, r]));
  const years = data.years;
  const recognised = data.classes.find((c) => c.key === data.recognisedClass)?.label ?? data.recognisedClass;
  const shareName = t('evaluation.dashboard.shareSeries', { label: recognised });
  const last = data.classes.length - 1;
  return {
    color: [...data.classes.map((_c, i) => classColor(i, last)), '#d9d9d9', '#0d47a1'],
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: [
      { type: 'value', name: t('evaluation.dashboard.countAxis'), minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      ...data.classes.map((c) => ({
        type: 'bar' as const,
        name: c.label,
        stack: 'classes',
        data: years.map((y) => byYear.get(y)?.classes[c.key] ?? 0),
      })),
      {
        type: 'bar' as const,
        name: t('evaluation.dashboard.notRated'),
        stack: 'classes',
        data: years.map((y) => {
          const row = byYear.get(y);
          return row ? Math.max(0, row.subjects - row.rated) : 0;
        }),
      },
      {
        type: 'line' as const,
        name: shareName,
        yAxisIndex: 1,
        smooth: true,
        symbolSize: 8,
        lineStyle: { width: 3 },
        data: years.map((y) => {
          const share = byYear.get(y)?.recognisedShare;
          return share === null || share === undefined ? null : Math.round(share * 1000) / 10;
        }),
      },
    ],
  };
}

function Figures({ data, year }: { data: EvaluationDashboard; year: number }) {
  const { t } = useTranslation();
  const total = data.totals.find((r) => r.year === year);
  const recognised = data.classes.find((c) => c.key === data.recognisedClass)?.label ?? data.recognisedClass;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={12} md={8}>
        <Card size="small">
          <Statistic title={t('evaluation.dashboard.subjects', { year })} value={total?.subjects ?? 0} />
        </Card>
      </Col>
      <Col xs={12} md={8}>
        <Card size="small">
          <Statistic title={t('evaluation.dashboard.rated')} value={total?.rated ?? 0} />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small">
          <Statistic
            title={t('evaluation.dashboard.share', { label: recognised })}
            value={shareText(total?.recognisedShare)}
            styles={{ content: { color: '#0d47a1' } }}
          />
        </Card>
      </Col>
    </Row>
  );
}

function UnitTable({ data, rows }: { data: EvaluationDashboard; rows: Row[] }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  if (rows.length === 0) return <Empty description={t('evaluation.dashboard.noUnits')} />;
  if (isMobile)
    return (
      <div data-testid="dashboard-units">
        {rows.map((r) => (
          <div key={r.unitId ?? r.unitName} style={cardStyle}>
            <Typography.Text strong>{r.unitName}</Typography.Text>
            <div style={{ fontSize: 13 }}>
              {t('evaluation.dashboard.unitLine', {
                subjects: r.subjects,
                rated: r.rated,
                share: shareText(r.recognisedShare),
              })}
            </div>
            <div style={{ fontSize: 13 }}>
              {data.classes.map((c) => `${c.label}: ${r.classes[c.key] ?? 0}`).join(' · ')}
            </div>
          </div>
        ))}
      </div>
    );
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => r.unitId ?? r.unitName}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="dashboard-units"
      columns={[
        { title: t('evaluation.dashboard.unit'), dataIndex: 'unitName', fixed: 'left' },
        { title: t('evaluation.dashboard.subjectsCol'), dataIndex: 'subjects', align: 'right' },
        { title: t('evaluation.dashboard.rated'), dataIndex: 'rated', align: 'right' },
        ...data.classes.map((c) => ({
          title: c.label,
          key: c.key,
          align: 'right' as const,
          render: (_: unknown, r: Row) => r.classes[c.key] ?? 0,
        })),
        {
          title: t('evaluation.dashboard.shareCol'),
          key: 'share',
          align: 'right',
          render: (_: unknown, r) => shareText(r.recognisedShare),
        },
      ]}
    />
  );
}

/** Results by year: key figures, the chart of classes and recognised share, and the child units of one year. */
export function ResultsTab({ data }: { data: EvaluationDashboard }) {
  const { t } = useTranslation();
  const lastYear = data.years[data.years.length - 1];
  const [picked, setPicked] = useState<number | undefined>();
  const year = picked !== undefined && data.years.includes(picked) ? picked : lastYear;
  const option = useMemo(() => chartOption(t, data), [t, data]);
  if (year === undefined || data.totals.length === 0) return <Empty description={t('evaluation.dashboard.empty')} />;
  const rows = data.rows.filter((r) => r.year === year);
  return (
    <>
      <Figures data={data} year={year} />
      <Card size="small" title={t('evaluation.dashboard.chartTitle')} style={{ marginBottom: 12 }}>
        <LazyEChart option={option} height={340} testId="dashboard-chart" />
      </Card>
      <Card
        size="small"
        title={t('evaluation.dashboard.byUnit')}
        extra={
          <Select<number>
            size="small"
            aria-label={t('evaluation.dashboard.year')}
            value={year}
            onChange={setPicked}
            options={data.years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 90 }}
          />
        }
      >
        <UnitTable data={data} rows={rows} />
      </Card>
    </>
  );
}
