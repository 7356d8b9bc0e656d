import { Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { LoginBody, MeResponse } from '../../../../src/contracts/auth';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { LanguageSwitch } from '../../app/language-switch';
import { isMemberOnly } from '../self-service/member-account';

/** Username and password; the server's message (wrong password, locked, too many tries) is shown as is. */
export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginBody>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const router = useRouter();
  const { redirect } = useSearch({ from: '/login' });
  const { error, onError, clear } = useFormError(form);

  const login = useMutation({
    mutationFn: (body: LoginBody) => api.post<MeResponse>('/auth/login', body),
    meta: { skipAuthRedirect: true },
    onMutate: clear,
    onError,
    onSuccess: async (me) => {
      queryClient.clear();
      queryClient.setQueryData(['me'], me);
      const first = me.scopeRoots[0];
      if (redirect && redirect !== '/') router.history.push(redirect);
      else if (isMemberOnly(me)) await navigate({ to: '/me' });
      else if (first) await navigate({ to: '/units/$unitId', params: { unitId: first.id } });
      else await navigate({ to: '/' });
    },
  });

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #0d47a1 0%, #1565c0 45%, #f5f7fa 45%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitch compact />
        </div>
        <Typography.Title level={2} style={{ textAlign: 'center', marginTop: 0, color: '#0d47a1' }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('app.tagline')}
        </Typography.Paragraph>
        <FormErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
