import { Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PartyStats } from '../../../../src/contracts/party-introductions';
import { PageError } from '../../components/page-error';
import { partyStatsOptions } from './party-api';

type Row = PartyStats['rows'][number];

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** The yearly report: members introduced and the share admitted, per sub-unit, with the total. */
export function PartyStatsTable({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation();
  const stats = useQuery(partyStatsOptions(unitId, year));
  if (stats.error) return <PageError error={stats.error} onRetry={() => void stats.refetch()} />;
  const rows = stats.data ? [...stats.data.rows, { ...stats.data.total, unitName: t('partyIntro.stats.total') }] : [];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('partyIntro.stats.hint', { year })}</Typography.Paragraph>
      <Table<Row>
        rowKey={(r) => `${r.unitId ?? ''}-${r.unitName}`}
        size="small"
        loading={stats.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="party-stats"
        rowClassName={(_r, i) => (i === rows.length - 1 ? 'ant-table-row-selected' : '')}
        columns={[
          { key: 'unit', title: t('partyIntro.stats.unit'), dataIndex: 'unitName' },
          { key: 'introduced', title: t('partyIntro.stats.introduced'), dataIndex: 'introduced', align: 'right' },
          { key: 'admitted', title: t('partyIntro.stats.admitted'), dataIndex: 'admitted', align: 'right' },
          { key: 'not', title: t('partyIntro.stats.notAdmitted'), dataIndex: 'notAdmitted', align: 'right' },
          { key: 'pending', title: t('partyIntro.stats.pending'), dataIndex: 'pending', align: 'right' },
          {
            key: 'share',
            title: t('partyIntro.stats.share'),
            align: 'right',
            render: (_, r) => percent(r.shareAdmitted),
          },
        ]}
      />
    </>
  );
}
