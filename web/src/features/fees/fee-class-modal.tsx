import { App, DatePicker, Form, List, Modal, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { FeeRateClassDto, MemberFeeClass } from '../../../../src/contracts/fees';
import { FormErrorAlert } from '../../components/form-error-alert';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { monthText, useRefreshFees } from './fees-api';

const CLASSES: FeeRateClassDto[] = ['without_salary', 'with_salary', 'abroad'];

/** Changes a member's fee class from a month on, showing the recorded history. */
export function FeeClassModal(props: { memberId: string; fullName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rateClass: FeeRateClassDto; fromMonth: Dayjs }>();
  const { error, onError, clear } = useFormError(form);
  const refresh = useRefreshFees();
  const current = useQuery({
    queryKey: ['fees', 'class', props.memberId],
    queryFn: () => api.get<MemberFeeClass>(`/members/${props.memberId}/fee-class`),
  });
  const save = useMutation({
    mutationFn: (v: { rateClass: FeeRateClassDto; fromMonth: Dayjs }) =>
      api.put<MemberFeeClass>(`/members/${props.memberId}/fee-class`, {
        rateClass: v.rateClass,
        fromMonth: v.fromMonth.format('YYYY-MM'),
      }),
    onMutate: clear,
    onError,
    onSuccess: async () => {
      await refresh();
      void message.success(t('fee.classSaved'));
      props.onClose();
    },
  });
  return (
    <Modal
      open
      title={t('fee.classTitle', { name: props.fullName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <FormErrorAlert error={error} />
      {current.data && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ rateClass: current.data.rateClass, fromMonth: dayjs().startOf('month') }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="rateClass" label={t('fee.rateClass')} rules={[{ required: true }]}>
            <Select options={CLASSES.map((c) => ({ value: c, label: t(`fee.classes.${c}`) }))} />
          </Form.Item>
          <Form.Item name="fromMonth" label={t('fee.fromMonth')} rules={[{ required: true }]}>
            <DatePicker picker="month" format="MM/YYYY" allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          {current.data.history.length > 0 && (
            <>
              <Typography.Text type="secondary">{t('fee.history')}</Typography.Text>
              <List
                size="small"
                dataSource={current.data.history}
                renderItem={(h) => (
                  <List.Item>
                    {monthText(h.fromMonth)}: {t(`fee.classes.${h.rateClass}`)}
                  </List.Item>
                )}
              />
            </>
          )}
        </Form>
      )}
    </Modal>
  );
}
