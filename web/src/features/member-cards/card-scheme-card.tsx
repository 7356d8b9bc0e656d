import { App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CardScheme, PutCardSchemeBody } from '../../../../src/contracts/member-cards';
import { formatCardNumber } from '../../../../src/domain/workflows/member-card';
import { PageError } from '../../components/page-error';
import { sendApi } from '../members/member-api';
import { useFormError } from '../../lib/use-form-error';
import { StepError } from '../admissions/step-error';
import { cardKeys, cardSchemeOptions } from './card-queries';

type Values = Omit<PutCardSchemeBody, 'version'>;

/** "Cách đánh số thẻ": prefix, digits and next number of a unit, editable with member.write. */
export function CardSchemeCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data, error: loadError, isPending, refetch } = useQuery(cardSchemeOptions(unitId));
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const prefix = Form.useWatch('prefix', form);
  const width = Form.useWatch('width', form);
  const next = Form.useWatch('nextNumber', form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      sendApi<CardScheme>('PUT', `/units/${unitId}/card-scheme`, {
        ...v,
        prefix: v.prefix.toUpperCase(),
        version: data?.version ?? null,
      }),
    onMutate: clear,
    onError,
    onSuccess: (saved) => {
      queryClient.setQueryData(cardKeys.scheme(unitId), saved);
      void message.success(t('memberCard.page.saved'));
    },
  });
  if (isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (loadError || !data) return <PageError error={loadError} onRetry={() => void refetch()} />;
  const preview =
    prefix && typeof width === 'number' && typeof next === 'number'
      ? formatCardNumber(prefix, width, next)
      : data.nextCardNumber;

  return (
    <Card size="small" title={t('memberCard.page.scheme')} style={{ marginBottom: 16 }} data-testid="card-scheme">
      <Typography.Paragraph type="secondary">{t('memberCard.page.schemeHint')}</Typography.Paragraph>
      {!data.stored && <Typography.Paragraph>{t('memberCard.page.notStored')}</Typography.Paragraph>}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'next',
            label: t('memberCard.page.nextCard'),
            children: <strong data-testid="next-card">{preview}</strong>,
          },
          ...(data.highestUsed !== null
            ? [
                {
                  key: 'high',
                  label: '',
                  children: t('memberCard.page.highestUsed', {
                    number: formatCardNumber(data.prefix, data.width, data.highestUsed),
                  }),
                },
              ]
            : []),
        ]}
      />
      {data.canEdit && (
        <Form<Values>
          key={data.version ?? 'new'}
          form={form}
          layout="vertical"
          name="card-scheme"
          initialValues={{ prefix: data.prefix, width: data.width, nextNumber: data.nextNumber }}
          onFinish={(v) => save.mutate(v)}
          style={{ marginTop: 12 }}
        >
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item
                name="prefix"
                label={t('memberCard.page.prefix')}
                rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
              >
                <Input maxLength={20} style={{ textTransform: 'uppercase' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="width"
                label={t('memberCard.page.width')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <InputNumber min={1} max={12} style={{ width: '100%' }} inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="nextNumber"
                label={t('memberCard.page.nextNumber')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <InputNumber min={1} style={{ width: '100%' }} inputMode="numeric" />
              </Form.Item>
            </Col>
          </Row>
          <div style={{ marginBottom: 8 }}>
            <StepError
              error={error}
              onReload={() => {
                clear();
                void refetch();
              }}
            />
          </div>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
