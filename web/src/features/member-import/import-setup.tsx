import { useState } from 'react';
import { Alert, Button, Flex, Form, Progress, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportJobDto } from '../../../../src/contracts/member-import';
import { errorMessage } from '../../lib/api';
import { UnitPicker } from '../../components/unit-picker';
import { BranchPicker } from '../../components/branch-picker';
import { importKeys } from './import-queries';
import { uploadForm } from './upload';

export interface ImportTarget {
  unitId?: string;
  defaultBranchId?: string;
}

/** As MAX_IMPORT_BYTES of the contract (not imported: it would bring zod into the page); the server checks too. */
const MAX_MB = 50;
const MAX_IMPORT_BYTES = MAX_MB * 1024 * 1024;

/** Step 1: the unit the list belongs to and the branch for rows that name none. */
export function ImportUnitStep({
  target,
  knownBranches,
  onNext,
}: {
  target: ImportTarget;
  knownBranches: { id: string; name: string }[];
  onNext: (t: ImportTarget) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ImportTarget>();
  return (
    <Form<ImportTarget>
      form={form}
      layout="vertical"
      initialValues={target}
      onFinish={onNext}
      style={{ maxWidth: 560 }}
    >
      <Form.Item
        name="unitId"
        label={t('memberImport.unit')}
        extra={t('memberImport.unitHint')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <UnitPicker />
      </Form.Item>
      <Form.Item
        name="defaultBranchId"
        label={t('memberImport.defaultBranch')}
        extra={t('memberImport.defaultBranchHint')}
      >
        <BranchPicker known={knownBranches} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('memberImport.next')}
      </Button>
    </Form>
  );
}

/** Step 2: the file (dragged or chosen), sent with its progress; the server starts the dry run. */
export function ImportUploadStep({
  target,
  onBack,
  onJob,
}: {
  target: ImportTarget;
  onBack: () => void;
  onJob: (job: ImportJobDto) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      if (target.unitId) form.append('unitId', target.unitId);
      if (target.defaultBranchId) form.append('defaultBranchId', target.defaultBranchId);
      form.append('file', file, file.name);
      setPercent(0);
      return uploadForm<ImportJobDto>('/member-imports', form, setPercent);
    },
    onMutate: () => setProblem(null),
    onError: (error) => setProblem(errorMessage(error)),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      onJob(job);
    },
  });

  const accept = (file: File) => {
    if (!/\.(xlsx|csv)$/i.test(file.name)) setProblem(t('memberImport.wrongType'));
    else if (file.size > MAX_IMPORT_BYTES) setProblem(t('memberImport.tooLarge', { size: MAX_MB }));
    else upload.mutate(file);
    return false;
  };

  return (
    <Flex vertical gap={12}>
      {problem && <Alert type="error" showIcon title={problem} data-testid="import-upload-error" />}
      {upload.isPending ? (
        <div>
          <Typography.Text>{t('memberImport.uploading', { name: upload.variables?.name ?? '' })}</Typography.Text>
          <Progress percent={percent} />
        </div>
      ) : (
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={accept}
          data-testid="import-dropzone"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('memberImport.dropTitle')}</p>
          <p className="ant-upload-hint" style={{ paddingInline: 12 }}>
            {t('memberImport.dropHint', { size: MAX_MB })}
          </p>
        </Upload.Dragger>
      )}
      <div>
        <Button onClick={onBack} disabled={upload.isPending}>
          {t('memberImport.previous')}
        </Button>
      </div>
    </Flex>
  );
}
