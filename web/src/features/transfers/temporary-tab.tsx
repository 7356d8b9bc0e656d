import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Spin,
  Typography,
} from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { HostedMember, TransferDetail } from '../../../../src/contracts/transfers';
import { FormErrorAlert } from '../../components/form-error-alert';
import { PageError } from '../../components/page-error';
import { api, errorMessage } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { formatBirth } from '../members/member-labels';
import { TransferList } from './transfer-list';
import { hostedOptions, useRefreshTransfers } from './transfer-queries';
import { periodText } from './transfer-tags';

const cardStyle = { padding: '10px 12px', border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 8 } as const;

/** The host branch's comment on a member in temporary participation, for a year. */
export function HostCommentModal({
  transferId,
  name,
  onClose,
}: {
  transferId: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshTransfers();
  const [form] = Form.useForm<{ year: number; content: string }>();
  const { error, onError, clear } = useFormError(form);
  const thisYear = new Date().getFullYear();
  const save = useMutation({
    mutationFn: (v: { year: number; content: string }) =>
      api.post<TransferDetail>(`/transfers/${transferId}/comments`, v),
    onMutate: clear,
    onError,
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(t('transfer.messages.commented'));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('transfer.temporary.commentTitle', { name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ year: thisYear }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="year" label={t('transfer.temporary.year')} style={{ maxWidth: 160 }}>
          <Select options={[thisYear, thisYear - 1].map((y) => ({ value: y, label: String(y) }))} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('transfer.temporary.content')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HostedCard({ m, onComment }: { m: HostedMember; onComment: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshTransfers();
  const end = useMutation({
    mutationFn: () => api.post<TransferDetail>(`/transfers/${m.transferId}/end`, { version: m.transferVersion }),
    onError: (err) => void message.error(errorMessage(err)),
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(t('transfer.messages.ended'));
    },
  });
  const line = [formatBirth(m), m.cardNumber, m.phone].filter(Boolean).join(' · ');
  return (
    <Flex vertical gap={2} style={cardStyle} data-testid="hosted-member">
      <Link to="/transfers/$transferId" params={{ transferId: m.transferId }} style={{ fontWeight: 500 }}>
        {m.fullName}
      </Link>
      {line && <Typography.Text type="secondary">{line}</Typography.Text>}
      <Typography.Text style={{ overflowWrap: 'anywhere' }}>
        {`${t('transfer.fields.homeUnit')}: ${[m.homeUnit, m.homeGrassroots].filter(Boolean).join(', ')}`}
      </Typography.Text>
      <Typography.Text style={{ overflowWrap: 'anywhere' }}>
        {`${t('transfer.fields.hostUnit')}: ${m.hostUnit?.name ?? ''} (${periodText(m.startsOn, m.endsOn)})`}
      </Typography.Text>
      {m.latestComment && (
        <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {`${t('transfer.temporary.latestComment', { year: m.latestComment.year })}: ${m.latestComment.content}`}
        </Typography.Text>
      )}
      <Flex wrap gap={8} style={{ marginTop: 4 }}>
        {m.actions.includes('comment') && (
          <Button size="small" onClick={onComment}>
            {t('transfer.actions.comment')}
          </Button>
        )}
        {m.actions.includes('end') && (
          <Popconfirm
            title={t('transfer.confirm.end')}
            okText={t('transfer.actions.end')}
            cancelText={t('common.cancel')}
            onConfirm={() => end.mutate()}
          >
            <Button size="small" loading={end.isPending}>
              {t('transfer.actions.end')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Flex>
  );
}

function HostedList() {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useQuery(hostedOptions);
  const [commenting, setCommenting] = useState<HostedMember | null>(null);
  if (error) return <PageError error={error} onRetry={() => void refetch()} />;
  return (
    <Spin spinning={isPending}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('transfer.temporary.hostNote')} />
      <div data-testid="hosted-list">
        {data && data.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfer.temporary.noneHosted')} />
        ) : (
          data?.map((m) => <HostedCard key={m.transferId} m={m} onComment={() => setCommenting(m)} />)
        )}
      </div>
      {commenting && (
        <HostCommentModal
          transferId={commenting.transferId}
          name={commenting.fullName}
          onClose={() => setCommenting(null)}
        />
      )}
    </Spin>
  );
}

/** "Sinh hoạt tạm thời": members hosted here, registrations to accept, and own members hosted elsewhere. */
export function TemporaryTab({ isMobile }: { isMobile: boolean }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'hosted' | 'pending' | 'away'>('hosted');
  return (
    <>
      <Segmented
        block={isMobile}
        value={view}
        onChange={(v) => setView(v as typeof view)}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'hosted', label: t('transfer.temporary.views.hosted') },
          { value: 'pending', label: t('transfer.temporary.views.pending') },
          { value: 'away', label: t('transfer.temporary.views.away') },
        ]}
      />
      {view === 'hosted' && <HostedList />}
      {view === 'pending' && (
        <TransferList base={{ direction: 'incoming', kinds: ['temporary'] }} isMobile={isMobile} />
      )}
      {view === 'away' && (
        <TransferList
          base={{ direction: 'outgoing', kinds: ['temporary'] }}
          isMobile={isMobile}
          initialChoice="accepted"
        />
      )}
    </>
  );
}
