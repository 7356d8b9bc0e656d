import { App, Button, Col, DatePicker, Flex, Form, Input, Row, Select, Space } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../src/contracts/meetings';
import { MEETING_FORMS } from '../../../../src/domain/branch-life/meeting-rules';
import { FormErrorAlert } from '../../components/form-error-alert';
import { api } from '../../lib/api';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { attendanceOptions, useRefreshMeetings } from './meetings-api';

interface Values {
  plannedOn?: Dayjs;
  heldOn?: Dayjs;
  startsAt?: string;
  place?: string;
  form: string;
  topic?: string;
  chairMemberId?: string | null;
  chairName?: string;
  minutes?: string;
  criticism?: string;
  resolutions?: string;
}

const text = (v: string | undefined) => v ?? '';

/** The plan and record of a meeting: saving with a held date records it as held (never after today). */
export function RecordForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const refresh = useRefreshMeetings();
  const roster = useQuery(attendanceOptions(meeting.id, false));
  const editable = meeting.canWrite && meeting.status !== 'cancelled';
  const save = useMutation({
    mutationFn: ({ v, held }: { v: Values; held: boolean }) =>
      api.patch<MeetingDetail>(`/meetings/${meeting.id}`, {
        version: meeting.version,
        plannedOn: toIsoDate(v.plannedOn) ?? null,
        ...(held ? { heldOn: toIsoDate(v.heldOn) } : {}),
        startsAt: v.startsAt ? v.startsAt : null,
        place: text(v.place),
        form: v.form,
        topic: text(v.topic),
        chairMemberId: v.chairMemberId ?? null,
        chairName: text(v.chairName),
        minutes: text(v.minutes),
        criticism: text(v.criticism),
        resolutions: text(v.resolutions),
      }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('meeting.record.saved'));
    },
    onError,
  });
  const submit = (held: boolean) =>
    form
      .validateFields()
      .then((v) => save.mutate({ v, held }))
      .catch(() => undefined);
  const members = (roster.data?.items ?? []).map((r) => ({ value: r.memberId, label: r.fullName }));
  return (
    <>
      <FormErrorAlert error={error} onReload={() => void refresh()} />
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        onValuesChange={clear}
        initialValues={{
          plannedOn: fromIsoDate(meeting.plannedOn),
          heldOn: fromIsoDate(meeting.heldOn),
          startsAt: meeting.startsAt ?? undefined,
          place: meeting.place ?? undefined,
          form: meeting.form,
          topic: meeting.topic ?? undefined,
          chairMemberId: meeting.chairMemberId,
          chairName: meeting.chairName ?? undefined,
          minutes: meeting.minutes ?? undefined,
          criticism: meeting.criticism ?? undefined,
          resolutions: meeting.resolutions ?? undefined,
        }}
      >
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="plannedOn" label={t('meeting.plannedOn')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="heldOn" label={t('meeting.heldOn')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="startsAt" label={t('meeting.startsAt')}>
              <Input placeholder="19:30" maxLength={5} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="form" label={t('meeting.form')}>
              <Select
                popupMatchSelectWidth={false}
                options={MEETING_FORMS.map((f) => ({ value: f, label: t(`meeting.forms.${f}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="topic" label={t('meeting.topic')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="place" label={t('meeting.place')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="chairMemberId" label={t('meeting.chairMember')}>
              <Select allowClear showSearch optionFilterProp="label" options={members} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="chairName" label={t('meeting.chairName')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="minutes" label={t('meeting.minutes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} />
        </Form.Item>
        <Form.Item name="criticism" label={t('meeting.criticism')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
        </Form.Item>
        <Form.Item name="resolutions" label={t('meeting.resolutions')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
        </Form.Item>
      </Form>
      {editable && (
        <Flex justify="end">
          <Space wrap>
            {meeting.status === 'planned' && (
              <Button loading={save.isPending} onClick={() => submit(false)}>
                {t('meeting.record.savePlan')}
              </Button>
            )}
            <Button type="primary" loading={save.isPending} onClick={() => submit(true)}>
              {meeting.status === 'held' ? t('meeting.record.saveRecord') : t('meeting.record.markHeld')}
            </Button>
          </Space>
        </Flex>
      )}
    </>
  );
}
