import type { ReactNode } from 'react';
import { Descriptions, Flex, Grid } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CandidateDetail } from '../../../../src/contracts/admissions';
import { formatDate } from '../../lib/dates';
import { useMemberLabels } from '../members/member-labels';

const dash = '—';

/** The candidate's record: personal data, application and course, introducer and "1+1". */
export function CandidateSections({ candidate: c }: { candidate: CandidateDetail }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const screens = Grid.useBreakpoint();
  const f = labels.field;
  const text = (v: string | null | undefined) => v || dash;
  const date = (v: string | null | undefined) => formatDate(v) || dash;
  const member = (ref: { id: string; name: string } | null) =>
    ref ? (
      <Link to="/members/$memberId" params={{ memberId: ref.id }}>
        {ref.name}
      </Link>
    ) : (
      dash
    );
  const sections: { key: string; title: string; items: { label: string; children: ReactNode }[] }[] = [
    {
      key: 'personal',
      title: t('admission.sections.personal'),
      items: [
        { label: f('birthDate'), children: formatDate(c.birthDate) },
        { label: f('gender'), children: labels.gender(c.gender) },
        { label: f('ethnicity'), children: text(c.ethnicity) },
        { label: f('religion'), children: text(c.religion) },
        { label: f('cccd'), children: text(c.cccd) },
        { label: f('phone'), children: text(c.phone) },
        { label: f('hometown'), children: text(c.profile.hometown) },
        { label: f('residenceAddress'), children: text(c.profile.residenceAddress) },
        { label: f('occupation'), children: text(c.profile.occupation) },
        { label: f('schoolClass'), children: text(c.profile.schoolClass ?? c.profile.workplace) },
      ],
    },
    {
      key: 'application',
      title: t('admission.sections.application'),
      items: [
        { label: t('admission.fields.unit'), children: c.unitName },
        { label: t('admission.fields.source'), children: t(`admission.sources.${c.source}`) },
        { label: t('admission.fields.applicationDate'), children: date(c.applicationDate) },
        { label: t('admission.fields.decidingUnit'), children: text(c.decidingUnit?.name) },
        { label: t('admission.fields.courseName'), children: text(c.courseName) },
        { label: t('admission.fields.courseCertificateNo'), children: text(c.courseCertificateNo) },
        { label: t('admission.fields.courseCompletedOn'), children: date(c.courseCompletedOn) },
      ],
    },
    {
      key: 'introducer',
      title: t('admission.sections.introducer'),
      items: [
        {
          label: t('admission.fields.introducerKind'),
          children: c.introducerKind ? t(`admission.introducerKinds.${c.introducerKind}`) : dash,
        },
        ...(c.introducerKind === 'member'
          ? [
              { label: t('admission.fields.introducerMember'), children: member(c.introducerMember) },
              { label: t('admission.fields.introducerKnownSince'), children: date(c.introducerKnownSince) },
            ]
          : c.introducerKind
            ? [{ label: t('admission.fields.introducerName'), children: text(c.introducerName) }]
            : []),
        { label: t('admission.fields.recruiter'), children: member(c.recruiter) },
      ],
    },
  ];
  return (
    <Flex vertical gap={16}>
      {sections.map((s) => (
        <Descriptions
          key={s.key}
          data-testid={`candidate-section-${s.key}`}
          title={s.title}
          size="small"
          bordered
          column={screens.md ? 2 : 1}
          items={s.items.map((i, n) => ({ key: n, label: i.label, children: i.children }))}
        />
      ))}
    </Flex>
  );
}
