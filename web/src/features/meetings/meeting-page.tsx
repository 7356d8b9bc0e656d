import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../src/contracts/meetings';
import { FormErrorAlert } from '../../components/form-error-alert';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { MeetingReviewPanel } from '../member-reviews/meeting-review-panel';
import { useIsMobile } from '../member-exits/procedure-ui';
import { AttachmentsPanel } from './attachments-panel';
import { AttendanceList } from './attendance-list';
import { InvitationsPanel } from './invitations-panel';
import { MeetingStatusTag, periodLabel } from './meeting-tags';
import { meetingOptions, useRefreshMeetings } from './meetings-api';
import { QrPanel } from './qr-panel';
import { RecordForm } from './record-form';

/** Back to the branch's meetings of the year (the list route takes its search as a plain query string). */
function BackLink({ href }: { href: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <a
      href={href}
      onClick={(e) => {
        e.preventDefault();
        router.history.push(href);
      }}
    >
      <ArrowLeftOutlined /> {t('meeting.back')}
    </a>
  );
}

function CancelButton({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const { error, onError, clear } = useFormError(form);
  const refresh = useRefreshMeetings();
  const isMobile = useIsMobile();
  const cancel = useMutation({
    mutationFn: (v: { reason: string }) =>
      api.post<MeetingDetail>(`/meetings/${meeting.id}/cancel`, { version: meeting.version, reason: v.reason }),
    onSuccess: async () => {
      setOpen(false);
      await refresh();
      void message.success(t('meeting.record.cancelled'));
    },
    onError,
  });
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('meeting.record.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('meeting.record.cancel')}
        width={isMobile ? '100%' : 480}
        okText={t('meeting.record.cancel')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={cancel.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
      >
        <FormErrorAlert error={error} />
        <Form form={form} layout="vertical" onValuesChange={clear} onFinish={(v) => cancel.mutate(v)}>
          <Form.Item name="reason" label={t('meeting.record.cancelReason')} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** One meeting: record form, attendance with one-tap buttons, QR check-in, files, invitations and member review. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const query = useQuery(meetingOptions(meetingId));
  const m = query.data;
  if (query.error) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  if (!m) return <Skeleton active paragraph={{ rows: 8 }} />;
  const title = `${t('meeting.one')} ${periodLabel(m.period)}`;
  return (
    <>
      <BackLink href={`/meetings?unitId=${m.unitId}&year=${m.period.slice(0, 4)}`} />
      <PageTitle
        title={
          <Flex gap={8} align="center" wrap>
            <span>{title}</span>
            <MeetingStatusTag status={m.status} />
          </Flex>
        }
        extra={m.canWrite && m.status === 'planned' ? <CancelButton meeting={m} /> : undefined}
      />
      <Typography.Paragraph type="secondary" data-testid="meeting-unit">
        {m.unitName}
        {m.heldOn ? ` · ${formatDate(m.heldOn)}` : m.plannedOn ? ` · ${formatDate(m.plannedOn)}` : ''}
      </Typography.Paragraph>
      {m.branchClosed && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('meeting.closed')} />}
      {m.status === 'cancelled' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('meeting.record.cancelledBecause', { reason: m.cancelReason ?? '' })}
        />
      )}
      <Flex vertical gap={12}>
        <Card size="small" title={t('meeting.record.title')}>
          <RecordForm key={m.version} meeting={m} />
        </Card>
        {m.canWrite && m.checkInOpen && (
          <Card size="small" title={t('meeting.qr.title')}>
            <QrPanel meetingId={m.id} />
          </Card>
        )}
        <Card size="small" title={t('meeting.roster.title')}>
          <AttendanceList meetingId={m.id} polling={false} />
        </Card>
        <Card size="small" title={t('meeting.files.title')}>
          <AttachmentsPanel meeting={m} />
        </Card>
        <Card size="small" title={t('meeting.invite.title')}>
          <InvitationsPanel meeting={m} />
        </Card>
        <Card size="small" title={t('meeting.review')}>
          <MeetingReviewPanel meetingId={m.id} />
        </Card>
      </Flex>
    </>
  );
}
