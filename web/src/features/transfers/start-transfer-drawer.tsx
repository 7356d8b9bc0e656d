import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Grid, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../../src/contracts/members';
import type { TransferDetail } from '../../../../src/contracts/transfers';
import type { TransferKind } from '../../../../src/domain/workflows/transfer';
import { BranchPicker } from '../../components/branch-picker';
import { FormErrorAlert } from '../../components/form-error-alert';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { DestinationPicker } from './destination-picker';
import { DraftFields, toDraftFields, type DraftValues } from './draft-fields';
import { useRefreshTransfers } from './transfer-queries';

interface Values extends DraftValues {
  kind: TransferKind;
  toUnitId?: string;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
}

function bodyOf(member: MemberDetail, v: Values) {
  const base = { kind: v.kind, memberId: member.id, memberVersion: member.version, reason: v.reason ?? '' };
  if (v.kind === 'internal') return { ...base, toUnitId: v.toUnitId };
  if (v.kind === 'temporary')
    return {
      ...base,
      toUnitId: v.toUnitId,
      startsOn: toIsoDate(v.startsOn),
      endsOn: toIsoDate(v.endsOn),
      branchComment: v.branchComment ?? '',
    };
  return { ...base, ...toDraftFields(v) };
}

/** "Chuyển sinh hoạt" from a member's page: inside the đoàn cơ sở, to another unit, or temporary participation. */
export function StartTransferDrawer({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const refresh = useRefreshTransfers();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const kind = Form.useWatch('kind', form) ?? 'internal';
  const start = useMutation({
    mutationFn: (v: Values) => api.post<TransferDetail>('/transfers', bodyOf(member, v)),
    onMutate: clear,
    onError,
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(
        t(
          `transfer.messages.${saved.kind === 'internal' ? 'moved' : saved.kind === 'temporary' ? 'registered' : 'created'}`,
        ),
      );
      onClose();
      if (saved.kind !== 'internal') void navigate({ to: '/transfers/$transferId', params: { transferId: saved.id } });
    },
  });

  return (
    <Drawer
      open
      title={t('transfer.start.title', { name: member.fullName })}
      size={screens.md ? 560 : '100%'}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <>
          <FormErrorAlert error={error} />
          <Flex gap={8} justify="end">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={start.isPending}
              onClick={() => form.submit()}
              data-testid="transfer-start-save"
            >
              {t(`transfer.start.submit.${kind}`)}
            </Button>
          </Flex>
        </>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'internal' }}
        onFinish={(v) => start.mutate(v)}
        // The branch of one kind is no answer for another: a new kind starts with no branch chosen.
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) form.setFieldValue('toUnitId', undefined);
        }}
      >
        <Form.Item name="kind" label={t('transfer.fields.kind')}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            <Radio value="internal">{t('transfer.start.kinds.internal')}</Radio>
            <Radio value="external">{t('transfer.start.kinds.external')}</Radio>
            <Radio value="temporary">{t('transfer.start.kinds.temporary')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(`transfer.start.hints.${kind}`)} />
        {kind === 'internal' && (
          <>
            <Form.Item
              name="toUnitId"
              label={t('transfer.fields.toBranch')}
              rules={[{ required: true, message: t('transfer.receive.branchRequired') }]}
            >
              <BranchPicker />
            </Form.Item>
            <Form.Item name="reason" label={t('transfer.fields.reason')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
        {kind === 'external' && <DraftFields />}
        {kind === 'temporary' && (
          <>
            <Form.Item
              name="toUnitId"
              label={t('transfer.fields.hostUnit')}
              rules={[{ required: true, message: t('transfer.receive.branchRequired') }]}
            >
              <DestinationPicker level="branch" />
            </Form.Item>
            <Flex gap={8}>
              <Form.Item
                name="startsOn"
                label={t('transfer.fields.startsOn')}
                style={{ flex: 1 }}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
              </Form.Item>
              <Form.Item
                name="endsOn"
                label={t('transfer.fields.endsOn')}
                style={{ flex: 1 }}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
              </Form.Item>
            </Flex>
            <Form.Item name="reason" label={t('transfer.fields.reason')}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="branchComment" label={t('transfer.fields.branchComment')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
