import { App, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ChangePasswordBody } from '../../../../src/contracts/auth';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { PageTitle } from '../../components/page-title';

type Values = ChangePasswordBody & { confirm: string };

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const change = useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<{ ok: boolean }>('/auth/password', body),
    meta: { skipAuthRedirect: true },
    onMutate: clear,
    onError,
    onSuccess: () => {
      form.resetFields();
      void message.success(t('password.changed'));
    },
  });

  return (
    <>
      <PageTitle title={t('password.title')} />
      <Card style={{ maxWidth: 480 }}>
        <FormErrorAlert error={error} />
        <Form
          form={form}
          layout="vertical"
          onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
        >
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.hint')}
            rules={[
              { required: true, message: t('password.newRequired') },
              { min: 8, message: t('password.tooShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
