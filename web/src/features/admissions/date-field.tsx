import type { ReactNode } from 'react';
import { DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../../lib/dates';

/** A required date (dd/mm/yyyy) that cannot lie after today. */
export function PastDateField({ name, label, extra }: { name: string; label: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: t('validation.required') }]}>
      <DatePicker
        format={DATE_FORMAT}
        style={{ width: '100%' }}
        placeholder={t('common.datePlaceholder')}
        disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')}
      />
    </Form.Item>
  );
}
