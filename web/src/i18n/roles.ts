// The roles' names as UI strings ('role.<role>'), from the one table of them (src/domain/role-names.ts).
import { ROLE_NAMES } from '../../../src/domain/role-names';

type RoleKey = `role.${keyof typeof ROLE_NAMES}`;

function roleMessages(language: 'zh' | 'en'): Record<RoleKey, string> {
  return Object.fromEntries(
    Object.entries(ROLE_NAMES).map(([role, names]) => [`role.${role}`, names[language]]),
  ) as Record<RoleKey, string>;
}

export const rolesZhCN = roleMessages('zh');
export const rolesEn = roleMessages('en');
