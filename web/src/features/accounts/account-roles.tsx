import { Button, Flex, Form, Popconfirm, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountDto, GrantRoleBody, RoleAssignmentDto } from '../../../../src/contracts/accounts';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { UnitPicker } from '../../components/unit-picker';
import { SimpleList } from '../../components/simple-list';
import { useCan, useCurrentUser } from '../auth/current-user';
import { useLabels } from '../units/labels';
import { grantableRoles } from './account-queries';
import { useAccountMutation } from './use-account-mutation';

function RoleItem({ account, role, canRevoke }: { account: AccountDto; role: RoleAssignmentDto; canRevoke: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const revoke = useAccountMutation(() => api.delete<AccountDto>(`/accounts/${account.id}/roles/${role.id}`), {
    success: t('account.roleRevoked'),
  });
  const revoked = Boolean(role.revokedAt);
  return (
    <>
      <div data-testid="role-item" style={{ minWidth: 0 }}>
        <Typography.Text className={revoked ? 'revoked' : undefined} strong={!revoked}>
          {labels.role(role.role)} @ {role.unitName}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {revoked
            ? t('account.roleRevokedDates', { from: formatDate(role.grantedAt), to: formatDate(role.revokedAt) })
            : t('account.roleSince', { from: formatDate(role.grantedAt) })}
        </Typography.Text>
      </div>
      {!revoked && canRevoke && (
        <Popconfirm
          title={t('account.revokeConfirm')}
          okText={t('account.revoke')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => revoke.mutate(undefined)}
        >
          <Button size="small" danger loading={revoke.isPending}>
            {t('account.revoke')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}

function GrantRoleForm({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useCurrentUser();
  const [form] = Form.useForm<GrantRoleBody>();
  const { error, onError, clear } = useFormError(form);
  const grant = useAccountMutation(
    (body: GrantRoleBody) => api.post<AccountDto>(`/accounts/${account.id}/roles`, body),
    {
      success: t('account.roleGranted'),
      onSuccess: () => form.resetFields(),
      onError,
    },
  );
  return (
    <>
      <Typography.Title level={5}>{t('account.grantTitle')}</Typography.Title>
      <FormErrorAlert error={error} />
      <Form<GrantRoleBody>
        form={form}
        layout="vertical"
        onFinish={(v) => {
          clear();
          grant.mutate(v);
        }}
      >
        <Form.Item
          name="role"
          label={t('account.fields.role')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={grantableRoles(me).map((r) => ({ value: r, label: labels.role(r) }))} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('account.fields.unit')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <UnitPicker />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={grant.isPending}>
          {t('account.grant')}
        </Button>
      </Form>
    </>
  );
}

/** Current and past roles (past ones greyed, with dates), revoke buttons and the grant form. */
export function AccountRoles({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const canGrant = useCan('role.grant');
  const sorted = [...account.roles].sort((a, b) => Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)));
  return (
    <Flex vertical gap={16}>
      <SimpleList
        bordered
        header={<Typography.Text strong>{t('account.fields.roles')}</Typography.Text>}
        empty={t('account.noRoles')}
        items={sorted}
        itemKey={(r) => r.id}
        renderItem={(r) => <RoleItem account={account} role={r} canRevoke={canGrant} />}
      />
      {canGrant && <GrantRoleForm account={account} />}
    </Flex>
  );
}
