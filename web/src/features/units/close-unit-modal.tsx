import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CloseUnitBody, UnitDetail } from '../../../../src/contracts/units';
import { api } from '../../lib/api';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { RestructureModal } from './restructure-modal';
import { useUnitMutation } from './use-unit-mutation';

interface Values {
  closedOn: Dayjs;
  reason: string;
}

/** "Giải thể": close the unit on a date, with a reason, after a confirmation. */
export function CloseUnitModal({
  unit,
  onClose,
  onReload,
}: {
  unit: UnitDetail;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const close = useUnitMutation((body: CloseUnitBody) => api.post<UnitDetail>(`/units/${unit.id}/close`, body), {
    success: t('unit.closed'),
    onDone: onClose,
    onError,
    onMutate: clear,
  });

  const submit = (v: Values) => {
    const closedOn = toIsoDate(v.closedOn) ?? '';
    modal.confirm({
      title: t('unit.closeConfirmTitle', { name: unit.name }),
      content: t('unit.closeConfirmText', { date: formatDate(closedOn) }),
      okText: t('unit.actions.close'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => close.mutate({ closedOn, reason: v.reason, version: unit.version }),
    });
  };

  return (
    <RestructureModal<Values>
      title={t('unit.closeTitle', { name: unit.name })}
      okText={t('unit.actions.close')}
      danger
      form={form}
      initialValues={{ closedOn: dayjs() }}
      error={error}
      pending={close.isPending}
      onClose={onClose}
      onReload={onReload}
      onSubmit={submit}
    >
      <Form.Item
        name="closedOn"
        label={t('unit.fields.closedOn')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('unit.reason')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
      </Form.Item>
    </RestructureModal>
  );
}
