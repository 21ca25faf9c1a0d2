// Demonstration accounts for `sibi serve --demo`: one per role, one documented password,
// flagged `demo`; the admin roles among them skip TOTP (and say so). Never for production data.
import { findUserByUsername } from '../../db/auth/users';
import type { Database } from '../../db/client';
import { projectCodesInRegion, regionExists } from '../../db/lookups';
import { ROLE_LABELS, type Role } from '../../policies/roles';
import { createAccount } from './accounts';

export const DEMO_PASSWORD = 'Sibi#Demo2020';

export interface DemoAccount {
  username: string;
  role: Role;
  roleLabel: string;
  displayName: string;
  regionCode: string | null;
  note: string;
}

const DEMO: Omit<DemoAccount, 'roleLabel'>[] = [
  {
    username: 'demo_province',
    role: 'province_officer',
    displayName: '省重点项目办',
    regionCode: '410000',
    note: '全省；审核省辖市项目月报',
  },
  {
    username: 'demo_city',
    role: 'city_officer',
    displayName: '洛阳市重点项目办',
    regionCode: '410300',
    note: '洛阳市及所辖县区；审核县区月报',
  },
  {
    username: 'demo_county',
    role: 'county_officer',
    displayName: '孟津县发改委',
    regionCode: '410322',
    note: '孟津县；填报并提交本县项目月报',
  },
  {
    username: 'demo_owner',
    role: 'project_owner',
    displayName: '演示项目单位',
    regionCode: null,
    note: '只填报所绑定项目的月报',
  },
  {
    username: 'demo_leader',
    role: 'leader',
    displayName: '演示分包领导',
    regionCode: null,
    note: '只读所分包的项目',
  },
  {
    username: 'demo_viewer',
    role: 'viewer',
    displayName: '洛阳市查看者',
    regionCode: '410300',
    note: '只读洛阳市数据',
  },
  {
    username: 'demo_sysadmin',
    role: 'sysadmin',
    displayName: '演示系统管理员',
    regionCode: null,
    note: '账户与月报设置；演示账户免动态验证码',
  },
  {
    username: 'demo_secadmin',
    role: 'secadmin',
    displayName: '演示安全管理员',
    regionCode: null,
    note: '角色与安全策略；演示账户免动态验证码',
  },
  {
    username: 'demo_auditor',
    role: 'auditor',
    displayName: '演示审计管理员',
    regionCode: null,
    note: '只读审计日志；演示账户免动态验证码',
  },
];

export function demoAccounts(): DemoAccount[] {
  return DEMO.map((a) => ({ ...a, roleLabel: ROLE_LABELS[a.role] }));
}

/** Creates the demo accounts that do not exist yet (running it twice changes nothing). */
export async function ensureDemoAccounts(database: Database, now: Date): Promise<string[]> {
  const ctx = { actor: 'system', ip: null, now };
  const created: string[] = [];
  const ownerProjects = await projectCodesInRegion(database.db, '410322', 2);
  for (const account of DEMO) {
    if (await findUserByUsername(database.db, account.username)) continue;
    if (account.regionCode && !(await regionExists(database.db, account.regionCode))) continue;
    const projectCodes =
      account.role === 'project_owner' || account.role === 'leader' ? ownerProjects : undefined;
    if (account.role === 'project_owner' && ownerProjects.length === 0) continue;
    await createAccount(database, ctx, {
      ...account,
      projectCodes,
      password: DEMO_PASSWORD,
      mustChangePassword: false,
      demo: true,
    });
    created.push(account.username);
  }
  return created;
}
