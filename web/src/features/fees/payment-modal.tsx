import { App, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PaidMonth } from '../../../../src/contracts/fees';
import { FormErrorAlert } from '../../components/form-error-alert';
import { formatDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { money, monthText, useRefreshFees } from './fees-api';
import { api } from '../../lib/api';

/** A paid month of a member; writers may cancel it as a mistake, with a reason. */
export function PaymentModal(props: { fullName: string; payment: PaidMonth; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { error, onError, clear } = useFormError(form);
  const refresh = useRefreshFees();
  const p = props.payment;
  const remove = useMutation({
    mutationFn: (v: { reason: string }) => api.delete(`/fees/payments/${p.id}`, v),
    onMutate: clear,
    onError,
    onSuccess: async () => {
      await refresh();
      void message.success(t('fee.deleted'));
      props.onClose();
    },
  });
  return (
    <Modal
      open
      title={`${props.fullName} · ${t('fee.payment', { month: monthText(p.month) })}`}
      okText={t('fee.deletePayment')}
      okButtonProps={{ danger: true, hidden: !props.canWrite }}
      cancelText={t('fee.close')}
      confirmLoading={remove.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('fee.paymentInfo', { amount: money(p.amount), date: formatDate(p.collectedOn) })} ·{' '}
        {t(`fee.classes.${p.rateClass}`)}
      </Typography.Paragraph>
      <FormErrorAlert error={error} />
      {props.canWrite && (
        <Form form={form} layout="vertical" onFinish={(v) => remove.mutate(v)}>
          <Form.Item name="reason" label={t('fee.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
