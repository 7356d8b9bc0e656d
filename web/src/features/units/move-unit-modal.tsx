import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MoveUnitBody, UnitDetail } from '../../../../src/contracts/units';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { UnitPicker } from '../../components/unit-picker';
import { RestructureModal } from './restructure-modal';
import { useUnitMutation } from './use-unit-mutation';

interface Values {
  newParentId: string;
  effectiveOn?: Dayjs | null;
}

/** "Chuyển trực thuộc": put the unit (and its subtree) under another parent. */
export function MoveUnitModal({
  unit,
  onClose,
  onReload,
}: {
  unit: UnitDetail;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const move = useUnitMutation((body: MoveUnitBody) => api.post<UnitDetail>(`/units/${unit.id}/move`, body), {
    success: t('unit.moved'),
    onDone: onClose,
    onError,
    onMutate: clear,
  });
  const currentParent = unit.ancestors[unit.ancestors.length - 1];

  return (
    <RestructureModal<Values>
      title={t('unit.moveTitle', { name: unit.name })}
      okText={t('unit.actions.move')}
      form={form}
      initialValues={{ effectiveOn: dayjs() }}
      error={error}
      pending={move.isPending}
      onClose={onClose}
      onReload={onReload}
      onSubmit={(v) =>
        move.mutate({ newParentId: v.newParentId, effectiveOn: toIsoDate(v.effectiveOn), version: unit.version })
      }
    >
      {currentParent && <p>{t('unit.currentParent', { name: currentParent.name })}</p>}
      <Form.Item
        name="newParentId"
        label={t('unit.newParent')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <UnitPicker excludeIds={[unit.id, ...(currentParent ? [currentParent.id] : [])]} />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('unit.effectiveOn')} extra={t('unit.effectiveOnHint')}>
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          placeholder={t('common.datePlaceholder')}
        />
      </Form.Item>
    </RestructureModal>
  );
}
