import type { ReactNode } from 'react';
import { Descriptions, Flex, Grid, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../../src/contracts/members';
import { formatDate } from '../../lib/dates';
import { formatBirth, useMemberLabels, type MemberFieldKey } from './member-labels';
import { MemberStatusTag } from './member-status-tag';

const dash = '—';
type Item = { key: MemberFieldKey; children: ReactNode; wide?: boolean };

/** The record in four description lists: Lý lịch, Đoàn, Xã hội, Quản lý/Quan tâm. */
export function MemberSections({ member: m }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const screens = Grid.useBreakpoint();
  const text = (v: string | null) => v ?? dash;
  const date = (v: string | null) => formatDate(v) || dash;
  const place = (...parts: (string | null)[]) => parts.filter(Boolean).join(', ') || dash;

  const sections: { key: string; title: string; items: Item[] }[] = [
    {
      key: 'personal',
      title: t('member.sections.personal'),
      items: [
        { key: m.birthYearOnly ? 'birthYear' : 'birthDate', children: formatBirth(m) || dash },
        { key: 'gender', children: labels.gender(m.gender) },
        { key: 'ethnicity', children: text(m.ethnicity) },
        { key: 'religion', children: text(m.religion) },
        { key: 'cccd', children: text(m.cccd) },
        {
          key: 'phone',
          children: m.phone && !m.phone.includes('*') ? <a href={`tel:${m.phone}`}>{m.phone}</a> : text(m.phone),
        },
        { key: 'email', children: m.email ? <a href={`mailto:${m.email}`}>{m.email}</a> : dash },
        { key: 'hometown', children: text(m.hometown) },
        {
          key: 'permanentAddress',
          children: place(m.permanentAddress, m.permanentCommune, m.permanentProvince),
          wide: true,
        },
        {
          key: 'residenceAddress',
          children: place(m.residenceAddress, m.residenceCommune, m.residenceProvince),
          wide: true,
        },
      ],
    },
    {
      key: 'union',
      title: t('member.sections.union'),
      items: [
        { key: 'unit', children: m.unitName },
        { key: 'joinedOn', children: date(m.joinedOn) },
        { key: 'admittedAt', children: text(m.admittedAt) },
        { key: 'cardNumber', children: text(m.cardNumber) },
        { key: 'cardIssuedOn', children: date(m.cardIssuedOn) },
        { key: 'position', children: text(m.position) },
        { key: 'pioneerHistory', children: text(m.pioneerHistory), wide: true },
      ],
    },
    {
      key: 'social',
      title: t('member.sections.social'),
      items: [
        { key: 'educationLevel', children: text(m.educationLevel) },
        { key: 'qualification', children: text(m.qualification) },
        { key: 'occupation', children: text(m.occupation) },
        { key: 'schoolClass', children: text(m.schoolClass) },
        { key: 'workplace', children: text(m.workplace) },
        {
          key: 'partyMember',
          children: m.partyMember
            ? `${t('common.yes')}${m.partyJoinedOn ? ` (${formatDate(m.partyJoinedOn)})` : ''}`
            : t('common.no'),
        },
      ],
    },
    {
      key: 'care',
      title: t('member.sections.care'),
      items: [
        { key: 'status', children: <MemberStatusTag status={m.status} /> },
        { key: 'awayPlace', children: text(m.awayPlace) },
        { key: 'awaySince', children: date(m.awaySince) },
        {
          key: 'careFlags',
          children:
            m.careFlags.length === 0 ? (
              dash
            ) : (
              <Flex wrap gap={4}>
                {m.careFlags.map((c) => (
                  <Tag key={c} color="magenta" style={{ marginInlineEnd: 0 }}>
                    {labels.careFlag(c)}
                  </Tag>
                ))}
              </Flex>
            ),
        },
        { key: 'careNote', children: text(m.careNote), wide: true },
        { key: 'helpPlan', children: text(m.helpPlan), wide: true },
      ],
    },
  ];

  const columns = screens.lg ? 2 : 1;
  return (
    <>
      {sections.map((s) => {
        // Phones skip empty fields to keep the page short.
        const items = screens.sm ? s.items : s.items.filter((i) => i.children !== dash);
        return (
          <Descriptions
            key={s.key}
            title={s.title}
            size="small"
            column={columns}
            style={{ marginBottom: 16 }}
            data-testid={`member-section-${s.key}`}
            items={items.map((i) => ({
              key: i.key,
              label: labels.field(i.key),
              children: i.children,
              span: i.wide ? columns : 1,
            }))}
          />
        );
      })}
    </>
  );
}
