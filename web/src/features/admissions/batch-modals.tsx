import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { BatchResult, CandidateListItem } from '../../../../src/contracts/admissions';
import { formatDate, toIsoDate } from '../../lib/dates';
import { PastDateField } from './date-field';
import { StepError } from './step-error';
import { useAdmissionStep } from './use-admission-step';

interface Props {
  kind: 'approve' | 'admit';
  items: CandidateListItem[];
  onClose: () => void;
  onDone: () => void;
}

interface Values {
  date?: Dayjs;
  signerName?: string;
}

/** Approve a class in one decision, or admit a class at one ceremony: all of them or none. */
export function BatchModal({ kind, items, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const date = Form.useWatch('date', form);
  const { mutation, error, reload } = useAdmissionStep<object, BatchResult>(
    form,
    kind === 'approve' ? '/admissions/approve-batch' : '/admissions/admit-batch',
    (r) =>
      kind === 'approve'
        ? t('admission.done.batchApproved', { n: r.items.length, number: r.decision?.numberText ?? '' })
        : t('admission.done.batchAdmitted', { n: r.items.length }),
    onDone,
  );
  const chosen = toIsoDate(date);
  const late = kind === 'admit' && chosen ? items.filter((c) => c.ceremonyDueBy && chosen > c.ceremonyDueBy) : [];
  const deciding = [...new Set(items.map((c) => c.decidingUnit?.name).filter(Boolean))].join(', ');

  const submit = (v: Values) => {
    const list = items.map((c) => ({ id: c.id, version: c.version }));
    mutation.mutate(
      kind === 'approve'
        ? { items: list, approvedOn: toIsoDate(v.date), signerName: v.signerName || null }
        : { items: list, ceremonyOn: toIsoDate(v.date) },
    );
  };

  return (
    <Modal
      open
      title={kind === 'approve' ? t('admission.approve.batchTitle') : t('admission.admit.batchTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: mutation.isPending, 'data-testid': 'batch-submit' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph>
        {kind === 'approve'
          ? t('admission.approve.batchHint', { n: items.length })
          : t('admission.admit.batchHint', { n: items.length })}
      </Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20, marginBottom: 12 }}>
        {items.map((c) => (
          <li key={c.id}>
            {c.fullName} ({formatDate(c.birthDate)}) · {c.unitName}
          </li>
        ))}
      </ol>
      {kind === 'approve' && deciding && (
        <Typography.Paragraph>{t('admission.approve.deciding', { unit: deciding })}</Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" name={`admission-batch-${kind}`} onFinish={submit}>
        <PastDateField
          name="date"
          label={kind === 'approve' ? t('admission.fields.approvedOn') : t('admission.fields.ceremonyOn')}
        />
        {kind === 'approve' && (
          <Form.Item name="signerName" label={t('admission.fields.signerName')}>
            <Input maxLength={120} />
          </Form.Item>
        )}
      </Form>
      {late.map((c) => (
        <Alert
          key={c.id}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${c.fullName}: ${t('admission.admit.late', { date: formatDate(c.ceremonyDueBy) })}`}
        />
      ))}
      <StepError
        error={error}
        onReload={() => {
          reload();
          onClose();
        }}
      />
    </Modal>
  );
}
