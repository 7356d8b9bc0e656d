import { Button, Card, Col, Empty, Flex, Grid, Row, Select, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../../src/contracts/documents';
import { DOCUMENT_KIND_KEYS, type DocumentKind } from '../../../../src/domain/documents/document-kinds';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { UnitPicker } from '../../components/unit-picker';
import { formatDate } from '../../lib/dates';
import { useCan, useCurrentUser } from '../auth/current-user';
import { unitDetailOptions } from '../units/unit-queries';
import { documentFileUrl, documentListOptions, type DocumentFilter, type DocumentSearch } from './document-api';

const cardStyle = { padding: '10px 12px', border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 8 } as const;

/** The last ten years, newest first, for the year filter. */
function recentYears(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 10 }, (_v, i) => now - i);
}

function DownloadButton({ doc, block }: { doc: DocumentDto; block?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      block={block}
      icon={<DownloadOutlined />}
      href={documentFileUrl(doc.id)}
      download={doc.fileName}
      aria-label={`${t('documents.download')} ${doc.numberText}`}
    >
      {t('documents.download')}
    </Button>
  );
}

/** A document as a card (phones). */
function DocumentCard({ doc }: { doc: DocumentDto }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} style={cardStyle} data-testid="document-card">
      <Flex justify="space-between" gap={8}>
        <Typography.Text strong>{doc.numberText}</Typography.Text>
        <Typography.Text type="secondary">{formatDate(doc.issuedOn)}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary">{t(`documents.kinds.${doc.kind as DocumentKind}`)}</Typography.Text>
      <Typography.Text style={{ overflowWrap: 'anywhere' }}>{doc.subject}</Typography.Text>
      <Typography.Text type="secondary">{doc.unitName}</Typography.Text>
      <DownloadButton doc={doc} block />
    </Flex>
  );
}

interface Props {
  search: DocumentSearch;
  onSearchChange: (search: DocumentSearch) => void;
}

/** Văn bản: the documents issued by a unit and the units below it, newest first, with their .docx. */
export function DocumentsPage({ search, onSearchChange }: Props) {
  const { t } = useTranslation();
  const canRead = useCan('member.read');
  const firstRoot = useCurrentUser().scopeRoots[0];
  const filter: DocumentFilter = { ...search, unitId: search.unitId ?? firstRoot?.id ?? '' };
  const onFilterChange = (next: DocumentFilter) => onSearchChange(next);
  const isMobile = !Grid.useBreakpoint().md;
  const unit = useQuery({ ...unitDetailOptions(filter.unitId), enabled: canRead && Boolean(filter.unitId) });
  const list = useInfiniteQuery({ ...documentListOptions(filter), enabled: canRead && Boolean(filter.unitId) });
  if (!canRead) return <Forbidden />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const col = { xs: 24, sm: 12, lg: 8 };

  return (
    <>
      <PageTitle title={t('documents.title')} />
      <Typography.Paragraph type="secondary">{t('documents.hint')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[12, 8]}>
          <Col {...col}>
            <Typography.Text type="secondary">{t('documents.unit')}</Typography.Text>
            <UnitPicker
              aria-label={t('documents.unit')}
              placeholder={unit.data?.name ?? t('documents.unit')}
              onChange={(unitId) => unitId && onFilterChange({ ...filter, unitId })}
            />
          </Col>
          <Col {...col}>
            <Typography.Text type="secondary">{t('documents.kind')}</Typography.Text>
            <Select<DocumentKind>
              aria-label={t('documents.kind')}
              allowClear
              style={{ width: '100%' }}
              placeholder={t('documents.allKinds')}
              value={filter.kind}
              onChange={(kind) => onFilterChange({ ...filter, kind })}
              options={DOCUMENT_KIND_KEYS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
            />
          </Col>
          <Col {...col}>
            <Typography.Text type="secondary">{t('documents.year')}</Typography.Text>
            <Select<number>
              aria-label={t('documents.year')}
              allowClear
              style={{ width: '100%' }}
              placeholder={t('documents.allYears')}
              value={filter.year}
              onChange={(year) => onFilterChange({ ...filter, year })}
              options={recentYears().map((y) => ({ value: y, label: String(y) }))}
            />
          </Col>
        </Row>
      </Card>
      {unit.data && (
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="documents-unit">
          {unit.data.name}
        </Typography.Title>
      )}
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : isMobile ? (
        <div data-testid="document-cards">
          {rows.length === 0 && !list.isPending && <Empty description={t('documents.empty')} />}
          {rows.map((doc) => (
            <DocumentCard key={doc.id} doc={doc} />
          ))}
        </div>
      ) : (
        <Table<DocumentDto>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty description={t('documents.empty')} /> }}
          data-testid="document-table"
          columns={[
            {
              key: 'number',
              title: t('documents.number'),
              width: 130,
              render: (_, d) => <strong>{d.numberText}</strong>,
            },
            { key: 'issuedOn', title: t('documents.issuedOn'), width: 120, render: (_, d) => formatDate(d.issuedOn) },
            {
              key: 'kind',
              title: t('documents.kind'),
              render: (_, d) => t(`documents.kinds.${d.kind as DocumentKind}`),
            },
            { key: 'subject', title: t('documents.subject'), dataIndex: 'subject' },
            { key: 'issuer', title: t('documents.issuer'), dataIndex: 'unitName' },
            { key: 'signer', title: t('documents.signer'), render: (_, d) => d.signerName ?? '' },
            { key: 'file', title: '', width: 110, render: (_, d) => <DownloadButton doc={d} /> },
          ]}
        />
      )}
      {list.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}
