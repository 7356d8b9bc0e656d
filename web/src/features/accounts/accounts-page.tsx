import { useState } from 'react';
import { Button, Flex, Grid, Input, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../src/contracts/accounts';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { useCan } from '../auth/current-user';
import { accountListOptions } from './account-queries';
import { RoleTags } from './role-tags';
import { CreateAccountModal } from './create-account-modal';
import { AccountDrawer } from './account-drawer';

function StatusTag({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  return account.disabled ? (
    <Tag color="red">{t('account.disabled')}</Tag>
  ) : (
    <Tag color="green">{t('account.active')}</Tag>
  );
}

/** Accounts in the signed-in account's scope: search, create, open one to manage roles. */
export function AccountsPage() {
  const { t } = useTranslation();
  const canRead = useCan('account.read');
  const canManage = useCan('account.manage');
  const screens = Grid.useBreakpoint();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useInfiniteQuery({ ...accountListOptions(q), enabled: canRead });

  if (!canRead) return <Forbidden />;
  if (list.error) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const columns = screens.md
    ? [
        { key: 'username', title: t('account.fields.username'), dataIndex: 'username' },
        { key: 'name', title: t('account.fields.name'), dataIndex: 'name' },
        {
          key: 'roles',
          title: t('account.fields.roles'),
          render: (_: unknown, a: AccountDto) => <RoleTags roles={a.roles} />,
        },
        {
          key: 'status',
          title: t('account.fields.status'),
          render: (_: unknown, a: AccountDto) => <StatusTag account={a} />,
        },
      ]
    : [
        {
          key: 'card',
          title: t('account.fields.account'),
          render: (_: unknown, a: AccountDto) => (
            <Flex vertical gap={4}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{a.name}</Typography.Text>
                <StatusTag account={a} />
              </Flex>
              <Typography.Text type="secondary">{a.username}</Typography.Text>
              <RoleTags roles={a.roles} />
            </Flex>
          ),
        },
      ];

  return (
    <>
      <PageTitle
        title={t('nav.accounts')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('account.create')}
            </Button>
          )
        }
      />
      <Input.Search
        allowClear
        placeholder={t('account.searchPlaceholder')}
        aria-label={t('common.search')}
        onSearch={(v) => setQ(v.trim())}
        style={{ marginBottom: 12, maxWidth: 420 }}
        enterButton
      />
      <Table<AccountDto>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="accounts-table"
        onRow={(a) => ({ onClick: () => setOpenId(a.id), style: { cursor: 'pointer' } })}
        footer={() => (
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary">
              {total !== undefined
                ? t('common.shownOfTotal', { shown: rows.length, total })
                : t('common.shown', { shown: rows.length })}
            </Typography.Text>
            {list.hasNextPage && (
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            )}
          </Flex>
        )}
      />
      {creating && <CreateAccountModal onClose={() => setCreating(false)} />}
      <AccountDrawer accountId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
