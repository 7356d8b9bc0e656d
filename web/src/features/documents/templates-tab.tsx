import { Alert, App, Button, Collapse, Flex, Grid, Popconfirm, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, EyeOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MAX_TEMPLATE_BYTES, type DocumentTemplateDto } from '../../../../src/contracts/documents';
import type { DocumentKind } from '../../../../src/domain/documents/document-kinds';
import { TEMPLATE_PLACEHOLDERS } from '../../../../src/domain/documents/template-data';
import { PageError } from '../../components/page-error';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { documentKeys, templateListOptions, templateUrl, uploadTemplate } from './document-api';

const MAX_MB = MAX_TEMPLATE_BYTES / 1024 / 1024;

function SourceTag({ template }: { template: DocumentTemplateDto }) {
  const { t } = useTranslation();
  if (template.source === 'own') return <Tag color="green">{t('documentTemplates.sources.own')}</Tag>;
  if (template.source === 'inherited')
    return <Tag color="blue">{t('documentTemplates.sources.inherited', { unit: template.fromUnitName ?? '' })}</Tag>;
  return <Tag>{t('documentTemplates.sources.default')}</Tag>;
}

function TemplateActions({ unitId, template }: { unitId: string; template: DocumentTemplateDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const kindName = t(`documents.kinds.${template.kind as DocumentKind}`);
  const done = (text: string) => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: documentKeys.templates(unitId) });
  };
  const upload = useMutation({
    mutationFn: (file: File) => uploadTemplate(unitId, template.kind, file),
    onSuccess: (saved) => done(t('documentTemplates.uploadedOk', { name: saved.fileName, kind: kindName })),
    onError: (error) => void message.error(errorMessage(error), 8),
  });
  const reset = useMutation({
    mutationFn: () => api.delete<DocumentTemplateDto>(`/units/${unitId}/document-templates/${template.kind}`),
    onSuccess: () => done(t('documentTemplates.resetOk', { kind: kindName })),
    onError: (error) => void message.error(errorMessage(error)),
  });
  const accept = (file: File) => {
    if (!/\.docx$/i.test(file.name)) void message.error(t('documentTemplates.wrongType'));
    else if (file.size > MAX_TEMPLATE_BYTES) void message.error(t('documentTemplates.tooLarge', { size: MAX_MB }));
    else upload.mutate(file);
    return Upload.LIST_IGNORE;
  };
  return (
    <Flex wrap gap={6}>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        href={templateUrl(unitId, template.kind, 'file')}
        download
        aria-label={`${t('documentTemplates.download')}: ${kindName}`}
      >
        {t('documentTemplates.download')}
      </Button>
      <Button
        size="small"
        icon={<EyeOutlined />}
        href={templateUrl(unitId, template.kind, 'preview')}
        download
        aria-label={`${t('documentTemplates.preview')}: ${kindName}`}
      >
        {t('documentTemplates.preview')}
      </Button>
      <Upload accept=".docx" showUploadList={false} beforeUpload={accept} maxCount={1}>
        <Button
          size="small"
          icon={<UploadOutlined />}
          loading={upload.isPending}
          aria-label={`${t('documentTemplates.upload')}: ${kindName}`}
        >
          {upload.isPending ? t('documentTemplates.uploading') : t('documentTemplates.upload')}
        </Button>
      </Upload>
      {template.source === 'own' && (
        <Popconfirm
          title={t('documentTemplates.resetConfirm', { kind: kindName })}
          okText={t('documentTemplates.reset')}
          cancelText={t('common.cancel')}
          onConfirm={() => reset.mutate()}
        >
          <Button size="small" danger icon={<RollbackOutlined />} loading={reset.isPending}>
            {t('documentTemplates.reset')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}

function Uploaded({ template }: { template: DocumentTemplateDto }) {
  const { t } = useTranslation();
  return (
    <Flex vertical>
      {template.uploadedAt && (
        <Typography.Text type="secondary">
          {t('documentTemplates.byAt', {
            name: template.uploadedByName ?? '',
            at: formatDateTime(template.uploadedAt),
          })}
        </Typography.Text>
      )}
      {template.previousCount > 0 && (
        <Typography.Text type="secondary">
          {t('documentTemplates.previous', { n: template.previousCount })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The tags a template may use, with their meaning. */
function Placeholders() {
  const { t } = useTranslation();
  return (
    <Collapse
      size="small"
      style={{ marginTop: 16 }}
      items={[
        {
          key: 'tags',
          label: t('documentTemplates.placeholdersTitle'),
          children: (
            <>
              <Typography.Paragraph type="secondary">{t('documentTemplates.placeholdersHint')}</Typography.Paragraph>
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={[...TEMPLATE_PLACEHOLDERS]}
                columns={[
                  { key: 'tag', title: t('documentTemplates.tag'), render: (_, p) => <code>{p.tag}</code> },
                  {
                    key: 'meaning',
                    title: t('documentTemplates.meaning'),
                    render: (_, p) => t(`documentTemplates.placeholders.${p.key as 'title'}`),
                  },
                ]}
              />
            </>
          ),
        },
      ]}
    />
  );
}

/** "Mẫu văn bản" tab of a unit (document.template): the template of each kind, download, preview, upload, reset. */
export function TemplatesTab({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const isMobile = !Grid.useBreakpoint().md;
  const { data, isPending, error, refetch } = useQuery(templateListOptions(unitId));
  if (error) return <PageError error={error} onRetry={() => void refetch()} />;
  const kindName = (k: string) => t(`documents.kinds.${k as DocumentKind}`);
  return (
    <>
      <Alert type="info" showIcon title={t('documentTemplates.intro')} style={{ marginBottom: 12 }} />
      {isMobile ? (
        <div data-testid="template-cards">
          {(data ?? []).map((tpl) => (
            <Flex
              key={tpl.kind}
              vertical
              gap={6}
              style={{ padding: '10px 12px', border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 8 }}
            >
              <Typography.Text strong>{kindName(tpl.kind)}</Typography.Text>
              <span>
                <SourceTag template={tpl} />
              </span>
              <Uploaded template={tpl} />
              <TemplateActions unitId={unitId} template={tpl} />
            </Flex>
          ))}
        </div>
      ) : (
        <Table<DocumentTemplateDto>
          rowKey="kind"
          size="small"
          loading={isPending}
          dataSource={data ?? []}
          pagination={false}
          data-testid="template-table"
          columns={[
            { key: 'kind', title: t('documentTemplates.kind'), render: (_, x) => kindName(x.kind) },
            {
              key: 'source',
              title: t('documentTemplates.source'),
              width: 190,
              render: (_, x) => (
                <Flex vertical gap={2}>
                  <span>
                    <SourceTag template={x} />
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {x.fileName}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'uploaded',
              title: t('documentTemplates.uploaded'),
              width: 170,
              render: (_, x) => <Uploaded template={x} />,
            },
            {
              key: 'actions',
              width: 290,
              title: t('documentTemplates.actions'),
              render: (_, x) => <TemplateActions unitId={unitId} template={x} />,
            },
          ]}
        />
      )}
      <Placeholders />
    </>
  );
}
