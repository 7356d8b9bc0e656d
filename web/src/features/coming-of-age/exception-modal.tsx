import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ComingOfAgeItem } from '../../../../src/contracts/coming-of-age';
import { EXCEPTION_REASONS, type ExceptionReason } from '../../../../src/domain/workflows/coming-of-age';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { FormModal } from '../member-exits/procedure-ui';
import { useRefreshComingOfAge } from './coming-of-age-api';

interface Values {
  reason: ExceptionReason;
  validUntil?: Dayjs | null;
  note?: string;
}

/** "Giữ lại": records that a member stays past the age limit (committee, full-time worker, extension). */
export function ExceptionModal(props: { item: ComingOfAgeItem; extensionMaxAge: number; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshComingOfAge();
  const cap = props.item.birthDate ? dayjs(props.item.birthDate).add(props.extensionMaxAge, 'year') : null;
  return (
    <FormModal<Values>
      title={t('comingOfAge.keepTitle', { name: props.item.fullName })}
      okText={t('common.save')}
      testId="exception"
      initialValues={{ reason: 'extension', validUntil: cap }}
      onSubmit={(v) =>
        api.post('/coming-of-age/exceptions', {
          memberId: props.item.memberId,
          reason: v.reason,
          validUntil: v.validUntil ? toIsoDate(v.validUntil) : null,
          note: v.note,
        })
      }
      onDone={refresh}
      doneText={() => t('comingOfAge.saved')}
      onClose={props.onClose}
    >
      <Form.Item name="reason" label={t('comingOfAge.reason')}>
        <Select options={EXCEPTION_REASONS.map((r) => ({ value: r, label: t(`comingOfAge.reasons.${r}`) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.reason !== b.reason}>
        {({ getFieldValue }) => {
          const extension = getFieldValue('reason') === 'extension';
          return (
            <Form.Item
              name="validUntil"
              label={t('comingOfAge.validUntil')}
              extra={
                extension ? t('comingOfAge.validUntilHint', { age: props.extensionMaxAge }) : t('comingOfAge.untilEnd')
              }
              rules={extension ? [{ required: true, message: t('validation.required') }] : []}
            >
              <DatePicker
                format={DATE_FORMAT}
                style={{ width: '100%' }}
                placeholder={t('common.datePlaceholder')}
                disabledDate={(d) => d.isBefore(dayjs(), 'day') || Boolean(extension && cap && d.isAfter(cap, 'day'))}
              />
            </Form.Item>
          );
        }}
      </Form.Item>
      <Form.Item name="note" label={t('procedures.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
