// The menu table: what the side menu shows, in order. An entry points at a route (routes.tsx)
// and is shown only when that route is allowed for the role; a group is shown when any of its
// entries is. The breadcrumb follows the same table (group › page).
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BulbOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  CrownOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DiffOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FormOutlined,
  ProfileOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
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
  { key: '/todos', label: 'menu.todos', icon: <CarryOutOutlined /> },
  { key: '/map', label: 'menu.map', icon: <EnvironmentOutlined /> },
  { key: '/projects', label: 'menu.projects', icon: <ProjectOutlined /> },
  { key: '/warnings', label: 'menu.warnings', icon: <WarningOutlined /> },
  { key: '/quality', label: 'menu.quality', icon: <FileSearchOutlined /> },
  {
    key: 'reports',
    label: 'menu.reports',
    icon: <ScheduleOutlined />,
    children: [
      { key: '/reports/fill', label: 'menu.reportFill', icon: <FormOutlined /> },
      { key: '/reports/review', label: 'menu.reportReview', icon: <CheckSquareOutlined /> },
      { key: '/reports', label: 'menu.reportOverview', icon: <FileDoneOutlined /> },
    ],
  },
  {
    key: 'ledgers',
    label: 'menu.ledgers',
    icon: <DatabaseOutlined />,
    children: [
      { key: '/ledgers/deals', label: 'menu.deals', icon: <DollarOutlined /> },
      { key: '/ledgers/reserve', label: 'menu.reserve', icon: <BulbOutlined /> },
      { key: '/ledgers/approvals', label: 'menu.approvals', icon: <SafetyCertificateOutlined /> },
      { key: '/ledgers/issues', label: 'menu.issues', icon: <AlertOutlined /> },
    ],
  },
  { key: '/import', label: 'menu.import', icon: <UploadOutlined /> },
  {
    key: 'evaluation',
    label: 'menu.evaluation',
    icon: <TrophyOutlined />,
    children: [
      { key: '/evaluation', label: 'menu.evaluationResults', icon: <BarChartOutlined /> },
      { key: '/evaluation/schemes', label: 'menu.evaluationSchemes', icon: <ProfileOutlined /> },
      { key: '/evaluation/entries', label: 'menu.evaluationEntries', icon: <DiffOutlined /> },
      { key: '/evaluation/self-scores', label: 'menu.selfScores', icon: <FormOutlined /> },
      { key: '/evaluation/honours', label: 'menu.honours', icon: <CrownOutlined /> },
    ],
  },
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

/** The entries that carry a count from GET /api/todos (its `counts`) as a badge. */
export const MENU_BADGES: Readonly<Record<string, 'todos' | 'fill' | 'review' | 'entries'>> = {
  '/todos': 'todos',
  '/reports/fill': 'fill',
  '/reports/review': 'review',
  '/evaluation/entries': 'entries',
};

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
