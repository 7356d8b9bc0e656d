import { Card, Flex, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProgressBoard } from '../../../../src/contracts/evaluations';
import { formatDate } from '../../lib/dates';
import { StatusTag, stepLabel } from './evaluation-labels';

type LateItem = ProgressBoard['late'][number];

function LateRow({ item, first }: { item: LateItem; first: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} style={{ padding: '8px 12px', borderTop: first ? undefined : '1px solid #f0f0f0' }}>
      <Flex justify="space-between" gap={8} wrap>
        <Link
          to="/evaluations/files/$evaluationId"
          params={{ evaluationId: item.evaluationId }}
          style={{ overflowWrap: 'anywhere' }}
        >
          {item.subjectName}
        </Link>
        <Typography.Text type="danger" style={{ whiteSpace: 'nowrap' }}>
          {t('evaluation.lateList.deadline', { date: formatDate(item.deadline) })}
        </Typography.Text>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">
          {item.unitName !== item.subjectName && `${item.unitName} · `}
          {stepLabel(t, item.step)}
        </Typography.Text>
        <StatusTag status={item.status} />
      </Flex>
    </Flex>
  );
}

/** Subjects late at their step, earliest deadline first, each opening its file. */
export function LateList({ items }: { items: LateItem[] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('evaluation.lateList.title', { n: items.length })}
      styles={{ body: { padding: 0 } }}
      data-testid="late-list"
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 12px' }}>
          {t('evaluation.lateList.empty')}
        </Typography.Text>
      ) : (
        items.map((item, i) => <LateRow key={item.evaluationId} item={item} first={i === 0} />)
      )}
    </Card>
  );
}
