import { App, Button, Card, DatePicker, Drawer, Flex, Form, Grid, Input, Select, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CreateSurveyBody, SurveyDetail } from '../../../../src/contracts/surveys';
import { QUESTION_KINDS, type QuestionKind } from '../../../../src/domain/branch-life/survey';
import { FormErrorAlert } from '../../components/form-error-alert';
import { UnitPicker } from '../../components/unit-picker';
import { api } from '../../lib/api';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { useFormError } from '../../lib/use-form-error';
import { useRefreshSurveys } from './survey-queries';

interface QuestionValues {
  key?: string;
  text: string;
  kind: QuestionKind;
  options?: string[];
  required: boolean;
}
interface Values {
  unitId: string;
  title: string;
  description?: string;
  anonymous: boolean;
  opensOn?: Dayjs;
  closesOn?: Dayjs;
  questions: QuestionValues[];
}

const hasChoices = (kind: QuestionKind | undefined) => kind === 'single' || kind === 'multiple';

function bodyOf(v: Values): Omit<CreateSurveyBody, 'unitId'> {
  return {
    title: v.title,
    description: v.description ?? null,
    anonymous: v.anonymous,
    opensOn: toIsoDate(v.opensOn) ?? null,
    closesOn: toIsoDate(v.closesOn) ?? null,
    questions: (v.questions ?? []).map((q) => ({
      key: q.key || null,
      text: q.text ?? '',
      kind: q.kind,
      required: q.required,
      ...(hasChoices(q.kind) ? { options: q.options ?? [] } : {}),
    })),
  };
}

function initialOf(survey: SurveyDetail | undefined, unitId: string, newQuestion: string): Partial<Values> {
  if (!survey)
    return {
      unitId,
      anonymous: true,
      questions: [{ text: newQuestion, kind: 'single', options: ['', ''], required: true }],
    };
  return {
    unitId: survey.unitId,
    title: survey.title,
    description: survey.description ?? undefined,
    anonymous: survey.anonymous,
    opensOn: fromIsoDate(survey.opensOn),
    closesOn: fromIsoDate(survey.closesOn),
    questions: survey.questions.map((q) => ({ ...q, options: q.options ?? [] })),
  };
}

/** The options of one choice question: add, edit, remove (2–10). */
function OptionList({ question }: { question: number }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[question, 'options']}>
      {(fields, { add, remove }, { errors }) => (
        <>
          <Typography.Text type="secondary">{t('survey.builder.options')}</Typography.Text>
          {fields.map((field, i) => (
            <Flex key={field.key} gap={8} align="start" style={{ marginTop: 8 }}>
              <Form.Item
                name={field.name}
                style={{ flex: 1, marginBottom: 0 }}
                rules={[{ required: true, whitespace: true, message: t('survey.builder.optionRequired') }]}
              >
                <Input
                  maxLength={200}
                  placeholder={t('survey.builder.option', { n: i + 1 })}
                  aria-label={t('survey.builder.option', { n: i + 1 })}
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('survey.builder.removeOption')}
                title={t('survey.builder.removeOption')}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < 10 && (
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add('')} style={{ marginTop: 8 }}>
              {t('survey.builder.addOption')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/** The questions: kind, text, options, required; add, remove and reorder. */
function QuestionList() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  return (
    <Form.List name="questions">
      {(fields, { add, remove, move }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={t('survey.builder.question', { n: i + 1 })}
              data-testid="survey-question"
              extra={
                <Flex gap={4}>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={i === 0}
                    aria-label={t('survey.builder.moveUp')}
                    title={t('survey.builder.moveUp')}
                    onClick={() => move(i, i - 1)}
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={i === fields.length - 1}
                    aria-label={t('survey.builder.moveDown')}
                    title={t('survey.builder.moveDown')}
                    onClick={() => move(i, i + 1)}
                  />
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('survey.builder.removeQuestion')}
                    title={t('survey.builder.removeQuestion')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              }
            >
              <Form.Item
                name={[field.name, 'text']}
                label={t('survey.builder.questionText')}
                rules={[{ required: true, whitespace: true, message: t('survey.builder.textRequired') }]}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
              </Form.Item>
              <Flex wrap gap={12} align="center">
                <Form.Item name={[field.name, 'kind']} label={t('survey.builder.kind')} style={{ flex: '1 1 180px' }}>
                  <Select
                    options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`survey.kinds.${k}`) }))}
                    onChange={(kind: QuestionKind) => {
                      const options = form.getFieldValue(['questions', field.name, 'options']) as string[] | undefined;
                      if (hasChoices(kind) && (options ?? []).length < 2)
                        form.setFieldValue(
                          ['questions', field.name, 'options'],
                          [...(options ?? []), '', ''].slice(0, 2),
                        );
                    }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'required']} label={t('survey.builder.required')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Flex>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  hasChoices(form.getFieldValue(['questions', field.name, 'kind']) as QuestionKind) ? (
                    <OptionList question={field.name} />
                  ) : null
                }
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < 30 && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ text: '', kind: 'single', options: ['', ''], required: true })}
            >
              {t('survey.builder.addQuestion')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/** The survey builder: title, introduction, anonymous switch, dates and questions; creates or edits a draft. */
export function SurveyBuilder({
  unitId,
  survey,
  onClose,
}: {
  unitId: string;
  survey?: SurveyDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const refresh = useRefreshSurveys();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      survey
        ? api.patch<SurveyDetail>(`/surveys/${survey.id}`, { version: survey.version, ...bodyOf(v) })
        : api.post<SurveyDetail>('/surveys', { unitId: v.unitId, ...bodyOf(v) }),
    onMutate: clear,
    onError,
    onSuccess: async (saved) => {
      await refresh();
      void message.success(t('survey.builder.saved'));
      onClose();
      if (!survey) void navigate({ to: '/surveys/$surveyId', params: { surveyId: saved.id } });
    },
  });

  return (
    <Drawer
      open
      title={t(survey ? 'survey.builder.editTitle' : 'survey.builder.createTitle')}
      size={screens.md ? 720 : '100%'}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <>
          <FormErrorAlert error={error} onReload={survey ? onClose : undefined} />
          <Flex gap={8} justify="end">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="survey-save">
              {t('survey.builder.save')}
            </Button>
          </Flex>
        </>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialOf(survey, unitId, t('survey.builder.newQuestion'))}
        onFinish={(v) => save.mutate(v)}
      >
        {!survey && (
          <Form.Item
            name="unitId"
            label={t('survey.builder.unit')}
            rules={[{ required: true, message: t('survey.builder.unitRequired') }]}
          >
            <UnitPicker />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('survey.builder.surveyTitle')}
          rules={[{ required: true, whitespace: true, message: t('survey.builder.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('survey.builder.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="anonymous"
          label={t('survey.builder.anonymous')}
          valuePropName="checked"
          extra={t('survey.builder.anonymousHint')}
        >
          <Switch />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="opensOn" label={t('survey.builder.opensOn')} style={{ flex: 1 }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
          </Form.Item>
          <Form.Item name="closesOn" label={t('survey.builder.closesOn')} style={{ flex: 1 }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>{t('survey.builder.questions')}</Typography.Title>
        <QuestionList />
      </Form>
    </Drawer>
  );
}
