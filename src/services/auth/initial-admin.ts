// A fresh installation has no usable default account: the first start creates `admin`
// (系统管理员) with a generated password, shown once, to be changed at first login.
import { countUsers } from '../../db/auth/users';
import type { Database } from '../../db/client';
import { ConflictError } from '../errors';
import { createAccount } from './accounts';

export const INITIAL_ADMIN = 'admin';

/** Returns the generated password when this call created the account, otherwise null. */
export async function ensureInitialAdmin(database: Database, now: Date): Promise<string | null> {
  if ((await countUsers(database.db)) > 0) return null;
  try {
    const { password } = await createAccount(
      database,
      { actor: 'system', ip: null, now },
      { username: INITIAL_ADMIN, displayName: '系统管理员', role: 'sysadmin', mustChangePassword: true },
    );
    return password;
  } catch (error) {
    // Another instance created it first.
    if (error instanceof ConflictError) return null;
    throw error;
  }
}
