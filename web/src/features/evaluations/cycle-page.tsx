import { Breadcrumb, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CycleDetail, ProgressBoard } from '../../../../src/contracts/evaluations';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { formatDate } from '../../lib/dates';
import { useCycleActions } from './cycle-actions';
import { cycleTitle } from './cycles-page';
import { boardOptions, cycleOptions } from './evaluation-api';
import { stepLabel } from './evaluation-labels';
import type { CycleSearch } from './evaluation-search';
import { LateList } from './late-list';
import { ProgressBoardView } from './progress-board';
import { SubjectList } from './subject-list';
import { TopClassNotice } from './top-class-notice';

function Deadlines({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      style={{ marginBottom: 12 }}
      data-testid="cycle-deadlines"
      items={cycle.steps.map((step) => ({
        key: step,
        label: stepLabel(t, step),
        children: cycle.deadlines[step] ? formatDate(cycle.deadlines[step]) : t('evaluation.cycle.noDeadline'),
      }))}
    />
  );
}

/** Owner unit › … › viewed unit; each unit above the viewed one opens its board. */
function Trail({ board, onUnit }: { board: ProgressBoard; onUnit: (unitId: string) => void }) {
  const last = board.trail.length - 1;
  return (
    <Breadcrumb
      style={{ marginBottom: 8 }}
      data-testid="board-trail"
      items={board.trail.map((u, i) => ({
        key: u.id,
        title:
          i === last ? (
            u.name
          ) : (
            <a
              href="#"
              onClick={(e) => {
                e.preventDefault();
                onUnit(u.id);
              }}
            >
              {u.name}
            </a>
          ),
      }))}
    />
  );
}

/** One cycle: deadlines, the progress board by unit (drill-down), late subjects and the subject list. */
export function CyclePage(props: { cycleId: string; search: CycleSearch; onSearch: (next: CycleSearch) => void }) {
  const { t } = useTranslation();
  const { search, onSearch } = props;
  const cycle = useQuery(cycleOptions(props.cycleId));
  const board = useQuery(boardOptions(props.cycleId, search.unitId));
  const c = cycle.data;
  const actions = useCycleActions({ cycle: c, unitId: search.unitId });
  if (cycle.error) return <PageError error={cycle.error} onRetry={() => void cycle.refetch()} />;
  if (!c) return <Skeleton active paragraph={{ rows: 8 }} />;
  const toUnit = (unitId: string) => onSearch({ ...search, unitId: unitId === c.ownerUnitId ? undefined : unitId });

  return (
    <>
      <Link to="/evaluations">
        <ArrowLeftOutlined /> {t('evaluation.cycle.back')}
      </Link>
      <PageTitle
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="cycle-title">{cycleTitle(t, c)}</span>
            <Tag color={c.status === 'open' ? 'blue' : 'default'}>{t(`evaluation.cycleStatus.${c.status}`)}</Tag>
          </Flex>
        }
        extra={actions.buttons}
      />
      <Typography.Paragraph type="secondary">
        {t('evaluation.cycle.subtitle', {
          owner: c.ownerUnitName,
          period: c.periodLabel,
          reinspection: t(`evaluation.reinspection.${c.reinspection}`),
        })}
      </Typography.Paragraph>
      {c.note && <Typography.Paragraph>{c.note}</Typography.Paragraph>}
      {actions.notice}
      <Deadlines cycle={c} />
      <Flex vertical gap={12}>
        <Card size="small" title={t('evaluation.board.title')}>
          {board.error ? (
            <PageError error={board.error} onRetry={() => void board.refetch()} />
          ) : !board.data ? (
            <Skeleton active paragraph={{ rows: 4 }} />
          ) : (
            <>
              <Trail board={board.data} onUnit={toUnit} />
              <TopClassNotice check={board.data.topClass} always />
              <ProgressBoardView board={board.data} onDrill={toUnit} />
            </>
          )}
        </Card>
        {board.data && <LateList items={board.data.late} />}
        <Card size="small" title={t('evaluation.subjects.title')}>
          <SubjectList cycleId={c.id} steps={c.steps} search={search} onSearch={onSearch} />
        </Card>
      </Flex>
    </>
  );
}
