import { App, Button, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../src/contracts/accounts';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';

/** An administrator sets a new password for the account. */
export function ResetPasswordForm({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const { error, onError, clear } = useFormError(form);
  const reset = useMutation({
    mutationFn: (body: { password: string }) => api.post<{ ok: boolean }>(`/accounts/${account.id}/password`, body),
    onMutate: clear,
    onError,
    onSuccess: () => {
      form.resetFields();
      void message.success(t('account.passwordReset'));
    },
  });
  return (
    <>
      <Typography.Title level={5}>{t('account.resetPasswordTitle')}</Typography.Title>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v)}>
        <Form.Item
          name="password"
          label={t('password.new')}
          extra={t('password.hint')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 8, message: t('password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button htmlType="submit" loading={reset.isPending}>
          {t('account.resetPassword')}
        </Button>
      </Form>
    </>
  );
}
