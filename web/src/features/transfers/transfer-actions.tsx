import { useState } from 'react';
import { App, Button, Form, Input, Popconfirm } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TransferDetail } from '../../../../src/contracts/transfers';
import type { TransferAction } from '../../../../src/domain/workflows/transfer';
import { BranchPicker } from '../../components/branch-picker';
import { api, errorMessage } from '../../lib/api';
import { DraftFields, fromDraft, toDraftFields, type DraftValues } from './draft-fields';
import { StepModal } from './step-modal';
import { HostCommentModal } from './temporary-tab';
import { useRefreshTransfers } from './transfer-queries';

type Modal = Exclude<TransferAction, 'end'> | null;

/** One click, after a confirmation: accept a temporary participation, end it. */
function ConfirmStep({ detail, action }: { detail: TransferDetail; action: 'accept' | 'end' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshTransfers();
  const step = useMutation({
    mutationFn: () => api.post<TransferDetail>(`/transfers/${detail.id}/${action}`, { version: detail.version }),
    onError: (err) => void message.error(errorMessage(err)),
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(t(`transfer.messages.${action === 'accept' ? 'accepted' : 'ended'}`));
    },
  });
  return (
    <Popconfirm
      title={t(`transfer.confirm.${action}`)}
      okText={t(`transfer.actions.${action}`)}
      cancelText={t('common.cancel')}
      onConfirm={() => step.mutate()}
    >
      <Button type={action === 'accept' ? 'primary' : 'default'} loading={step.isPending}>
        {t(`transfer.actions.${action}`)}
      </Button>
    </Popconfirm>
  );
}

/** The buttons of the steps the actor may take on a transfer, each with its form. */
export function TransferActions({ detail }: { detail: TransferDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshTransfers();
  const [open, setOpen] = useState<Modal>(null);
  const can = (a: TransferAction) => detail.actions.includes(a);
  const post = (step: string) => (values: object) =>
    api.post<TransferDetail>(`/transfers/${detail.id}/${step}`, { version: detail.version, ...values });
  const common = {
    cancelText: t('common.cancel'),
    onClose: () => setOpen(null),
    onDone: (saved: unknown) => refresh(saved as TransferDetail),
  };
  const button = (a: Modal, primary = false, danger = false) => (
    <Button key={a} type={primary ? 'primary' : 'default'} danger={danger} onClick={() => setOpen(a)}>
      {t(`transfer.actions.${a!}`)}
    </Button>
  );

  return (
    <>
      {can('update') && button('update')}
      {can('send') && button('send', true)}
      {can('accept') &&
        (detail.kind === 'temporary' ? <ConfirmStep detail={detail} action="accept" /> : button('accept', true))}
      {can('return') && button('return', false, true)}
      {can('comment') && button('comment')}
      {can('end') && <ConfirmStep detail={detail} action="end" />}
      {can('cancel') && button('cancel', false, true)}

      {open === 'update' && (
        <StepModal<DraftValues>
          {...common}
          title={t('transfer.actions.update')}
          okText={t('common.save')}
          doneText={t('transfer.messages.saved')}
          initialValues={fromDraft(detail)}
          onSubmit={(v) =>
            api.patch<TransferDetail>(`/transfers/${detail.id}`, { version: detail.version, ...toDraftFields(v) })
          }
        >
          <DraftFields known={detail.toGrassroots} />
        </StepModal>
      )}
      {open === 'send' && (
        <StepModal<{ signerTitle?: string; signerName?: string }>
          {...common}
          title={t('transfer.send.title')}
          okText={t('transfer.actions.send')}
          doneText={t('transfer.messages.sent')}
          initialValues={{ signerTitle: t('transfer.send.defaultSignerTitle') }}
          onSubmit={post('send')}
          testId="send-form"
        >
          <p>{t('transfer.confirm.send')}</p>
          <Form.Item name="signerTitle" label={t('transfer.fields.signerTitle')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="signerName" label={t('transfer.fields.signerName')}>
            <Input maxLength={120} />
          </Form.Item>
        </StepModal>
      )}
      {open === 'accept' && (
        <StepModal<{ toUnitId: string }>
          {...common}
          title={t('transfer.actions.accept')}
          okText={t('transfer.actions.accept')}
          doneText={t('transfer.messages.accepted')}
          onSubmit={post('accept')}
        >
          <Form.Item
            name="toUnitId"
            label={t('transfer.fields.toBranch')}
            rules={[{ required: true, message: t('transfer.receive.branchRequired') }]}
          >
            <BranchPicker />
          </Form.Item>
        </StepModal>
      )}
      {open === 'return' && (
        <StepModal<{ reason: string }>
          {...common}
          danger
          title={t('transfer.actions.return')}
          okText={t('transfer.actions.return')}
          doneText={t('transfer.messages.returned')}
          onSubmit={post('return')}
          onDone={async () => {
            await refresh();
            void navigate({
              to: '/transfers',
              search: { tab: detail.kind === 'temporary' ? 'temporary' : 'incoming' },
            });
          }}
        >
          <Form.Item
            name="reason"
            label={t('transfer.fields.returnReason')}
            rules={[{ required: true, whitespace: true, message: t('transfer.receive.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
          </Form.Item>
        </StepModal>
      )}
      {open === 'cancel' && (
        <StepModal<{ reason?: string }>
          {...common}
          danger
          title={t('transfer.actions.cancel')}
          okText={t('transfer.actions.cancel')}
          doneText={t('transfer.messages.cancelled')}
          onSubmit={post('cancel')}
        >
          <p>{t('transfer.confirm.cancel')}</p>
          <Form.Item name="reason" label={t('transfer.fields.reason')}>
            <Input maxLength={500} />
          </Form.Item>
        </StepModal>
      )}
      {open === 'comment' && (
        <HostCommentModal transferId={detail.id} name={detail.member.fullName} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
