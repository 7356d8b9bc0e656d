import { Alert, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DisciplineDto } from '../../../../src/contracts/discipline';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { FormModal } from '../member-exits/procedure-ui';
import { useRefreshDisciplines } from './discipline-api';

interface Values {
  annulledOn: Dayjs;
  reason: string;
}

/** "Hủy quyết định": annuls a discipline decision with a reason (its effects stay). */
export function AnnulModal({ discipline, onClose }: { discipline: DisciplineDto; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshDisciplines();
  const name = discipline.memberName ?? discipline.subjectUnitName;
  return (
    <FormModal<Values>
      title={t('discipline.annulTitle', { name })}
      okText={t('discipline.annul')}
      danger
      testId="discipline-annul"
      initialValues={{ annulledOn: dayjs() }}
      onSubmit={(v) =>
        api.post<DisciplineDto>(`/disciplines/${discipline.id}/annul`, {
          version: discipline.version,
          annulledOn: toIsoDate(v.annulledOn),
          reason: v.reason,
        })
      }
      onDone={refresh}
      doneText={() => t('discipline.annulled')}
      onClose={onClose}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('discipline.annulHint')} />
      <Form.Item
        name="annulledOn"
        label={t('discipline.annulledOn')}
        rules={[{ required: true, message: t('discipline.required') }]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('discipline.annulReason')}
        rules={[{ required: true, whitespace: true, message: t('discipline.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
