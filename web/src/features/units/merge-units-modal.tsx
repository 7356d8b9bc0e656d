import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MergeUnitsBody, UnitDetail } from '../../../../src/contracts/units';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { UnitPicker } from '../../components/unit-picker';
import { RestructureModal } from './restructure-modal';
import { useUnitMutation } from './use-unit-mutation';

interface Values {
  sourceIds: string[];
  effectiveOn?: Dayjs | null;
  reason?: string;
}

/** "Hợp nhất": other units merge into this one and close; this unit becomes their successor. */
export function MergeUnitsModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const merge = useUnitMutation((body: MergeUnitsBody) => api.post<UnitDetail>('/units/merge', body), {
    success: t('unit.merged'),
    onDone: onClose,
    onError,
    onMutate: clear,
  });

  return (
    <RestructureModal<Values>
      title={t('unit.mergeTitle', { name: unit.name })}
      okText={t('unit.actions.merge')}
      form={form}
      initialValues={{ effectiveOn: dayjs(), sourceIds: [] }}
      error={error}
      pending={merge.isPending}
      onClose={onClose}
      onSubmit={(v) =>
        merge.mutate({
          sourceIds: v.sourceIds,
          targetId: unit.id,
          effectiveOn: toIsoDate(v.effectiveOn),
          reason: v.reason ?? '',
        })
      }
    >
      <p>{t('unit.mergeHelp', { name: unit.name })}</p>
      <Form.Item
        name="sourceIds"
        label={t('unit.mergeSources')}
        rules={[{ required: true, type: 'array', min: 1, message: t('unit.mergeSourcesRequired') }]}
      >
        <UnitPicker multiple excludeIds={[unit.id]} />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('unit.effectiveOn')} extra={t('unit.effectiveOnHint')}>
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          placeholder={t('common.datePlaceholder')}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('unit.reason')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
      </Form.Item>
    </RestructureModal>
  );
}
