import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, InputNumber, Typography } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, ExperimentOutlined, SyncOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CycleDetail } from '../../../../src/contracts/evaluations';
import { api, errorMessage } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { FormModal } from '../member-exits/procedure-ui';
import {
  decisionUrl,
  resultsXlsxUrl,
  useRefreshEvaluations,
  type AcceptBody,
  type AcceptResult,
  type RefreshResult,
  type SampleResult,
} from './evaluation-api';

/** "Công nhận kết quả": accepts approved results (all of the cycle, or the listed ones) on a decision date. */
export function AcceptModal(props: {
  cycleId: string;
  evaluationIds?: string[];
  onClose: () => void;
  onAccepted?: (result: AcceptResult) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshEvaluations();
  return (
    <FormModal<{ decidedOn: Dayjs }>
      title={t('evaluation.cycle.acceptTitle')}
      okText={t('evaluation.cycle.accept')}
      testId="accept-form"
      initialValues={{ decidedOn: dayjs() }}
      onSubmit={(v) => {
        const body: AcceptBody = { decidedOn: toIsoDate(v.decidedOn) ?? '', evaluationIds: props.evaluationIds };
        return api.post<AcceptResult>(`/evaluations/cycles/${props.cycleId}/accept`, body);
      }}
      onDone={async (result) => {
        await refresh();
        props.onAccepted?.(result as AcceptResult);
      }}
      doneText={(result) => t('evaluation.cycle.accepted', { n: (result as AcceptResult).accepted })}
      onClose={props.onClose}
    >
      <Typography.Paragraph type="secondary">
        {props.evaluationIds ? t('evaluation.cycle.acceptOneHint') : t('evaluation.cycle.acceptHint')}
      </Typography.Paragraph>
      <Form.Item name="decidedOn" label={t('evaluation.cycle.decidedOn')} rules={[{ required: true }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} aria-label={t('evaluation.cycle.decidedOn')} />
      </Form.Item>
    </FormModal>
  );
}

/** "Chọn mẫu phúc tra": a share of the evaluated units, drawn by the server. */
function SampleModal({ cycleId, onClose }: { cycleId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshEvaluations();
  return (
    <FormModal<{ percent: number }>
      title={t('evaluation.cycle.sampleTitle')}
      okText={t('evaluation.cycle.sample')}
      testId="sample-form"
      initialValues={{ percent: 20 }}
      onSubmit={(v) => api.post<SampleResult>(`/evaluations/cycles/${cycleId}/sample`, { share: v.percent / 100 })}
      onDone={() => refresh()}
      doneText={(r) => t('evaluation.cycle.sampled', { ...(r as SampleResult) })}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('evaluation.cycle.sampleHint')}</Typography.Paragraph>
      <Form.Item name="percent" label={t('evaluation.cycle.sampleShare')} rules={[{ required: true }]}>
        <InputNumber min={1} max={100} suffix="%" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

/**
 * The cycle's buttons: export for everyone; accept, sample and refresh evidence when `canManage`. `notice` tells
 * the result of an acceptance with the decision to download.
 */
export function useCycleActions({ cycle, unitId }: { cycle: CycleDetail | undefined; unitId?: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const refresh = useRefreshEvaluations();
  const [open, setOpen] = useState<'accept' | 'sample' | null>(null);
  const [decision, setDecision] = useState<AcceptResult | null>(null);
  const evidence = useMutation({
    mutationFn: () => api.post<RefreshResult>(`/evaluations/cycles/${cycle?.id ?? ''}/evidence`),
    onSuccess: async (r) => {
      await refresh();
      void message.success(t('evaluation.cycle.refreshed', { n: r.refreshed }));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (!cycle) return { buttons: null, notice: null };
  const exportButton = (
    <Button icon={<DownloadOutlined />} href={resultsXlsxUrl(cycle.id, unitId)} data-testid="cycle-export">
      {t('evaluation.cycle.export')}
    </Button>
  );
  if (!cycle.canManage) return { buttons: exportButton, notice: null };
  const buttons = (
    <>
      <Button
        type="primary"
        icon={<CheckCircleOutlined />}
        onClick={() => setOpen('accept')}
        disabled={cycle.status !== 'open'}
        data-testid="cycle-accept"
      >
        {t('evaluation.cycle.accept')}
      </Button>
      {cycle.reinspection === 'sample' && (
        <Button icon={<ExperimentOutlined />} onClick={() => setOpen('sample')} data-testid="cycle-sample">
          {t('evaluation.cycle.sample')}
        </Button>
      )}
      <Button
        icon={<SyncOutlined />}
        loading={evidence.isPending}
        data-testid="cycle-evidence"
        onClick={() =>
          modal.confirm({
            title: t('evaluation.cycle.refresh'),
            content: t('evaluation.cycle.refreshConfirm'),
            okText: t('evaluation.cycle.refresh'),
            cancelText: t('common.cancel'),
            onOk: () => evidence.mutateAsync(),
          })
        }
      >
        {t('evaluation.cycle.refresh')}
      </Button>
      {exportButton}
      {open === 'accept' && <AcceptModal cycleId={cycle.id} onClose={() => setOpen(null)} onAccepted={setDecision} />}
      {open === 'sample' && <SampleModal cycleId={cycle.id} onClose={() => setOpen(null)} />}
    </>
  );
  const notice = decision && (
    <Alert
      type="success"
      showIcon
      closable={{ onClose: () => setDecision(null) }}
      style={{ marginBottom: 12 }}
      title={t('evaluation.cycle.accepted', { n: decision.accepted })}
      data-testid="accept-result"
      action={
        decision.documentId && (
          <Button size="small" icon={<DownloadOutlined />} href={decisionUrl(decision.documentId)}>
            {t('evaluation.cycle.downloadDecision')}
          </Button>
        )
      }
    />
  );
  return { buttons, notice };
}
