import { App, Button, Empty, Flex, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MeetingAttachment, MeetingDetail } from '../../../../src/contracts/meetings';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { sendApi } from '../members/member-api';
import { useRefreshMeetings } from './meetings-api';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** Photos and files of a meeting: upload (checked by the server by their first bytes), open, delete. */
export function AttachmentsPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const refresh = useRefreshMeetings();
  const base = `/meetings/${meeting.id}/attachments`;
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return sendApi<MeetingAttachment[]>('POST', base, form);
    },
    onSuccess: async () => {
      await refresh();
      void message.success(t('meeting.files.uploaded'));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete<MeetingAttachment[]>(`${base}/${id}`),
    onSuccess: async () => {
      await refresh();
      void message.success(t('meeting.files.removed'));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const editable = meeting.canWrite && meeting.status !== 'cancelled';
  return (
    <>
      {meeting.attachments.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meeting.files.empty')} />
      )}
      {meeting.attachments.map((a) => (
        <Flex key={a.id} justify="space-between" align="center" gap={8} style={{ padding: '6px 0' }}>
          <a
            href={`/api${base}/${a.id}`}
            target="_blank"
            rel="noreferrer"
            style={{ minWidth: 0, overflowWrap: 'anywhere' }}
          >
            <PaperClipOutlined /> {a.fileName}
          </a>
          <Flex gap={8} align="center">
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {sizeText(a.size)} · {formatDateTime(a.createdAt).slice(0, 10)}
            </Typography.Text>
            {editable && (
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('meeting.files.remove')}
                onClick={() =>
                  modal.confirm({
                    title: t('meeting.files.removeConfirm', { name: a.fileName }),
                    okText: t('meeting.files.remove'),
                    cancelText: t('common.cancel'),
                    onOk: () => remove.mutateAsync(a.id),
                  })
                }
              />
            )}
          </Flex>
        </Flex>
      ))}
      {editable && (
        <>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > MAX_BYTES) void message.error(t('meeting.files.tooLarge'));
              else upload.mutate(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginTop: 8 }}>
              {t('meeting.files.upload')}
            </Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
            {t('meeting.files.hint')}
          </Typography.Paragraph>
        </>
      )}
    </>
  );
}
