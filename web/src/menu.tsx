// The menu table: what the side menu shows, in order. An entry points at a route (routes.tsx)
// and is shown only when that route is allowed for the role; a group is shown when any of its
// entries is. The breadcrumb follows the same table (group › page).
import { AuditOutlined, DashboardOutlined, SettingOutlined, TeamOutlined, ToolOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Capability } from './api/types';
import type { MessageKey } from './i18n';
import { ROUTES, routeAllowed } from './routes';

export interface MenuEntry {
  /** A route path for a page, or a group's own key. */
  key: string;
  label: MessageKey;
  icon?: ReactNode;
  children?: MenuEntry[];
}

export const MENU: MenuEntry[] = [
  { key: '/', label: 'menu.dashboard', icon: <DashboardOutlined /> },
  {
    key: 'admin',
    label: 'menu.admin',
    icon: <ToolOutlined />,
    children: [
      { key: '/admin/users', label: 'menu.users', icon: <TeamOutlined /> },
      { key: '/admin/audit', label: 'menu.audit', icon: <AuditOutlined /> },
      { key: '/admin/settings', label: 'menu.settings', icon: <SettingOutlined /> },
    ],
  },
];

/** The menu as the role sees it: entries whose route is allowed, groups that keep an entry. */
export function visibleMenu(can: (capability: Capability) => boolean, entries = MENU): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const entry of entries) {
    if (entry.children) {
      const children = visibleMenu(can, entry.children);
      if (children.length > 0) out.push({ ...entry, children });
      continue;
    }
    const route = ROUTES.find((r) => r.path === entry.key);
    if (route && routeAllowed(route, can)) out.push(entry);
  }
  return out;
}

/** The chain of menu entries down to a route path ([group, page]); empty if it is not in the menu. */
export function menuTrail(path: string, entries = MENU): MenuEntry[] {
  for (const entry of entries) {
    if (entry.key === path) return [entry];
    if (entry.children) {
      const below = menuTrail(path, entry.children);
      if (below.length > 0) return [entry, ...below];
    }
  }
  return [];
}
