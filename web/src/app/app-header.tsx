import { useState } from 'react';
import { Button, Drawer, Dropdown, Layout, Menu, Typography } from 'antd';
import { ApartmentOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth/current-user';
import { useLogout } from '../features/auth/use-logout';
import { LanguageSwitch } from './language-switch';
import { NAV_GROUPS, useNavItems, useSelectedNavKey } from './nav-items';
import { groupedMenuItems } from './nav-menu';

const HEADER_BG = '#0d47a1';

/** The top bar: app name, menu, language, the account's name and its actions. */
export function AppHeader({ isMobile, onOpenTree }: { isMobile: boolean; onOpenTree?: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const navItems = useNavItems();
  const selected = useSelectedNavKey();
  const [menuOpen, setMenuOpen] = useState(false);

  const go = (key: string) => {
    setMenuOpen(false);
    if (key === 'logout') logout.mutate();
    else if (key === 'password') void navigate({ to: '/account/password' });
    else {
      const item = navItems.find((i) => i.key === key);
      if (item) void navigate({ to: item.to });
    }
  };
  const menuItems = groupedMenuItems(navItems, (group) => t(`nav.group.${group}`));
  const accountItems = [
    { key: 'password', label: t('nav.changePassword'), icon: <KeyOutlined /> },
    { key: 'logout', label: t('nav.logout'), icon: <LogoutOutlined />, danger: true },
  ];

  return (
    <Layout.Header className="app-header" style={{ background: HEADER_BG }}>
      {isMobile && onOpenTree && (
        <Button
          type="text"
          aria-label={t('nav.openTree')}
          data-testid="open-tree"
          icon={<ApartmentOutlined style={{ color: '#fff', fontSize: 18 }} />}
          onClick={onOpenTree}
        />
      )}
      <Link to="/" className="app-brand">
        {t('app.name')}
      </Link>
      {isMobile ? (
        <div className="app-header-spacer" />
      ) : (
        <Menu
          mode="horizontal"
          triggerSubMenuAction="click"
          theme="dark"
          selectedKeys={[selected]}
          items={menuItems}
          onClick={(e) => go(e.key)}
          style={{ background: 'transparent' }}
        />
      )}
      <LanguageSwitch compact={isMobile} />
      {isMobile ? (
        <Button
          type="text"
          aria-label={t('nav.openMenu')}
          data-testid="open-menu"
          icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
          onClick={() => setMenuOpen(true)}
        />
      ) : (
        <Dropdown menu={{ items: accountItems, onClick: (e) => go(e.key) }} trigger={['click']}>
          <Button type="text" data-testid="user-menu" style={{ color: '#fff' }} icon={<UserOutlined />}>
            {me.name}
          </Button>
        </Dropdown>
      )}
      {isMobile && (
        <Drawer
          title={
            <Typography.Text strong>
              <UserOutlined /> {me.name}
            </Typography.Text>
          }
          placement="right"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size="80%"
          styles={{ body: { padding: 0 } }}
        >
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={[...NAV_GROUPS]}
            items={[...menuItems, { type: 'divider' }, ...accountItems]}
            onClick={(e) => go(e.key)}
            style={{ borderInlineEnd: 'none' }}
          />
        </Drawer>
      )}
    </Layout.Header>
  );
}
