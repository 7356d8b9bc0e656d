import { Alert, Button, Checkbox, Col, Flex, Form, Row, Select, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportJobDto, ImportMappingDto } from '../../../../src/contracts/member-import';
import { useFormError } from '../../lib/use-form-error';
import { FormErrorAlert } from '../../components/form-error-alert';
import { sendApi } from '../members/member-api';
import { useImportFields } from './import-labels';
import { importKeys } from './import-queries';
import { ImportCounts } from './import-counts';
import { ImportCancelButton } from './import-cancel';

const SKIP = '__skip';

interface Values {
  mapping: Record<string, string>;
  save: boolean;
}

const toValues = (job: ImportJobDto): Values => ({
  mapping: Object.fromEntries(job.columns.map((c) => [c.letter, job.mapping?.[c.letter] ?? c.field ?? SKIP])),
  save: false,
});

const toMapping = (values: Values): ImportMappingDto =>
  Object.fromEntries(
    Object.entries(values.mapping).map(([letter, field]) => [letter, field === SKIP ? null : field]),
  ) as ImportMappingDto;

/** Step 3: which record field each column feeds; a change runs the check again (and may be saved for the unit). */
export function ImportMappingStep({ job, onResults }: { job: ImportJobDto; onResults: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { fields, label } = useImportFields();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const mapping = Form.useWatch('mapping', form);
  const save = Form.useWatch('save', form);
  const initial = toValues(job);
  const changed =
    Boolean(save) || (mapping !== undefined && JSON.stringify(mapping) !== JSON.stringify(initial.mapping));

  const recheck = useMutation({
    mutationFn: (values: Values) =>
      sendApi<ImportJobDto>('PUT', `/member-imports/${job.id}/mapping`, {
        mapping: toMapping(values),
        save: values.save,
      }),
    onMutate: clear,
    onError,
    onSuccess: (next) => queryClient.setQueryData(importKeys.job(next.id), next),
  });

  const options = [
    { value: SKIP, label: t('memberImport.skip') },
    ...fields.map((f) => ({
      value: f.key,
      label: f.required ? `${label(f.key)} (${t('memberImport.required')})` : label(f.key),
    })),
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {t('memberImport.file', { name: job.fileName, sheet: job.sheetName ?? '', row: job.headerRow ?? '' })}
      </Typography.Text>
      <ImportCounts job={job} />
      <Alert type="info" showIcon title={t('memberImport.mappingHelp')} />
      <FormErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => (changed ? recheck.mutate(values) : onResults())}
        data-testid="import-mapping"
      >
        <Row gutter={16}>
          {job.columns.map((c) => (
            <Col key={c.letter} xs={24} md={12} xl={8}>
              <Form.Item
                name={['mapping', c.letter]}
                label={
                  <span>
                    {t('memberImport.column')} {c.letter}: <strong>{c.header || '—'}</strong>
                    {c.detected && (mapping?.[c.letter] ?? initial.mapping[c.letter]) === c.detected && (
                      <Tag color="green" style={{ marginInlineStart: 8 }}>
                        {t('memberImport.detected')}
                      </Tag>
                    )}
                  </span>
                }
              >
                <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="save" valuePropName="checked">
          <Checkbox>{t('memberImport.saveMapping')}</Checkbox>
        </Form.Item>
        <Flex wrap gap={8}>
          <Button type="primary" htmlType="submit" loading={recheck.isPending} data-testid="import-mapping-next">
            {changed ? t('memberImport.recheck') : t('memberImport.showResults')}
          </Button>
          <ImportCancelButton job={job} />
        </Flex>
      </Form>
    </Flex>
  );
}
