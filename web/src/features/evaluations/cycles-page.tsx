import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Progress, Row, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CycleSummary } from '../../../../src/contracts/evaluations';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { useCan } from '../auth/current-user';
import { cardStyle, recentYears, useIsMobile } from '../member-exits/procedure-ui';
import { cyclesOptions } from './evaluation-api';
import { programmeLabel, programmeOptions } from './evaluation-labels';
import type { CyclesSearch } from './evaluation-search';
import { OpenCycleModal } from './open-cycle-modal';

function CycleProgress({ cycle }: { cycle: CycleSummary }) {
  const { t } = useTranslation();
  const percent = cycle.subjects > 0 ? Math.round((cycle.accepted / cycle.subjects) * 100) : 0;
  return (
    <div style={{ minWidth: 140 }}>
      <Progress percent={percent} size="small" showInfo={false} />
      <Typography.Text type="secondary">
        {t('evaluation.cycles.progress', { accepted: cycle.accepted, subjects: cycle.subjects })}
      </Typography.Text>
    </div>
  );
}

function CycleStatus({ cycle }: { cycle: CycleSummary }) {
  const { t } = useTranslation();
  return <Tag color={cycle.status === 'open' ? 'blue' : 'default'}>{t(`evaluation.cycleStatus.${cycle.status}`)}</Tag>;
}

/** The programme of a cycle with its period: "Đoàn cơ sở “3 chủ động” · năm 2025". */
export function cycleTitle(t: Parameters<typeof programmeLabel>[0], cycle: CycleSummary): string {
  return `${programmeLabel(t, cycle.programme, cycle.programmeTitle)} ${cycle.label}`;
}

function CycleList({ items }: { items: CycleSummary[] }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const open = (id: string) => void navigate({ to: '/evaluations/cycles/$cycleId', params: { cycleId: id } });
  if (items.length === 0) return <Empty description={t('evaluation.cycles.empty')} />;
  if (isMobile)
    return (
      <div data-testid="cycle-list">
        {items.map((c) => (
          <div key={c.id} style={cardStyle}>
            <Link to="/evaluations/cycles/$cycleId" params={{ cycleId: c.id }}>
              <Typography.Text strong>{cycleTitle(t, c)}</Typography.Text>
            </Link>
            <div>
              <Typography.Text type="secondary">{c.ownerUnitName}</Typography.Text>
            </div>
            <Flex gap={8} wrap align="center" style={{ marginTop: 4 }}>
              <CycleStatus cycle={c} />
              <Tag>{t(`evaluation.reinspection.${c.reinspection}`)}</Tag>
            </Flex>
            <CycleProgress cycle={c} />
          </div>
        ))}
      </div>
    );
  return (
    <Table<CycleSummary>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={false}
      data-testid="cycle-list"
      onRow={(c) => ({ onClick: () => open(c.id), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: t('evaluation.cycles.programme'),
          key: 'programme',
          render: (_: unknown, c) => (
            <>
              <Link to="/evaluations/cycles/$cycleId" params={{ cycleId: c.id }} onClick={(e) => e.stopPropagation()}>
                {cycleTitle(t, c)}
              </Link>
              <div>
                <Typography.Text type="secondary">
                  {t('evaluation.cycles.setPeriod', { period: c.periodLabel })}
                </Typography.Text>
              </div>
            </>
          ),
        },
        { title: t('evaluation.cycles.owner'), dataIndex: 'ownerUnitName' },
        { title: t('evaluation.cycles.status'), key: 'status', render: (_: unknown, c) => <CycleStatus cycle={c} /> },
        {
          title: t('evaluation.cycles.reinspection'),
          key: 'reinspection',
          render: (_: unknown, c) => t(`evaluation.reinspection.${c.reinspection}`),
        },
        {
          title: t('evaluation.cycles.progressTitle'),
          key: 'progress',
          width: 200,
          render: (_: unknown, c) => <CycleProgress cycle={c} />,
        },
      ]}
    />
  );
}

/** "Đợt đánh giá": the cycles by year and programme, and opening a new one. */
export function CyclesPage({ search, onSearch }: { search: CyclesSearch; onSearch: (next: CyclesSearch) => void }) {
  const { t } = useTranslation();
  const canRead = useCan('member.read');
  const canOpen = useCan('member.write');
  const [opening, setOpening] = useState(false);
  const list = useQuery({ ...cyclesOptions(search), enabled: canRead });
  if (!canRead) return <Forbidden />;
  return (
    <>
      <PageTitle
        title={t('evaluation.cycles.title')}
        extra={
          canOpen && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="open-cycle">
              {t('evaluation.openCycle.title')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('evaluation.cycles.hint')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[12, 8]}>
          <Col xs={24} sm={8} lg={5}>
            <Typography.Text type="secondary">{t('evaluation.cycles.year')}</Typography.Text>
            <Select<number>
              aria-label={t('evaluation.cycles.year')}
              style={{ width: '100%' }}
              allowClear
              placeholder={t('evaluation.allYears')}
              value={search.year}
              onChange={(year) => onSearch({ ...search, year })}
              options={recentYears(1).map((y) => ({ value: y, label: String(y) }))}
            />
          </Col>
          <Col xs={24} sm={16} lg={9}>
            <Typography.Text type="secondary">{t('evaluation.cycles.programme')}</Typography.Text>
            <Select<string>
              aria-label={t('evaluation.cycles.programme')}
              style={{ width: '100%' }}
              allowClear
              placeholder={t('evaluation.allProgrammes')}
              value={search.programme}
              onChange={(programme) => onSearch({ ...search, programme })}
              options={programmeOptions(t)}
            />
          </Col>
        </Row>
      </Card>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : (
        <CycleList items={list.data} />
      )}
      {opening && <OpenCycleModal onClose={() => setOpening(false)} />}
    </>
  );
}
