// The account list of 用户管理 (GET /api/users), on screen and in its Excel export (columns.ts).
// Rows are the list's items as the API gives them.
import { ROLE_NAMES } from '../role-names';
import { beijingMinute, say, type TableContext, type TableSpec } from './columns';

type Row = Record<string, unknown>;

export const roleName = (role: string, lang: TableContext['lang']) => {
  const label = (ROLE_NAMES as Record<string, { zh: string; en: string }>)[role];
  return label ? say(lang, label.zh, label.en) : role;
};

const STATUSES = {
  active: { zh: '正常', en: 'Active' },
  disabled: { zh: '已停用', en: 'Disabled' },
  locked: { zh: '已锁定', en: 'Locked' },
  mustChange: { zh: '须改密码', en: 'Must change password' },
  totp: { zh: '动态验证码', en: 'Authenticator' },
  demo: { zh: '演示', en: 'Demo' },
};
export type AccountStatus = keyof typeof STATUSES;

/** The tags of an account's state, in the order the screen shows them. */
export function accountStatuses(row: Row, now: Date): AccountStatus[] {
  const locked = typeof row.lockedUntil === 'string' && new Date(row.lockedUntil) > now;
  return [
    row.disabled ? 'disabled' : 'active',
    ...(locked ? ['locked' as const] : []),
    ...(row.mustChangePassword ? ['mustChange' as const] : []),
    ...(row.totpEnabled ? ['totp' as const] : []),
    ...(row.demo ? ['demo' as const] : []),
  ];
}

export const statusName = (status: AccountStatus, lang: TableContext['lang']) =>
  say(lang, STATUSES[status].zh, STATUSES[status].en);

export const ACCOUNTS_TABLE: TableSpec<Row> = {
  id: 'accounts',
  zh: '用户列表',
  en: 'Accounts',
  columns: [
    { key: 'username', zh: '用户名', en: 'Username', kind: 'text', width: 140 },
    { key: 'displayName', zh: '姓名', en: 'Name', kind: 'text', width: 120 },
    {
      key: 'role',
      zh: '角色',
      en: 'Role',
      kind: 'text',
      width: 130,
      value: (row, ctx) => roleName(String(row.role), ctx.lang),
    },
    {
      key: 'region',
      zh: '地区',
      en: 'Region',
      kind: 'text',
      width: 140,
      value: (row, ctx) => {
        const projects = (row.projectCodes as string[] | undefined) ?? [];
        if (row.regionCode) return ctx.regionName(row.regionCode as string);
        return projects.length > 0 ? `${say(ctx.lang, '绑定项目', 'Projects')} × ${projects.length}` : null;
      },
    },
    {
      key: 'status',
      zh: '状态',
      en: 'Status',
      kind: 'text',
      width: 200,
      value: (row, ctx) =>
        accountStatuses(row, ctx.now ? new Date(ctx.now) : new Date())
          .map((status) => statusName(status, ctx.lang))
          .join(' '),
    },
    {
      key: 'lastLoginAt',
      zh: '上次登录（北京时间）',
      en: 'Last sign-in (Beijing time)',
      kind: 'text',
      width: 170,
      value: (row, ctx) =>
        row.lastLoginAt ? beijingMinute(String(row.lastLoginAt)) : say(ctx.lang, '从未登录', 'Never'),
    },
  ],
};
