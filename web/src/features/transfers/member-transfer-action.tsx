import { useState } from 'react';
import { Alert, Button } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../../src/contracts/members';
import { StartTransferDrawer } from './start-transfer-drawer';
import { transferListOptions } from './transfer-queries';

const STARTABLE = new Set(['active', 'working_away']);

/** The member's open transfer or running temporary participation, if any. */
function useOpenTransfer(member: MemberDetail) {
  const { data, isPending } = useInfiniteQuery({
    ...transferListOptions({
      direction: 'all',
      kinds: ['external', 'temporary'],
      status: ['draft', 'sent', 'accepted'],
      memberId: member.id,
    }),
    enabled: member.actions.includes('member.read'),
  });
  const open = data?.pages[0]?.items.find(
    (i) => i.status === 'draft' || i.status === 'sent' || (i.kind === 'temporary' && i.status === 'accepted'),
  );
  return { open, isPending };
}

/** "Chuyển sinh hoạt" on a member's page, for cadres who write, while the member may start one. */
export function MemberTransferButton({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const current = useOpenTransfer(member);
  if (!member.actions.includes('member.write') || !STARTABLE.has(member.status)) return null;
  if (current.isPending || current.open) return null;
  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => setOpen(true)}>
        {t('transfer.start.button')}
      </Button>
      {open && <StartTransferDrawer member={member} onClose={() => setOpen(false)} />}
    </>
  );
}

/** A notice on the member's page while a transfer or a temporary participation is open, with a link to it. */
export function MemberTransferNotice({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const { open } = useOpenTransfer(member);
  if (!open) return null;
  return (
    <Alert
      type={open.overdue ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="member-transfer-notice"
      title={t(`transfer.notice.${open.kind === 'temporary' ? 'temporary' : 'external'}`, { code: open.code })}
      action={
        <Link to="/transfers/$transferId" params={{ transferId: open.id }}>
          <Button size="small">{t('transfer.notice.view')}</Button>
        </Link>
      }
    />
  );
}
