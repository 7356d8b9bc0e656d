import type { ReactNode } from 'react';
import { Button, Card, Descriptions, Flex, Grid, Skeleton, Space, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TransferDetail } from '../../../../src/contracts/transfers';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { formatDate } from '../../lib/dates';
import { formatBirth, useMemberLabels } from '../members/member-labels';
import { MemberStatusTag } from '../members/member-status-tag';
import { TransferActions } from './transfer-actions';
import { useTransferPlaces } from './transfer-list';
import { transferDetailOptions } from './transfer-queries';
import { monthText, periodText, TransferStatusTags } from './transfer-tags';

const dash = '—';

function useItems(d: TransferDetail) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const places = useTransferPlaces();
  const f = (key: string) => t(`transfer.fields.${key}` as 'transfer.fields.code');
  const items: { key: string; label: string; children: ReactNode; wide?: boolean }[] = [
    { key: 'code', label: f('code'), children: <Typography.Text copyable>{d.code}</Typography.Text> },
    { key: 'kind', label: f('kind'), children: t(`transfer.kinds.${d.kind}`) },
    {
      key: 'member',
      label: f('member'),
      children: (
        <Space wrap size={4}>
          <Link to="/members/$memberId" params={{ memberId: d.member.id }}>
            {d.member.fullName}
          </Link>
          <MemberStatusTag status={d.member.status} />
        </Space>
      ),
    },
    { key: 'birthDate', label: f('birthDate'), children: formatBirth(d.member) || dash },
    { key: 'gender', label: t('member.fields.gender'), children: labels.gender(d.member.gender) },
    { key: 'cardNumber', label: f('cardNumber'), children: d.member.cardNumber ?? dash },
    { key: 'cccd', label: f('cccd'), children: d.member.cccd ?? dash },
    { key: 'from', label: f('from'), children: places.from(d), wide: true },
    { key: 'to', label: f('to'), children: places.to(d), wide: true },
  ];
  if (d.kind === 'temporary')
    items.push({ key: 'period', label: f('period'), children: periodText(d.startsOn, d.endsOn) });
  items.push({ key: 'reason', label: f('reason'), children: d.reason ?? dash, wide: true });
  if (d.kind === 'external') {
    items.push(
      { key: 'branchComment', label: f('branchComment'), children: d.branchComment ?? dash, wide: true },
      { key: 'feePaidUntil', label: f('feePaidUntil'), children: monthText(d.feePaidUntil) || dash },
      { key: 'sentOn', label: f('sentOn'), children: formatDate(d.sentOn) || dash },
      {
        key: 'dueOn',
        label: f('dueOn'),
        children: d.dueOn ? (
          <Typography.Text type={d.overdue ? 'danger' : undefined}>{formatDate(d.dueOn)}</Typography.Text>
        ) : (
          dash
        ),
      },
    );
  }
  if (d.acceptedOn) items.push({ key: 'acceptedOn', label: f('acceptedOn'), children: formatDate(d.acceptedOn) });
  if (d.returnedOn)
    items.push(
      { key: 'returnedOn', label: f('returnedOn'), children: formatDate(d.returnedOn) },
      { key: 'returnReason', label: f('returnReason'), children: d.returnReason ?? dash, wide: true },
    );
  if (d.previousStatus)
    items.push({ key: 'previousStatus', label: f('previousStatus'), children: labels.status(d.previousStatus) });
  return items;
}

/** One transfer: what it says, its letter, the host's comments and the steps the actor may take. */
export function TransferPage({ transferId }: { transferId: string }) {
  const screens = Grid.useBreakpoint();
  const { data, error, isPending, refetch } = useQuery(transferDetailOptions(transferId));
  if (isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error || !data) return <PageError error={error} onRetry={() => void refetch()} />;
  return <TransferView detail={data} columns={screens.lg ? 2 : 1} />;
}

function TransferView({ detail: d, columns }: { detail: TransferDetail; columns: number }) {
  const { t } = useTranslation();
  const items = useItems(d);
  return (
    <>
      <Link to="/transfers" search={{ tab: d.kind === 'temporary' ? 'temporary' : 'outgoing' }}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
          {t('transfer.title')}
        </Button>
      </Link>
      <PageTitle
        title={
          <Space wrap size={8} data-testid="transfer-header">
            <span>{t('transfer.detailTitle', { name: d.member.fullName })}</span>
            <TransferStatusTags kind={d.kind} status={d.status} overdue={d.overdue} />
          </Space>
        }
        extra={<TransferActions detail={d} />}
      />
      {d.letter && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="transfer-letter">
          <Flex wrap gap={8} justify="space-between" align="center">
            <Typography.Text>
              {t('transfer.letter.number', { number: d.letter.numberText, date: formatDate(d.letter.issuedOn) })}
            </Typography.Text>
            <Button icon={<DownloadOutlined />} href={d.letter.url} download>
              {t('transfer.actions.download')}
            </Button>
          </Flex>
        </Card>
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={columns}
          data-testid="transfer-details"
          items={items.map((i) => ({ key: i.key, label: i.label, children: i.children, span: i.wide ? columns : 1 }))}
        />
      </Card>
      {d.kind === 'temporary' && (
        <Card size="small" title={t('transfer.temporary.comments')}>
          {d.comments.length === 0 ? (
            <Typography.Text type="secondary">{t('transfer.temporary.noComments')}</Typography.Text>
          ) : (
            <Timeline
              data-testid="host-comments"
              items={d.comments.map((c, i) => ({
                key: `${c.onDate}-${i}`,
                content: (
                  <Flex vertical>
                    <Typography.Text strong>
                      {t('transfer.temporary.commentYear', { year: c.year, date: formatDate(c.onDate) })}
                    </Typography.Text>
                    <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.content}</Typography.Text>
                  </Flex>
                ),
              }))}
            />
          )}
        </Card>
      )}
    </>
  );
}
