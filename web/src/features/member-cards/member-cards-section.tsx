import { useState } from 'react';
import { Button, Descriptions, Flex, Grid, Skeleton, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MemberCardDto } from '../../../../src/contracts/member-cards';
import type { CardAction } from '../../../../src/domain/workflows/member-card';
import { PageError } from '../../components/page-error';
import { formatDate } from '../../lib/dates';
import { CardModal } from './card-modal';
import { memberCardsOptions } from './card-queries';
import { CardStatusTag } from './card-status-tag';

const dash = '—';
const cardStyle = { padding: '8px 12px', border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 8 } as const;

/** "Thẻ đoàn viên" on the member page: the card in use, its history, and issue/reissue/revoke. */
export function MemberCardsSection({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { data, error, isPending, refetch } = useQuery(memberCardsOptions(memberId));
  const [action, setAction] = useState<CardAction | null>(null);
  if (isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (error || !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const reason = (c: MemberCardDto) => t(`memberCard.reasons.${c.reason}`);
  const ended = (c: MemberCardDto) => [formatDate(c.endedOn), c.endReason].filter(Boolean).join(' · ') || dash;

  return (
    <Flex vertical gap={12} data-testid="member-cards-section">
      <Descriptions
        size="small"
        bordered
        column={screens.md ? 2 : 1}
        items={[
          {
            key: 'number',
            label: t('memberCard.current'),
            children: <span data-testid="current-card">{data.cardNumber ?? t('memberCard.none')}</span>,
          },
          { key: 'date', label: t('memberCard.fields.issuedOn'), children: formatDate(data.cardIssuedOn) || dash },
        ]}
      />
      {data.actions.length > 0 && (
        <Flex wrap gap={8}>
          {data.actions.map((a) => (
            <Button
              key={a}
              danger={a === 'revoke'}
              type={a === 'issue' ? 'primary' : 'default'}
              onClick={() => setAction(a)}
            >
              {t(`memberCard.actions.${a}`)}
            </Button>
          ))}
        </Flex>
      )}
      <Typography.Text strong>{t('memberCard.history')}</Typography.Text>
      {screens.md ? (
        <Table<MemberCardDto>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('memberCard.none') }}
          columns={[
            { key: 'n', title: t('memberCard.fields.cardNumber'), dataIndex: 'cardNumber' },
            { key: 'd', title: t('memberCard.fields.issuedOn'), render: (_, c) => formatDate(c.issuedOn) },
            { key: 'r', title: t('memberCard.fields.reason'), render: (_, c) => reason(c) },
            { key: 's', title: t('memberCard.fields.status'), render: (_, c) => <CardStatusTag status={c.status} /> },
            { key: 'u', title: t('memberCard.fields.unit'), dataIndex: 'unitName' },
            { key: 'e', title: t('memberCard.fields.endedOn'), render: (_, c) => ended(c) },
          ]}
        />
      ) : data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('memberCard.none')}</Typography.Text>
      ) : (
        <div>
          {data.items.map((c) => (
            <Flex key={c.id} vertical gap={2} style={cardStyle}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{c.cardNumber}</Typography.Text>
                <CardStatusTag status={c.status} />
              </Flex>
              <Typography.Text type="secondary">{`${formatDate(c.issuedOn)} · ${reason(c)} · ${c.unitName}`}</Typography.Text>
              {c.status !== 'active' && <Typography.Text type="secondary">{ended(c)}</Typography.Text>}
            </Flex>
          ))}
        </div>
      )}
      {action && <CardModal cards={data} action={action} onClose={() => setAction(null)} />}
    </Flex>
  );
}
