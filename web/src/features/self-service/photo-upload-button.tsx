import { App, Button, Upload } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PhotoDto } from '../../../../src/contracts/self-service';
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '../../../../src/domain/members/self-service-photo';
import { errorMessage } from '../../lib/api';
import { sendApi } from '../members/member-api';

/**
 * "Tải ảnh": picks a JPEG, PNG or WebP image of at most 2 MB and uploads it to `path`
 * (the server checks the real type by the file's first bytes).
 */
export function PhotoUploadButton({
  path,
  hasPhoto,
  onUploaded,
}: {
  path: string;
  hasPhoto: boolean;
  onUploaded: (photo: PhotoDto) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return sendApi<PhotoDto>('PUT', path, form);
    },
    onError: (error) => void message.error(errorMessage(error)),
    onSuccess: (photo) => {
      void message.success(t('selfService.photo.saved'));
      onUploaded(photo);
    },
  });

  return (
    <Upload
      accept={PHOTO_TYPES.join(',')}
      showUploadList={false}
      maxCount={1}
      beforeUpload={(file) => {
        if (!(PHOTO_TYPES as readonly string[]).includes(file.type))
          void message.error(t('selfService.photo.wrongType'));
        else if (file.size > MAX_PHOTO_BYTES) void message.error(t('selfService.photo.tooLarge'));
        else upload.mutate(file);
        return Upload.LIST_IGNORE;
      }}
    >
      <Button icon={<CameraOutlined />} loading={upload.isPending} data-testid="photo-upload">
        {hasPhoto ? t('selfService.photo.change') : t('selfService.photo.upload')}
      </Button>
    </Upload>
  );
}
