import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  HistoryOutlined,
  IdcardOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth/current-user';

export interface NavItem {
  key: string;
  label: string;
  icon: ReactNode;
  /** Where the item leads. */
  to: string;
}

/** The main menu, filtered by what the account may do. */
export function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const firstRoot = me.scopeRoots[0];
  const items: (NavItem | false)[] = [
    {
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
    me.actions.includes('account.read') && {
      key: 'accounts',
      label: t('nav.accounts'),
      icon: <TeamOutlined />,
      to: '/accounts',
    },
    me.actions.includes('audit.read') && { key: 'audit', label: t('nav.audit'), icon: <AuditOutlined />, to: '/audit' },
    me.actions.includes('unitKind.manage') && {
      key: 'unit-kinds',
      label: t('nav.unitKinds'),
      icon: <TagsOutlined />,
      to: '/unit-kinds',
    },
    { key: 'org-history', label: t('nav.orgHistory'), icon: <HistoryOutlined />, to: '/org-history' },
  ];
  return items.filter((i): i is NavItem => Boolean(i));
}

/** The menu key of the current page. */
export function useSelectedNavKey(): string {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  if (pathname.startsWith('/members') || /^\/units\/[^/]+\/member/.test(pathname)) return 'members';
  if (pathname.startsWith('/units')) return 'org';
  if (pathname.startsWith('/accounts')) return 'accounts';
  if (pathname.startsWith('/audit')) return 'audit';
  if (pathname.startsWith('/unit-kinds')) return 'unit-kinds';
  if (pathname.startsWith('/org-history')) return 'org-history';
  if (pathname.startsWith('/account/password')) return 'password';
  return '';
}
