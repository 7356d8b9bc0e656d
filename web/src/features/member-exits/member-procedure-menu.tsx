import { useState } from 'react';
import { Button, Dropdown } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MemberProcedureActions } from '../../../../src/contracts/member-exits';
import type { MemberDetail } from '../../../../src/contracts/members';
import { api } from '../../lib/api';
import { DisciplineDrawer } from '../discipline/discipline-drawer';
import { MemberDisciplineSection } from '../discipline/member-discipline-section';
import { MemberPartySection } from '../party-introductions/member-party-section';
import { ResolutionDrawer } from '../party-introductions/resolution-drawer';
import { MemberExitModal } from './member-exit-modal';

type Open = 'discipline' | 'partyProposal' | 'remove' | 'death' | null;

/** "Thủ tục" on a member's page: discipline, Party proposal, name removal, death, as the account may. */
export function MemberProcedureMenu({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const { data } = useQuery({
    queryKey: ['member-procedure-actions', member.id, member.version],
    queryFn: () => api.get<MemberProcedureActions>(`/members/${member.id}/procedure-actions`),
    enabled: member.actions.includes('member.write'),
  });
  const items = [
    data?.discipline && { key: 'discipline', label: t('discipline.addFor') },
    data?.partyProposal && { key: 'partyProposal', label: t('partyIntro.proposeMember') },
    data?.remove && { key: 'remove', label: t('memberExit.remove'), danger: true },
    data?.death && { key: 'death', label: t('memberExit.death'), danger: true },
  ].filter((i): i is { key: string; label: string; danger?: boolean } => Boolean(i));
  if (items.length === 0) return null;
  const who = { id: member.id, fullName: member.fullName };
  return (
    <>
      <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => setOpen(key as Open) }}>
        <Button data-testid="member-procedures">
          {t('procedures.menu')} <DownOutlined />
        </Button>
      </Dropdown>
      {open === 'discipline' && <DisciplineDrawer member={who} onClose={() => setOpen(null)} />}
      {open === 'partyProposal' && <ResolutionDrawer member={who} onClose={() => setOpen(null)} />}
      {(open === 'remove' || open === 'death') && (
        <MemberExitModal member={member} kind={open === 'remove' ? 'removal' : 'death'} onClose={() => setOpen(null)} />
      )}
    </>
  );
}

/** The "Kỷ luật" and "Giới thiệu vào Đảng" tabs of a member's page. */
export function memberProcedureTabs(member: MemberDetail, labels: { discipline: string; party: string }) {
  return [
    { key: 'discipline', label: labels.discipline, children: <MemberDisciplineSection member={member} /> },
    { key: 'party', label: labels.party, children: <MemberPartySection member={member} /> },
  ];
}
