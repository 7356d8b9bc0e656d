import { useState } from 'react';
import { Card, Flex, Select, Table, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { RecruitmentCredit } from '../../../../src/contracts/admissions';
import { creditOptions } from './admission-queries';

/** "Đoàn viên giới thiệu": candidates admitted per recruiting member and per branch ("1+1"). */
export function RecruitmentCreditCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(thisYear);
  const { data, isPending } = useQuery(creditOptions(unitId, year));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const byMember: RecruitmentCredit['byMember'] = data?.byMember ?? [];
  const byUnit: RecruitmentCredit['byUnit'] = data?.byUnit ?? [];
  return (
    <Card
      size="small"
      title={t('admission.credit.title')}
      data-testid="recruitment-credit"
      extra={
        <Select<number | 'all'>
          aria-label={t('admission.credit.year')}
          size="small"
          style={{ width: 120 }}
          value={year ?? 'all'}
          onChange={(v) => setYear(v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('admission.credit.allYears') },
            ...years.map((y) => ({ value: y, label: String(y) })),
          ]}
        />
      }
    >
      <Tabs
        size="small"
        items={[
          {
            key: 'member',
            label: t('admission.credit.byMember'),
            children: (
              <Table
                rowKey="memberId"
                size="small"
                loading={isPending}
                pagination={false}
                dataSource={byMember}
                locale={{ emptyText: t('admission.credit.empty') }}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    key: 'name',
                    title: t('admission.credit.member'),
                    render: (_, r) => (
                      <Flex vertical>
                        <Link to="/members/$memberId" params={{ memberId: r.memberId }}>
                          {r.fullName}
                        </Link>
                        <Typography.Text type="secondary">{r.unitName}</Typography.Text>
                      </Flex>
                    ),
                  },
                  { key: 'n', title: t('admission.credit.admitted'), dataIndex: 'admitted', align: 'right' },
                ]}
              />
            ),
          },
          {
            key: 'unit',
            label: t('admission.credit.byUnit'),
            children: (
              <Table
                rowKey="unitId"
                size="small"
                loading={isPending}
                pagination={false}
                dataSource={byUnit}
                locale={{ emptyText: t('admission.credit.empty') }}
                scroll={{ x: 'max-content' }}
                columns={[
                  { key: 'unit', title: t('admission.credit.unit'), dataIndex: 'unitName' },
                  { key: 'r', title: t('admission.credit.recruiters'), dataIndex: 'recruiters', align: 'right' },
                  { key: 'n', title: t('admission.credit.admitted'), dataIndex: 'admitted', align: 'right' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
