import { useEffect } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DisciplineDto } from '../../../../src/contracts/discipline';
import { FormErrorAlert } from '../../components/form-error-alert';
import { UnitPicker } from '../../components/unit-picker';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { MemberSelect, useIsMobile } from '../member-exits/procedure-ui';
import { disciplineOptionsFor, useRefreshDisciplines } from './discipline-api';
import { VoteCheck } from './vote-check';

interface Values {
  subjectKind: 'member' | 'unit';
  memberId?: string;
  subjectUnitId?: string;
  form?: string;
  decidingUnitId?: string;
  reason?: string;
  meetingOn?: Dayjs;
  eligibleCount?: number;
  presentCount?: number;
  inFavourCount?: number;
  secretBallot: boolean;
  decidedOn?: Dayjs;
  effectiveOn?: Dayjs;
  signerName?: string;
}

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/**
 * "Ghi quyết định kỷ luật": the subject (a member of `unitId`, or a unit), the form with the units the account
 * may decide it in, the meeting's counts with a live quorum and majority check, the dates.
 */
export function DisciplineDrawer(props: {
  unitId?: string;
  member?: { id: string; fullName: string };
  onClose: () => void;
  onSaved?: (d: DisciplineDto) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const refresh = useRefreshDisciplines();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const subjectKind = Form.useWatch('subjectKind', form) ?? 'member';
  const memberId = Form.useWatch('memberId', form) ?? props.member?.id;
  const subjectUnitId = Form.useWatch('subjectUnitId', form);
  const formKey = Form.useWatch('form', form);
  const [eligible, present, inFavour] = [
    Form.useWatch('eligibleCount', form),
    Form.useWatch('presentCount', form),
    Form.useWatch('inFavourCount', form),
  ];
  const subject = subjectKind === 'member' ? { memberId } : { unitId: subjectUnitId };
  const options = useQuery(disciplineOptionsFor(subject));
  const chosen = options.data?.forms.find((f) => f.key === formKey);

  const firstDecider = chosen?.deciders[0]?.id;
  useEffect(() => {
    form.setFieldValue('decidingUnitId', firstDecider);
  }, [formKey, firstDecider, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<DisciplineDto>('/disciplines', {
        subjectKind: v.subjectKind,
        memberId: v.subjectKind === 'member' ? memberId : undefined,
        memberVersion: v.subjectKind === 'member' ? (options.data?.subject.version ?? undefined) : undefined,
        subjectUnitId: v.subjectKind === 'unit' ? v.subjectUnitId : undefined,
        decidingUnitId: v.decidingUnitId,
        form: v.form,
        reason: v.reason,
        meetingOn: toIsoDate(v.meetingOn),
        eligibleCount: v.eligibleCount,
        presentCount: v.presentCount,
        inFavourCount: v.inFavourCount,
        secretBallot: v.secretBallot,
        decidedOn: toIsoDate(v.decidedOn),
        effectiveOn: toIsoDate(v.effectiveOn),
        signerName: v.signerName,
      }),
    onMutate: clear,
    onError,
    onSuccess: async (saved) => {
      await refresh();
      void message.success(t('discipline.saved', { number: saved.decision?.numberText ?? '' }));
      props.onSaved?.(saved);
      props.onClose();
    },
  });

  const required = [{ required: true, message: t('discipline.required') }];
  const position = options.data?.subject.position;
  const today = dayjs();
  return (
    <Drawer
      open
      title={props.member ? `${t('discipline.formTitle')}: ${props.member.fullName}` : t('discipline.formTitle')}
      size={isMobile ? '100%' : 600}
      onClose={props.onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <>
          <FormErrorAlert error={error} />
          <Flex gap={8} justify="end">
            <Button onClick={props.onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="discipline-save">
              {t('discipline.add')}
            </Button>
          </Flex>
        </>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          subjectKind: 'member',
          memberId: props.member?.id,
          secretBallot: true,
          meetingOn: today,
          decidedOn: today,
          effectiveOn: today,
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.subjectKind || changed.memberId || changed.subjectUnitId) form.setFieldValue('form', undefined);
          if (changed.decidedOn) form.setFieldValue('effectiveOn', changed.decidedOn);
        }}
        onFinish={(v) => save.mutate(v)}
        data-testid="discipline-form"
      >
        {!props.member && (
          <Form.Item name="subjectKind" label={t('discipline.subject')}>
            <Radio.Group
              optionType="button"
              options={(['member', 'unit'] as const).map((k) => ({ value: k, label: t(`discipline.subjects.${k}`) }))}
            />
          </Form.Item>
        )}
        {!props.member && subjectKind === 'member' && (
          <Form.Item name="memberId" label={t('discipline.member')} rules={required}>
            <MemberSelect unitId={props.unitId ?? ''} placeholder={t('discipline.memberSearch')} />
          </Form.Item>
        )}
        {subjectKind === 'unit' && (
          <Form.Item name="subjectUnitId" label={t('discipline.unit')} rules={required}>
            <UnitPicker />
          </Form.Item>
        )}
        <Form.Item name="form" label={t('discipline.form')} rules={required}>
          <Select
            disabled={!options.data}
            loading={options.isFetching}
            options={(options.data?.forms ?? []).map((f) => ({ value: f.key, label: f.label }))}
          />
        </Form.Item>
        {chosen && chosen.deciders.length === 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('discipline.noDecider', { level: t(`discipline.levels.${chosen.decidedBy}`) })}
          />
        )}
        <Form.Item name="decidingUnitId" label={t('discipline.decidingUnit')} rules={required}>
          <Select
            disabled={!chosen || chosen.deciders.length === 0}
            options={(chosen?.deciders ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        {chosen?.endsPosition && subjectKind === 'member' && position && !chosen.endsMembership && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('discipline.endsPosition', { position })}
          />
        )}
        {chosen?.endsMembership && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(subjectKind === 'member' ? 'discipline.expels' : 'discipline.dissolution')}
          />
        )}
        <Form.Item
          name="reason"
          label={t('discipline.reason')}
          rules={[{ required: true, whitespace: true, message: t('discipline.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="meetingOn" label={t('discipline.meetingOn')} rules={required}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item
            name="eligibleCount"
            label={t('discipline.eligible')}
            rules={required}
            style={{ flex: '1 1 90px' }}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="presentCount" label={t('discipline.present')} rules={required} style={{ flex: '1 1 90px' }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item
            name="inFavourCount"
            label={t('discipline.inFavour')}
            rules={required}
            style={{ flex: '1 1 90px' }}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Flex>
        {options.data && (
          <VoteCheck
            eligible={eligible}
            present={present}
            inFavour={inFavour}
            quorum={options.data.quorum}
            majority={options.data.majority}
          />
        )}
        <Form.Item name="secretBallot" valuePropName="checked">
          <Checkbox>{t('discipline.secretBallot')}</Checkbox>
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="decidedOn" label={t('discipline.decidedOn')} rules={required} style={{ flex: '1 1 140px' }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
          <Form.Item
            name="effectiveOn"
            label={t('discipline.effectiveOn')}
            rules={required}
            style={{ flex: '1 1 140px' }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="signerName" label={t('procedures.signerName')}>
          <Input maxLength={120} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
