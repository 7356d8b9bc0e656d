import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../src/contracts/meetings';
import { MEETING_FORMS } from '../../../../src/domain/branch-life/meeting-rules';
import { FormErrorAlert } from '../../components/form-error-alert';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { useIsMobile } from '../member-exits/procedure-ui';
import { useRefreshMeetings } from './meetings-api';

interface Values {
  plannedOn: Dayjs;
  form: string;
  topic?: string;
  place?: string;
}

/** "Thêm buổi sinh hoạt": an ad-hoc meeting of the branch, in the period of its date. */
export function AddMeetingModal({ unitId, year, onClose }: { unitId: string; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const refresh = useRefreshMeetings();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const add = useMutation({
    mutationFn: (v: Values) =>
      api.post<MeetingDetail>('/meetings', {
        unitId,
        period: v.plannedOn.format('YYYY-MM'),
        plannedOn: toIsoDate(v.plannedOn),
        form: v.form,
        topic: v.topic ?? '',
        place: v.place ?? '',
      }),
    onSuccess: async (m) => {
      await refresh();
      void message.success(t('meeting.added'));
      onClose();
      void navigate({ to: '/meetings/$meetingId', params: { meetingId: m.id } });
    },
    onError,
  });
  const now = dayjs();
  const initial = now.year() === year ? now : dayjs(`${year}-01-15`);
  return (
    <Modal
      open
      title={t('meeting.add')}
      width={isMobile ? '100%' : 520}
      okText={t('meeting.add')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <FormErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ plannedOn: initial, form: 'regular' }}
        onValuesChange={clear}
        onFinish={(v) => add.mutate(v)}
      >
        <Form.Item name="plannedOn" label={t('meeting.plannedOn')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="form" label={t('meeting.form')}>
          <Select options={MEETING_FORMS.map((f) => ({ value: f, label: t(`meeting.forms.${f}`) }))} />
        </Form.Item>
        <Form.Item name="topic" label={t('meeting.topic')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="place" label={t('meeting.place')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
