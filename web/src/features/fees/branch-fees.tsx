import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BranchFeeMember, BranchFees, PaidMonth } from '../../../../src/contracts/fees';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { CollectDrawer } from './collect-drawer';
import { FeeClassModal } from './fee-class-modal';
import { money, monthsOfYear, monthText } from './fees-api';
import { PaymentModal } from './payment-modal';

function NameLink({ m }: { m: BranchFeeMember }) {
  return (
    <Link to="/members/$memberId" params={{ memberId: m.memberId }} style={{ fontWeight: 500 }}>
      {m.fullName}
    </Link>
  );
}

function PaidUpTo({ m }: { m: BranchFeeMember }) {
  const { t } = useTranslation();
  return <span data-testid="fee-paid-up-to">{m.paidUpTo ? monthText(m.paidUpTo) : t('fee.never')}</span>;
}

function Owed({ m }: { m: BranchFeeMember }) {
  const { t } = useTranslation();
  if (!m.owed) return <Typography.Text type="secondary">{t('fee.none')}</Typography.Text>;
  return (
    <Tag color={m.overdue ? 'red' : 'orange'}>
      {t('fee.owedMonths', { n: m.owed.count, amount: money(m.owed.amount) })}
    </Tag>
  );
}

/** Collected, kept and passed up of the year, with the current rates. */
export function FeeTotalsCard({ data }: { data: Pick<BranchFees, 'totals' | 'rates' | 'year'> }) {
  const { t } = useTranslation();
  const r = data.rates;
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Row gutter={[12, 8]}>
        <Col xs={24} sm={8}>
          <Statistic title={t('fee.collected', { year: data.year })} value={money(data.totals.collected)} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('fee.kept', { percent: r.branchKeepsPercent })} value={money(data.totals.kept)} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('fee.passedUp')} value={money(data.totals.passedUp)} />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('fee.rates', {
          withoutSalary: money(r.withoutSalary),
          withSalary: money(r.withSalary),
          abroad: money(r.abroad),
        })}
      </Typography.Text>
    </Card>
  );
}

interface GridProps {
  data: BranchFees;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onCollect: (ids: string[]) => void;
  onClass: (m: BranchFeeMember) => void;
  onPayment: (m: BranchFeeMember, p: PaidMonth) => void;
}

function MonthCell({ m, month, onPayment }: { m: BranchFeeMember; month: string; onPayment: GridProps['onPayment'] }) {
  const paid = m.paid.find((p) => p.month === month);
  if (!paid) return <span style={{ color: '#bbb' }}>·</span>;
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto' }}
      aria-label={`${m.fullName} ${monthText(month)}`}
      onClick={() => onPayment(m, paid)}
    >
      ✓
    </Button>
  );
}

function MemberTable({ data, selected, onSelect, onCollect, onClass, onPayment }: GridProps) {
  const { t } = useTranslation();
  return (
    <Table<BranchFeeMember>
      rowKey="memberId"
      size="small"
      dataSource={data.members}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="fee-grid"
      rowSelection={
        data.canWrite
          ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)), columnWidth: 36 }
          : undefined
      }
      columns={[
        { key: 'name', title: t('fee.member'), fixed: 'left', render: (_, m) => <NameLink m={m} /> },
        {
          key: 'class',
          title: t('fee.rateClass'),
          render: (_, m) =>
            data.canWrite ? (
              <Button size="small" type="text" onClick={() => onClass(m)}>
                {t(`fee.classes.${m.rateClass}`)}
              </Button>
            ) : (
              t(`fee.classes.${m.rateClass}`)
            ),
        },
        { key: 'upTo', title: t('fee.paidUpTo'), render: (_, m) => <PaidUpTo m={m} /> },
        { key: 'owed', title: t('fee.owed'), render: (_, m) => <Owed m={m} /> },
        ...monthsOfYear(data.year).map((month) => ({
          key: month,
          title: `T${Number(month.slice(5))}`,
          align: 'center' as const,
          render: (_: unknown, m: BranchFeeMember) => <MonthCell m={m} month={month} onPayment={onPayment} />,
        })),
        ...(data.canWrite
          ? [
              {
                key: 'collect',
                title: '',
                render: (_: unknown, m: BranchFeeMember) => (
                  <Button size="small" onClick={() => onCollect([m.memberId])}>
                    {t('fee.collect')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function MemberCards({ data, selected, onSelect, onCollect, onClass, onPayment }: GridProps) {
  const { t } = useTranslation();
  const toggle = (id: string, on: boolean) => onSelect(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <div data-testid="fee-grid">
      {data.members.map((m) => (
        <Flex key={m.memberId} vertical gap={4} style={cardStyle} data-testid="fee-card">
          <Flex justify="space-between" align="start" gap={8}>
            <Flex gap={8} align="start" style={{ minWidth: 0 }}>
              {data.canWrite && (
                <Checkbox
                  aria-label={m.fullName}
                  checked={selected.includes(m.memberId)}
                  onChange={(e) => toggle(m.memberId, e.target.checked)}
                />
              )}
              <span style={{ overflowWrap: 'anywhere' }}>
                <NameLink m={m} />
              </span>
            </Flex>
            {data.canWrite && (
              <Button size="small" type="primary" ghost onClick={() => onCollect([m.memberId])}>
                {t('fee.collect')}
              </Button>
            )}
          </Flex>
          <Typography.Text type="secondary">
            {t('fee.paidUpTo')}: <PaidUpTo m={m} />
          </Typography.Text>
          <Flex gap={6} wrap align="center">
            <Owed m={m} />
            <Button size="small" type="text" disabled={!data.canWrite} onClick={() => onClass(m)}>
              {t(`fee.classes.${m.rateClass}`)}
            </Button>
          </Flex>
          {m.paid.length > 0 && (
            <Flex gap={4} wrap>
              {m.paid.map((p) => (
                <Tag key={p.id} style={{ cursor: 'pointer', marginInlineEnd: 0 }} onClick={() => onPayment(m, p)}>
                  {monthText(p.month)}
                </Tag>
              ))}
            </Flex>
          )}
        </Flex>
      ))}
    </div>
  );
}

/** A branch: totals, the member grid (cards on phones), collection, class changes and payment corrections. */
export function BranchFeesView({ data }: { data: BranchFees }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [selected, setSelected] = useState<string[]>([]);
  const [collecting, setCollecting] = useState<string[] | null>(null);
  const [classOf, setClassOf] = useState<BranchFeeMember | null>(null);
  const [payment, setPayment] = useState<{ m: BranchFeeMember; p: PaidMonth } | null>(null);
  const props: GridProps = {
    data,
    selected,
    onSelect: setSelected,
    onCollect: setCollecting,
    onClass: setClassOf,
    onPayment: (m, p) => setPayment({ m, p }),
  };
  return (
    <>
      <FeeTotalsCard data={data} />
      {!data.canWrite && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('fee.readOnly')} />}
      {data.canWrite && data.members.length > 0 && (
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('fee.selected', { n: selected.length })}</Typography.Text>
          <Button type="primary" onClick={() => setCollecting(selected)} data-testid="fee-collect-open">
            {t('fee.collectSelected', { n: selected.length })}
          </Button>
        </Flex>
      )}
      {data.members.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fee.noMembers')} />
      ) : isMobile ? (
        <MemberCards {...props} />
      ) : (
        <MemberTable {...props} />
      )}
      {collecting && (
        <CollectDrawer
          data={data}
          memberIds={collecting}
          onClose={() => setCollecting(null)}
          onDone={() => {
            setCollecting(null);
            setSelected([]);
          }}
        />
      )}
      {classOf && (
        <FeeClassModal memberId={classOf.memberId} fullName={classOf.fullName} onClose={() => setClassOf(null)} />
      )}
      {payment && (
        <PaymentModal
          fullName={payment.m.fullName}
          payment={payment.p}
          canWrite={data.canWrite}
          onClose={() => setPayment(null)}
        />
      )}
    </>
  );
}
