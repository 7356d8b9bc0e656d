import { Button, Card, DatePicker, Form, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SplitUnitBody, UnitDetail, UnitSummary } from '../../../../src/contracts/units';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { RestructureModal } from './restructure-modal';
import { unitChildrenOptions } from './unit-queries';
import { useUnitMutation } from './use-unit-mutation';

interface Part {
  name: string;
  code: string;
  childIds?: string[];
}
interface Values {
  parts: Part[];
  effectiveOn?: Dayjs | null;
  reason?: string;
}

/** "Chia tách": the unit closes and its work goes to two or more new units. */
export function SplitUnitModal({
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
  const { data: children = [] } = useQuery(unitChildrenOptions(unit.id, false));
  const split = useUnitMutation((body: SplitUnitBody) => api.post<UnitSummary[]>(`/units/${unit.id}/split`, body), {
    success: t('unit.splitDone'),
    onDone: onClose,
    onError,
    onMutate: clear,
  });
  const childOptions = children.map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }));

  return (
    <RestructureModal<Values>
      title={t('unit.splitTitle', { name: unit.name })}
      okText={t('unit.actions.split')}
      form={form}
      initialValues={{
        parts: [
          { name: '', code: '' },
          { name: '', code: '' },
        ],
        effectiveOn: dayjs(),
      }}
      error={error}
      pending={split.isPending}
      onClose={onClose}
      onReload={onReload}
      onSubmit={(v) =>
        split.mutate({
          parts: v.parts.map((p) => ({ name: p.name, code: p.code.trim(), childIds: p.childIds ?? [], memberIds: [] })),
          effectiveOn: toIsoDate(v.effectiveOn),
          reason: v.reason ?? '',
          version: unit.version,
        })
      }
    >
      <p>{t('unit.splitHelp')}</p>
      <Form.List name="parts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('unit.splitPart', { n: index + 1 })}
                extra={
                  fields.length > 2 && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.remove')}
                      onClick={() => remove(field.name)}
                    />
                  )
                }
              >
                <Form.Item
                  name={[field.name, 'name']}
                  label={t('unit.fields.name')}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'code']}
                  label={t('unit.fields.code')}
                  rules={[
                    { required: true, whitespace: true, message: t('validation.required') },
                    { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, message: t('unit.codeInvalid') },
                  ]}
                >
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item name={[field.name, 'childIds']} label={t('unit.splitChildren')} style={{ marginBottom: 0 }}>
                  <Select
                    mode="multiple"
                    allowClear
                    options={childOptions}
                    placeholder={t('unit.splitChildrenPlaceholder')}
                  />
                </Form.Item>
              </Card>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', code: '' })}
              style={{ marginBottom: 16 }}
            >
              {t('unit.splitAddPart')}
            </Button>
          </>
        )}
      </Form.List>
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
