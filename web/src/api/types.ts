// The shapes the API answers (src/http/presenters and src/http/routes/*.types.ts), written out
// for the browser: the web app talks to the server only through HTTP.

export const ROLES = [
  'sysadmin',
  'secadmin',
  'auditor',
  'province_officer',
  'city_officer',
  'county_officer',
  'project_owner',
  'leader',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];
/** Roles bound to a region (they see it and its descendants). */
export const REGION_ROLES: readonly Role[] = ['province_officer', 'city_officer', 'county_officer', 'viewer'];
/** Roles bound to projects by code. */
export const PROJECT_ROLES: readonly Role[] = ['project_owner', 'leader'];

/** The actions of src/policies/rules.ts, for `capabilities` (what the role may ever do). */
export type Capability =
  | 'region.read'
  | 'project.read'
  | 'project.create'
  | 'project.update'
  | 'project.delete'
  | 'report.read'
  | 'report.fill'
  | 'report.review'
  | 'ledger.read'
  | 'ledger.write'
  | 'projectLedger.read'
  | 'projectLedger.write'
  | 'stats.read'
  | 'data.export'
  | 'data.import'
  | 'regions.import'
  | 'user.read'
  | 'user.manage'
  | 'user.role'
  | 'settings.read'
  | 'settings.report'
  | 'settings.security'
  | 'audit.read'
  | 'evaluation.read'
  | 'evaluation.run'
  | 'evaluation.publish'
  | 'publicLink.manage'
  | 'honours.manage'
  | 'evaluationEntry.read'
  | 'evaluationEntry.enter'
  | 'evaluationEntry.approve'
  | 'evaluationEntry.revoke'
  | 'selfScore.read'
  | 'selfScore.report';

export type PendingStep = 'password_change' | 'password_expired' | 'totp_enrolment';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  regionCode: string | null;
  projectIds: number[];
  demo: boolean;
  totpEnabled: boolean;
  pending: PendingStep | null;
  capabilities: Partial<Record<Capability, boolean>>;
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
  expiresAt: string;
}

export interface DemoAccounts {
  password: string;
  note: string;
  accounts: {
    username: string;
    role: Role;
    roleLabel: string;
    displayName: string;
    regionCode: string | null;
    note: string;
  }[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  regionCode: string | null;
  projectCodes: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  totpExempt: boolean;
  demo: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
  permissions: Partial<
    Record<'update' | 'disable' | 'enable' | 'resetPassword' | 'changeRole' | 'resetTotp', boolean>
  >;
}

export interface AccountWithPassword {
  account: Account;
  password: string;
}

export type RegionKind = 'province' | 'city' | 'demo_zone' | 'county' | 'direct_county' | string;

export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
  kind: RegionKind;
}

export interface Stats {
  region: { code: string; name: string; kind: string };
  period: string;
  lists: string[];
  /** Amounts in 元 (a number, or a decimal string past 2^53); rates as fractions; null when undefined. */
  metrics: Record<string, number | string | null>;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'ok' | 'denied' | 'failed' | 'rejected' | string;
  before: unknown;
  after: unknown;
  details: unknown;
}

export interface SettingItem {
  key: string;
  group: 'report' | 'security';
  label: string;
  value: number | boolean;
  default: number | boolean;
  editable: boolean;
}

export interface SettingsView {
  items: SettingItem[];
}

export interface Report {
  id: number;
  year: number;
  month: number;
}
