// The account-duties table as pure functions: every actor role × every target role × every account
// action (the HTTP form of the same table is src/http/routes/users-duties.test.ts).
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ACTIONS, accountPermissions, mayActOnAccount } from './account-duties';
import type { Actor } from './actor';
import { ADMIN_ROLES, ROLES, type Role } from './roles';

const actorOf = (role: Role, id: number): Actor => ({
  id,
  username: `a${id}`,
  displayName: `a${id}`,
  role,
  regionCode: null,
  scope: new Set(),
  projectIds: new Set(),
});

/** Written out, not derived from the code under test. */
function expected(actor: Role, action: string, target: Role): boolean {
  const business = !(ADMIN_ROLES as readonly Role[]).includes(target);
  if (['update', 'disable', 'enable', 'resetPassword'].includes(action))
    return actor === 'sysadmin' && business;
  return actor === 'secadmin';
}

describe('who may act on whose account (三员分立)', () => {
  it('follows the table for every actor role, target role and action', () => {
    const wrong: string[] = [];
    for (const [i, actorRole] of ROLES.entries()) {
      for (const targetRole of ROLES) {
        for (const action of ACCOUNT_ACTIONS) {
          const got = mayActOnAccount(actorOf(actorRole, i + 1), action, { id: 100, role: targetRole });
          if (got !== expected(actorRole, action, targetRole))
            wrong.push(`${actorRole} ${action} ${targetRole}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never lets an account act on itself', () => {
    for (const role of ROLES) {
      for (const action of ACCOUNT_ACTIONS) {
        expect(mayActOnAccount(actorOf(role, 7), action, { id: 7, role }), `${role} ${action}`).toBe(false);
      }
    }
  });

  it('offers disable only for an enabled account, enable only for a disabled one, a TOTP reset only when enrolled', () => {
    const sysadmin = actorOf('sysadmin', 1);
    const secadmin = actorOf('secadmin', 2);
    const viewer = { id: 9, role: 'viewer' as const };
    expect(accountPermissions(sysadmin, { ...viewer, disabled: false, totpEnabled: false })).toEqual({
      update: true,
      disable: true,
      enable: false,
      resetPassword: true,
      changeRole: false,
      resetTotp: false,
    });
    expect(accountPermissions(sysadmin, { ...viewer, disabled: true, totpEnabled: false })).toMatchObject({
      disable: false,
      enable: true,
    });
    expect(
      accountPermissions(secadmin, { id: 3, role: 'auditor', disabled: false, totpEnabled: true }),
    ).toEqual({
      update: false,
      disable: false,
      enable: false,
      resetPassword: false,
      changeRole: true,
      resetTotp: true,
    });
  });
});
