// Who may do what to whose account (三员分立, issue #14 item 7), as one table: the routes authorize
// through RULES ('user.manage', 'user.role'), the account presenter shows these permissions, and
// docs/accounts.md prints the same table. Admin accounts' passwords are reset and admin accounts are
// disabled or enabled only by the operator on the server (`sibi user …`, audited as cli:<OS user>).
import type { Actor, UserTarget } from './actor';
import { can } from './authorize';
import type { Action } from './rules';

export const ACCOUNT_ACTIONS = [
  'update',
  'disable',
  'enable',
  'resetPassword',
  'changeRole',
  'resetTotp',
] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

/** The rule each account action is authorized by. */
export const ACCOUNT_ACTION_RULE: Record<AccountAction, Extract<Action, 'user.manage' | 'user.role'>> = {
  update: 'user.manage',
  disable: 'user.manage',
  enable: 'user.manage',
  resetPassword: 'user.manage',
  changeRole: 'user.role',
  resetTotp: 'user.role',
};

/** Whether the actor may take the action on the account. */
export function mayActOnAccount(actor: Actor, action: AccountAction, target: UserTarget): boolean {
  return can(actor, ACCOUNT_ACTION_RULE[action], target);
}

/** The actions the actor may take on the account as it stands (a disabled account can only be enabled). */
export function accountPermissions(
  actor: Actor,
  target: UserTarget & { disabled: boolean; totpEnabled: boolean },
): Record<AccountAction, boolean> {
  const may = (action: AccountAction) => mayActOnAccount(actor, action, target);
  return {
    update: may('update'),
    disable: may('disable') && !target.disabled,
    enable: may('enable') && target.disabled,
    resetPassword: may('resetPassword'),
    changeRole: may('changeRole'),
    resetTotp: may('resetTotp') && target.totpEnabled,
  };
}
