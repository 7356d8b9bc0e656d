import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Select, type FormInstance } from 'antd';
import {
  CheckCircleOutlined,
  CheckOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../src/contracts/evaluations';
import type { StepKey } from '../../../../src/domain/evaluations/cycle-steps';
import { allItems } from '../../../../src/domain/evaluations/criteria';
import { api } from '../../lib/api';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import { FormModal } from '../member-exits/procedure-ui';
import { AcceptModal } from './cycle-actions';
import { useRefreshEvaluations, type ReopenBody, type ReviewBody, type SaveSelfBody } from './evaluation-api';
import { stepOptions } from './evaluation-labels';
import { cleanScores, type ScoreValue } from './score-input';
import { topClassText } from './top-class-notice';

/** The values of the file's form: both score columns, the classes, the reason of a change and the evidence. */
export interface FileValues {
  self?: Record<string, ScoreValue | undefined>;
  review?: Record<string, ScoreValue | undefined>;
  selfClass?: string | null;
  classKey?: string | null;
  reason?: string;
  evidenceNote?: string | null;
  evidenceLinks?: { label: string; url: string }[];
}

type Step = 'save' | 'submit' | 'review' | 'approve';

function ReturnModal({ detail, onClose }: { detail: EvaluationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshEvaluations();
  return (
    <FormModal<{ reason: string }>
      title={t('evaluation.file.returnTitle')}
      okText={t('evaluation.file.actions.return')}
      danger
      testId="return-form"
      onSubmit={(v) =>
        api.post<EvaluationDetail>(`/evaluations/${detail.id}/return`, { version: detail.version, ...v })
      }
      onDone={(saved) => refresh(saved as EvaluationDetail)}
      doneText={() => t('evaluation.file.returnedDone')}
      onClose={onClose}
    >
      <Form.Item name="reason" label={t('evaluation.file.returnReason')} rules={[{ required: true }]}>
        <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

function ReopenModal({ detail, onClose }: { detail: EvaluationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshEvaluations();
  return (
    <FormModal<{ step: StepKey; reason: string; until?: Dayjs | null }>
      title={t('evaluation.file.reopenTitle')}
      okText={t('evaluation.file.actions.reopen')}
      testId="reopen-form"
      initialValues={{ step: detail.step }}
      onSubmit={(v) => {
        const body: ReopenBody = {
          version: detail.version,
          step: v.step,
          reason: v.reason,
          until: toIsoDate(v.until) ?? null,
        };
        return api.post<EvaluationDetail>(`/evaluations/${detail.id}/reopen`, body);
      }}
      onDone={(saved) => refresh(saved as EvaluationDetail)}
      doneText={() => t('evaluation.file.reopenedDone')}
      onClose={onClose}
    >
      <Form.Item name="step" label={t('evaluation.file.reopenStep')} rules={[{ required: true }]}>
        <Select options={stepOptions(t, detail.steps)} aria-label={t('evaluation.file.reopenStep')} />
      </Form.Item>
      <Form.Item name="reason" label={t('evaluation.file.reopenReason')} rules={[{ required: true }]}>
        <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="until" label={t('evaluation.file.reopenUntil')}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} aria-label={t('evaluation.file.reopenUntil')} />
      </Form.Item>
    </FormModal>
  );
}

/** The buttons the file's `actions` allow: save, submit, review, approve, return, reopen, accept. */
export function EvaluationActions(props: {
  detail: EvaluationDetail;
  form: FormInstance<FileValues>;
  onError: (error: unknown) => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { detail, form } = props;
  const a = detail.actions;
  const refresh = useRefreshEvaluations();
  const [open, setOpen] = useState<'return' | 'reopen' | 'accept' | null>(null);
  const items = allItems(detail.definition);
  const path = `/evaluations/${detail.id}`;

  const saveSelf = (v: FileValues) => {
    const body: SaveSelfBody = {
      version: detail.version,
      scores: v.self ? cleanScores(items, v.self) : detail.selfScores,
      classKey: v.selfClass ?? null,
      evidenceNote: v.evidenceNote ?? null,
      evidenceLinks: v.evidenceLinks ?? [],
    };
    return api.put<EvaluationDetail>(`${path}/self`, body);
  };
  const saveReview = (v: FileValues) => {
    const body: ReviewBody = {
      version: detail.version,
      scores: v.review ? cleanScores(items, v.review) : detail.scores,
      classKey: v.classKey ?? null,
      reason: v.reason ?? null,
    };
    return api.put<EvaluationDetail>(`${path}/review`, body);
  };
  const run = useMutation({
    mutationFn: async (step: Step) => {
      const v = await form.validateFields();
      if (step === 'save') return saveSelf(v);
      if (step === 'review') return saveReview(v);
      const touched = form.isFieldsTouched();
      const draft = step === 'submit' ? a.editSelf && touched && saveSelf : a.review && touched && saveReview;
      const saved = draft ? await draft(v) : null;
      try {
        return await api.post<EvaluationDetail>(`${path}/${step}`, { version: saved?.version ?? detail.version });
      } catch (error) {
        // The draft was kept: show it (with its new version) under the error.
        if (saved) await refresh(saved);
        throw error;
      }
    },
    onMutate: props.onStart,
    onSuccess: async (saved, step) => {
      await refresh(saved);
      void message.success(t(`evaluation.file.done.${step}`));
      if (step === 'approve' && saved.topClass?.over) void message.warning(topClassText(t, saved.topClass), 8);
    },
    onError: (e) => {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      props.onError(e);
    },
  });
  const confirm = (step: 'submit' | 'approve') =>
    modal.confirm({
      title: t(`evaluation.file.confirm.${step}`, { evaluator: detail.evaluatorName }),
      okText: t(`evaluation.file.actions.${step}`),
      cancelText: t('common.cancel'),
      onOk: () => run.mutateAsync(step).catch(() => undefined),
    });
  const busy = run.isPending;

  return (
    <Flex gap={8} wrap data-testid="evaluation-actions">
      {a.editSelf && (
        <Button icon={<SaveOutlined />} loading={busy && run.variables === 'save'} onClick={() => run.mutate('save')}>
          {t('evaluation.file.actions.save')}
        </Button>
      )}
      {a.submit && (
        <Button type="primary" icon={<SendOutlined />} disabled={busy} onClick={() => confirm('submit')}>
          {t('evaluation.file.actions.submit')}
        </Button>
      )}
      {a.review && (
        <Button
          icon={<SaveOutlined />}
          loading={busy && run.variables === 'review'}
          onClick={() => run.mutate('review')}
        >
          {t('evaluation.file.actions.review')}
        </Button>
      )}
      {a.approve && (
        <Button type="primary" icon={<CheckOutlined />} disabled={busy} onClick={() => confirm('approve')}>
          {t('evaluation.file.actions.approve')}
        </Button>
      )}
      {a.return && (
        <Button danger icon={<RollbackOutlined />} onClick={() => setOpen('return')}>
          {t('evaluation.file.actions.return')}
        </Button>
      )}
      {a.reopen && (
        <Button icon={<UnlockOutlined />} onClick={() => setOpen('reopen')}>
          {t('evaluation.file.actions.reopen')}
        </Button>
      )}
      {a.accept && (
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setOpen('accept')}>
          {t('evaluation.file.actions.accept')}
        </Button>
      )}
      {open === 'return' && <ReturnModal detail={detail} onClose={() => setOpen(null)} />}
      {open === 'reopen' && <ReopenModal detail={detail} onClose={() => setOpen(null)} />}
      {open === 'accept' && (
        <AcceptModal cycleId={detail.cycle.id} evaluationIds={[detail.id]} onClose={() => setOpen(null)} />
      )}
    </Flex>
  );
}
