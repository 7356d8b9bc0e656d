import { useMemo, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestDto, IdentityChanges, SelfProfile } from '../../../../src/contracts/self-service';
import { IDENTITY_FIELDS, type IdentityField } from '../../../../src/domain/members/self-service';
import { ETHNIC_GROUPS, GENDERS, RELIGIONS } from '../../../../src/domain/members/reference-lists';
import { api } from '../../lib/api';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { useMemberLabels } from '../members/member-labels';
import { options } from '../members/member-form-personal';
import { selfServiceKeys } from './self-service-queries';

type Values = Partial<Record<Exclude<IdentityField, 'birthDate'>, string>> & { birthDate?: Dayjs; note?: string };

const TEXT_MAX: Partial<Record<IdentityField, number>> = {
  fullName: 120,
  cccd: 20,
  permanentProvince: 80,
  permanentCommune: 80,
  permanentAddress: 300,
  hometown: 300,
};

/** The identity values of the record as the form shows them. */
function initialValues(p: SelfProfile): Values {
  const values: Values = { birthDate: fromIsoDate(p.birthDate) };
  for (const f of IDENTITY_FIELDS) if (f !== 'birthDate') values[f] = p[f] ?? undefined;
  return values;
}

/** The fields whose value differs from the record, as the API takes them. */
function changesOf(p: SelfProfile, v: Values): IdentityChanges {
  const changes: Record<string, string | null> = {};
  for (const f of IDENTITY_FIELDS) {
    const value = f === 'birthDate' ? (toIsoDate(v.birthDate) ?? '') : (v[f]?.trim() ?? '');
    if (value !== (p[f] ?? '')) changes[f] = value === '' ? null : value;
  }
  return changes as IdentityChanges;
}

/** "Đề nghị sửa thông tin nhân thân": the member edits identity fields; the branch approves the request. */
export function IdentityRequestModal({ profile, onClose }: { profile: SelfProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useMemberLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const rename = useMemo(() => Object.fromEntries(IDENTITY_FIELDS.map((f) => [`changes.${f}`, f])), []);
  const { error, onError, clear } = useFormError(form, rename);
  const [nothing, setNothing] = useState(false);

  const send = useMutation({
    mutationFn: ({ changes, note }: { changes: IdentityChanges; note?: string }) =>
      api.post<ChangeRequestDto>('/me/change-requests', { changes, note: note ?? '' }),
    onMutate: clear,
    onError,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: selfServiceKeys.all });
      void message.success(t('selfService.request.sent'));
      onClose();
    },
  });

  const submit = (v: Values) => {
    const changes = changesOf(profile, v);
    setNothing(Object.keys(changes).length === 0);
    if (Object.keys(changes).length > 0) send.mutate({ changes, note: v.note });
  };
  const text = (f: IdentityField) => (
    <Form.Item key={f} name={f} label={labels.field(f)}>
      <Input maxLength={TEXT_MAX[f]} inputMode={f === 'cccd' ? 'numeric' : undefined} autoComplete="off" />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={t('selfService.request.title')}
      okText={t('selfService.request.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={send.isPending}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('selfService.request.help')}</Typography.Paragraph>
      {nothing && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('selfService.request.noChanges')} />
      )}
      <FormErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="identity-request"
        initialValues={initialValues(profile)}
        onFinish={submit}
      >
        {text('fullName')}
        <Form.Item name="birthDate" label={labels.field('birthDate')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
        </Form.Item>
        <Form.Item name="gender" label={labels.field('gender')}>
          <Select options={GENDERS.map((g) => ({ value: g, label: labels.gender(g) }))} />
        </Form.Item>
        <Form.Item name="ethnicity" label={labels.field('ethnicity')}>
          <Select allowClear showSearch options={options(ETHNIC_GROUPS)} />
        </Form.Item>
        <Form.Item name="religion" label={labels.field('religion')}>
          <Select allowClear showSearch options={options(RELIGIONS)} />
        </Form.Item>
        {(['cccd', 'hometown', 'permanentProvince', 'permanentCommune', 'permanentAddress'] as const).map(text)}
        <Form.Item name="note" label={t('selfService.request.note')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            placeholder={t('selfService.request.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
