import { App, Button, Drawer, Flex, Form, Grid, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AnnouncementDetail } from '../../../../src/contracts/announcements';
import { ANNOUNCEMENT_LIMITS } from '../../../../src/domain/branch-life/announcement';
import { FormErrorAlert } from '../../components/form-error-alert';
import { api } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { useRefreshAnnouncements } from './announcement-queries';

interface Values {
  title: string;
  body: string;
}

/**
 * "Soạn thông báo": a new draft of the page's unit (then its page opens), or the edit of a draft (`editing`). Full
 * width on phones.
 */
export function ComposeDrawer({
  unit,
  editing,
  onClose,
  onReload,
}: {
  unit?: { id: string; name: string };
  editing?: AnnouncementDetail;
  onClose: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const refresh = useRefreshAnnouncements();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      editing
        ? api.patch<AnnouncementDetail>(`/announcements/${editing.id}`, {
            version: editing.version,
            title: v.title ?? '',
            body: v.body ?? '',
          })
        : api.post<AnnouncementDetail>('/announcements', {
            unitId: unit?.id,
            title: v.title ?? '',
            body: v.body ?? '',
          }),
    onMutate: clear,
    onError,
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(t('announcement.messages.saved'));
      onClose();
      if (!editing) void navigate({ to: '/announcements/$announcementId', params: { announcementId: saved.id } });
    },
  });

  return (
    <Drawer
      open
      title={editing ? t('announcement.editTitle') : t('announcement.compose')}
      size={screens.md ? 640 : '100%'}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <>
          <FormErrorAlert error={error} onReload={onReload} />
          <Flex gap={8} justify="end">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => form.submit()}
              data-testid="announcement-save"
            >
              {t('announcement.actions.save')}
            </Button>
          </Flex>
        </>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={editing ? { title: editing.title, body: editing.body } : undefined}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item label={t('announcement.fields.unit')}>
          <Typography.Text strong data-testid="compose-unit">
            {editing?.unitName ?? unit?.name}
          </Typography.Text>
        </Form.Item>
        <Form.Item name="title" label={t('announcement.fields.title')}>
          <Input maxLength={ANNOUNCEMENT_LIMITS.titleMax} showCount />
        </Form.Item>
        <Form.Item name="body" label={t('announcement.fields.body')} extra={t('announcement.bodyHelp')}>
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={ANNOUNCEMENT_LIMITS.bodyMax} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
