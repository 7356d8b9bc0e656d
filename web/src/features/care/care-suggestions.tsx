import { Alert, App, Button, Drawer, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CareRecordDetail, CareSuggestion } from '../../../../src/contracts/care';
import { PageError } from '../../components/page-error';
import { api, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { careSuggestionsOptions, useRefreshCare } from './care-queries';

function Row({ s, canWrite }: { s: CareSuggestion; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCare();
  const add = useMutation({
    mutationFn: () =>
      api.post<CareRecordDetail>('/care-records', {
        unitId: s.unitId,
        memberId: s.memberId,
        categories: s.categories,
        situation: [s.careNote, s.helpPlan].filter(Boolean).join('\n'),
      }),
    onSuccess: async (saved) => {
      await refresh(saved);
      void message.success(t('care.suggestions.added', { name: saved.fullName }));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Flex justify="space-between" gap={8} align="start" style={cardStyle} data-testid="care-suggestion">
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
          {s.fullName}
        </Typography.Text>
        <Typography.Text type="secondary">
          {s.birthDate ? `${formatDate(s.birthDate)} · ` : ''}
          {s.unitName}
        </Typography.Text>
        <Flex wrap gap={4}>
          {s.categories.map((c) => (
            <Tag key={c} style={{ marginInlineEnd: 0 }}>
              {t(`care.categories.${c}`)}
            </Tag>
          ))}
        </Flex>
        {s.careNote && <Typography.Text style={{ fontSize: 13 }}>{s.careNote}</Typography.Text>}
      </Flex>
      {canWrite && (
        <Button type="primary" size="small" loading={add.isPending} onClick={() => add.mutate()}>
          {t('care.suggestions.add')}
        </Button>
      )}
    </Flex>
  );
}

/** Members flagged for care (on their record) who are not on the list, each added with one click. */
export function CareSuggestionsDrawer({
  unitId,
  canWrite,
  onClose,
}: {
  unitId: string;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const list = useQuery(careSuggestionsOptions(unitId));
  return (
    <Drawer open title={t('care.suggestions.title')} size={isMobile ? '100%' : 560} onClose={onClose} destroyOnHidden>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active />
      ) : list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.suggestions.empty')} />
      ) : (
        <>
          {list.data.truncated && (
            <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('care.suggestions.truncated')} />
          )}
          {list.data.items.map((s) => (
            <Row key={s.memberId} s={s} canWrite={canWrite} />
          ))}
        </>
      )}
    </Drawer>
  );
}
