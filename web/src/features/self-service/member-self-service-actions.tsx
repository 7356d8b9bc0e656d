import { useState } from 'react';
import { Avatar, Button, Tag } from 'antd';
import { UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../../src/contracts/members';
import { memberKeys } from '../members/member-queries';
import { CreateMemberAccountModal } from './create-member-account-modal';
import { PhotoUploadButton } from './photo-upload-button';
import { photoUrl } from './self-service-queries';

/** On a member's page: the photo, the member's account (or "Tạo tài khoản đoàn viên"), and the photo upload. */
export function MemberSelfServiceActions({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [photoVersion, setPhotoVersion] = useState<string>();
  const canWrite = member.actions.includes('member.write');

  return (
    <>
      {member.hasPhoto && (
        <Avatar
          size={40}
          shape="square"
          src={photoUrl(member.id, photoVersion)}
          icon={<UserOutlined />}
          alt={t('selfService.card.photoAlt', { name: member.fullName })}
          data-testid="member-photo"
        />
      )}
      {member.account && (
        <Tag
          color={member.account.disabled ? 'default' : 'blue'}
          style={{ alignSelf: 'center' }}
          data-testid="member-account"
        >
          {member.account.disabled
            ? t('selfService.account.disabled', { username: member.account.username })
            : t('selfService.account.has', { username: member.account.username })}
        </Tag>
      )}
      {canWrite && (
        <PhotoUploadButton
          path={`/members/${member.id}/photo`}
          hasPhoto={member.hasPhoto}
          onUploaded={(photo) => {
            setPhotoVersion(photo.updatedAt);
            void queryClient.invalidateQueries({ queryKey: memberKeys.detail(member.id) });
          }}
        />
      )}
      {canWrite && !member.account && (
        <Button icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
          {t('selfService.account.create')}
        </Button>
      )}
      {creating && <CreateMemberAccountModal member={member} onClose={() => setCreating(false)} />}
    </>
  );
}
