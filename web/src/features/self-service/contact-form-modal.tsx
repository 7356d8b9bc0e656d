import { App, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContactBody, SelfProfile } from '../../../../src/contracts/self-service';
import { CONTACT_FIELDS, type ContactField } from '../../../../src/domain/members/self-service';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { useMemberLabels } from '../members/member-labels';
import { selfServiceKeys } from './self-service-queries';

type Values = Record<ContactField, string | undefined>;

class NoChanges extends Error {}

const MAX: Record<ContactField, number> = {
  phone: 20,
  email: 200,
  residenceProvince: 80,
  residenceCommune: 80,
  residenceAddress: 300,
};

/** "Sửa thông tin liên hệ": phone, e-mail and residence, applied at once. */
export function ContactFormModal({ profile, onClose }: { profile: SelfProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useMemberLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: ContactBody = { version: profile.version };
      for (const field of CONTACT_FIELDS) {
        const value = values[field]?.trim() ?? '';
        if (value !== (profile[field] ?? '')) body[field] = value;
      }
      if (Object.keys(body).length === 1) throw new NoChanges();
      return api.patch<SelfProfile>('/me/contact', body);
    },
    onMutate: clear,
    onError: (err) => {
      if (!(err instanceof NoChanges)) return onError(err);
      void message.info(t('selfService.profile.noChanges'));
      onClose();
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(selfServiceKeys.profile, saved);
      await queryClient.invalidateQueries({ queryKey: selfServiceKeys.all });
      void message.success(t('selfService.profile.contactSaved'));
      onClose();
    },
  });

  return (
    <Modal
      open
      title={t('selfService.profile.editContact')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('selfService.profile.contactHint')}</Typography.Paragraph>
      <FormErrorAlert
        error={error}
        onReload={() => void queryClient.invalidateQueries({ queryKey: selfServiceKeys.all })}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        name="contact"
        initialValues={Object.fromEntries(CONTACT_FIELDS.map((f) => [f, profile[f] ?? '']))}
        onFinish={(v) => save.mutate(v)}
      >
        {CONTACT_FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={labels.field(field)}>
            <Input
              maxLength={MAX[field]}
              type={field === 'phone' ? 'tel' : field === 'email' ? 'email' : 'text'}
              inputMode={field === 'phone' ? 'tel' : field === 'email' ? 'email' : undefined}
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
