import { Checkbox, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CriteriaSetDetail } from '../../../../src/contracts/evaluations';
import { api } from '../../lib/api';
import { FormModal } from '../member-exits/procedure-ui';
import { criteriaSetsOptions, useRefreshEvaluations, type CopyCriteriaSetBody } from './evaluation-api';
import { validityText } from './criteria-sets-page';

interface CopyValues {
  validFrom: number;
  validTo?: number | null;
  name?: string;
  closeOpenEnded?: boolean;
}

/** The period after the set's: the same length when it ends, from next year on when it is open-ended. */
function nextPeriod(set: CriteriaSetDetail): { validFrom: number; validTo: number | null } {
  if (set.validTo === null) return { validFrom: Math.max(new Date().getFullYear(), set.validFrom) + 1, validTo: null };
  return { validFrom: set.validTo + 1, validTo: set.validTo + 1 + (set.validTo - set.validFrom) };
}

/**
 * "Sao chép sang giai đoạn mới": a system administrator copies the set (criteria, classes, deadlines) to new years,
 * optionally renamed; the programme's open-ended set may be ended the year before. Opens the copy once made.
 */
export function CopyCriteriaSetModal({ set, onClose }: { set: CriteriaSetDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshEvaluations();
  const sets = useQuery(criteriaSetsOptions);
  const openEnded = (sets.data ?? []).find((s) => s.programme === set.programme && s.validTo === null);
  const period = nextPeriod(set);
  return (
    <FormModal<CopyValues>
      title={t('evaluation.set.copyTitle')}
      okText={t('evaluation.set.copyOk')}
      testId="copy-set-form"
      initialValues={{ ...period, name: set.title, closeOpenEnded: false }}
      onSubmit={(v) => {
        const body: CopyCriteriaSetBody = {
          validFrom: v.validFrom,
          validTo: v.validTo ?? null,
          name: v.name ?? null,
          closeOpenEnded: Boolean(v.closeOpenEnded),
        };
        return api.post<CriteriaSetDetail>(`/evaluations/criteria-sets/${set.id}/copy`, body);
      }}
      onDone={async (made) => {
        await refresh();
        const copy = made as CriteriaSetDetail;
        void navigate({ to: '/evaluations/criteria-sets/$setId', params: { setId: copy.id } });
      }}
      doneText={(made) => t('evaluation.set.copied', { period: validityText(t, made as CriteriaSetDetail) })}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('evaluation.set.copyHint')}</Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="validFrom" label={t('evaluation.set.validFrom')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2200} style={{ width: '100%' }} aria-label={t('evaluation.set.validFrom')} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="validTo" label={t('evaluation.set.validTo')} extra={t('evaluation.set.validToHint')}>
            <InputNumber min={2000} max={2200} style={{ width: '100%' }} aria-label={t('evaluation.set.validTo')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('evaluation.set.copyName')}>
        <Input maxLength={200} />
      </Form.Item>
      {openEnded && (
        <Form.Item noStyle dependencies={['validFrom']}>
          {({ getFieldValue }) => {
            const from = Number(getFieldValue('validFrom'));
            const end = Number.isInteger(from) && from > openEnded.validFrom ? from - 1 : null;
            return (
              <Form.Item name="closeOpenEnded" valuePropName="checked">
                <Checkbox data-testid="copy-close-open-ended" disabled={end === null}>
                  {t('evaluation.set.closeOpenEnded', {
                    title: openEnded.title,
                    from: openEnded.validFrom,
                    end: end ?? '…',
                  })}
                </Checkbox>
              </Form.Item>
            );
          }}
        </Form.Item>
      )}
    </FormModal>
  );
}
