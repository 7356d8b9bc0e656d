import { useState } from 'react';
import { Alert, Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DisciplineDto } from '../../../../src/contracts/discipline';
import { formatDate } from '../../lib/dates';
import { cardStyle, DocumentButton, useIsMobile } from '../member-exits/procedure-ui';
import { AnnulModal } from './annul-modal';

function Subject({ d }: { d: DisciplineDto }) {
  if (d.memberId)
    return (
      <Link to="/members/$memberId" params={{ memberId: d.memberId }} style={{ fontWeight: 500 }}>
        {d.memberName}
      </Link>
    );
  return (
    <Link to="/units/$unitId" params={{ unitId: d.subjectUnitId }} style={{ fontWeight: 500 }}>
      {d.subjectUnitName}
    </Link>
  );
}

function StatusTag({ d }: { d: DisciplineDto }) {
  const { t } = useTranslation();
  return <Tag color={d.status === 'decided' ? 'red' : 'default'}>{t(`discipline.statuses.${d.status}`)}</Tag>;
}

function VoteText({ d }: { d: DisciplineDto }) {
  const { t } = useTranslation();
  if (d.presentCount === null || d.eligibleCount === null) return <>—</>;
  return (
    <>{t('discipline.voteText', { inFavour: d.inFavourCount, present: d.presentCount, eligible: d.eligibleCount })}</>
  );
}

/** Reminders to close the units whose dissolution was decided and which are still open. */
function DissolutionReminders({ items }: { items: DisciplineDto[] }) {
  const { t } = useTranslation();
  const open = items.filter((d) => d.dissolvesUnit && d.status === 'decided');
  if (open.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      {open.map((d) => (
        <Alert
          key={d.id}
          type="warning"
          showIcon
          data-testid="dissolution-reminder"
          title={t('discipline.dissolutionReminder', { unit: d.subjectUnitName })}
          action={
            <Link to="/units/$unitId" params={{ unitId: d.subjectUnitId }}>
              <Button size="small">{t('discipline.openUnit')}</Button>
            </Link>
          }
        />
      ))}
    </Flex>
  );
}

/** Discipline records: a table on desktop, cards on phones; the decision's download; "Hủy quyết định". */
export function DisciplineList({
  items,
  loading,
  compact,
}: {
  items: DisciplineDto[];
  loading?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [annulling, setAnnulling] = useState<DisciplineDto | null>(null);
  const annul = (d: DisciplineDto) =>
    d.canAnnul && (
      <Button size="small" danger onClick={() => setAnnulling(d)}>
        {t('discipline.annul')}
      </Button>
    );
  const modal = annulling && <AnnulModal discipline={annulling} onClose={() => setAnnulling(null)} />;

  if (isMobile || compact) {
    return (
      <>
        {!compact && <DissolutionReminders items={items} />}
        {items.length === 0 && !loading ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('discipline.empty')} />
        ) : (
          <div data-testid="discipline-cards">
            {items.map((d) => (
              <Flex key={d.id} vertical gap={4} style={cardStyle} data-testid="discipline-card">
                <Flex justify="space-between" gap={8} align="start">
                  <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    <Typography.Text strong>{d.formLabel}</Typography.Text>
                    {!compact && (
                      <>
                        {' · '}
                        <Subject d={d} />
                      </>
                    )}
                  </span>
                  <StatusTag d={d} />
                </Flex>
                <Typography.Text type="secondary">
                  {formatDate(d.decidedOn)} · {d.decidingUnitName}
                </Typography.Text>
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>{d.reason}</Typography.Text>
                <Typography.Text type="secondary">
                  <VoteText d={d} />
                </Typography.Text>
                {d.annulReason && (
                  <Typography.Text type="secondary">
                    {t('discipline.annulReason')}: {d.annulReason}
                  </Typography.Text>
                )}
                <Flex gap={8} wrap>
                  <DocumentButton doc={d.decision} />
                  {annul(d)}
                </Flex>
              </Flex>
            ))}
          </div>
        )}
        {modal}
      </>
    );
  }

  return (
    <>
      <DissolutionReminders items={items} />
      <Table<DisciplineDto>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('discipline.empty') }}
        data-testid="discipline-table"
        columns={[
          { key: 'date', title: t('discipline.decidedOn'), render: (_, d) => formatDate(d.decidedOn) },
          { key: 'subject', title: t('discipline.subject'), render: (_, d) => <Subject d={d} /> },
          { key: 'form', title: t('discipline.form'), dataIndex: 'formLabel' },
          { key: 'decider', title: t('discipline.decidingUnit'), dataIndex: 'decidingUnitName' },
          { key: 'vote', title: t('discipline.vote'), render: (_, d) => <VoteText d={d} /> },
          { key: 'decision', title: t('discipline.decision'), render: (_, d) => <DocumentButton doc={d.decision} /> },
          { key: 'status', title: t('procedures.status'), render: (_, d) => <StatusTag d={d} /> },
          { key: 'actions', title: t('procedures.actions'), render: (_, d) => annul(d) },
        ]}
      />
      {modal}
    </>
  );
}
