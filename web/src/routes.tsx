// The route table: every page of the app, one file each under pages/, loaded on first visit
// (React.lazy) so the first screen downloads only the shell. Adding a page:
//   1. write web/src/pages/<name>.tsx with a default export `(props: PageProps) => JSX`;
//   2. add a row here (path, title key, the capability the role needs, the lazy import);
//   3. add it to the menu (menu.tsx) if it has a menu entry, and its strings to i18n/zh-CN.ts and en.ts.
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Capability } from './api/types';
import type { MessageKey } from './i18n';
import { matchPath } from './router';

export interface PageProps {
  /** The route's :params ("/projects/:id" → { id }). */
  params: Record<string, string>;
}

export interface RouteDef {
  /** "/admin/users", "/projects/:id". */
  path: string;
  title: MessageKey;
  page: LazyExoticComponent<ComponentType<PageProps>>;
  /** The role must have this capability (any of them, for a list); omitted: every signed-in account. */
  requires?: Capability | Capability[];
  /** The route above this one in the breadcrumb (a detail page names its list). */
  parent?: string;
}

export const ROUTES: RouteDef[] = [
  { path: '/', title: 'menu.dashboard', page: lazy(() => import('./pages/dashboard')) },
  {
    path: '/admin/users',
    title: 'menu.users',
    page: lazy(() => import('./pages/users')),
    requires: 'user.read',
  },
  {
    path: '/admin/audit',
    title: 'menu.audit',
    page: lazy(() => import('./pages/audit')),
    requires: 'audit.read',
  },
  {
    path: '/admin/settings',
    title: 'menu.settings',
    page: lazy(() => import('./pages/settings')),
    requires: 'settings.read',
  },
  { path: '/account/password', title: 'menu.password', page: lazy(() => import('./pages/password')) },
  { path: '/account/totp', title: 'menu.totp', page: lazy(() => import('./pages/totp')) },
];

export function findRoute(pathname: string): { route: RouteDef; params: Record<string, string> } | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

export function routeAllowed(route: RouteDef, can: (capability: Capability) => boolean): boolean {
  if (!route.requires) return true;
  const needs = Array.isArray(route.requires) ? route.requires : [route.requires];
  return needs.some(can);
}
