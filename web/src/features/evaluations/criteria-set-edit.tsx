import { App, Button, Card, Col, Flex, Form, InputNumber, Row, Switch, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CriteriaSetDefinition, CriteriaSetDetail } from '../../../../src/contracts/evaluations';
import { FormErrorAlert } from '../../components/form-error-alert';
import { api, ApiError } from '../../lib/api';
import { useFormError } from '../../lib/use-form-error';
import { useRefreshEvaluations, type UpdateCriteriaSetBody } from './evaluation-api';
import type { Item } from './score-input';

/** The server names fields from the body ("definition.criteria[0]…"); the form from the definition. */
function withoutPrefix(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fieldIssues.length === 0) return error;
  const details = error.fieldIssues.map((i) => ({ ...i, field: i.field.replace(/^definition\./, '') }));
  return new ApiError(error.status, error.code, error.message, details);
}

const numberProps = { min: 0, step: 0.5, style: { width: '100%' } } as const;

function RuleFields({ item, at }: { item: Item; at: (string | number)[] }) {
  const { t } = useTranslation();
  const rule = item.rule;
  if (rule.kind === 'yesno')
    return (
      <Col xs={12} md={6}>
        <Form.Item name={[...at, 'rule', 'points']} label={t('evaluation.set.points')} rules={[{ required: true }]}>
          <InputNumber {...numberProps} aria-label={`${t('evaluation.set.points')}: ${item.ref ?? item.text}`} />
        </Form.Item>
      </Col>
    );
  if (rule.kind === 'points')
    return (
      <Col xs={12} md={6}>
        <Form.Item name={[...at, 'rule', 'max']} label={t('evaluation.set.max')} rules={[{ required: true }]}>
          <InputNumber {...numberProps} aria-label={`${t('evaluation.set.max')}: ${item.ref ?? item.text}`} />
        </Form.Item>
      </Col>
    );
  return rule.levels.map((level, li) => (
    <Col key={level.key} xs={12} md={6}>
      <Form.Item name={[...at, 'rule', 'levels', li, 'points']} label={level.label} rules={[{ required: true }]}>
        <InputNumber {...numberProps} />
      </Form.Item>
    </Col>
  ));
}

/**
 * Edits the points and maximum of each item, the mandatory flags and the class thresholds of a set not yet used
 * by a cycle; the whole definition is sent back with the set's version.
 */
export function CriteriaSetEditForm({ set, onDone }: { set: CriteriaSetDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CriteriaSetDefinition>();
  const { error, onError, clear } = useFormError(form);
  const refresh = useRefreshEvaluations();
  const save = useMutation({
    mutationFn: () => {
      const body: UpdateCriteriaSetBody = {
        version: set.version,
        definition: form.getFieldsValue(true) as CriteriaSetDefinition,
      };
      return api.put<CriteriaSetDetail>(`/evaluations/criteria-sets/${set.id}`, body);
    },
    onMutate: clear,
    onError: (e) => onError(withoutPrefix(e)),
    onSuccess: async () => {
      await refresh();
      void message.success(t('evaluation.set.saved'));
      onDone();
    },
  });
  const d = set.definition;
  return (
    <Form<CriteriaSetDefinition>
      form={form}
      layout="vertical"
      initialValues={d}
      onValuesChange={clear}
      onFinish={() => save.mutate()}
      data-testid="set-edit-form"
    >
      <Typography.Paragraph type="secondary">{t('evaluation.set.editHint')}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {d.criteria.map((c, ci) => (
          <Card key={c.key} size="small" title={<span style={{ whiteSpace: 'normal' }}>{c.title}</span>}>
            {c.items.map((item, ii) => {
              const at = ['criteria', ci, 'items', ii];
              return (
                <div key={item.key} style={{ borderTop: ii > 0 ? '1px solid #f0f0f0' : undefined, paddingTop: 8 }}>
                  <Typography.Paragraph style={{ marginBottom: 8 }}>
                    {item.ref && <Typography.Text strong>{item.ref}. </Typography.Text>}
                    {item.text}
                  </Typography.Paragraph>
                  <Row gutter={12}>
                    <RuleFields item={item} at={at} />
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[...at, 'mandatory']}
                        label={t('evaluation.file.mandatory')}
                        valuePropName="checked"
                      >
                        <Switch />
                      </Form.Item>
                    </Col>
                  </Row>
                </div>
              );
            })}
          </Card>
        ))}
        <Card size="small" title={t('evaluation.set.classes')}>
          {d.classes.map((cls, i) => (
            <Row key={cls.key} gutter={12} align="middle">
              <Col xs={24} md={10}>
                <Typography.Paragraph strong style={{ marginBottom: 8 }}>
                  {cls.label}
                </Typography.Paragraph>
              </Col>
              <Col xs={12} md={7}>
                <Form.Item
                  name={['classes', i, 'minScore']}
                  label={t('evaluation.set.minScore')}
                  rules={[{ required: true }]}
                >
                  <InputNumber {...numberProps} aria-label={`${t('evaluation.set.minScore')} ${cls.label}`} />
                </Form.Item>
              </Col>
              <Col xs={12} md={7}>
                <Form.Item
                  name={['classes', i, 'needsAllMandatory']}
                  label={t('evaluation.set.needsAllMandatory')}
                  valuePropName="checked"
                >
                  <Switch />
                </Form.Item>
              </Col>
            </Row>
          ))}
        </Card>
      </Flex>
      <FormErrorAlert error={error} onReload={onDone} />
      <Flex gap={8} style={{ marginTop: 12 }} wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="set-save">
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
