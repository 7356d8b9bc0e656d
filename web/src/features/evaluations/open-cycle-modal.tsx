import { useEffect } from 'react';
import {
  Alert,
  App,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Typography,
  type ButtonProps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CriteriaSetDefinition, CycleDetail } from '../../../../src/contracts/evaluations';
import { stepDeadline, stepsOf, type StepKey } from '../../../../src/domain/evaluations/cycle-steps';
import { FormErrorAlert } from '../../components/form-error-alert';
import { UnitPicker } from '../../components/unit-picker';
import { api } from '../../lib/api';
import { DATE_FORMAT, fromIsoDate, todayIso, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { useCurrentUser } from '../auth/current-user';
import { useIsMobile } from '../member-exits/procedure-ui';
import { criteriaSetOptions, criteriaSetsOptions, useRefreshEvaluations, type OpenCycleBody } from './evaluation-api';
import { DEFAULT_PROGRAMME, programmeOptions, stepLabel } from './evaluation-labels';

interface Values {
  programme: string;
  ownerUnitId?: string;
  kind: 'year' | 'halfYear';
  year: number;
  half?: 1 | 2;
  deadlines?: Partial<Record<StepKey, Dayjs | null>>;
  reinspection: 'none' | 'sample' | 'all';
  note?: string;
}

/** The set of a programme that applies to a year, with its definition. */
function useSetFor(programme: string | undefined, year: number | undefined) {
  const sets = useQuery(criteriaSetsOptions);
  const summary = (sets.data ?? []).find(
    (s) => s.programme === programme && year !== undefined && s.validFrom <= year && (s.validTo ?? year) >= year,
  );
  const detail = useQuery({ ...criteriaSetOptions(summary?.id ?? ''), enabled: Boolean(summary) });
  return { loaded: Boolean(sets.data), definition: summary ? detail.data?.definition : undefined, missing: !summary };
}

function defaultDeadlines(definition: CriteriaSetDefinition, year: number) {
  return Object.fromEntries(
    stepsOf(definition).map((step) => [step, fromIsoDate(stepDeadline(definition, step, year)) ?? null]),
  ) as Partial<Record<StepKey, Dayjs | null>>;
}

/** A warning (not an error) for a deadline already past: submitting would be refused as late. */
const notPast = (message: string) => (_rule: unknown, value: Dayjs | null | undefined) =>
  value && (toIsoDate(value) ?? '') < todayIso() ? Promise.reject(new Error(message)) : Promise.resolve();

function toBody(v: Values): OpenCycleBody {
  const deadlines = Object.fromEntries(
    Object.entries(v.deadlines ?? {}).flatMap(([step, day]) => (day ? [[step, toIsoDate(day)]] : [])),
  ) as Partial<Record<StepKey, string>>;
  return {
    programme: v.programme,
    ownerUnitId: v.ownerUnitId ?? '',
    kind: v.kind,
    year: v.year,
    half: v.kind === 'halfYear' ? (v.half ?? null) : null,
    deadlines,
    reinspection: v.reinspection,
    note: v.note ?? null,
  };
}

/** "Mở đợt đánh giá": programme, unit, year or half, deadlines per step (from the set) and re-inspection. */
export function OpenCycleModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const refresh = useRefreshEvaluations();
  const firstRoot = useCurrentUser().scopeRoots[0];
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const programme = Form.useWatch('programme', form);
  const year = Form.useWatch('year', form);
  const kind = Form.useWatch('kind', form);
  const set = useSetFor(programme, year);
  const definition = set.definition;

  useEffect(() => {
    if (!definition || !year) return;
    const current = form.getFieldValue('kind') as Values['kind'];
    form.setFieldsValue({
      kind: definition.cycles.includes(current) ? current : definition.cycles[0],
      deadlines: defaultDeadlines(definition, year),
    });
    void form.validateFields(stepsOf(definition).map((step) => ['deadlines', step])).catch(() => undefined);
  }, [definition, year, form]);

  const open = useMutation({
    mutationFn: (v: Values) => api.post<CycleDetail>('/evaluations/cycles', toBody(v)),
    onMutate: clear,
    onError,
    onSuccess: async (cycle) => {
      await refresh();
      void message.success(t('evaluation.openCycle.opened', { subjects: cycle.subjects }));
      onClose();
      void navigate({ to: '/evaluations/cycles/$cycleId', params: { cycleId: cycle.id } });
    },
  });

  return (
    <Modal
      open
      title={t('evaluation.openCycle.title')}
      width={isMobile ? '100%' : 560}
      okText={t('evaluation.openCycle.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: set.missing && set.loaded, 'data-testid': 'open-cycle-ok' } as ButtonProps}
      confirmLoading={open.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <FormErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onValuesChange={clear}
        onFinish={(v) => open.mutate(v)}
        initialValues={{
          programme: DEFAULT_PROGRAMME,
          ownerUnitId: firstRoot?.id,
          kind: 'year',
          year: new Date().getFullYear(),
          half: 1,
          reinspection: 'all',
        }}
        data-testid="open-cycle-form"
      >
        <Form.Item name="programme" label={t('evaluation.openCycle.programme')} rules={[{ required: true }]}>
          <Select options={programmeOptions(t)} aria-label={t('evaluation.openCycle.programme')} />
        </Form.Item>
        <Form.Item name="ownerUnitId" label={t('evaluation.openCycle.unit')} rules={[{ required: true }]}>
          <UnitPicker aria-label={t('evaluation.openCycle.unit')} />
        </Form.Item>
        <Form.Item name="year" label={t('evaluation.openCycle.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2200} style={{ width: '100%' }} aria-label={t('evaluation.openCycle.year')} />
        </Form.Item>
        {set.missing && set.loaded && year && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('evaluation.openCycle.noSet', { year })}
          />
        )}
        <Form.Item name="kind" label={t('evaluation.openCycle.kind')}>
          <Radio.Group
            options={(definition?.cycles ?? ['year', 'halfYear']).map((k) => ({
              value: k,
              label: t(`evaluation.kinds.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'halfYear' && (
          <Form.Item name="half" label={t('evaluation.openCycle.half')} rules={[{ required: true }]}>
            <Radio.Group options={([1, 2] as const).map((h) => ({ value: h, label: t(`evaluation.halves.h${h}`) }))} />
          </Form.Item>
        )}
        {definition && (
          <>
            <Typography.Text strong>{t('evaluation.openCycle.deadlines')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('evaluation.openCycle.deadlinesHint')}
            </Typography.Paragraph>
            {stepsOf(definition).map((step) => (
              <Form.Item
                key={step}
                name={['deadlines', step]}
                label={stepLabel(t, step)}
                style={{ marginBottom: 12 }}
                rules={[{ warningOnly: true, validator: notPast(t('evaluation.openCycle.pastDeadline')) }]}
              >
                <DatePicker
                  format={DATE_FORMAT}
                  placeholder={t('common.datePlaceholder')}
                  style={{ width: '100%' }}
                  aria-label={stepLabel(t, step)}
                />
              </Form.Item>
            ))}
          </>
        )}
        <Form.Item name="reinspection" label={t('evaluation.openCycle.reinspection')}>
          <Select
            aria-label={t('evaluation.openCycle.reinspection')}
            options={(['all', 'sample', 'none'] as const).map((r) => ({
              value: r,
              label: t(`evaluation.reinspection.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('evaluation.openCycle.note')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
