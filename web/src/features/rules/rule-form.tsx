import {
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RuleSetDto } from '../../../../src/contracts/rules';
import { FormErrorAlert } from '../../components/form-error-alert';
import { api } from '../../lib/api';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { NUMBER_FIELDS } from './rule-fields';
import type { RuleFieldKey } from './rule-value';

interface Values {
  validFrom: Dayjs;
  value: Record<string, unknown>;
  note?: string;
}

function FractionField({ name }: { name: 'quorum' | 'majority' }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t(`rules.fields.${name}`)} required>
      <Flex gap={6} align="center">
        <Form.Item name={['value', name, 0]} noStyle rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber
            min={1}
            max={100}
            precision={0}
            aria-label={`${t(`rules.fields.${name}`)} – ${t('rules.form.numerator')}`}
          />
        </Form.Item>
        <span>/</span>
        <Form.Item name={['value', name, 1]} noStyle rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber
            min={1}
            max={100}
            precision={0}
            aria-label={`${t(`rules.fields.${name}`)} – ${t('rules.form.denominator')}`}
          />
        </Form.Item>
      </Flex>
    </Form.Item>
  );
}

function DisciplineForms() {
  const { t } = useTranslation();
  return (
    <Form.List name={['value', 'forms']}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="middle" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
              <Col xs={12} md={5}>
                <Form.Item
                  name={[field.name, 'key']}
                  label={t('rules.form.key')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  name={[field.name, 'label']}
                  label={t('rules.form.label')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Input maxLength={60} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={[field.name, 'subject']} label={t('rules.form.subject')}>
                  <Select
                    options={(['member', 'unit'] as const).map((v) => ({ value: v, label: t(`rules.subjects.${v}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={[field.name, 'decidedBy']} label={t('rules.form.decidedBy')}>
                  <Select
                    options={(['branch', 'superior'] as const).map((v) => ({
                      value: v,
                      label: t(`rules.deciders.${v}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={20}>
                <Flex wrap gap={12}>
                  <Form.Item name={[field.name, 'endsPosition']} valuePropName="checked" noStyle>
                    <Checkbox>{t('rules.form.endsPosition')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[field.name, 'endsMembership']} valuePropName="checked" noStyle>
                    <Checkbox>{t('rules.form.endsMembership')}</Checkbox>
                  </Form.Item>
                </Flex>
              </Col>
              <Col xs={24} md={4} style={{ textAlign: 'right' }}>
                <Button
                  danger
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('rules.form.remove')}
                />
              </Col>
            </Row>
          ))}
          <Button
            icon={<PlusOutlined />}
            style={{ marginBlock: 8 }}
            onClick={() =>
              add({
                key: '',
                label: '',
                subject: 'member',
                decidedBy: 'superior',
                endsPosition: false,
                endsMembership: false,
              })
            }
          >
            {t('rules.form.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The drawer where a system administrator records a new value of a rule set from a date on. */
export function RuleFormDrawer({ rule, onClose }: { rule: RuleSetDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const screens = Grid.useBreakpoint();
  const { error, onError, clear } = useFormError(form);
  const latest = rule.periods[0];
  const ruleName = t(`rules.keys.${rule.key}`);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<RuleSetDto>(`/rules/${rule.key}`, {
        validFrom: toIsoDate(v.validFrom),
        value: v.value,
        note: v.note ?? '',
      }),
    onMutate: clear,
    onError,
    onSuccess: async (_saved, v) => {
      await queryClient.invalidateQueries({ queryKey: ['rules'] });
      void message.success(t('rules.saved', { rule: ruleName, date: formatDate(toIsoDate(v.validFrom)) }));
      onClose();
    },
  });
  const firstDay = latest ? dayjs(latest.validFrom).add(1, 'day') : undefined;
  return (
    <Drawer
      open
      title={t('rules.recordTitle', { rule: ruleName })}
      size={screens.md ? 720 : '100%'}
      onClose={onClose}
      destroyOnHidden
    >
      <FormErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ value: latest?.value ?? rule.current?.value ?? {}, validFrom: dayjs().add(1, 'day') }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="validFrom"
          label={t('rules.validFrom')}
          extra={t('rules.validFromHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => Boolean(firstDay && d.isBefore(firstDay, 'day'))} />
        </Form.Item>
        <Row gutter={12}>
          {NUMBER_FIELDS[rule.key].map((f) => (
            <Col key={f.field} xs={24} sm={12}>
              <Form.Item
                name={['value', f.field]}
                label={t(`rules.fields.${f.field as RuleFieldKey}`)}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <InputNumber min={f.min} max={f.max} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {rule.key === 'comingOfAge' && (
          <Form.Item
            name={['value', 'ceremonyDates']}
            label={t('rules.fields.ceremonyDates')}
            extra={t('rules.form.ceremonyDatesHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select mode="tags" tokenSeparators={[',', ' ', ';']} open={false} suffixIcon={null} />
          </Form.Item>
        )}
        {rule.key === 'discipline' && (
          <>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <FractionField name="quorum" />
              </Col>
              <Col xs={24} sm={12}>
                <FractionField name="majority" />
              </Col>
            </Row>
            <DisciplineForms />
          </>
        )}
        <Form.Item name="note" label={t('rules.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
