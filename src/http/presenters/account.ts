// Accounts as they leave the server: never the password hash or the TOTP secret.
import { z } from 'zod';
import { accountPermissions } from '../../policies/account-duties';
import type { Actor } from '../../policies/actor';
import { roleMay } from '../../policies/authorize';
import { ROLE_LABELS, ROLES, type Role } from '../../policies/roles';
import { type Action, RULES } from '../../policies/rules';
import type { PendingStep } from '../../services/auth/sessions';
import type { UserRow } from '../../services/row-types';
import { ZPermissions } from '../schema/common';

export const ZRole = z.enum(ROLES);

export const ZAccount = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  roleLabel: z.string(),
  regionCode: z.string().nullable(),
  projectCodes: z.array(z.string()),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  totpExempt: z.boolean(),
  demo: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  permissions: ZPermissions,
});

export function presentAccount(
  actor: Actor,
  user: UserRow,
  projectCodes: string[],
): z.input<typeof ZAccount> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    roleLabel: ROLE_LABELS[user.role as Role],
    regionCode: user.regionCode,
    projectCodes,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabled,
    totpExempt: user.totpExempt,
    demo: user.demo,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    version: user.version,
    permissions: accountPermissions(actor, {
      id: user.id,
      role: user.role as Role,
      disabled: user.disabled,
      totpEnabled: user.totpEnabled,
    }),
  };
}

export const ZSelf = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  roleLabel: z.string(),
  regionCode: z.string().nullable(),
  projectIds: z.array(z.number().int()),
  demo: z.boolean(),
  totpEnabled: z.boolean(),
  /** What the session must do before anything else: change the password, enrol TOTP. */
  pending: z.enum(['password_change', 'password_expired', 'totp_enrolment']).nullable(),
  /** Which actions the role may ever take, for menus. */
  capabilities: z.record(z.boolean()),
});

export function presentSelf(actor: Actor, user: UserRow, pending: PendingStep): z.input<typeof ZSelf> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    regionCode: user.regionCode,
    projectIds: [...actor.projectIds],
    demo: user.demo,
    totpEnabled: user.totpEnabled,
    pending,
    capabilities: Object.fromEntries(
      (Object.keys(RULES) as Action[]).map((action) => [action, roleMay(actor, action)]),
    ),
  };
}
