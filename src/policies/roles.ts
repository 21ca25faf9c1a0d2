// The roles of domain.md and security.md. An account holds exactly one role, so no account can
// combine two of the three admin roles (三员分立, 等保 8.1.5 / 8.1.7).
import { ROLE_NAMES } from '../domain/role-names';

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

/** Every role's names (a role missing from ROLE_NAMES fails to compile here). */
const NAMES: Record<Role, { zh: string; en: string }> = ROLE_NAMES;

export const ROLE_LABELS = Object.fromEntries(ROLES.map((role) => [role, NAMES[role].zh])) as Record<
  Role,
  string
>;

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
