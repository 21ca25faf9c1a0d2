// The frame every page sits in: a collapsible side menu (what the role may open), a header
// (working region, language, the account and sign-out), the breadcrumb and the page itself.
// On a phone (narrower than 576 px) the menu slides in as a drawer and the header keeps only
// what fits: the demo mark, the region, the language and the account's avatar.
import {
  DownOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  App as AntApp,
  Avatar,
  Badge,
  Breadcrumb,
  Button,
  Drawer,
  Dropdown,
  Grid,
  Layout,
  Menu,
  type MenuProps,
  Tag,
} from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Outlet, useMatches } from 'react-router';
import { useGet } from '../api/query';
import type { Todos } from '../api/todos-types';
import type { Me } from '../api/types';
import { ErrorBoundary } from '../components/error-boundary';
import { LanguageSwitch } from '../components/language-switch';
import { Loading } from '../components/states';
import { type Translate, useI18n } from '../i18n';
import { MENU_BADGES, type MenuEntry, menuTrail, visibleMenu } from '../menu';
import { RegionProvider } from '../regions';
import { Link, navigate, useLocation } from '../router';
import { ROUTES, type RouteDef, routeAllowed } from '../routes';
import { useCan, useSession } from '../session';
import { RegionPicker } from './region-picker';

const COLLAPSED_KEY = 'sibi.menuCollapsed';

export default function Shell({ me }: { me: Me }) {
  return (
    <AntApp>
      <RegionProvider home={me.regionCode}>
        <ShellLayout me={me} />
      </RegionProvider>
    </AntApp>
  );
}

function ShellLayout({ me }: { me: Me }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const can = useCan();
  // The page's row of routes.tsx (app-routes.tsx hands it to react-router as the route's handle);
  // none for an unknown address.
  const route = useMatches().at(-1)?.handle as RouteDef | undefined;
  const [collapsed, setCollapsed] = useState(() => readFlag(COLLAPSED_KEY));
  const screens = Grid.useBreakpoint();
  // before the first measurement every breakpoint is undefined: not a phone
  const phone = screens.sm === false;
  const [drawer, setDrawer] = useState(false);
  const menu = useMemo(() => visibleMenu(can), [can]);
  // The menu's badges: what is waiting (GET /api/todos counts), read again after the writes that change it.
  const counts = useGet<Todos>('/api/todos').data?.counts;
  const menuKey = route ? menuKeyOf(route) : null;
  const groupKeys = menuKey
    ? menuTrail(menuKey)
        .slice(0, -1)
        .map((e) => e.key)
    : [];
  const [openKeys, setOpenKeys] = useState<string[]>(groupKeys);
  const groupKeysText = groupKeys.join(',');

  // Opening a page opens its menu group (keeping whatever else the user opened).
  useEffect(() => {
    if (!groupKeysText) return;
    setOpenKeys((open) => [...new Set([...open, ...groupKeysText.split(',')])]);
  }, [groupKeysText]);

  const title = route ? t(route.title) : t('page.notFound.title');
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  const toggle = () => {
    if (phone) return setDrawer(!drawer);
    setCollapsed(!collapsed);
    writeFlag(COLLAPSED_KEY, !collapsed);
  };
  const menuOpen = phone ? drawer : !collapsed;

  const sideMenu = (
    <Menu
      theme="dark"
      mode="inline"
      data-testid="side-menu"
      items={menuItems(menu, t, counts)}
      selectedKeys={menuKey ? [menuKey] : []}
      openKeys={phone || !collapsed ? openKeys : undefined}
      onOpenChange={setOpenKeys}
      onClick={({ key, domEvent }) => {
        setDrawer(false);
        // the entry's label is a link (it opens in a new tab too); a click beside it navigates here
        if (!(domEvent.target as Element).closest('a')) navigate(key);
      }}
    />
  );
  const logo = (
    // The name is the link's text; collapsed, only the mark shows and the label names the link.
    <Link to="/" className="sibi-logo" aria-label={phone || !collapsed ? undefined : t('app.name')}>
      <span className="sibi-logo-mark" aria-hidden="true">
        四
      </span>
      {(phone || !collapsed) && <span className="sibi-logo-text">{t('app.name')}</span>}
    </Link>
  );

  const page = <Outlet />;

  // a bare route (the 大屏) fills the window without the menu, header and breadcrumb
  if (route?.bare && routeAllowed(route, can)) {
    return (
      <ErrorBoundary resetKey={pathname}>
        <Suspense fallback={<Loading />}>{page}</Suspense>
      </ErrorBoundary>
    );
  }

  return (
    <Layout className="sibi-shell" style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawer}
          onClose={() => setDrawer(false)}
          closable={false}
          size={240}
          className="sibi-menu-drawer"
          styles={{ body: { padding: 0 } }}
        >
          <div className="sibi-sider-inner">
            {logo}
            {sideMenu}
          </div>
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          trigger={null}
          width={220}
          collapsedWidth={64}
          breakpoint="lg"
          onBreakpoint={(broken) => broken && setCollapsed(true)}
        >
          <div className="sibi-sider-inner">
            {logo}
            {sideMenu}
          </div>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="sibi-header">
          <Button
            type="text"
            icon={menuOpen ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
            onClick={toggle}
            aria-label={menuOpen ? t('shell.collapse') : t('shell.expand')}
            data-testid="menu-toggle"
          />
          <div className="sibi-header-spacer" />
          {me.demo && (
            <Tag color="orange" title={t('app.demoBanner')}>
              {t(phone ? 'app.demoShort' : 'app.demoBanner')}
            </Tag>
          )}
          <RegionPicker />
          <LanguageSwitch />
          <UserMenu me={me} />
        </Layout.Header>
        <Layout.Content className={phone ? 'sibi-content sibi-content-phone' : 'sibi-content'}>
          <Breadcrumb className="sibi-breadcrumb" items={breadcrumb(route ?? null, t)} />
          <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<Loading />}>{page}</Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useI18n();
  const { logout } = useSession();
  const items: MenuProps['items'] = [
    { key: '/account/password', icon: <LockOutlined />, label: t('menu.password') },
    ...(me.totpEnabled
      ? []
      : [{ key: '/account/totp', icon: <SafetyCertificateOutlined />, label: t('menu.totp') }]),
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key !== 'logout') return navigate(key);
    void logout('logout').then(() => navigate('/login', { replace: true }));
  };
  return (
    <Dropdown trigger={['click']} menu={{ items, onClick }}>
      <span className="sibi-header-user" data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} />
        <span className="sibi-header-user-name">{me.displayName}</span>
        <Tag className="sibi-header-user-role">{t(`role.${me.role}`)}</Tag>
        <DownOutlined style={{ fontSize: 10 }} />
      </span>
    </Dropdown>
  );
}

function menuItems(entries: MenuEntry[], t: Translate, counts?: Todos['counts']): MenuProps['items'] {
  return entries.map((entry) => {
    if (entry.children)
      return {
        key: entry.key,
        icon: entry.icon,
        label: t(entry.label),
        children: menuItems(entry.children, t, counts),
      };
    const badge = MENU_BADGES[entry.key];
    const count = badge && counts ? counts[badge] : 0;
    const label = t(entry.label);
    return {
      key: entry.key,
      icon: entry.icon,
      label: (
        <Link to={entry.key}>
          {label}
          {count > 0 && (
            <Badge
              count={count}
              overflowCount={999}
              size="small"
              className="sibi-menu-badge"
              data-testid={`menu-badge-${badge}`}
            />
          )}
        </Link>
      ),
    };
  });
}

/** The menu entry a route belongs to: itself, or the nearest parent route that is in the menu. */
function menuKeyOf(route: RouteDef): string | null {
  let current: RouteDef | undefined = route;
  while (current) {
    if (menuTrail(current.path).length > 0) return current.path;
    current = current.parent ? ROUTES.find((r) => r.path === current!.parent) : undefined;
  }
  return null;
}

function breadcrumb(route: RouteDef | null, t: Translate) {
  const home = { key: 'home', title: <Link to="/">{t('shell.home')}</Link> };
  if (!route) return [home];
  if (route.path === '/') return [{ key: '/', title: t(route.title) }];
  const parents: RouteDef[] = [];
  for (let p = route.parent; p; ) {
    const parent = ROUTES.find((r) => r.path === p);
    if (!parent) break;
    parents.unshift(parent);
    p = parent.parent;
  }
  const groups = menuTrail(parents[0]?.path ?? route.path).slice(0, -1);
  return [
    home,
    ...groups.map((g) => ({ key: g.key, title: t(g.label) })),
    ...parents.map((p) => ({ key: p.path, title: <Link to={p.path}>{t(p.title)}</Link> })),
    { key: route.path, title: t(route.title) },
  ];
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string, value: boolean): void {
  try {
    localStorage.setItem(key, value ? '1' : '0');
  } catch {
    // Not remembered; harmless.
  }
}
