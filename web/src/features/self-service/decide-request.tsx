import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Popconfirm } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestDto } from '../../../../src/contracts/self-service';
import { api, errorMessage } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { memberKeys } from '../members/member-queries';
import { selfServiceKeys } from './self-service-queries';

function useRefresh(request: ChangeRequestDto) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: selfServiceKeys.all }),
      queryClient.invalidateQueries({ queryKey: memberKeys.detail(request.memberId) }),
    ]);
}

function RejectModal({ request, onClose }: { request: ChangeRequestDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh(request);
  const [form] = Form.useForm<{ reason: string }>();
  const { error, onError, clear } = useFormError(form);
  const reject = useMutation({
    mutationFn: ({ reason }: { reason: string }) =>
      api.post<ChangeRequestDto>(`/member-change-requests/${request.id}/reject`, { version: request.version, reason }),
    onMutate: clear,
    onError,
    onSuccess: async () => {
      void message.success(t('selfService.requests.rejected'));
      await refresh();
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('selfService.requests.rejectTitle', { name: request.memberName })}
      okText={t('selfService.requests.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reject.isPending}
      mask={{ closable: false }}
    >
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" name="reject-request" onFinish={(v) => reject.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('selfService.requests.reason')}
          extra={t('selfService.requests.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Duyệt" (after a confirmation) and "Từ chối" (with a reason) on a pending request. */
export function DecideRequest({ request }: { request: ChangeRequestDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh(request);
  const [rejecting, setRejecting] = useState(false);
  const approve = useMutation({
    mutationFn: () =>
      api.post<ChangeRequestDto>(`/member-change-requests/${request.id}/approve`, { version: request.version }),
    onError: async (error) => {
      void message.error({ content: errorMessage(error), duration: 8 });
      await refresh();
    },
    onSuccess: async () => {
      void message.success(t('selfService.requests.approved'));
      await refresh();
    },
  });
  return (
    <Flex gap={8} wrap>
      <Popconfirm
        title={t('selfService.requests.approveConfirm', { name: request.memberName })}
        okText={t('selfService.requests.approve')}
        cancelText={t('common.cancel')}
        onConfirm={() => approve.mutate()}
      >
        <Button type="primary" icon={<CheckOutlined />} loading={approve.isPending} data-testid="approve-request">
          {t('selfService.requests.approve')}
        </Button>
      </Popconfirm>
      <Button danger icon={<CloseOutlined />} onClick={() => setRejecting(true)} data-testid="reject-request">
        {t('selfService.requests.reject')}
      </Button>
      {rejecting && <RejectModal request={request} onClose={() => setRejecting(false)} />}
    </Flex>
  );
}
