import { App, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MemberAccountSummary, MemberDetail } from '../../../../src/contracts/members';
import type { CreateMemberAccountBody } from '../../../../src/contracts/self-service';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { memberKeys } from '../members/member-queries';

/** "Tạo tài khoản đoàn viên": username and first password; the role "Đoàn viên" goes on the member's branch. */
export function CreateMemberAccountModal({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateMemberAccountBody>();
  const { error, onError, clear } = useFormError(form);

  const create = useMutation({
    mutationFn: (body: CreateMemberAccountBody) =>
      api.post<MemberAccountSummary>(`/members/${member.id}/account`, body),
    onMutate: clear,
    onError,
    onSuccess: async (account) => {
      await queryClient.invalidateQueries({ queryKey: memberKeys.detail(member.id) });
      void message.success(t('selfService.account.created', { username: account.username }));
      onClose();
    },
  });

  return (
    <Modal
      open
      title={t('selfService.account.title', { name: member.fullName })}
      okText={t('selfService.account.createOk')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('selfService.account.help')}</Typography.Paragraph>
      <FormErrorAlert error={error} />
      <Form<CreateMemberAccountBody>
        form={form}
        layout="vertical"
        name="member-account"
        onFinish={(v) => create.mutate(v)}
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
      </Form>
    </Modal>
  );
}
