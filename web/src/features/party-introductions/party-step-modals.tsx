import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PartyIntroductionDto } from '../../../../src/contracts/party-introductions';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { FormModal } from '../member-exits/procedure-ui';
import { useRefreshParty } from './party-api';

/** Which step of an introduction a modal records. */
export type PartyStep = 'introduce' | 'outcome' | 'withdraw';

interface Values {
  introducingUnitId?: string;
  introducedOn?: Dayjs;
  partyCell?: string;
  signerName?: string;
  outcome?: 'admitted' | 'not_admitted';
  outcomeOn?: Dayjs;
  note?: string;
}

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

function bodyOf(step: PartyStep, intro: PartyIntroductionDto, v: Values) {
  if (step === 'introduce')
    return {
      version: intro.version,
      introducingUnitId: v.introducingUnitId,
      introducedOn: toIsoDate(v.introducedOn),
      partyCell: v.partyCell,
      signerName: v.signerName,
    };
  if (step === 'outcome')
    return { version: intro.version, outcome: v.outcome, outcomeOn: toIsoDate(v.outcomeOn), note: v.note };
  return { version: intro.version, note: v.note };
}

/** One step of an introduction: the letter to a Party cell, the outcome, or the withdrawal. */
export function PartyStepModal({
  step,
  intro,
  onClose,
}: {
  step: PartyStep;
  intro: PartyIntroductionDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshParty();
  const required = [{ required: true, message: t('partyIntro.required') }];
  const titles = {
    introduce: t('partyIntro.introduceTitle', { name: intro.memberName }),
    outcome: t('partyIntro.outcomeTitle', { name: intro.memberName }),
    withdraw: t('partyIntro.withdrawTitle', { name: intro.memberName }),
  };
  return (
    <FormModal<Values>
      title={titles[step]}
      okText={t(`partyIntro.${step}`)}
      danger={step === 'withdraw'}
      testId={`party-${step}`}
      initialValues={{
        introducingUnitId: intro.introducers[0]?.id,
        introducedOn: dayjs(),
        outcome: 'admitted',
        outcomeOn: dayjs(),
      }}
      onSubmit={(v) =>
        api.post<PartyIntroductionDto>(`/party-introductions/${intro.id}/${step}`, bodyOf(step, intro, v))
      }
      onDone={refresh}
      doneText={(result) => {
        const r = result as PartyIntroductionDto;
        if (step === 'introduce') return t('partyIntro.introduced', { number: r.letter?.numberText ?? '' });
        return t(step === 'outcome' ? 'partyIntro.outcomeSaved' : 'partyIntro.withdrawn');
      }}
      onClose={onClose}
    >
      {step === 'introduce' && (
        <>
          <Form.Item name="introducingUnitId" label={t('partyIntro.introducingUnit')} rules={required}>
            <Select options={intro.introducers.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="partyCell" label={t('partyIntro.partyCell')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="introducedOn" label={t('partyIntro.introducedOn')} rules={required}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
          <Form.Item name="signerName" label={t('procedures.signerName')}>
            <Input maxLength={120} />
          </Form.Item>
        </>
      )}
      {step === 'outcome' && (
        <>
          <Form.Item name="outcome" label={t('partyIntro.outcomeField')}>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              options={(['admitted', 'not_admitted'] as const).map((o) => ({
                value: o,
                label: t(`partyIntro.outcomes.${o}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="outcomeOn" label={t('partyIntro.outcomeOn')} rules={required}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
          <Form.Item name="note" label={t('partyIntro.outcomeNote')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
          </Form.Item>
        </>
      )}
      {step === 'withdraw' && (
        <Form.Item name="note" label={t('partyIntro.withdrawNote')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      )}
    </FormModal>
  );
}
