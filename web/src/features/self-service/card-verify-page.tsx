import { Card, Descriptions, Result, Spin, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CardVerification } from '../../../../src/contracts/self-service';
import { LanguageSwitch } from '../../app/language-switch';
import { api, ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';

/** The public page a scanned card opens: whether the card is genuine, and no more than the card shows. */
export function CardVerifyPage({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const { data, error, isPending, dataUpdatedAt } = useQuery({
    queryKey: ['card-verify', reference],
    queryFn: () => api.get<CardVerification>(`/cards/verify/${encodeURIComponent(reference)}`),
    retry: false,
  });
  const invalid = error instanceof ApiError && error.status === 404;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #0d47a1 0%, #1565c0 40%, #f5f7fa 40%)',
      }}
    >
      <Card
        style={{ width: '100%', maxWidth: 440 }}
        title={t('selfService.verify.title')}
        extra={<LanguageSwitch compact />}
      >
        {isPending && <Spin style={{ display: 'block', margin: '24px auto' }} />}
        {error && (
          <Result
            status={invalid ? 'error' : 'warning'}
            title={invalid ? t('selfService.verify.invalidTitle') : t('errors.loadFailed')}
            subTitle={invalid ? t('selfService.verify.invalidText') : errorMessage(error)}
            data-testid="verify-invalid"
          />
        )}
        {data && (
          <Result
            status={data.active ? 'success' : 'warning'}
            title={t('selfService.verify.valid')}
            subTitle={t('selfService.verify.checkedAt', {
              date: formatDateTime(new Date(dataUpdatedAt).toISOString()),
            })}
            style={{ padding: '16px 0' }}
            data-testid="verify-result"
          >
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: t('member.fields.fullName'), children: <strong>{data.fullName}</strong> },
                {
                  key: 'card',
                  label: t('selfService.card.number'),
                  children: data.cardNumber ?? t('selfService.card.noNumber'),
                },
                { key: 'unit', label: t('selfService.card.branch'), children: data.unitName },
                {
                  key: 'status',
                  label: t('member.fields.status'),
                  children: (
                    <Tag color={data.active ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
                      {data.active ? t('selfService.verify.active') : t('selfService.verify.inactive')}
                    </Tag>
                  ),
                },
              ]}
            />
          </Result>
        )}
      </Card>
    </div>
  );
}
