import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DollarOutlined,
  FormOutlined,
  HeartOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ScheduleOutlined,
  CreditCardOutlined,
  FileSyncOutlined,
  FileTextOutlined,
  FlagOutlined,
  HistoryOutlined,
  IdcardOutlined,
  LineChartOutlined,
  ProfileOutlined,
  SolutionOutlined,
  SwapOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserAddOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useRouterState } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth/current-user';
import { hasSelfService, isMemberOnly } from '../features/self-service/member-account';

/**
 * Menu groups: branch life (chi đoàn), procedures (nghiệp vụ), evaluation and rating (đánh giá, xếp loại) and system
 * administration; items without a group stay on top.
 */
export const NAV_GROUPS = ['branch', 'procedures', 'evaluation', 'system'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavItem {
  key: string;
  label: string;
  icon: ReactNode;
  /** Where the item leads. */
  to: string;
  group?: NavGroup;
}

/** The main menu, filtered by what the account may do. */
export function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const firstRoot = me.scopeRoots[0];
  const memberOnly = isMemberOnly(me);
  const items: (NavItem | false)[] = [
    hasSelfService(me) && { key: 'my-profile', label: t('nav.myProfile'), icon: <ProfileOutlined />, to: '/me' },
    hasSelfService(me) && { key: 'my-card', label: t('nav.myCard'), icon: <CreditCardOutlined />, to: '/me/card' },
    !memberOnly && {
      key: 'org',
      label: t('nav.organisation'),
      icon: <ApartmentOutlined />,
      to: firstRoot ? `/units/${firstRoot.id}` : '/',
    },
    me.actions.includes('member.read') &&
      Boolean(firstRoot) && {
        key: 'members',
        label: t('nav.members'),
        icon: <IdcardOutlined />,
        to: `/units/${firstRoot?.id}/members`,
      },
    ...branchLifeItems(t, me.actions.includes('member.read'), hasSelfService(me)),
    ...evaluationItems(t, me.actions.includes('member.read'), hasSelfService(me)),
    me.actions.includes('member.write') && {
      key: 'change-requests',
      group: 'procedures',
      label: t('nav.changeRequests'),
      icon: <FileSyncOutlined />,
      to: '/member-change-requests',
    },
    me.actions.includes('member.read') && {
      key: 'admissions',
      group: 'procedures',
      label: t('admission.nav'),
      icon: <UserAddOutlined />,
      to: '/admissions',
    },
    me.actions.includes('member.read') && {
      key: 'transfers',
      group: 'procedures',
      label: t('transfer.nav'),
      icon: <SwapOutlined />,
      to: '/transfers',
    },
    me.actions.includes('member.read') && {
      key: 'coming-of-age',
      group: 'procedures',
      label: t('comingOfAge.nav'),
      icon: <TrophyOutlined />,
      to: '/coming-of-age',
    },
    me.actions.includes('member.read') && {
      key: 'discipline',
      group: 'procedures',
      label: t('discipline.nav'),
      icon: <WarningOutlined />,
      to: '/discipline',
    },
    me.actions.includes('member.read') && {
      key: 'party-introductions',
      group: 'procedures',
      label: t('partyIntro.nav'),
      icon: <FlagOutlined />,
      to: '/party-introductions',
    },
    me.actions.includes('account.read') && {
      key: 'accounts',
      group: 'system',
      label: t('nav.accounts'),
      icon: <TeamOutlined />,
      to: '/accounts',
    },
    me.actions.includes('audit.read') && {
      key: 'audit',
      group: 'system',
      label: t('nav.audit'),
      icon: <AuditOutlined />,
      to: '/audit',
    },
    me.actions.includes('unitKind.manage') && {
      key: 'unit-kinds',
      group: 'system',
      label: t('nav.unitKinds'),
      icon: <TagsOutlined />,
      to: '/unit-kinds',
    },
    me.actions.includes('member.read') && {
      key: 'documents',
      group: 'procedures',
      label: t('nav.documents'),
      icon: <FileTextOutlined />,
      to: '/documents',
    },
    me.actions.includes('unit.read') && {
      key: 'rules',
      group: 'system',
      label: t('nav.rules'),
      icon: <SolutionOutlined />,
      to: '/rules',
    },
    !memberOnly && {
      key: 'org-history',
      group: 'system',
      label: t('nav.orgHistory'),
      icon: <HistoryOutlined />,
      to: '/org-history',
    },
  ];
  return items.filter((i): i is NavItem => Boolean(i));
}

/**
 * Branch life: cadres (who read members) get the "Chi đoàn" group; a member account gets its announcements,
 * surveys and meeting calendar on top.
 */
function branchLifeItems(t: TFunction, cadre: boolean, member: boolean): NavItem[] {
  const group: NavGroup | undefined = cadre ? 'branch' : undefined;
  const items: (NavItem | false)[] = [
    cadre && { key: 'meetings', group, label: t('nav.meetings'), icon: <ScheduleOutlined />, to: '/meetings' },
    (cadre || member) && {
      key: 'calendar',
      group,
      label: t('nav.calendar'),
      icon: <CalendarOutlined />,
      to: '/calendar',
    },
    cadre && { key: 'fees', group, label: t('nav.fees'), icon: <DollarOutlined />, to: '/fees' },
    cadre && { key: 'care', group, label: t('nav.care'), icon: <HeartOutlined />, to: '/care' },
    (cadre || member) && {
      key: 'announcements',
      group,
      label: t('nav.announcements'),
      icon: <NotificationOutlined />,
      to: '/announcements',
    },
    (cadre || member) && { key: 'surveys', group, label: t('nav.surveys'), icon: <FormOutlined />, to: '/surveys' },
    cadre && { key: 'indicators', group, label: t('nav.indicators'), icon: <BarChartOutlined />, to: '/indicators' },
  ];
  return items.filter((i): i is NavItem => Boolean(i));
}

/**
 * Đánh giá, xếp loại: cadres get cycles, results and criteria sets in their own group, with the self-assessments
 * of their units; a member account gets its own self-assessment on top, beside its record.
 */
function evaluationItems(t: TFunction, cadre: boolean, member: boolean): NavItem[] {
  const group: NavGroup | undefined = cadre ? 'evaluation' : undefined;
  const items: (NavItem | false)[] = [
    cadre && {
      key: 'evaluation-cycles',
      group,
      label: t('nav.evaluationCycles'),
      icon: <AuditOutlined />,
      to: '/evaluations',
    },
    cadre && {
      key: 'evaluation-dashboard',
      group,
      label: t('nav.evaluationDashboard'),
      icon: <LineChartOutlined />,
      to: '/evaluations/dashboard',
    },
    cadre && {
      key: 'criteria-sets',
      group,
      label: t('nav.criteriaSets'),
      icon: <OrderedListOutlined />,
      to: '/evaluations/criteria-sets',
    },
    (cadre || member) && {
      key: 'my-evaluations',
      group,
      label: t('nav.myEvaluations'),
      icon: <CheckSquareOutlined />,
      to: '/evaluations/mine',
    },
  ];
  return items.filter((i): i is NavItem => Boolean(i));
}

/** The menu key of the current page. */
export function useSelectedNavKey(): string {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  if (pathname.startsWith('/me/card')) return 'my-card';
  if (pathname === '/me') return 'my-profile';
  if (pathname.startsWith('/member-change-requests')) return 'change-requests';
  if (pathname.startsWith('/meetings') || pathname.startsWith('/checkin')) return 'meetings';
  if (pathname.startsWith('/calendar')) return 'calendar';
  if (pathname.startsWith('/fees')) return 'fees';
  if (pathname.startsWith('/care')) return 'care';
  if (pathname.startsWith('/announcements')) return 'announcements';
  if (pathname.startsWith('/surveys')) return 'surveys';
  if (pathname.startsWith('/indicators') || /^\/units\/[^/]+\/branch-book/.test(pathname)) return 'indicators';
  if (pathname.startsWith('/evaluations/mine')) return 'my-evaluations';
  if (pathname.startsWith('/evaluations/dashboard')) return 'evaluation-dashboard';
  if (pathname.startsWith('/evaluations/criteria-sets')) return 'criteria-sets';
  if (pathname.startsWith('/evaluations')) return 'evaluation-cycles';
  if (pathname.startsWith('/transfers')) return 'transfers';
  if (pathname.startsWith('/coming-of-age')) return 'coming-of-age';
  if (pathname.startsWith('/discipline')) return 'discipline';
  if (pathname.startsWith('/party-introductions')) return 'party-introductions';
  if (pathname.startsWith('/admissions') || /^\/units\/[^/]+\/cards/.test(pathname)) return 'admissions';
  if (pathname.startsWith('/members') || /^\/units\/[^/]+\/member/.test(pathname)) return 'members';
  if (pathname.startsWith('/units')) return 'org';
  if (pathname.startsWith('/accounts')) return 'accounts';
  if (pathname.startsWith('/audit')) return 'audit';
  if (pathname.startsWith('/unit-kinds')) return 'unit-kinds';
  if (pathname.startsWith('/org-history')) return 'org-history';
  if (pathname.startsWith('/documents')) return 'documents';
  if (pathname.startsWith('/rules')) return 'rules';
  if (pathname.startsWith('/account/password')) return 'password';
  return '';
}
