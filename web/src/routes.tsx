// The page table: every page of the app, one file each under pages/, loaded on first visit
// (React.lazy) so the first screen downloads only the shell. app-routes.tsx turns it into
// react-router routes inside the signed-in layout. Adding a page:
//   1. write web/src/pages/<name>.tsx with a default export `(props: PageProps) => JSX`;
//   2. add a row here (path, title key, the capability the role needs, the lazy import);
//   3. add it to the menu (menu.tsx) if it has a menu entry, and its strings to i18n/zh-CN.ts and en.ts.
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Capability } from './api/types';
import type { MessageKey } from './i18n';

export interface PageProps {
  /** The route's :params ("/projects/:id" → { id }). */
  params: Record<string, string>;
}

export interface RouteDef {
  /** "/admin/users", "/projects/:id" (react-router's path syntax). */
  path: string;
  title: MessageKey;
  page: LazyExoticComponent<ComponentType<PageProps>>;
  /** The role must have this capability (any of them, for a list); omitted: every signed-in account. */
  requires?: Capability | Capability[];
  /** The route above this one in the breadcrumb (a detail page names its list). */
  parent?: string;
  /** Drawn alone, without the menu, header and breadcrumb (the 大屏). */
  bare?: boolean;
}

export const ROUTES: RouteDef[] = [
  { path: '/', title: 'menu.dashboard', page: lazy(() => import('./pages/dashboard')) },
  // 待办: every account has one (its role and scope decide what is in it); where sign-in lands.
  { path: '/todos', title: 'menu.todos', page: lazy(() => import('./pages/todos')) },
  {
    path: '/projects',
    title: 'menu.projects',
    page: lazy(() => import('./pages/projects')),
    requires: 'project.read',
  },
  {
    path: '/projects/:id',
    title: 'projects.detail',
    page: lazy(() => import('./pages/project-detail')),
    requires: 'project.read',
    parent: '/projects',
  },
  {
    path: '/map',
    title: 'menu.map',
    page: lazy(() => import('./pages/map')),
    requires: 'stats.read',
  },
  {
    path: '/screen',
    title: 'menu.screen',
    page: lazy(() => import('./pages/big-screen')),
    requires: 'stats.read',
    bare: true,
  },
  {
    path: '/warnings',
    title: 'menu.warnings',
    page: lazy(() => import('./pages/warnings')),
    requires: 'stats.read',
  },
  {
    path: '/quality',
    title: 'menu.quality',
    page: lazy(() => import('./pages/data-quality')),
    requires: 'stats.read',
  },
  {
    path: '/ledgers/deals',
    title: 'menu.deals',
    page: lazy(() => import('./pages/deals')),
    requires: 'ledger.read',
  },
  {
    path: '/ledgers/reserve',
    title: 'menu.reserve',
    page: lazy(() => import('./pages/reserve')),
    requires: 'ledger.read',
  },
  {
    path: '/ledgers/approvals',
    title: 'menu.approvals',
    page: lazy(() => import('./pages/approvals')),
    requires: 'projectLedger.read',
  },
  {
    path: '/ledgers/issues',
    title: 'menu.issues',
    page: lazy(() => import('./pages/issues')),
    requires: 'projectLedger.read',
  },
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
  {
    path: '/reports/fill',
    title: 'menu.reportFill',
    page: lazy(() => import('./pages/report-fill')),
    requires: ['report.fill', 'report.read'],
  },
  {
    path: '/reports/review',
    title: 'menu.reportReview',
    page: lazy(() => import('./pages/report-review')),
    requires: 'report.review',
  },
  {
    path: '/reports',
    title: 'menu.reportOverview',
    page: lazy(() => import('./pages/report-overview')),
    requires: 'report.read',
  },
  {
    path: '/import',
    title: 'menu.import',
    page: lazy(() => import('./pages/import')),
    requires: ['data.import', 'regions.import'],
  },
  {
    path: '/evaluation',
    title: 'menu.evaluationResults',
    page: lazy(() => import('./pages/evaluation')),
    requires: 'evaluation.read',
  },
  {
    path: '/evaluation/results/:id',
    title: 'menu.evaluationResult',
    page: lazy(() => import('./pages/evaluation-published')),
    requires: 'evaluation.read',
    parent: '/evaluation',
  },
  {
    path: '/evaluation/schemes',
    title: 'menu.evaluationSchemes',
    page: lazy(() => import('./pages/schemes')),
    requires: 'evaluation.read',
  },
  {
    path: '/evaluation/entries',
    title: 'menu.evaluationEntries',
    page: lazy(() => import('./pages/evaluation-entries')),
    requires: 'evaluationEntry.read',
  },
  {
    path: '/evaluation/self-scores',
    title: 'menu.selfScores',
    page: lazy(() => import('./pages/evaluation-self-scores')),
    requires: 'selfScore.read',
  },
  {
    path: '/evaluation/honours',
    title: 'menu.honours',
    page: lazy(() => import('./pages/honours')),
    requires: 'honours.manage',
  },
  { path: '/account/password', title: 'menu.password', page: lazy(() => import('./pages/password')) },
  { path: '/account/totp', title: 'menu.totp', page: lazy(() => import('./pages/totp')) },
];

export function routeAllowed(route: RouteDef, can: (capability: Capability) => boolean): boolean {
  if (!route.requires) return true;
  const needs = Array.isArray(route.requires) ? route.requires : [route.requires];
  return needs.some(can);
}
