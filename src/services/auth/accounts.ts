// Account administration: create, edit, change role, disable, enable, reset password or second
// factor. Every change is audited in its transaction; those that change what an account may do
// end its sessions.
import { writeAudit } from '../../db/audit';
import { deleteUserSessions } from '../../db/auth/sessions';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  setUserProjects,
  type UserFilter,
  type UserRow,
  updateUser,
  userProjectCodes,
} from '../../db/auth/users';
import type { Database } from '../../db/client';
import { loadRegions } from '../../db/lookups';
import type { Page, PageRequest } from '../../db/paging';
import type { Tx } from '../../db/query';
import { isAdminRole, ROLE_LABELS, type Role } from '../../policies/roles';
import type { AuditContext } from '../context';
import { ConflictError, NotFoundError, RuleViolationError } from '../errors';
import { loadSettings } from '../settings';
import { checkBinding, USERNAME_PATTERN } from './account-binding';
import { generatePassword } from './one-time-password';
import { hashPassword } from './password-hash';
import { oneTimePasswordExpiry, rememberReplacedPassword } from './password-history';
import { passwordProblems } from './password-policy';

export interface NewAccount {
  username: string;
  displayName?: string;
  role: Role;
  regionCode?: string | null;
  projectCodes?: string[];
  /** Omitted: a one-time password is generated and returned. */
  password?: string;
  mustChangePassword?: boolean;
  /** Demo accounts only (serve --demo): flagged, and admin roles exempt from TOTP. */
  demo?: boolean;
}

export interface AccountView {
  user: UserRow;
  projectCodes: string[];
}

export async function createAccount(
  database: Database,
  ctx: AuditContext,
  input: NewAccount,
): Promise<{ account: AccountView; password: string | null }> {
  const { db } = database;
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw new RuleViolationError('用户名须为 3–32 位小写字母、数字或 _ . -，以字母或数字开头');
  }
  const displayName = input.displayName?.trim() || username;
  const generated = input.password === undefined ? generatePassword(username) : null;
  const password = input.password ?? generated!;
  const settings = await loadSettings(db);
  const problems = passwordProblems(password, {
    username,
    displayName,
    minLength: settings['password.minLength'],
  });
  if (problems.length > 0) throw new RuleViolationError('密码不符合密码策略', problems);
  const passwordHash = await hashPassword(password);
  const regions = await loadRegions(db);
  const account = await db.transaction(async (tx) => {
    const binding = await checkBinding(tx, regions, input.role, input.regionCode, input.projectCodes);
    const user = await insertUser(tx, {
      username,
      displayName,
      role: input.role,
      regionCode: binding.regionCode,
      passwordHash,
      passwordChangedAt: ctx.now,
      mustChangePassword: input.mustChangePassword ?? true,
      oneTimePasswordExpiresAt: generated ? oneTimePasswordExpiry(ctx.now) : null,
      demo: input.demo ?? false,
      totpExempt: (input.demo ?? false) && isAdminRole(input.role),
    });
    if (!user) throw new ConflictError(`用户名 ${username} 已存在`);
    await setUserProjects(tx, user.id, binding.projectIds);
    const view = { user, projectCodes: await userProjectCodes(tx, user.id) };
    await writeAudit(tx, { ...auditOf(ctx, 'user.create', user), outcome: 'ok', after: snapshot(view) });
    return view;
  });
  return { account, password: generated };
}

export interface AccountChange {
  displayName?: string;
  regionCode?: string | null;
  projectCodes?: string[];
}

/** Display name and bindings (sysadmin); the role stays as it is. */
export async function updateAccount(
  database: Database,
  ctx: AuditContext,
  id: number,
  version: number,
  change: AccountChange,
): Promise<AccountView> {
  return changeAccount(database, ctx, id, version, 'user.update', async (tx, before, regions) => {
    const role = before.user.role as Role;
    const binding = await checkBinding(
      tx,
      regions,
      role,
      change.regionCode === undefined ? before.user.regionCode : change.regionCode,
      change.projectCodes ?? before.projectCodes,
    );
    return {
      patch: {
        displayName: change.displayName?.trim() || before.user.displayName,
        regionCode: binding.regionCode,
      },
      binding,
    };
  });
}

/** The role, with the bindings the new role needs (secadmin). Sessions end: rights changed. */
export async function changeRole(
  database: Database,
  ctx: AuditContext,
  id: number,
  version: number,
  change: { role: Role; regionCode?: string | null; projectCodes?: string[] },
): Promise<AccountView> {
  return changeAccount(database, ctx, id, version, 'user.role', async (tx, before, regions) => {
    // Whoever issued a one-time password knows it: promoted with it unchanged, the account would be
    // theirs to sign in to and enrol (三员分立). The user changes it first.
    if (isAdminRole(change.role) && before.user.mustChangePassword) {
      throw new RuleViolationError(
        `账户 ${before.user.username} 的一次性密码尚未由本人修改，不能分配${ROLE_LABELS[change.role]}角色；请本人登录修改密码后再分配`,
      );
    }
    const binding = await checkBinding(
      tx,
      regions,
      change.role,
      change.regionCode ?? null,
      change.projectCodes,
    );
    // A new admin role needs its own second factor enrolment.
    const patch = {
      role: change.role,
      regionCode: binding.regionCode,
      totpEnabled: false,
      totpSecret: null,
      totpLastStep: null,
    };
    const keepTotp = before.user.role === change.role || !isAdminRole(change.role);
    return {
      patch: keepTotp ? { role: change.role, regionCode: binding.regionCode } : patch,
      binding,
      endSessions: true,
    };
  });
}

export async function setAccountDisabled(
  database: Database,
  ctx: AuditContext,
  id: number,
  version: number | undefined,
  disabled: boolean,
): Promise<AccountView> {
  return changeAccount(database, ctx, id, version, disabled ? 'user.disable' : 'user.enable', async () => ({
    patch: disabled ? { disabled: true } : { disabled: false, failedLogins: 0, lockedUntil: null },
    endSessions: disabled,
  }));
}

/** A new one-time password (valid 24 hours) the user must change at next login; the lock is lifted. */
export async function resetPassword(
  database: Database,
  ctx: AuditContext,
  id: number,
): Promise<{ account: AccountView; password: string }> {
  const before = await findUserById(database.db, id);
  if (!before) throw new NotFoundError('账户不存在');
  const password = generatePassword(before.username);
  const passwordHash = await hashPassword(password);
  const account = await changeAccount(
    database,
    ctx,
    id,
    undefined,
    'user.reset_password',
    async (tx, prior) => {
      // The password the user chose stays in the history: they cannot choose it again after the reset.
      await rememberReplacedPassword(tx, prior.user, ctx.now);
      return {
        patch: {
          passwordHash,
          passwordChangedAt: ctx.now,
          mustChangePassword: true,
          oneTimePasswordExpiresAt: oneTimePasswordExpiry(ctx.now),
          failedLogins: 0,
          lockedUntil: null,
        },
        endSessions: true,
      };
    },
  );
  return { account, password };
}

/** The second factor is cleared: an admin enrols a new one at next login (secadmin). */
export async function resetTotp(
  database: Database,
  ctx: AuditContext,
  id: number,
  version: number,
): Promise<AccountView> {
  return changeAccount(database, ctx, id, version, 'user.reset_totp', async () => ({
    patch: { totpEnabled: false, totpSecret: null, totpLastStep: null },
    endSessions: true,
  }));
}

export async function loadAccount(database: Database, id: number): Promise<AccountView> {
  const user = await findUserById(database.db, id);
  if (!user) throw new NotFoundError('账户不存在');
  return { user, projectCodes: await userProjectCodes(database.db, id) };
}

/** A page of accounts, each with the codes of the projects bound to it. */
export async function listAccounts(
  database: Database,
  filter: UserFilter,
  request: PageRequest,
): Promise<Page<AccountView>> {
  const page = await listUsers(database.db, filter, request);
  const items = await Promise.all(
    page.items.map(async (user) => ({ user, projectCodes: await userProjectCodes(database.db, user.id) })),
  );
  return { ...page, items };
}

/** The role of an account, for the rules of who may act on whose account (三员分立). */
export async function accountRole(database: Database, id: number): Promise<string> {
  const user = await findUserById(database.db, id);
  if (!user) throw new NotFoundError('账户不存在');
  return user.role;
}

export async function accountIdByUsername(database: Database, username: string): Promise<number> {
  const user = await findUserByUsername(database.db, username.trim().toLowerCase());
  if (!user) throw new NotFoundError(`账户 ${username} 不存在`);
  return user.id;
}

type Change = (
  tx: Tx,
  before: AccountView,
  regions: Awaited<ReturnType<typeof loadRegions>>,
) => Promise<{ patch: Partial<UserRow>; binding?: { projectIds: number[] }; endSessions?: boolean }>;

async function changeAccount(
  database: Database,
  ctx: AuditContext,
  id: number,
  version: number | undefined,
  action: string,
  change: Change,
): Promise<AccountView> {
  const regions = await loadRegions(database.db);
  return database.db.transaction(async (tx) => {
    const current = await findUserById(tx, id);
    if (!current) throw new NotFoundError('账户不存在');
    const before = { user: current, projectCodes: await userProjectCodes(tx, id) };
    const { patch, binding, endSessions } = await change(tx, before, regions);
    const user = await updateUser(tx, id, patch, version);
    if (!user) throw new ConflictError('账户已被他人修改，请刷新后重试');
    if (binding) await setUserProjects(tx, id, binding.projectIds);
    const ended = endSessions ? await deleteUserSessions(tx, id) : 0;
    const after = { user, projectCodes: await userProjectCodes(tx, id) };
    await writeAudit(tx, {
      ...auditOf(ctx, action, user),
      outcome: 'ok',
      before: snapshot(before),
      after: snapshot(after),
      details: endSessions ? { sessionsEnded: ended } : null,
    });
    return after;
  });
}

const auditOf = (ctx: AuditContext, action: string, user: UserRow) => ({
  actor: ctx.actor,
  ip: ctx.ip,
  action,
  targetType: 'user',
  targetId: user.username,
});

/** What the audit log keeps of an account: never the password hash or the TOTP secret. */
function snapshot(view: AccountView) {
  const { user } = view;
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    projectCodes: view.projectCodes,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabled,
    version: user.version,
  };
}
