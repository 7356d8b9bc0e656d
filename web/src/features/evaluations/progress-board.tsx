import { Empty, Flex, Progress, Table, Tag, Tooltip, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BoardRow, ProgressBoard } from '../../../../src/contracts/evaluations';
import type { StepKey } from '../../../../src/domain/evaluations/cycle-steps';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { STATUSES, statusLabel, stepLabel } from './evaluation-labels';

const count = (row: BoardRow, step: StepKey, status: string) => row.counts[`${step}.${status}`] ?? 0;

/**
 * Subjects past a step (at a later step, or approved or accepted at it) and those at it now waiting for the level
 * above or returned; `steps` is the cycle's order.
 */
function stepFigures(row: BoardRow, steps: StepKey[], step: StepKey) {
  const later = steps.slice(steps.indexOf(step) + 1);
  const atLater = later.reduce((sum, s) => sum + STATUSES.reduce((n, status) => n + count(row, s, status), 0), 0);
  return {
    done: atLater + count(row, step, 'approved') + count(row, step, 'accepted'),
    submitted: count(row, step, 'submitted'),
    returned: count(row, step, 'returned'),
  };
}

function breakdown(t: TFunction, row: BoardRow, step: StepKey): string {
  return STATUSES.map((s) => ({ s, n: count(row, step, s) }))
    .filter(({ n }) => n > 0)
    .map(({ s, n }) => `${statusLabel(t, s)}: ${n}`)
    .join(' · ');
}

/** One step of one row: "3/10 đã duyệt", a bar, and what waits for review or was returned. */
function StepCell({ row, steps, step }: { row: BoardRow; steps: StepKey[]; step: StepKey }) {
  const { t } = useTranslation();
  const f = stepFigures(row, steps, step);
  const percent = row.total > 0 ? Math.round((f.done / row.total) * 100) : 0;
  return (
    <Tooltip title={breakdown(t, row, step) || undefined}>
      <div style={{ minWidth: 96 }}>
        <Typography.Text>{t('evaluation.board.done', { done: f.done, total: row.total })}</Typography.Text>
        <Progress percent={percent} size="small" showInfo={false} style={{ margin: 0 }} />
        {f.submitted > 0 && (
          <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
            {t('evaluation.board.pending', { n: f.submitted })}
          </Typography.Text>
        )}
        {f.returned > 0 && (
          <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
            {t('evaluation.board.returned', { n: f.returned })}
          </Typography.Text>
        )}
      </div>
    </Tooltip>
  );
}

function MobileRow({ row, steps, onOpen }: { row: BoardRow; steps: StepKey[]; onOpen?: () => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ ...cardStyle, cursor: onOpen ? 'pointer' : undefined }} onClick={onOpen}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
          {row.unitName}
        </Typography.Text>
        {onOpen && <RightOutlined aria-label={t('evaluation.board.drill')} />}
      </Flex>
      <Typography.Text type="secondary">
        {t('evaluation.board.summary', { total: row.total, late: row.late, accepted: row.accepted })}
      </Typography.Text>
      <Flex gap={4} wrap style={{ marginTop: 4 }}>
        {steps.map((step) => {
          const f = stepFigures(row, steps, step);
          const color = f.returned > 0 ? 'red' : f.submitted > 0 ? 'gold' : f.done === row.total ? 'green' : undefined;
          return (
            <Tag key={step} color={color} style={{ marginInlineEnd: 0 }}>
              {stepLabel(t, step)} {f.done}/{row.total}
              {f.submitted > 0 && ` · ${t('evaluation.board.pending', { n: f.submitted })}`}
              {f.returned > 0 && ` · ${t('evaluation.board.returned', { n: f.returned })}`}
            </Tag>
          );
        })}
      </Flex>
    </div>
  );
}

/**
 * The progress board of a cycle: one row per child unit of the viewed unit and a total row, with per step the
 * subjects done, waiting and returned; a row opens the unit below.
 */
export function ProgressBoardView({ board, onDrill }: { board: ProgressBoard; onDrill: (unitId: string) => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const rows = [...board.rows, { ...board.total, unitName: t('evaluation.board.all') }];
  const drill = (row: BoardRow) => (row.unitId && row !== rows[rows.length - 1] ? row.unitId : null);
  if (board.total.total === 0) return <Empty description={t('evaluation.board.empty')} />;
  if (isMobile)
    return (
      <div data-testid="progress-board">
        {rows.map((row, i) => {
          const id = drill(row);
          return (
            <MobileRow
              key={row.unitId ?? `total-${i}`}
              row={row}
              steps={board.steps}
              onOpen={id ? () => onDrill(id) : undefined}
            />
          );
        })}
      </div>
    );
  return (
    <Table<BoardRow>
      size="small"
      rowKey={(row) => row.unitId ?? 'total'}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="progress-board"
      onRow={(row) => {
        const id = drill(row);
        return id
          ? { onClick: () => onDrill(id), style: { cursor: 'pointer' } }
          : { style: { fontWeight: row === rows[rows.length - 1] ? 600 : undefined } };
      }}
      columns={[
        {
          title: t('evaluation.board.unit'),
          key: 'unit',
          fixed: 'left',
          width: 200,
          render: (_: unknown, row) =>
            drill(row) ? (
              <a>
                {row.unitName} {row.hasChildren && <RightOutlined style={{ fontSize: 10 }} />}
              </a>
            ) : (
              row.unitName
            ),
        },
        { title: t('evaluation.board.total'), dataIndex: 'total', align: 'right' },
        {
          title: t('evaluation.board.late'),
          dataIndex: 'late',
          align: 'right' as const,
          render: (late: number) => (late > 0 ? <Typography.Text type="danger">{late}</Typography.Text> : late),
        },
        { title: t('evaluation.board.accepted'), dataIndex: 'accepted', align: 'right' as const },
        ...board.steps.map((step) => ({
          title: stepLabel(t, step),
          key: step,
          render: (_: unknown, row: BoardRow) => <StepCell row={row} steps={board.steps} step={step} />,
        })),
      ]}
    />
  );
}
