import { App, Button, Card, Col, Flex, Form, Input, Row, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, LinkOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../src/contracts/evaluations';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { sendApi } from '../members/member-api';
import { evaluationFileUrl, useRefreshEvaluations } from './evaluation-api';
import { stepLabel } from './evaluation-labels';

const MAX_BYTES = 10 * 1024 * 1024;
/** The "3 chủ động" programme: its own files do not show their result as evidence. */
const THREE_PROACTIVE = 'grassroots3Proactive';
const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';
const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

function LinksEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="evidenceLinks">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top">
              <Col xs={24} sm={9}>
                <Form.Item name={[field.name, 'label']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('evaluation.file.linkLabel')} aria-label={t('evaluation.file.linkLabel')} />
                </Form.Item>
              </Col>
              <Col xs={20} sm={13}>
                <Form.Item
                  name={[field.name, 'url']}
                  rules={[{ required: true }, { type: 'url', message: t('evaluation.file.linkInvalid') }]}
                  style={{ marginBottom: 8 }}
                >
                  <Input placeholder="https://..." aria-label={t('evaluation.file.linkUrl')} inputMode="url" />
                </Form.Item>
              </Col>
              <Col xs={4} sm={2}>
                <Button icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ label: '', url: '' })} disabled={fields.length >= 30}>
            {t('evaluation.file.addLink')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function Files({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshEvaluations();
  const step = detail.step === 'registration' ? 'registration' : 'selfAssessment';
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return sendApi<EvaluationDetail>('POST', `/evaluations/${detail.id}/files?step=${step}`, form);
    },
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(t('evaluation.file.uploaded'));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <>
      <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
        {t('evaluation.file.files')}
      </Typography.Text>
      {detail.files.length === 0 && <Typography.Text type="secondary">{t('evaluation.file.noFiles')}</Typography.Text>}
      {detail.files.map((f) => (
        <Flex key={f.id} justify="space-between" gap={8} wrap style={{ padding: '4px 0' }}>
          <a
            href={evaluationFileUrl(detail.id, f.id)}
            target="_blank"
            rel="noreferrer"
            style={{ minWidth: 0, overflowWrap: 'anywhere' }}
          >
            <PaperClipOutlined /> {f.fileName}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {stepLabel(t, f.step)} · {sizeText(f.size)} · {formatDateTime(f.uploadedAt)}
          </Typography.Text>
        </Flex>
      ))}
      {detail.actions.upload && (
        <div>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > MAX_BYTES) void message.error(t('evaluation.file.tooLarge'));
              else upload.mutate(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginTop: 8 }}>
              {t('evaluation.file.upload')}
            </Button>
          </Upload>
        </div>
      )}
    </>
  );
}

/** A đoàn cơ sở's "3 chủ động" result of the year, as the system figures read it ("the result feeds the rating"). */
function ThreeProactiveResult({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  const figure = detail.autoEvidence.find((f) => f.key === 'threeProactive');
  const color = figure?.value === true ? 'success' : figure?.value === false ? 'error' : 'default';
  return (
    <div style={{ marginTop: 12 }} data-testid="three-proactive-result">
      <Typography.Text strong style={{ display: 'block' }}>
        {t('evaluation.file.threeProactive', { year: detail.cycle.year })}
      </Typography.Text>
      <Tag color={color} style={{ whiteSpace: 'normal', marginTop: 4 }}>
        {figure?.text ?? t('evaluation.file.noFigure')}
      </Tag>
    </div>
  );
}

/** The unit's explanation and evidence: a note, links and files. */
export function EvidencePanel({ detail, editable }: { detail: EvaluationDetail; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('evaluation.file.evidence')} data-testid="evidence-panel">
      {editable ? (
        <>
          <Form.Item name="evidenceNote" label={t('evaluation.file.evidenceNote')}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
          </Form.Item>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {t('evaluation.file.links')}
          </Typography.Text>
          <LinksEditor />
        </>
      ) : (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} type={detail.evidenceNote ? undefined : 'secondary'}>
            {detail.evidenceNote ?? t('evaluation.file.noEvidence')}
          </Typography.Paragraph>
          {detail.evidenceLinks.map((l, i) => (
            <div key={i}>
              <a href={l.url} target="_blank" rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>
                <LinkOutlined /> {l.label}
              </a>
            </div>
          ))}
        </>
      )}
      <Files detail={detail} />
      {detail.cycle.subject === 'grassroots' && detail.cycle.programme !== THREE_PROACTIVE && (
        <ThreeProactiveResult detail={detail} />
      )}
      {detail.autoEvidenceAt && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('evaluation.file.autoEvidenceAt', { at: formatDateTime(detail.autoEvidenceAt) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
