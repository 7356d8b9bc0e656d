import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Radio, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MySurveyDetail, SurveyQuestionDto } from '../../../../src/contracts/surveys';
import { FormErrorAlert } from '../../components/form-error-alert';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { useRefreshSurveys } from './survey-queries';

type Values = { answers: Record<string, string | string[] | number | undefined> };

const SCALE = [1, 2, 3, 4, 5];

type Answer = string | string[] | number | undefined;

/** The input of one question: radio buttons, check boxes, a 1–5 scale or a text area, stacked for phones. */
function AnswerInput({
  question,
  value,
  onChange,
}: {
  question: SurveyQuestionDto;
  /** Given by the surrounding Form.Item. */
  value?: Answer;
  onChange?: (value: Answer) => void;
}) {
  const { t } = useTranslation();
  const pick = { value, onChange: (e: { target: { value?: unknown } }) => onChange?.(e.target.value as Answer) };
  if (question.kind === 'single')
    return (
      <Radio.Group {...pick} style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
        {(question.options ?? []).map((o) => (
          <Radio key={o} value={o}>
            {o}
          </Radio>
        ))}
      </Radio.Group>
    );
  if (question.kind === 'multiple')
    return (
      <Checkbox.Group
        value={Array.isArray(value) ? value : []}
        onChange={(v) => onChange?.(v)}
        style={{ display: 'flex', flexDirection: 'column', gap: 10 }}
      >
        {(question.options ?? []).map((o) => (
          <Checkbox key={o} value={o}>
            {o}
          </Checkbox>
        ))}
      </Checkbox.Group>
    );
  if (question.kind === 'scale')
    return (
      <Radio.Group {...pick} optionType="button" buttonStyle="solid" style={{ display: 'flex', width: '100%' }}>
        {SCALE.map((n) => (
          <Radio.Button key={n} value={n} style={{ flex: 1, textAlign: 'center' }} aria-label={String(n)}>
            {n}
          </Radio.Button>
        ))}
      </Radio.Group>
    );
  return (
    <Input.TextArea
      value={typeof value === 'string' ? value : undefined}
      onChange={(e) => onChange?.(e.target.value)}
      autoSize={{ minRows: 3, maxRows: 8 }}
      maxLength={2000}
      placeholder={t('survey.form.textPlaceholder')}
    />
  );
}

function ScaleLegend() {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" style={{ marginTop: 4 }}>
      <Typography.Text type="secondary">1 – {t('survey.form.scaleLow')}</Typography.Text>
      <Typography.Text type="secondary">5 – {t('survey.form.scaleHigh')}</Typography.Text>
    </Flex>
  );
}

/** A member answers a survey, once, in a form built from its questions (phone first). */
export function SurveyAnswerForm({ survey }: { survey: MySurveyDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshSurveys();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const send = useMutation({
    mutationFn: (v: Values) => {
      const answers = Object.fromEntries(
        Object.entries(v.answers ?? {}).filter(
          ([, a]) => a !== undefined && a !== '' && !(Array.isArray(a) && !a.length),
        ),
      );
      return api.post<MySurveyDetail>(`/me/surveys/${survey.id}/answers`, { answers });
    },
    onMutate: clear,
    onError,
    onSuccess: async () => {
      await refresh();
      void message.success(t('survey.form.sent'));
    },
  });

  if (survey.answered) return <Alert type="success" showIcon title={t('survey.form.done')} data-testid="survey-done" />;
  if (survey.window === 'closed') return <Alert type="warning" showIcon title={t('survey.form.closedNote')} />;
  if (survey.window === 'not_yet_open')
    return <Alert type="info" showIcon title={t('survey.form.notYetNote', { date: formatDate(survey.opensOn) })} />;

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => send.mutate(v)} requiredMark>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(survey.anonymous ? 'survey.form.anonymousNote' : 'survey.form.namedNote')}
        description={t('survey.form.intro')}
      />
      {survey.questions.map((q, i) => (
        <Card key={q.key} size="small" style={{ marginBottom: 12 }} data-testid="answer-question">
          <Form.Item
            name={['answers', q.key]}
            label={
              <span style={{ whiteSpace: 'normal' }}>
                {i + 1}. {q.text}
              </span>
            }
            required={q.required}
            rules={q.required ? [{ required: true, message: t('survey.form.required') }] : []}
            style={{ marginBottom: 0 }}
          >
            <AnswerInput question={q} />
          </Form.Item>
          {q.kind === 'scale' && <ScaleLegend />}
        </Card>
      ))}
      <FormErrorAlert error={error} />
      <Button type="primary" htmlType="submit" block size="large" loading={send.isPending} data-testid="survey-submit">
        {t('survey.form.submit')}
      </Button>
    </Form>
  );
}
