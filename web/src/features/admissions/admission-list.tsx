import type { Key } from 'react';
import { Button, Checkbox, Empty, Flex, Spin, Table, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CandidateListItem } from '../../../../src/contracts/admissions';
import { formatDate } from '../../lib/dates';
import { AdmissionStatusTag } from './admission-labels';

const dash = '—';
const cardStyle = { padding: '10px 12px', border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 8 } as const;

interface Props {
  rows: CandidateListItem[];
  total: number;
  isMobile: boolean;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  /** The batch step offered for selection (rows that allow it get a checkbox), or null. */
  selectable: 'approve' | 'admit' | null;
  selected: string[];
  onSelect: (ids: string[]) => void;
}

function NameLink({ c }: { c: CandidateListItem }) {
  return (
    <Link to="/admissions/$candidateId" params={{ candidateId: c.id }} style={{ fontWeight: 500 }}>
      {c.fullName}
    </Link>
  );
}

/** The date that matters at the candidate's step (application, meeting, approval or ceremony). */
function stepDate(c: CandidateListItem): string {
  return formatDate(c.ceremonyOn ?? c.approvedOn ?? c.meetingOn ?? c.applicationDate);
}

/** Candidates as a table (desktop) or cards (phone), with checkboxes for a batch step. */
export function AdmissionList(props: Props) {
  const { rows, total, isMobile, selectable, selected, onSelect } = props;
  const { t } = useTranslation();
  const canPick = (c: CandidateListItem) => selectable !== null && c.actions.includes(selectable);
  const toggle = (id: string, on: boolean) => onSelect(on ? [...selected, id] : selected.filter((s) => s !== id));

  const footer = (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ paddingBlock: 8 }}>
      <Typography.Text strong data-testid="admission-total">
        {t('admission.total', { n: total })}
        {rows.length < total && (
          <Typography.Text type="secondary"> · {t('admission.shown', { shown: rows.length })}</Typography.Text>
        )}
      </Typography.Text>
      {props.hasMore && (
        <Button onClick={props.onMore} loading={props.loadingMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );

  if (isMobile) {
    return (
      <Spin spinning={props.loading}>
        <div data-testid="admission-cards">
          {rows.length === 0 && !props.loading ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admission.empty')} />
          ) : (
            rows.map((c, i) => (
              <Flex key={c.id} vertical gap={2} style={cardStyle} data-testid="admission-card">
                <Flex justify="space-between" align="start" gap={8}>
                  <Flex gap={8} align="start" style={{ minWidth: 0 }}>
                    {canPick(c) && (
                      <Checkbox
                        checked={selected.includes(c.id)}
                        onChange={(e) => toggle(c.id, e.target.checked)}
                        aria-label={c.fullName}
                      />
                    )}
                    <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      <Typography.Text type="secondary">{i + 1}. </Typography.Text>
                      <NameLink c={c} />
                    </span>
                  </Flex>
                  <AdmissionStatusTag status={c.status} />
                </Flex>
                <Typography.Text type="secondary">
                  {`${t('admission.fields.birthDate')}: ${formatDate(c.birthDate)} · ${stepDate(c)}`}
                </Typography.Text>
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>{c.unitName}</Typography.Text>
              </Flex>
            ))
          )}
        </div>
        {footer}
      </Spin>
    );
  }

  return (
    <Table<CandidateListItem>
      rowKey="id"
      size="small"
      loading={props.loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('admission.empty') }}
      data-testid="admission-table"
      footer={() => footer}
      rowSelection={
        selectable
          ? {
              selectedRowKeys: selected,
              onChange: (keys: Key[]) => onSelect(keys.map(String)),
              getCheckboxProps: (c) => ({ disabled: !canPick(c), 'aria-label': c.fullName }),
            }
          : undefined
      }
      columns={[
        { key: 'index', title: t('admission.fields.index'), width: 56, render: (_, _c, i) => i + 1 },
        { key: 'name', title: t('admission.fields.fullName'), render: (_, c) => <NameLink c={c} /> },
        { key: 'birth', title: t('admission.fields.birthDate'), render: (_, c) => formatDate(c.birthDate) },
        { key: 'unit', title: t('admission.fields.unit'), dataIndex: 'unitName' },
        {
          key: 'applied',
          title: t('admission.fields.applicationDate'),
          render: (_, c) => formatDate(c.applicationDate),
        },
        {
          key: 'status',
          title: t('admission.fields.status'),
          render: (_, c) => <AdmissionStatusTag status={c.status} />,
        },
        {
          key: 'when',
          title: t('admission.fields.ceremonyDueBy'),
          render: (_, c) => (c.status === 'approved' && c.ceremonyDueBy ? formatDate(c.ceremonyDueBy) : dash),
        },
        {
          key: 'deciding',
          title: t('admission.fields.decidingUnit'),
          render: (_, c) => c.decidingUnit?.name ?? dash,
        },
        { key: 'card', title: t('admission.fields.cardNumber'), render: (_, c) => c.cardNumber ?? dash },
      ]}
    />
  );
}
