import { Descriptions, Divider, Drawer, Grid, Skeleton, Switch, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto, UpdateAccountBody } from '../../../../src/contracts/accounts';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { PageError } from '../../components/page-error';
import { useCan } from '../auth/current-user';
import { accountOptions } from './account-queries';
import { AccountRoles } from './account-roles';
import { ResetPasswordForm } from './reset-password-form';
import { useAccountMutation } from './use-account-mutation';

function AccountBody({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const canManage = useCan('account.manage');
  const update = useAccountMutation(
    (body: UpdateAccountBody) => api.patch<AccountDto>(`/accounts/${account.id}`, body),
    {
      success: t('account.saved'),
    },
  );
  return (
    <>
      <Typography.Title
        level={4}
        style={{ marginTop: 0 }}
        editable={
          canManage ? { onChange: (name) => name.trim() && name !== account.name && update.mutate({ name }) } : false
        }
      >
        {account.name}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'username', label: t('account.fields.username'), children: account.username },
          { key: 'email', label: t('account.fields.email'), children: account.email ?? '—' },
          { key: 'createdAt', label: t('account.fields.createdAt'), children: formatDate(account.createdAt) },
          {
            key: 'active',
            label: t('account.fields.active'),
            children: (
              <Switch
                checked={!account.disabled}
                disabled={!canManage}
                loading={update.isPending}
                aria-label={t('account.fields.active')}
                checkedChildren={t('account.active')}
                unCheckedChildren={t('account.disabled')}
                onChange={(active) => update.mutate({ disabled: !active })}
              />
            ),
          },
        ]}
      />
      <Divider />
      <AccountRoles account={account} />
      {canManage && (
        <>
          <Divider />
          <ResetPasswordForm account={account} />
        </>
      )}
    </>
  );
}

/** One account: details, enable/disable, roles, password reset. */
export function AccountDrawer({ accountId, onClose }: { accountId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { data, error, isPending, refetch } = useQuery({
    ...accountOptions(accountId ?? ''),
    enabled: Boolean(accountId),
  });
  return (
    <Drawer
      open={Boolean(accountId)}
      onClose={onClose}
      title={t('account.drawerTitle')}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
    >
      {error ? (
        <PageError error={error} onRetry={() => void refetch()} />
      ) : isPending || !data ? (
        <Skeleton active />
      ) : (
        <AccountBody account={data} />
      )}
    </Drawer>
  );
}
