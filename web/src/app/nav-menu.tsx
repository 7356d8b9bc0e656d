import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { AppstoreOutlined, SettingOutlined, StarOutlined, TeamOutlined } from '@ant-design/icons';
import { NAV_GROUPS, type NavGroup, type NavItem } from './nav-items';

/** An antd menu entry: a page, or a group of pages. */
export type MenuEntry = Required<MenuProps>['items'][number];

const GROUP_ICONS: Record<NavGroup, ReactNode> = {
  branch: <TeamOutlined />,
  procedures: <AppstoreOutlined />,
  evaluation: <StarOutlined />,
  system: <SettingOutlined />,
};

/**
 * Top-level pages first, then one submenu per group that has pages; a group with a single page shows
 * that page on top instead of a one-item submenu.
 */
export function groupedMenuItems(items: readonly NavItem[], groupLabel: (group: NavGroup) => string): MenuEntry[] {
  const entry = (i: NavItem): MenuEntry => ({ key: i.key, label: i.label, icon: i.icon });
  const top = items.filter((i) => !i.group).map(entry);
  for (const group of NAV_GROUPS) {
    const inGroup = items.filter((i) => i.group === group);
    if (inGroup.length === 1) top.push(entry(inGroup[0]!));
    if (inGroup.length > 1)
      top.push({ key: group, label: groupLabel(group), icon: GROUP_ICONS[group], children: inGroup.map(entry) });
  }
  return top;
}
