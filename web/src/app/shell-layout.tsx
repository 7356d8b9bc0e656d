import { useEffect, useState } from 'react';
import { Drawer, Grid, Layout, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meQueryOptions } from '../features/auth/me-query';
import { CurrentUserContext } from '../features/auth/current-user';
import { UnitNavTree } from '../features/units/unit-nav-tree';
import { isMemberOnly } from '../features/self-service/member-account';
import { AppHeader } from './app-header';

const SIDER_WIDTH = 300;

/** The signed-in frame: header, navigation tree (Sider on desktop, Drawer on phones) and the page. */
export function ShellLayout() {
  const { t } = useTranslation();
  const { data: me, isPending } = useQuery(meQueryOptions);
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.md;
  const [treeOpen, setTreeOpen] = useState(false);
  const navigate = useNavigate();
  const signedOut = !isPending && !me;

  // The session ended (logout elsewhere, expiry): go to login once, coming back here afterwards.
  useEffect(() => {
    if (!signedOut) return;
    const redirect = `${window.location.pathname}${window.location.search}`;
    void navigate({ to: '/login', search: redirect.startsWith('/login') ? {} : { redirect }, replace: true });
  }, [signedOut, navigate]);

  if (!me) return <Spin fullscreen />;
  // A member account sees its own record only: no organisation tree.
  const showTree = !isMemberOnly(me);

  return (
    <CurrentUserContext.Provider value={me}>
      <Layout style={{ minHeight: '100vh' }}>
        <AppHeader isMobile={isMobile} onOpenTree={showTree ? () => setTreeOpen(true) : undefined} />
        <Layout>
          {!isMobile && showTree && (
            <Layout.Sider
              width={SIDER_WIDTH}
              theme="light"
              style={{
                borderRight: '1px solid #f0f0f0',
                overflow: 'auto',
                height: 'calc(100vh - 64px)',
                position: 'sticky',
                top: 64,
              }}
            >
              <div style={{ padding: '12px 8px' }}>
                <Typography.Text type="secondary" strong style={{ paddingLeft: 8 }}>
                  {t('nav.tree')}
                </Typography.Text>
                <UnitNavTree />
              </div>
            </Layout.Sider>
          )}
          <Layout.Content className="app-content">
            <Outlet />
          </Layout.Content>
        </Layout>
        {isMobile && showTree && (
          <Drawer
            title={t('nav.tree')}
            placement="left"
            open={treeOpen}
            onClose={() => setTreeOpen(false)}
            size="85%"
            styles={{ body: { padding: 8 } }}
          >
            <UnitNavTree onNavigate={() => setTreeOpen(false)} />
          </Drawer>
        )}
      </Layout>
    </CurrentUserContext.Provider>
  );
}
