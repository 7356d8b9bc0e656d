import { useEffect, useState } from 'react';
import { Button, Checkbox, Col, Empty, Flex, Input, Row, Select, Skeleton, Table, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { EvaluationRow, MyEvaluationRow } from '../../../../src/contracts/evaluations';
import type { StepKey, StepStatus } from '../../../../src/domain/evaluations/cycle-steps';
import { PageError } from '../../components/page-error';
import { formatDate } from '../../lib/dates';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { subjectsOptions } from './evaluation-api';
import {
  LateTag,
  programmeLabel,
  scoreText,
  StatusTag,
  statusOptions,
  stepLabel,
  stepOptions,
} from './evaluation-labels';
import type { CycleSearch } from './evaluation-search';

function FileLink({ row }: { row: EvaluationRow }) {
  return (
    <Link
      to="/evaluations/files/$evaluationId"
      params={{ evaluationId: row.id }}
      onClick={(e) => e.stopPropagation()}
      style={{ overflowWrap: 'anywhere' }}
    >
      {row.subjectName}
    </Link>
  );
}

function ClassCell({ row }: { row: EvaluationRow }) {
  const { t } = useTranslation();
  return (
    <>
      {row.classLabel ?? '—'}
      {row.selfClassLabel && row.selfClassLabel !== row.classLabel && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('evaluation.subjects.selfClass', { label: row.selfClassLabel })}
        </Typography.Text>
      )}
    </>
  );
}

/** A row of a list; "mine" rows also name their cycle. */
type Row = EvaluationRow & Partial<Pick<MyEvaluationRow, 'programme' | 'programmeTitle' | 'cycleLabel'>>;

/** "Đánh giá, xếp loại đoàn viên năm 2026" for a row that names its cycle; null otherwise. */
function cycleText(t: TFunction, r: Row): string | null {
  if (!r.programme || !r.cycleLabel) return null;
  return `${programmeLabel(t, r.programme, r.programmeTitle)} ${r.cycleLabel}`;
}

/** A list of evaluation rows: a table on a desktop, cards on a phone, each opening the file. */
export function EvaluationRows({ items }: { items: Row[] }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const withCycle = items.some((r) => cycleText(t, r) !== null);
  if (items.length === 0) return <Empty description={t('evaluation.subjects.empty')} />;
  if (isMobile)
    return (
      <div data-testid="subject-list">
        {items.map((r) => (
          <div key={r.id} style={cardStyle}>
            {withCycle && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="row-cycle">
                {cycleText(t, r)}
              </Typography.Text>
            )}
            <FileLink row={r} />
            {r.unitName !== r.subjectName && (
              <div>
                <Typography.Text type="secondary">{r.unitName}</Typography.Text>
              </div>
            )}
            <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
              <span>{stepLabel(t, r.step)}</span>
              <StatusTag status={r.status} />
              {r.late && <LateTag />}
            </Flex>
            <div style={{ fontSize: 13, marginTop: 4 }}>
              {r.total !== null &&
                `${t('evaluation.subjects.scoreLine', { total: scoreText(r.total), label: r.classLabel ?? '—' })} · `}
              {r.deadline && t('evaluation.subjects.deadlineLine', { date: formatDate(r.deadline) })}
            </div>
            {r.followUpName && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {t('evaluation.subjects.followUpLine', { name: r.followUpName })}
              </Typography.Text>
            )}
          </div>
        ))}
      </div>
    );
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="subject-list"
      onRow={(r) => ({
        onClick: () => void navigate({ to: '/evaluations/files/$evaluationId', params: { evaluationId: r.id } }),
        style: { cursor: 'pointer' },
      })}
      columns={[
        ...(withCycle
          ? [
              {
                title: t('evaluation.subjects.cycle'),
                key: 'cycle',
                render: (_: unknown, r: Row) => <span data-testid="row-cycle">{cycleText(t, r)}</span>,
              },
            ]
          : []),
        { title: t('evaluation.subjects.subject'), key: 'subject', render: (_: unknown, r) => <FileLink row={r} /> },
        ...(items.some((r) => r.unitName !== r.subjectName)
          ? [{ title: t('evaluation.subjects.unit'), dataIndex: 'unitName' }]
          : []),
        { title: t('evaluation.subjects.step'), key: 'step', render: (_: unknown, r) => stepLabel(t, r.step) },
        {
          title: t('evaluation.subjects.status'),
          key: 'status',
          render: (_: unknown, r) => (
            <Flex gap={4} wrap>
              <StatusTag status={r.status} />
              {r.late && <LateTag />}
            </Flex>
          ),
        },
        {
          title: t('evaluation.subjects.total'),
          key: 'total',
          align: 'right',
          render: (_: unknown, r) => scoreText(r.total),
        },
        { title: t('evaluation.subjects.class'), key: 'class', render: (_: unknown, r) => <ClassCell row={r} /> },
        {
          title: t('evaluation.subjects.deadline'),
          key: 'deadline',
          render: (_: unknown, r) => formatDate(r.deadline),
        },
        { title: t('evaluation.subjects.followUp'), key: 'followUp', render: (_: unknown, r) => r.followUpName ?? '—' },
      ]}
    />
  );
}

/** The subjects of a cycle under the viewed unit, filtered by step, state, lateness and name. */
export function SubjectList(props: {
  cycleId: string;
  steps: StepKey[];
  search: CycleSearch;
  onSearch: (next: CycleSearch) => void;
}) {
  const { t } = useTranslation();
  const { search, onSearch } = props;
  const [text, setText] = useState(search.q ?? '');
  useEffect(() => setText(search.q ?? ''), [search.q]);
  const list = useInfiniteQuery(subjectsOptions(props.cycleId, search));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Input.Search
            allowClear
            placeholder={t('evaluation.subjects.search')}
            aria-label={t('evaluation.subjects.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(q) => onSearch({ ...search, q: q.trim() || undefined })}
          />
        </Col>
        <Col xs={12} md={5}>
          <Select<StepKey>
            style={{ width: '100%' }}
            allowClear
            placeholder={t('evaluation.subjects.allSteps')}
            aria-label={t('evaluation.subjects.step')}
            value={search.step}
            onChange={(step) => onSearch({ ...search, step })}
            options={stepOptions(t, props.steps)}
          />
        </Col>
        <Col xs={12} md={6}>
          <Select<StepStatus>
            style={{ width: '100%' }}
            allowClear
            placeholder={t('evaluation.subjects.allStatuses')}
            aria-label={t('evaluation.subjects.status')}
            value={search.status}
            onChange={(status) => onSearch({ ...search, status })}
            options={statusOptions(t)}
          />
        </Col>
        <Col xs={24} md={5} style={{ display: 'flex', alignItems: 'center' }}>
          <Checkbox
            checked={Boolean(search.late)}
            onChange={(e) => onSearch({ ...search, late: e.target.checked || undefined })}
            data-testid="late-only"
          >
            {t('evaluation.subjects.lateOnly')}
          </Checkbox>
        </Col>
      </Row>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {t('common.shown', { shown: items.length })}
          </Typography.Text>
          <EvaluationRows items={items} />
          {list.hasNextPage && (
            <Button
              block
              style={{ marginTop: 8 }}
              loading={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </>
      )}
    </>
  );
}
