import { Alert, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ComingOfAgeItem, ProcessComingOfAgeResult } from '../../../../src/contracts/coming-of-age';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { FormModal } from '../member-exits/procedure-ui';
import { useRefreshComingOfAge } from './coming-of-age-api';

interface Values {
  ceremonyOn: string;
  signerName?: string;
}

/** "Xét trưởng thành": the ceremony date (one of the configured dates that has passed) for the chosen members. */
export function ProcessModal(props: {
  unitId: string;
  year: number;
  ceremonyDates: string[];
  members: ComingOfAgeItem[];
  onDone: (result: ProcessComingOfAgeResult) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshComingOfAge();
  const today = dayjs().format('YYYY-MM-DD');
  const past = props.ceremonyDates.filter((d) => d <= today);
  return (
    <FormModal<Values>
      title={t('comingOfAge.processTitle', { n: props.members.length })}
      okText={t('comingOfAge.process')}
      testId="coming-of-age-process"
      initialValues={{ ceremonyOn: past.at(-1) }}
      onSubmit={(v) =>
        api.post<ProcessComingOfAgeResult>('/coming-of-age/process', {
          unitId: props.unitId,
          year: props.year,
          ceremonyOn: v.ceremonyOn,
          members: props.members.map((m) => ({ id: m.memberId, version: m.version })),
          signerName: v.signerName,
        })
      }
      onDone={async (result) => {
        await refresh();
        props.onDone(result as ProcessComingOfAgeResult);
      }}
      doneText={(result) => t('comingOfAge.processed_ok', { n: (result as ProcessComingOfAgeResult).processed.length })}
      onClose={props.onClose}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('comingOfAge.processHint')} />
      {past.length === 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('comingOfAge.noDates')} />
      )}
      <Form.Item
        name="ceremonyOn"
        label={t('comingOfAge.ceremonyOn')}
        rules={[{ required: true, message: t('comingOfAge.ceremonyRequired') }]}
      >
        <Select
          options={props.ceremonyDates.map((d) => ({
            value: d,
            label: d > today ? `${formatDate(d)} ${t('comingOfAge.futureDate')}` : formatDate(d),
            disabled: d > today,
          }))}
        />
      </Form.Item>
      <Form.Item name="signerName" label={t('procedures.signerName')}>
        <Input maxLength={120} />
      </Form.Item>
    </FormModal>
  );
}
