import { Alert, Checkbox, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CandidateDetail } from '../../../../src/contracts/admissions';
import { addMonths, votePasses } from '../../../../src/domain/workflows/admission';
import { formatDate, toIsoDate } from '../../lib/dates';
import { PastDateField } from './date-field';
import { StepError } from './step-error';
import { useAdmissionStep } from './use-admission-step';

/** The steps opened from the candidate page. */
export type StepKind = 'vote' | 'approve' | 'admit' | 'reject' | 'withdraw';

interface Props {
  candidate: CandidateDetail;
  kind: StepKind;
  onClose: () => void;
}

interface Values {
  meetingOn?: Dayjs;
  present?: number;
  inFavour?: number;
  recordFailure?: boolean;
  approvedOn?: Dayjs;
  signerName?: string;
  ceremonyOn?: Dayjs;
  reason?: string;
}

const TITLES = {
  vote: 'admission.vote.title',
  approve: 'admission.approve.title',
  admit: 'admission.admit.title',
  reject: 'admission.close.rejectTitle',
  withdraw: 'admission.close.withdrawTitle',
} as const satisfies Record<StepKind, string>;

/** The body of a step request from the form values. */
function bodyOf(kind: StepKind, version: number, v: Values) {
  switch (kind) {
    case 'vote':
      return {
        version,
        meetingOn: toIsoDate(v.meetingOn),
        present: v.present,
        inFavour: v.inFavour,
        recordFailure: Boolean(v.recordFailure),
      };
    case 'approve':
      return { version, approvedOn: toIsoDate(v.approvedOn), signerName: v.signerName || null };
    case 'admit':
      return { version, ceremonyOn: toIsoDate(v.ceremonyOn) };
    default:
      return { version, reason: v.reason };
  }
}

/** One step of a candidate (vote, approve, admit, reject, withdraw) in a modal form. */
export function StepModal({ candidate: c, kind, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const present = Form.useWatch('present', form);
  const inFavour = Form.useWatch('inFavour', form);
  const recordFailure = Form.useWatch('recordFailure', form);
  const ceremonyOn = Form.useWatch('ceremonyOn', form);
  const { mutation, error, reload } = useAdmissionStep<ReturnType<typeof bodyOf>, CandidateDetail>(
    form,
    `/admissions/${c.id}/${kind}`,
    (r) =>
      kind === 'vote'
        ? t('admission.done.voted')
        : kind === 'approve'
          ? t('admission.done.approved', { number: r.decision?.numberText ?? '' })
          : kind === 'admit'
            ? t('admission.done.admitted', { name: r.fullName, card: r.cardNumber ?? '' })
            : t('admission.done.closed'),
    onClose,
  );

  const counted = typeof present === 'number' && typeof inFavour === 'number' && present > 0;
  const passes = counted && votePasses(present, inFavour);
  const dueBy = c.approvedOn ? addMonths(c.approvedOn, c.rules.ceremonyWithinMonths) : null;
  const late = Boolean(dueBy && ceremonyOn && toIsoDate(ceremonyOn)! > dueBy);

  return (
    <Modal
      open
      title={`${t(TITLES[kind])}: ${c.fullName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={kind === 'vote' && counted && !passes ? t('admission.vote.submitFailure') : t('common.save')}
      okButtonProps={{
        loading: mutation.isPending,
        disabled: kind === 'vote' && counted && !passes && !recordFailure,
        danger: (kind === 'vote' && counted && !passes) || kind === 'reject',
        'data-testid': 'step-submit',
      }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name={`admission-${kind}`}
        onFinish={(v) => mutation.mutate(bodyOf(kind, c.version, v))}
      >
        {kind === 'vote' && (
          <>
            <PastDateField name="meetingOn" label={t('admission.fields.meetingOn')} />
            <Form.Item
              name="present"
              label={t('admission.fields.present')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber min={1} style={{ width: '100%' }} inputMode="numeric" />
            </Form.Item>
            <Form.Item
              name="inFavour"
              label={t('admission.fields.inFavour')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber min={0} style={{ width: '100%' }} inputMode="numeric" />
            </Form.Item>
            {counted && passes && (
              <Alert
                type="success"
                showIcon
                title={t('admission.vote.passes', { present, inFavour })}
                style={{ marginBottom: 12 }}
              />
            )}
            {counted && !passes && (
              <>
                <Alert type="warning" showIcon title={t('admission.vote.fails')} style={{ marginBottom: 12 }} />
                <Form.Item name="recordFailure" valuePropName="checked">
                  <Checkbox>{t('admission.vote.recordFailure')}</Checkbox>
                </Form.Item>
              </>
            )}
          </>
        )}
        {kind === 'approve' && (
          <>
            <Typography.Paragraph>
              {t('admission.approve.deciding', { unit: c.decidingUnit?.name ?? '' })}
            </Typography.Paragraph>
            <PastDateField name="approvedOn" label={t('admission.fields.approvedOn')} />
            <Form.Item name="signerName" label={t('admission.fields.signerName')}>
              <Input maxLength={120} />
            </Form.Item>
            <Typography.Text type="secondary">{t('admission.approve.hint')}</Typography.Text>
          </>
        )}
        {kind === 'admit' && (
          <>
            {dueBy && (
              <Typography.Paragraph>
                {t('admission.admit.dueBy', { date: formatDate(dueBy), months: c.rules.ceremonyWithinMonths })}
              </Typography.Paragraph>
            )}
            <PastDateField name="ceremonyOn" label={t('admission.fields.ceremonyOn')} />
            {late && dueBy && (
              <Alert
                type="warning"
                showIcon
                data-testid="late-ceremony"
                title={t('admission.admit.late', { date: formatDate(dueBy) })}
                style={{ marginBottom: 12 }}
              />
            )}
            <Typography.Text type="secondary">{t('admission.admit.hint')}</Typography.Text>
          </>
        )}
        {(kind === 'reject' || kind === 'withdraw') && (
          <Form.Item
            name="reason"
            label={t('admission.fields.reason')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
        <div style={{ marginTop: 12 }}>
          <StepError
            error={error}
            onReload={() => {
              reload();
              onClose();
            }}
          />
        </div>
      </Form>
    </Modal>
  );
}
