import { Button, Empty, Flex, Spin, Table, Typography } from 'antd';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MemberListItem } from '../../../../src/contracts/members';
import { PageError } from '../../components/page-error';
import { formatBirth, useMemberLabels } from './member-labels';
import { memberCountOptions, memberListOptions } from './member-queries';
import type { MemberFilter } from './member-search';
import { MemberStatusTag } from './member-status-tag';

const dash = '—';
const cardStyle = { padding: '10px 12px', border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 8 } as const;

function NameLink({ member }: { member: MemberListItem }) {
  return (
    <Link to="/members/$memberId" params={{ memberId: member.id }} style={{ fontWeight: 500 }}>
      {member.fullName}
    </Link>
  );
}

/** A member as a card (phones). */
function MemberCard({ member, index, showUnit }: { member: MemberListItem; index: number; showUnit: boolean }) {
  const labels = useMemberLabels();
  const { t } = useTranslation();
  const line = [formatBirth(member), labels.gender(member.gender), member.ethnicity].filter(Boolean).join(' · ');
  return (
    <Flex vertical gap={2} style={cardStyle} data-testid="member-card">
      <Flex justify="space-between" align="start" gap={8}>
        <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          <Typography.Text type="secondary">{index}. </Typography.Text>
          <NameLink member={member} />
        </span>
        <MemberStatusTag status={member.status} />
      </Flex>
      {line && <Typography.Text type="secondary">{line}</Typography.Text>}
      {showUnit && <Typography.Text style={{ overflowWrap: 'anywhere' }}>{member.unitName}</Typography.Text>}
      {member.cccd && (
        <Typography.Text type="secondary">{`${t('member.fields.cccd')}: ${member.cccd}`}</Typography.Text>
      )}
      {member.phone && (
        <Typography.Text type="secondary">{`${t('member.fields.phone')}: ${member.phone}`}</Typography.Text>
      )}
    </Flex>
  );
}

interface Props {
  unitId: string;
  filter: MemberFilter;
  isMobile: boolean;
  /** False for a branch's own list (every row is in it). */
  showUnit: boolean;
}

/**
 * The filtered member list: a table on desktop, cards on phones, then "Tổng số" and "Xem thêm".
 * The count is a separate request so the first page shows without waiting for it.
 */
export function MemberList({ unitId, filter, isMobile, showUnit }: Props) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const list = useInfiniteQuery(memberListOptions(unitId, filter));
  const count = useQuery(memberCountOptions(unitId, filter));

  if (list.error) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = count.data?.total;

  const footer = (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ paddingBlock: 8 }}>
      <Typography.Text strong data-testid="member-total" aria-busy={total === undefined}>
        {t('member.list.total', { n: total ?? dash })}
        {total === undefined && count.isFetching && <Spin size="small" style={{ marginInlineStart: 8 }} />}
        {total !== undefined && rows.length < total && (
          <Typography.Text type="secondary"> · {t('member.list.shown', { shown: rows.length })}</Typography.Text>
        )}
      </Typography.Text>
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );

  if (isMobile) {
    return (
      <Spin spinning={list.isFetching && !list.isFetchingNextPage}>
        <div data-testid="member-cards" style={{ marginTop: 12 }}>
          {list.isPending ? null : rows.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.list.empty')} />
          ) : (
            rows.map((m, i) => <MemberCard key={m.id} member={m} index={i + 1} showUnit={showUnit} />)
          )}
        </div>
        {footer}
      </Spin>
    );
  }

  return (
    <Table<MemberListItem>
      rowKey="id"
      size="small"
      style={{ marginTop: 4 }}
      loading={list.isFetching && !list.isFetchingNextPage}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('member.list.empty') }}
      data-testid="member-table"
      footer={() => footer}
      columns={[
        { key: 'index', title: t('member.fields.index'), width: 56, render: (_, _m, i) => i + 1 },
        { key: 'name', title: t('member.fields.fullName'), render: (_, m) => <NameLink member={m} /> },
        { key: 'birth', title: t('member.fields.birthDate'), render: (_, m) => formatBirth(m) || dash },
        { key: 'gender', title: t('member.fields.gender'), render: (_, m) => labels.gender(m.gender) },
        { key: 'ethnicity', title: t('member.fields.ethnicity'), render: (_, m) => m.ethnicity ?? dash },
        ...(showUnit ? [{ key: 'unit', title: t('member.fields.unit'), dataIndex: 'unitName' }] : []),
        { key: 'cccd', title: t('member.fields.cccd'), render: (_, m) => m.cccd ?? dash },
        { key: 'phone', title: t('member.fields.phone'), render: (_, m) => m.phone ?? dash },
        { key: 'status', title: t('member.fields.status'), render: (_, m) => <MemberStatusTag status={m.status} /> },
      ]}
    />
  );
}
