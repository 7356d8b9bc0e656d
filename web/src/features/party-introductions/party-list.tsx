import { useState } from 'react';
import { Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PartyIntroductionDto } from '../../../../src/contracts/party-introductions';
import { formatDate } from '../../lib/dates';
import { cardStyle, DocumentButton, useIsMobile } from '../member-exits/procedure-ui';
import { PartyStepModal, type PartyStep } from './party-step-modals';

const COLORS: Record<PartyIntroductionDto['status'], string> = {
  proposed: 'blue',
  introduced: 'gold',
  admitted: 'red',
  not_admitted: 'default',
  withdrawn: 'default',
};

function StatusTag({ i }: { i: PartyIntroductionDto }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[i.status]}>{t(`partyIntro.statuses.${i.status}`)}</Tag>;
}

function Warnings({ i }: { i: PartyIntroductionDto }) {
  if (i.criteriaWarnings.length === 0) return null;
  return (
    <Typography.Text type="warning" style={{ fontSize: 12, display: 'block', maxWidth: 260, whiteSpace: 'normal' }}>
      {i.criteriaWarnings.map((w) => w.message).join(' ')}
    </Typography.Text>
  );
}

/** Party introductions: a table on desktop, cards on phones, with the steps the account may take. */
export function PartyList({
  items,
  loading,
  compact,
}: {
  items: PartyIntroductionDto[];
  loading?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [step, setStep] = useState<{ step: PartyStep; intro: PartyIntroductionDto } | null>(null);
  const actions = (i: PartyIntroductionDto) => (
    <Flex gap={6} wrap>
      <DocumentButton doc={i.letter} />
      {(['introduce', 'outcome', 'withdraw'] as const)
        .filter((s) => i.actions[s])
        .map((s) => (
          <Button
            key={s}
            size="small"
            type={s === 'withdraw' ? 'default' : 'primary'}
            danger={s === 'withdraw'}
            onClick={() => setStep({ step: s, intro: i })}
          >
            {t(`partyIntro.${s}`)}
          </Button>
        ))}
    </Flex>
  );
  const name = (i: PartyIntroductionDto) => (
    <Link to="/members/$memberId" params={{ memberId: i.memberId }} style={{ fontWeight: 500 }}>
      {i.memberName}
    </Link>
  );
  const modal = step && <PartyStepModal step={step.step} intro={step.intro} onClose={() => setStep(null)} />;
  if (!loading && items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partyIntro.empty')} />;

  if (isMobile || compact)
    return (
      <div data-testid="party-cards">
        {items.map((i) => (
          <Flex key={i.id} vertical gap={4} style={cardStyle} data-testid="party-card">
            <Flex justify="space-between" gap={8} align="start">
              <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {compact ? formatDate(i.resolutionOn) : name(i)}
              </span>
              <StatusTag i={i} />
            </Flex>
            {!compact && (
              <Typography.Text type="secondary">
                {formatDate(i.resolutionOn)} · {i.unitName}
              </Typography.Text>
            )}
            {i.introducingUnitName && i.partyCell && (
              <Typography.Text type="secondary">
                {t('partyIntro.introducedBy', { unit: i.introducingUnitName, cell: i.partyCell })}
              </Typography.Text>
            )}
            {i.outcomeNote && <Typography.Text type="secondary">{i.outcomeNote}</Typography.Text>}
            <Warnings i={i} />
            {actions(i)}
          </Flex>
        ))}
        {modal}
      </div>
    );

  return (
    <>
      <Table<PartyIntroductionDto>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="party-table"
        columns={[
          { key: 'name', title: t('procedures.member'), render: (_, i) => name(i) },
          { key: 'unit', title: t('partyIntro.unit'), dataIndex: 'unitName' },
          { key: 'resolution', title: t('partyIntro.resolutionOn'), render: (_, i) => formatDate(i.resolutionOn) },
          {
            key: 'introduced',
            title: t('partyIntro.introducedOn'),
            render: (_, i) => (i.introducedOn ? `${formatDate(i.introducedOn)} · ${i.partyCell ?? ''}` : '—'),
          },
          { key: 'status', title: t('procedures.status'), render: (_, i) => <StatusTag i={i} /> },
          { key: 'warnings', title: t('partyIntro.warnings'), render: (_, i) => <Warnings i={i} /> },
          { key: 'actions', title: t('procedures.actions'), render: (_, i) => actions(i) },
        ]}
      />
      {modal}
    </>
  );
}
