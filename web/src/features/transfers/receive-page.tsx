import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Grid, Input, Segmented, Spin, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TransferDetail, TransferLookupResult } from '../../../../src/contracts/transfers';
import { BranchPicker } from '../../components/branch-picker';
import { FormErrorAlert } from '../../components/form-error-alert';
import { PageTitle } from '../../components/page-title';
import { api, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { formatBirth, useMemberLabels } from '../members/member-labels';
import { StepModal } from './step-modal';
import { transferLookupOptions, useRefreshTransfers } from './transfer-queries';
import { monthText, TransferStatusTags } from './transfer-tags';

const dash = '—';

/** What the letter says, as the receiving side sees it. */
function LookupCard({ r, columns }: { r: TransferLookupResult; columns: number }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const f = (key: string) => t(`transfer.fields.${key}` as 'transfer.fields.code');
  const from = [r.fromUnit, r.fromGrassroots, r.fromProvince].filter(Boolean).join(', ');
  const items = [
    { key: 'member', label: f('member'), children: <strong>{r.member.fullName}</strong> },
    { key: 'birthDate', label: f('birthDate'), children: formatBirth(r.member) || dash },
    { key: 'gender', label: t('member.fields.gender'), children: labels.gender(r.member.gender) },
    { key: 'cardNumber', label: f('cardNumber'), children: r.member.cardNumber ?? dash },
    { key: 'from', label: f('from'), children: from, wide: true },
    { key: 'to', label: f('to'), children: r.toGrassroots?.name ?? r.destinationText ?? dash, wide: true },
    { key: 'reason', label: f('reason'), children: r.reason ?? dash, wide: true },
    { key: 'branchComment', label: f('branchComment'), children: r.branchComment ?? dash, wide: true },
    { key: 'feePaidUntil', label: f('feePaidUntil'), children: monthText(r.feePaidUntil) || dash },
    { key: 'letter', label: f('letter'), children: r.letterNumber ?? dash },
    { key: 'sentOn', label: f('sentOn'), children: formatDate(r.sentOn) || dash },
    { key: 'dueOn', label: f('dueOn'), children: formatDate(r.dueOn) || dash },
  ];
  return (
    <Descriptions
      size="small"
      column={columns}
      data-testid="lookup-result"
      title={
        <Flex wrap gap={8} align="center">
          <span>{r.code}</span>
          <TransferStatusTags kind="external" status={r.status} overdue={r.overdue} />
        </Flex>
      }
      items={items.map((i) => ({ key: i.key, label: i.label, children: i.children, span: i.wide ? columns : 1 }))}
    />
  );
}

function AcceptForm({ r }: { r: TransferLookupResult }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshTransfers();
  const [form] = Form.useForm<{ toUnitId: string }>();
  const { error, onError, clear } = useFormError(form);
  const [returning, setReturning] = useState(false);
  const accept = useMutation({
    mutationFn: (v: { toUnitId: string }) =>
      api.post<TransferDetail>(`/transfers/${r.id}/accept`, { version: r.version, toUnitId: v.toUnitId }),
    onMutate: clear,
    onError,
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(t('transfer.messages.accepted'));
      void navigate({ to: '/transfers/$transferId', params: { transferId: saved.id } });
    },
  });
  return (
    <>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => accept.mutate(v)} data-testid="accept-form">
        <Form.Item
          name="toUnitId"
          label={t('transfer.fields.toBranch')}
          rules={[{ required: true, message: t('transfer.receive.branchRequired') }]}
        >
          <BranchPicker />
        </Form.Item>
        <Flex wrap gap={8} justify="end">
          <Button danger onClick={() => setReturning(true)}>
            {t('transfer.actions.return')}
          </Button>
          <Button type="primary" htmlType="submit" loading={accept.isPending}>
            {t('transfer.actions.accept')}
          </Button>
        </Flex>
      </Form>
      {returning && (
        <StepModal<{ reason: string }>
          danger
          title={t('transfer.actions.return')}
          okText={t('transfer.actions.return')}
          cancelText={t('common.cancel')}
          doneText={t('transfer.messages.returned')}
          onSubmit={(v) => api.post(`/transfers/${r.id}/return`, { version: r.version, reason: v.reason })}
          onDone={async () => {
            await refresh();
            void navigate({ to: '/transfers', search: { tab: 'incoming' } });
          }}
          onClose={() => setReturning(false)}
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
    </>
  );
}

/** "Tiếp nhận": the receiving side types the code on the letter or the CCCD, reads the letter, places or returns. */
export function ReceivePage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [by, setBy] = useState<'code' | 'cccd'>('code');
  const [typed, setTyped] = useState('');
  const [value, setValue] = useState('');
  const lookup = useQuery(transferLookupOptions(by, value));
  const search = () => setValue(by === 'cccd' ? typed.replace(/\D/g, '') : typed.trim());

  return (
    <>
      <PageTitle title={t('transfer.receive.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('transfer.receive.hint')}</Typography.Paragraph>
        <Flex vertical gap={8}>
          <Segmented
            value={by}
            onChange={(v) => {
              setBy(v as 'code' | 'cccd');
              setValue('');
            }}
            options={[
              { value: 'code', label: t('transfer.receive.byCode') },
              { value: 'cccd', label: t('transfer.receive.byCccd') },
            ]}
          />
          <Flex gap={8}>
            <Input
              aria-label={by === 'code' ? t('transfer.receive.byCode') : t('transfer.receive.byCccd')}
              placeholder={
                by === 'code' ? t('transfer.receive.codePlaceholder') : t('transfer.receive.cccdPlaceholder')
              }
              value={typed}
              inputMode={by === 'cccd' ? 'numeric' : 'text'}
              onChange={(e) => setTyped(e.target.value)}
              onPressEnter={search}
              allowClear
            />
            <Button type="primary" icon={<SearchOutlined />} onClick={search} disabled={!typed.trim()}>
              {t('transfer.receive.search')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      {value && (
        <Spin spinning={lookup.isFetching}>
          {lookup.error ? (
            <Alert type="warning" showIcon title={errorMessage(lookup.error)} data-testid="lookup-error" />
          ) : lookup.data ? (
            <Card size="small">
              <LookupCard r={lookup.data} columns={screens.lg ? 2 : 1} />
              {lookup.data.actions.includes('accept') ? (
                <AcceptForm key={lookup.data.id} r={lookup.data} />
              ) : (
                <Alert type="info" showIcon title={t('transfer.receive.notYours')} />
              )}
            </Card>
          ) : null}
        </Spin>
      )}
    </>
  );
}
