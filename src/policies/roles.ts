// The roles of domain.md and security.md. An account holds exactly one role, so no account can
// combine two of the three admin roles (三员分立, 等保 8.1.5 / 8.1.7).

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

export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const satisfies readonly Role[];
export const OFFICER_ROLES = [
  'province_officer',
  'city_officer',
  'county_officer',
] as const satisfies readonly Role[];
/** Roles bound to a region: they see that region and its descendants. */
export const REGION_ROLES = [...OFFICER_ROLES, 'viewer'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
  province_officer: '省级管理员',
  city_officer: '市级管理员',
  county_officer: '县级管理员',
  project_owner: '项目单位',
  leader: '分包领导',
  viewer: '查看者',
};

export function isAdminRole(role: Role): boolean {
  return (ADMIN_ROLES as readonly Role[]).includes(role);
}

export function isOfficer(role: Role): boolean {
  return (OFFICER_ROLES as readonly Role[]).includes(role);
}

export function needsRegion(role: Role): boolean {
  return (REGION_ROLES as readonly Role[]).includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The region kinds an officer of each level may be bound to. */
export const OFFICER_REGION_KINDS: Record<(typeof OFFICER_ROLES)[number], readonly string[]> = {
  province_officer: ['province'],
  city_officer: ['city', 'demo_zone'],
  county_officer: ['county', 'direct_county'],
};
