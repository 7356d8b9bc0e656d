import { useState } from 'react';
import { Alert, Flex, Skeleton, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { MemberCardView } from './member-card-view';
import { PhotoUploadButton } from './photo-upload-button';
import { ownCardOptions, selfServiceKeys } from './self-service-queries';

/** "Thẻ đoàn viên điện tử": the card to show on a phone, and the member's photo upload. */
export function MyCardPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: card, error, isPending, refetch } = useQuery(ownCardOptions);
  const [photoVersion, setPhotoVersion] = useState<string>();
  if (isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error || !card) return <PageError error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageTitle title={t('selfService.card.title')} />
      <Flex vertical align="center" gap={16}>
        {!card.active && <Alert type="warning" showIcon title={t('selfService.card.inactive')} />}
        <MemberCardView card={card} photoVersion={photoVersion} />
        <Flex vertical align="center" gap={4}>
          <PhotoUploadButton
            path="/me/photo"
            hasPhoto={card.hasPhoto}
            onUploaded={(photo) => {
              setPhotoVersion(photo.updatedAt);
              void queryClient.invalidateQueries({ queryKey: selfServiceKeys.all });
            }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('selfService.photo.hint')}
          </Typography.Text>
        </Flex>
      </Flex>
    </>
  );
}
