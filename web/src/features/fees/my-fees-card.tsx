import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MyFees } from '../../../../src/contracts/fees';
import { PageError } from '../../components/page-error';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { money, monthText } from './fees-api';

/** The signed-in member's union fee: class, paid up to, arrears and this year's payments (GET /api/me/fees). */
export function MyFeesCard() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: ['fees', 'me'], queryFn: () => api.get<MyFees>('/me/fees') });
  const d = mine.data;
  return (
    <Card size="small" title={t('fee.myTitle')} data-testid="my-fees">
      {mine.error ? (
        <PageError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            <Tag>{t(`fee.classes.${d.rateClass}`)}</Tag>
            {t('fee.perMonth', { amount: money(d.monthlyAmount) })}
          </Typography.Paragraph>
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {d.paidUpTo ? t('fee.myPaidUpTo', { month: monthText(d.paidUpTo) }) : t('fee.myNever')}
          </Typography.Paragraph>
          <Typography.Paragraph type={d.owed ? 'danger' : 'success'}>
            {d.owed
              ? t('fee.myOwed', { n: d.owed.count, from: monthText(d.owed.from), amount: money(d.owed.amount) })
              : t('fee.myClear')}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('fee.myPayments', { year: d.year })}</Typography.Text>
          {d.payments.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fee.myNoPayments')} />
          ) : (
            <Flex wrap gap={6} style={{ marginTop: 8 }} data-testid="my-fee-payments">
              {d.payments.map((p) => (
                <Tag key={p.month} color="green" title={formatDate(p.collectedOn)} style={{ marginInlineEnd: 0 }}>
                  {monthText(p.month)} · {money(p.amount)}
                </Tag>
              ))}
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}
