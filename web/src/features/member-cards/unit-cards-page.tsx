import { useState } from 'react';
import { Button, Card, Flex, Grid, Select, Skeleton, Spin, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CardRegisterRow } from '../../../../src/contracts/member-cards';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { formatDate } from '../../lib/dates';
import { unitDetailOptions } from '../units/unit-queries';
import { cardRegisterOptions } from './card-queries';
import { CardSchemeCard } from './card-scheme-card';
import { CardStatusTag } from './card-status-tag';

const cardStyle = { padding: '8px 12px', border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 8 } as const;

/** The card register of a unit's subtree by year, newest first (sổ cấp thẻ đoàn viên). */
function CardRegister({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [year, setYear] = useState<number | undefined>(undefined);
  const list = useInfiniteQuery(cardRegisterOptions(unitId, year));
  if (list.error) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const first = list.data?.pages[0];
  const reason = (r: CardRegisterRow) => t(`memberCard.reasons.${r.reason}`);
  const name = (r: CardRegisterRow) => (
    <Link to="/members/$memberId" params={{ memberId: r.memberId }}>
      {r.memberName}
    </Link>
  );
  const footer = (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ paddingBlock: 8 }}>
      <Typography.Text strong data-testid="register-total">
        {t('memberCard.page.total', { n: first?.total ?? 0 })}
      </Typography.Text>
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
  return (
    <Card
      size="small"
      title={t('memberCard.page.register')}
      extra={
        <Select<number | 'all'>
          size="small"
          aria-label={t('memberCard.page.year')}
          style={{ width: 140 }}
          value={year ?? 'all'}
          onChange={(v) => setYear(v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('memberCard.page.allYears') },
            ...(first?.years ?? []).map((y) => ({ value: y, label: String(y) })),
          ]}
        />
      }
    >
      {screens.md ? (
        <Table<CardRegisterRow>
          rowKey="id"
          size="small"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('memberCard.page.empty') }}
          data-testid="card-register"
          footer={() => footer}
          columns={[
            { key: 'n', title: t('memberCard.fields.cardNumber'), dataIndex: 'cardNumber' },
            { key: 'm', title: t('memberCard.fields.member'), render: (_, r) => name(r) },
            { key: 'b', title: t('memberCard.fields.birthDate'), render: (_, r) => formatDate(r.birthDate) },
            { key: 'br', title: t('memberCard.fields.branch'), dataIndex: 'branchName' },
            { key: 'd', title: t('memberCard.fields.issuedOn'), render: (_, r) => formatDate(r.issuedOn) },
            { key: 'r', title: t('memberCard.fields.reason'), render: (_, r) => reason(r) },
            { key: 's', title: t('memberCard.fields.status'), render: (_, r) => <CardStatusTag status={r.status} /> },
            { key: 'u', title: t('memberCard.fields.unit'), dataIndex: 'unitName' },
          ]}
        />
      ) : (
        <Spin spinning={list.isFetching && !list.isFetchingNextPage}>
          <div data-testid="card-register">
            {rows.length === 0 && !list.isPending && (
              <Typography.Text type="secondary">{t('memberCard.page.empty')}</Typography.Text>
            )}
            {rows.map((r) => (
              <Flex key={r.id} vertical gap={2} style={cardStyle}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{r.cardNumber}</Typography.Text>
                  <CardStatusTag status={r.status} />
                </Flex>
                {name(r)}
                <Typography.Text type="secondary">{`${formatDate(r.issuedOn)} · ${reason(r)} · ${r.branchName}`}</Typography.Text>
              </Flex>
            ))}
          </div>
          {footer}
        </Spin>
      )}
    </Card>
  );
}

/** "Thẻ đoàn viên" of a unit: its card numbering and the register of cards of its subtree. */
export function UnitCardsPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unit = useQuery(unitDetailOptions(unitId));
  if (unit.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (unit.error || !unit.data) return <PageError error={unit.error} onRetry={() => void unit.refetch()} />;
  return (
    <>
      <PageTitle
        title={<span data-testid="cards-title">{t('memberCard.page.title', { unit: unit.data.name })}</span>}
        extra={
          <>
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => void navigate({ to: '/units/$unitId', params: { unitId } })}
            >
              {t('memberCard.page.back')}
            </Button>
            <Button onClick={() => void navigate({ to: '/admissions', search: { unitId } })}>
              {t('memberCard.page.admissions')}
            </Button>
          </>
        }
      />
      <CardSchemeCard unitId={unitId} />
      <CardRegister unitId={unitId} />
    </>
  );
}
