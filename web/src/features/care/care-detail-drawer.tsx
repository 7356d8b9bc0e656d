import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CareAction, CareRecordDetail } from '../../../../src/contracts/care';
import { PageError } from '../../components/page-error';
import { api, errorMessage } from '../../lib/api';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../lib/dates';
import { PastDateField } from '../admissions/date-field';
import { FormModal, useIsMobile } from '../member-exits/procedure-ui';
import { CareFormDrawer } from './care-form-drawer';
import { careDetailOptions, formatVnd, useRefreshCare } from './care-queries';

interface HelpValues {
  kind: 'given' | 'planned';
  onDate: Dayjs;
  description: string;
  amount?: number | null;
}

const dateRule = (message: string) => [{ required: true, message }];

function HelpModal({ record, onClose }: { record: CareRecordDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshCare();
  const [kind, setKind] = useState<'given' | 'planned'>('given');
  const today = dayjs();
  return (
    <FormModal<HelpValues>
      title={t('care.help.title', { name: record.fullName })}
      okText={t('care.help.save')}
      doneText={() => t('care.help.saved')}
      initialValues={{ kind: 'given', onDate: today }}
      testId="care-help"
      onSubmit={(v) =>
        api.post<CareRecordDetail>(`/care-records/${record.id}/actions`, {
          kind: v.kind,
          onDate: toIsoDate(v.onDate),
          description: v.description ?? '',
          amount: v.amount ?? null,
        })
      }
      onDone={(saved) => refresh(saved as CareRecordDetail)}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('care.help.kind')}>
        <Radio.Group onChange={(e) => setKind(e.target.value as 'given' | 'planned')}>
          <Radio value="given">{t('care.kind.given')}</Radio>
          <Radio value="planned">{t('care.kind.planned')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="onDate"
        label={t('care.help.onDate')}
        extra={t(kind === 'given' ? 'care.help.onDateGivenHint' : 'care.help.onDatePlannedHint')}
        rules={dateRule(t('validation.required'))}
      >
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          placeholder={t('common.datePlaceholder')}
          disabledDate={(d: Dayjs) => (kind === 'given' ? d.isAfter(today, 'day') : d.isBefore(today, 'day'))}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('care.help.description')}
        rules={[{ required: true, whitespace: true, message: t('care.help.descriptionRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="amount" label={t('care.help.amount')}>
        <InputNumber<number>
          style={{ width: '100%' }}
          min={0}
          step={100000}
          inputMode="numeric"
          formatter={(v) =>
            v === undefined || v === null || String(v) === '' ? '' : new Intl.NumberFormat('vi-VN').format(Number(v))
          }
          parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
        />
      </Form.Item>
    </FormModal>
  );
}

function DoneModal({ record, action, onClose }: { record: CareRecordDetail; action: CareAction; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshCare();
  return (
    <FormModal<{ onDate: Dayjs; amount?: number | null }>
      title={t('care.help.doneTitle', { what: action.description })}
      okText={t('care.detail.markDone')}
      doneText={() => t('care.help.done')}
      initialValues={{ onDate: dayjs(), amount: action.amount }}
      testId="care-done"
      onSubmit={(v) =>
        api.post<CareRecordDetail>(`/care-records/${record.id}/actions/${action.id}/done`, {
          onDate: toIsoDate(v.onDate),
          amount: v.amount ?? null,
        })
      }
      onDone={(saved) => refresh(saved as CareRecordDetail)}
      onClose={onClose}
    >
      <PastDateField name="onDate" label={t('care.help.doneDate')} />
      <Form.Item name="amount" label={t('care.help.amount')}>
        <InputNumber<number> style={{ width: '100%' }} min={0} step={100000} inputMode="numeric" />
      </Form.Item>
    </FormModal>
  );
}

function CloseModal({ record, onClose }: { record: CareRecordDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshCare();
  return (
    <FormModal<{ reason: string; closedOn: Dayjs }>
      title={t('care.close.title', { name: record.fullName })}
      okText={t('care.close.save')}
      doneText={() => t('care.close.saved')}
      initialValues={{ closedOn: dayjs() }}
      danger
      testId="care-close"
      onSubmit={(v) =>
        api.post<CareRecordDetail>(`/care-records/${record.id}/close`, {
          version: record.version,
          reason: v.reason ?? '',
          closedOn: toIsoDate(v.closedOn),
        })
      }
      onDone={(saved) => refresh(saved as CareRecordDetail)}
      onClose={onClose}
    >
      <Form.Item
        name="reason"
        label={t('care.close.reason')}
        rules={[{ required: true, whitespace: true, message: t('care.close.reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <PastDateField name="closedOn" label={t('care.close.closedOn')} />
    </FormModal>
  );
}

function HelpTimeline({ record, onDone }: { record: CareRecordDetail; onDone: (a: CareAction) => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const refresh = useRefreshCare();
  const remove = useMutation({
    mutationFn: (a: CareAction) => api.delete<CareRecordDetail>(`/care-records/${record.id}/actions/${a.id}`),
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(t('care.detail.removed'));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const editable = record.canWrite && record.status === 'open';
  if (record.actions.length === 0)
    return <Typography.Paragraph type="secondary">{t('care.detail.noHelp')}</Typography.Paragraph>;
  return (
    <Timeline
      data-testid="care-timeline"
      items={record.actions.map((a) => ({
        key: a.id,
        color: a.kind === 'given' ? 'green' : 'blue',
        content: (
          <Flex vertical gap={2} data-testid="care-action">
            <Flex wrap gap={6} align="center">
              <Typography.Text strong>{formatDate(a.onDate)}</Typography.Text>
              <Tag color={a.kind === 'given' ? 'green' : 'blue'}>{t(`care.kind.${a.kind}`)}</Tag>
              {a.amount !== null && <Typography.Text>{formatVnd(a.amount)}</Typography.Text>}
            </Flex>
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>{a.description}</Typography.Text>
            {editable && a.kind === 'planned' && (
              <Flex gap={8}>
                <Button size="small" onClick={() => onDone(a)}>
                  {t('care.detail.markDone')}
                </Button>
                <Button
                  size="small"
                  danger
                  loading={remove.isPending}
                  onClick={() =>
                    modal.confirm({
                      title: t('care.detail.removeConfirm', { what: a.description }),
                      okText: t('care.detail.remove'),
                      okButtonProps: { danger: true },
                      cancelText: t('common.cancel'),
                      onOk: () => remove.mutateAsync(a),
                    })
                  }
                >
                  {t('care.detail.remove')}
                </Button>
              </Flex>
            )}
          </Flex>
        ),
      }))}
    />
  );
}

function RecordBody({ record, unit }: { record: CareRecordDetail; unit: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [modal, setModal] = useState<'help' | 'close' | 'edit' | null>(null);
  const [done, setDone] = useState<CareAction | null>(null);
  const editable = record.canWrite && record.status === 'open';
  const givenAll = record.actions.filter((a) => a.kind === 'given');
  return (
    <>
      <Flex wrap gap={4} style={{ marginBottom: 8 }}>
        {record.categories.map((c) => (
          <Tag key={c}>{t(`care.categories.${c}`)}</Tag>
        ))}
        <Tag color={record.status === 'open' ? 'processing' : 'default'}>{t(`care.status.${record.status}`)}</Tag>
      </Flex>
      {record.status === 'closed' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('care.detail.closed', { date: formatDate(record.closedOn), reason: record.closeReason ?? '' })}
        />
      )}
      {!record.canWrite && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('care.detail.readOnly')} />
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 104, whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'who',
            label: t('care.form.whoLabel'),
            children: record.memberId ? (
              <Link to="/members/$memberId" params={{ memberId: record.memberId }}>
                {t('care.detail.member')} · {t('care.detail.memberLink')}
              </Link>
            ) : (
              t('care.detail.youth')
            ),
          },
          { key: 'unit', label: t('care.list.unit'), children: record.unitName },
          { key: 'birth', label: t('care.form.birthYear'), children: record.birthYear ?? '' },
          {
            key: 'gender',
            label: t('care.form.gender'),
            children: record.gender ? t(`care.form.${record.gender}`) : '',
          },
          { key: 'address', label: t('care.form.address'), children: record.address ?? '' },
          { key: 'phone', label: t('care.form.phone'), children: record.phone ?? '' },
          { key: 'situation', label: t('care.form.situation'), children: record.situation ?? '' },
        ]}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('care.detail.openedOn', { date: formatDate(record.openedOn) })}
      </Typography.Text>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '16px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('care.detail.timeline')}
        </Typography.Title>
        {editable && (
          <Button type="primary" onClick={() => setModal('help')} data-testid="care-add-help">
            {t('care.detail.addHelp')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">
        {t('care.detail.givenTotal', {
          count: givenAll.length,
          amount: formatVnd(givenAll.reduce((s, a) => s + (a.amount ?? 0), 0)),
        })}
      </Typography.Paragraph>
      <HelpTimeline record={record} onDone={setDone} />
      {editable && (
        <Flex gap={8} wrap justify="end" style={{ marginTop: 8 }}>
          <Button onClick={() => setModal('edit')}>{t('care.detail.edit')}</Button>
          <Button danger onClick={() => setModal('close')} data-testid="care-close-open">
            {t('care.detail.close')}
          </Button>
        </Flex>
      )}
      {modal === 'help' && <HelpModal record={record} onClose={() => setModal(null)} />}
      {modal === 'close' && <CloseModal record={record} onClose={() => setModal(null)} />}
      {modal === 'edit' && <CareFormDrawer unit={unit} record={record} onClose={() => setModal(null)} />}
      {done && <DoneModal record={record} action={done} onClose={() => setDone(null)} />}
    </>
  );
}

/** A care record: who, situation, the help timeline, "Thêm hỗ trợ", edit and close. */
export function CareDetailDrawer({
  recordId,
  unit,
  onClose,
}: {
  recordId: string;
  unit: { id: string; name: string };
  onClose: () => void;
}) {
  const isMobile = useIsMobile();
  const detail = useQuery(careDetailOptions(recordId));
  return (
    <Drawer
      open
      title={detail.data?.fullName ?? ''}
      size={isMobile ? '100%' : 600}
      onClose={onClose}
      destroyOnHidden
      data-testid="care-detail"
    >
      {detail.error ? (
        <PageError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !detail.data ? (
        <Skeleton active />
      ) : (
        <RecordBody record={detail.data} unit={unit} />
      )}
    </Drawer>
  );
}
