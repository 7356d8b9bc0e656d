import { App, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto, CreateAccountBody } from '../../../../src/contracts/accounts';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { UnitPicker } from '../../components/unit-picker';
import { useCurrentUser } from '../auth/current-user';
import { useLabels } from '../units/labels';
import { accountKeys, grantableRoles } from './account-queries';

/** "Tạo tài khoản": a new account with a first role on a unit. */
export function CreateAccountModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateAccountBody>();
  const { error, onError, clear } = useFormError(form);
  const roles = grantableRoles(me);

  const create = useMutation({
    mutationFn: (body: CreateAccountBody) => api.post<AccountDto>('/accounts', body),
    onMutate: clear,
    onError,
    onSuccess: async (account) => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
      void message.success(t('account.createdMessage', { username: account.username }));
      onClose();
    },
  });

  return (
    <Modal
      open
      title={t('account.create')}
      okText={t('account.createOk')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      mask={{ closable: false }}
    >
      <FormErrorAlert error={error} />
      <Form<CreateAccountBody>
        form={form}
        layout="vertical"
        name="create-account"
        initialValues={{ role: roles.includes('cadre') ? 'cadre' : roles[0] }}
        onFinish={(v) => create.mutate({ ...v, email: v.email ?? '' })}
      >
        <Form.Item
          name="username"
          label={t('account.fields.username')}
          extra={t('account.usernameHint')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: /^[a-z0-9._]{3,30}$/, message: t('account.usernameInvalid') },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="none" maxLength={30} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('account.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('account.fields.email')}
          rules={[{ type: 'email', message: t('validation.email') }]}
        >
          <Input type="email" inputMode="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('account.fields.password')}
          extra={t('password.hint')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 8, message: t('password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('account.fields.role')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={roles.map((r) => ({ value: r, label: labels.role(r) }))} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('account.fields.unit')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <UnitPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
