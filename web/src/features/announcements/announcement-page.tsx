import { useEffect, useState } from 'react';
import { App, Button, Flex, Input, Modal, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AnnouncementDetail, MyAnnouncementDetail } from '../../../../src/contracts/announcements';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { api, errorMessage } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useCan } from '../auth/current-user';
import {
  announcementKeys,
  announcementOptions,
  myAnnouncementOptions,
  useRefreshAnnouncements,
} from './announcement-queries';
import { AnnouncementBody, AnnouncementStatusTag } from './announcement-tags';
import { ComposeDrawer } from './compose-drawer';
import { ReadTracking } from './read-tracking';

/** The list page (its route is built by a helper, so its path is typed as a plain string). */
const LIST_PATH: string = '/announcements';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to={LIST_PATH}>
      <ArrowLeftOutlined /> {t('announcement.back')}
    </Link>
  );
}

/** Publish, withdraw (with an optional reason) and edit, as the server allows. */
function CadreActions({ item, onEdit }: { item: AnnouncementDetail; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const refresh = useRefreshAnnouncements();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const step = useMutation({
    mutationFn: (action: 'publish' | 'withdraw') =>
      api.post<AnnouncementDetail>(`/announcements/${item.id}/${action}`, {
        version: item.version,
        ...(action === 'withdraw' ? { reason } : {}),
      }),
    onSuccess: async (saved, action) => {
      await refresh(saved);
      setWithdrawing(false);
      void message.success(t(`announcement.messages.${action === 'publish' ? 'published' : 'withdrawn'}`));
    },
    onError: async (error) => {
      void message.error(errorMessage(error));
      await refresh();
    },
  });
  const publish = () =>
    modal.confirm({
      title: t('announcement.confirmPublish', { unit: item.unitName }),
      okText: t('announcement.actions.publish'),
      cancelText: t('common.cancel'),
      onOk: () => step.mutateAsync('publish'),
    });
  return (
    <>
      {item.actions.includes('edit') && <Button onClick={onEdit}>{t('announcement.actions.edit')}</Button>}
      {item.actions.includes('withdraw') && (
        <Button danger onClick={() => setWithdrawing(true)} data-testid="announcement-withdraw">
          {t('announcement.actions.withdraw')}
        </Button>
      )}
      {item.actions.includes('publish') && (
        <Button type="primary" onClick={publish} loading={step.isPending} data-testid="announcement-publish">
          {t('announcement.actions.publish')}
        </Button>
      )}
      <Modal
        open={withdrawing}
        title={t('announcement.confirmWithdraw')}
        okText={t('announcement.actions.withdraw')}
        okButtonProps={{ danger: true, loading: step.isPending }}
        cancelText={t('common.cancel')}
        onOk={() => step.mutate('withdraw')}
        onCancel={() => setWithdrawing(false)}
        destroyOnHidden
      >
        <Input.TextArea
          aria-label={t('announcement.fields.reason')}
          placeholder={t('announcement.fields.reason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

function Dates({ item }: { item: AnnouncementDetail }) {
  const { t } = useTranslation();
  const parts = [
    t('announcement.from', { name: item.unitName }),
    item.publishedAt
      ? t('announcement.publishedOn', { date: formatDate(item.publishedAt) })
      : t('announcement.createdOn', { date: formatDate(item.createdAt) }),
    item.withdrawnAt ? t('announcement.withdrawnOn', { date: formatDate(item.withdrawnAt) }) : null,
  ];
  return (
    <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
      {parts.filter(Boolean).join(' · ')}
    </Typography.Text>
  );
}

function CadreAnnouncement({ id }: { id: string }) {
  const query = useQuery(announcementOptions(id));
  const [editing, setEditing] = useState(false);
  if (query.error) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data;
  if (!item) return <Spin />;
  return (
    <>
      <BackLink />
      <PageTitle
        title={<span data-testid="announcement-title">{item.title}</span>}
        extra={<CadreActions item={item} onEdit={() => setEditing(true)} />}
      />
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Flex wrap gap={8} align="center">
          <AnnouncementStatusTag status={item.status} />
          <Dates item={item} />
        </Flex>
        <AnnouncementBody body={item.body} />
      </Flex>
      <ReadTracking announcement={item} />
      {editing && (
        <ComposeDrawer editing={item} onClose={() => setEditing(false)} onReload={() => void query.refetch()} />
      )}
    </>
  );
}

/** A member opens an announcement: it is shown and recorded as read (once). */
function MemberAnnouncement({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery(myAnnouncementOptions(id));
  const read = useMutation({
    mutationFn: () => api.post<MyAnnouncementDetail>(`/me/announcements/${id}/read`),
    onSuccess: async (saved) => {
      client.setQueryData(announcementKeys.myDetail(id), saved);
      await client.invalidateQueries({ queryKey: announcementKeys.mine, exact: true });
    },
  });
  const unread = query.data && !query.data.readAt;
  const { mutate, isIdle } = read;
  useEffect(() => {
    if (unread && isIdle) mutate();
  }, [unread, isIdle, mutate]);
  if (query.error) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data;
  if (!item) return <Spin />;
  return (
    <>
      <BackLink />
      <PageTitle title={<span data-testid="announcement-title">{item.title}</span>} />
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
          {t('announcement.from', { name: item.unitName })} ·{' '}
          {t('announcement.publishedOn', { date: formatDate(item.publishedAt) })}
        </Typography.Text>
        <AnnouncementBody body={item.body} />
        {item.readAt && (
          <Typography.Text type="secondary" data-testid="announcement-read-at">
            {t('announcement.readAt', { date: formatDateTime(item.readAt) })}
          </Typography.Text>
        )}
      </Flex>
    </>
  );
}

/** One announcement: the text; for cadres the actions and read tracking, for members it is marked read. */
export function AnnouncementPage({ announcementId }: { announcementId: string }) {
  const canRead = useCan('member.read');
  const isMember = useCan('self.read');
  if (canRead) return <CadreAnnouncement id={announcementId} />;
  if (isMember) return <MemberAnnouncement id={announcementId} />;
  return <Forbidden />;
}
