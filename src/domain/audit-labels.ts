// The audit log in words (issue #16 item 7): one table of labels, Chinese and English, for every
// action the code writes, every kind of object and every field of the records it keeps before and
// after a change, and the per-field list of what changed (before → after) shown instead of raw JSON.
// audit-labels.test.ts collects the actions written in src/ and fails on one without a label. Pure.
import { yuanToWanString } from './money';
import { REPORT_STATE_LABELS } from './report-workflow';

export interface Label {
  zh: string;
  en: string;
}
const l = (zh: string, en: string): Label => ({ zh, en });

/** Actions written as they are. */
export const ACTION_LABELS: Record<string, Label> = {
  'auth.login': l('登录', 'Sign in'),
  'auth.logout': l('退出登录', 'Sign out'),
  'auth.password': l('修改密码', 'Change password'),
  'auth.totp.enrol': l('绑定动态验证码', 'Enrol authenticator'),
  'auth.totp.verify': l('验证动态验证码', 'Verify authenticator code'),
  'user.create': l('新建账户', 'Create account'),
  'user.update': l('修改账户', 'Edit account'),
  'user.role': l('分配角色', 'Assign role'),
  'user.disable': l('停用账户', 'Disable account'),
  'user.enable': l('启用账户', 'Enable account'),
  'user.reset_password': l('重置密码', 'Reset password'),
  'user.reset_totp': l('重置动态验证码', 'Reset authenticator'),
  'settings.update': l('修改系统设置', 'Change settings'),
  'audit.export': l('导出审计日志', 'Export audit log'),
  'audit.verify': l('校验审计日志', 'Verify audit log'),
  'backup.create': l('备份数据库', 'Back up database'),
  'backup.restore': l('恢复数据库', 'Restore database'),
  'db.partition': l('按省分区', 'Partition by province'),
  'db.partition.abandon': l('放弃按省分区', 'Abandon partitioning'),
  'report.submit': l('提交月报', 'Submit report'),
  'report.approve': l('审核通过月报', 'Approve report'),
  'report.return': l('退回月报', 'Return report'),
  'report.correct': l('更正月报（锁定后）', 'Correct locked report'),
  'evaluation.publish': l('发布考评结果', 'Publish evaluation'),
  'evaluation.revoke': l('撤销考评结果', 'Revoke evaluation'),
  'evaluation.event.create': l('录入加分/扣分事件', 'Enter bonus/penalty event'),
  'evaluation.event.approve': l('审核通过加分/扣分事件', 'Approve bonus/penalty event'),
  'evaluation.event.revoke': l('撤销加分/扣分事件', 'Revoke bonus/penalty event'),
  'evaluation.adjustment.create': l('录入人工加分/扣分', 'Enter manual adjustment'),
  'evaluation.adjustment.approve': l('审核通过人工加分/扣分', 'Approve manual adjustment'),
  'evaluation.adjustment.revoke': l('撤销人工加分/扣分', 'Revoke manual adjustment'),
  'evaluation.self_score.report': l('填报自评分', 'Report self-score'),
  'honours.import': l('导入荣誉名单', 'Import honours list'),
  'honours.publish': l('发布荣誉名单', 'Publish honours list'),
  'public_link.create': l('创建公开链接', 'Create public link'),
  'public_link.revoke': l('撤销公开链接', 'Revoke public link'),
  'bulletin.download': l('下载通报', 'Download bulletin'),
  'reminder.send': l('发送报送提醒', 'Send report reminders'),
  'reminder_webhook.update': l('设置群机器人', 'Set group robot'),
  'reminder_webhook.delete': l('删除群机器人', 'Remove group robot'),
};

/** Kinds of object (audit target types, import and export kinds, record kinds in `<kind>.<verb>`). */
export const OBJECT_LABELS: Record<string, Label> = {
  project: l('项目', 'project'),
  projects: l('项目', 'projects'),
  project_year: l('项目年度计划', 'project year'),
  report: l('月报', 'monthly report'),
  reports: l('月报', 'monthly reports'),
  report_period: l('报送期', 'reporting period'),
  regions: l('地区', 'regions'),
  deal: l('招商签约项目', 'signed deal'),
  deals: l('招商签约项目', 'signed deals'),
  reserve: l('谋划储备项目', 'reserve project'),
  approval: l('联审联批事项', 'approval item'),
  approvals: l('联审联批事项', 'approval items'),
  issue: l('问题协调', 'issue'),
  issues: l('问题协调', 'issues'),
  oc4ids: l('OC4IDS 开放数据', 'OC4IDS data'),
  user: l('账户', 'account'),
  settings: l('系统设置', 'settings'),
  audit_log: l('审计日志', 'audit log'),
  backup: l('备份', 'backup'),
  database: l('数据库', 'database'),
  evaluation: l('考评结果', 'evaluation'),
  evaluation_event: l('加分/扣分事件', 'bonus/penalty event'),
  evaluation_adjustment: l('人工加分/扣分', 'manual adjustment'),
  evaluation_self_score: l('自评分', 'self-score'),
  honour_list: l('荣誉名单', 'honours list'),
  honours: l('荣誉名单', 'honours list'),
  reminder_webhook: l('群机器人', 'group robot'),
  route: l('接口', 'route'),
};

const VERBS: Record<string, Label> = {
  create: l('新建', 'Create'),
  update: l('修改', 'Edit'),
  delete: l('删除', 'Delete'),
};

/** What a refused request (`denied.<policy action>`) was trying to do. */
export const POLICY_ACTION_LABELS: Record<string, Label> = {
  'region.read': l('查看地区', 'read region'),
  'project.read': l('查看项目', 'read project'),
  'project.create': l('新建项目', 'create project'),
  'project.update': l('修改项目', 'edit project'),
  'project.delete': l('删除项目', 'delete project'),
  'report.read': l('查看月报', 'read report'),
  'report.fill': l('填报月报', 'fill report'),
  'report.review': l('审核月报', 'review report'),
  'ledger.read': l('查看台账', 'read ledger'),
  'ledger.write': l('修改台账', 'write ledger'),
  'projectLedger.read': l('查看项目台账', 'read project ledger'),
  'projectLedger.write': l('修改项目台账', 'write project ledger'),
  'stats.read': l('查看统计', 'read statistics'),
  'data.export': l('导出数据', 'export data'),
  'data.import': l('导入数据', 'import data'),
  'regions.import': l('导入地区', 'import regions'),
  'user.read': l('查看账户', 'read accounts'),
  'user.manage': l('管理账户', 'manage accounts'),
  'user.role': l('分配角色', 'assign roles'),
  'settings.read': l('查看设置', 'read settings'),
  'settings.report': l('修改报送设置', 'change report settings'),
  'settings.security': l('修改安全设置', 'change security settings'),
  'audit.read': l('查看审计日志', 'read audit log'),
  'evaluation.read': l('查看考评结果', 'read evaluation'),
  'evaluation.run': l('考评试算', 'run evaluation'),
  'evaluation.publish': l('发布考评结果', 'publish evaluation'),
  'evaluation.override': l('越过发布检查', 'override publish checks'),
  'evaluation.revoke': l('撤销考评结果', 'revoke evaluation'),
  'publicLink.manage': l('管理公开链接', 'manage public links'),
  'honours.manage': l('管理荣誉名单', 'manage honours'),
  'evaluationEntry.read': l('查看加分/扣分', 'read bonus/penalty entries'),
  'evaluationEntry.enter': l('录入加分/扣分', 'enter bonus/penalty'),
  'evaluationEntry.approve': l('审核加分/扣分', 'approve bonus/penalty'),
  'evaluationEntry.revoke': l('撤销加分/扣分', 'revoke bonus/penalty'),
  'selfScore.read': l('查看自评分', 'read self-scores'),
  'selfScore.report': l('填报自评分', 'report self-score'),
  'job.own': l('查看后台任务', 'read background job'),
  csrf: l('跨站请求校验', 'cross-site request check'),
};

/** The label of an action: its own, or composed (导入 + kind, 拒绝：…, verb + object); null when unknown. */
export function actionLabel(action: string): Label | null {
  const exact = ACTION_LABELS[action];
  if (exact) return exact;
  const [head, ...rest] = action.split('.');
  const tail = rest.join('.');
  if (head === 'import' || head === 'export') {
    const object = OBJECT_LABELS[tail];
    if (!object) return null;
    return head === 'import'
      ? l(`导入${object.zh}`, `Import ${object.en}`)
      : l(`导出${object.zh}`, `Export ${object.en}`);
  }
  if (head === 'denied') {
    const tried = POLICY_ACTION_LABELS[tail];
    return tried ? l(`拒绝：${tried.zh}`, `Refused: ${tried.en}`) : null;
  }
  const object = OBJECT_LABELS[head ?? ''];
  const verb = VERBS[tail];
  return object && verb ? l(`${verb.zh}${object.zh}`, `${verb.en} ${object.en}`) : null;
}

export function objectLabel(kind: string | null): Label | null {
  return kind === null ? null : (OBJECT_LABELS[kind] ?? null);
}

export const OUTCOME_LABELS: Record<string, Label> = {
  ok: l('成功', 'succeeded'),
  denied: l('拒绝', 'refused'),
  failed: l('失败', 'failed'),
  rejected: l('驳回', 'rejected'),
};

type FieldFormat = 'money' | 'bool' | 'text';
interface FieldSpec extends Label {
  format?: FieldFormat;
}
const f = (zh: string, en: string, format?: FieldFormat): FieldSpec => ({ zh, en, format });

/** Fields of the records the log keeps before and after a change. */
export const FIELD_LABELS: Record<string, FieldSpec> = {
  id: f('编号', 'id'),
  code: f('项目代码', 'project code'),
  name: f('名称', 'name'),
  regionCode: f('地区', 'region'),
  provinceCode: f('省份', 'province'),
  owner: f('项目单位', 'project owner'),
  leader: f('分包领导', 'leader in charge'),
  domain: f('所属领域', 'domain'),
  totalInvestment: f('总投资', 'total investment', 'money'),
  plannedStart: f('计划开工日期', 'planned start'),
  plannedCompletion: f('计划竣工日期', 'planned completion'),
  actualStart: f('实际开工日期', 'actual start'),
  actualCompletion: f('实际竣工日期', 'actual completion'),
  plannedProduction: f('计划投产日期', 'planned production'),
  productionStart: f('实际投产日期', 'production start'),
  outputValue: f('投产后年产值', 'yearly output value', 'money'),
  lng: f('经度', 'longitude'),
  lat: f('纬度', 'latitude'),
  scope: f('建设规模及内容', 'scope'),
  projectId: f('项目', 'project'),
  projectCode: f('关联项目代码', 'project code'),
  year: f('年度', 'year'),
  month: f('月份', 'month'),
  list: f('名单', 'list'),
  nature: f('建设性质', 'nature'),
  annualTarget: f('年度计划投资', 'annual target', 'money'),
  plannedStartMonth: f('计划开工月份', 'planned start month'),
  completionPlanned: f('计划年内竣工', 'completion planned', 'bool'),
  investYtd: f('累计完成投资', 'investment to date', 'money'),
  investMonth: f('当月完成投资', 'investment this month', 'money'),
  started: f('是否开工', 'started', 'bool'),
  startDate: f('开工日期', 'start date'),
  completed: f('是否竣工', 'completed', 'bool'),
  completionDate: f('竣工日期', 'completion date'),
  progressNote: f('形象进度', 'progress'),
  problems: f('存在问题', 'problems'),
  reportedAt: f('报送日期', 'reported on'),
  state: f('状态', 'state'),
  late: f('逾期报送', 'late', 'bool'),
  submittedBy: f('提交人', 'submitted by'),
  submittedAt: f('提交时间', 'submitted at'),
  approvedBy: f('审核人', 'approved by'),
  approvedAt: f('审核时间', 'approved at'),
  returnedReason: f('退回理由', 'reason for return'),
  investor: f('投资方', 'investor'),
  origin: f('投资方来源', 'investor origin'),
  top500: f('500强类型', 'top-500 type'),
  signedDate: f('签约日期', 'signed on'),
  contractAmount: f('合同投资额', 'contract amount', 'money'),
  fundsInPlace: f('到位资金', 'funds in place', 'money'),
  industry: f('所属产业', 'industry'),
  targetYear: f('目标年度', 'target year'),
  maturity: f('成熟度', 'maturity'),
  major: f('重大项目', 'major project', 'bool'),
  convertedProjectCode: f('转化项目代码', 'converted to project'),
  itemName: f('事项名称', 'item'),
  department: f('审批部门', 'department'),
  dueDate: f('应办结日期', 'due date'),
  submittedDate: f('申报日期', 'submitted on'),
  doneDate: f('办结日期', 'done on'),
  category: f('问题类别', 'category'),
  description: f('问题描述', 'description'),
  responsibleUnit: f('责任单位', 'responsible unit'),
  raisedDate: f('提出日期', 'raised on'),
  resolvedDate: f('解决日期', 'resolved on'),
  username: f('用户名', 'username'),
  displayName: f('姓名', 'display name'),
  role: f('角色', 'role'),
  projectCodes: f('绑定项目', 'bound projects'),
  disabled: f('已停用', 'disabled', 'bool'),
  mustChangePassword: f('须修改密码', 'must change password', 'bool'),
  totpEnabled: f('已绑定动态验证码', 'authenticator enrolled', 'bool'),
  kind: f('类别', 'kind'),
  url: f('地址', 'address'),
  hasSecret: f('已设加签密钥', 'signing secret set', 'bool'),
  enabled: f('启用', 'enabled', 'bool'),
  status: f('状态', 'status'),
  reason: f('理由', 'reason'),
  points: f('分值', 'points'),
  version: f('版次', 'version'),
  createdAt: f('创建时间', 'created at'),
  updatedAt: f('修改时间', 'updated at'),
};

/** Bookkeeping fields left out of the change list (they change with every write). */
const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt']);

export interface FieldChange {
  field: string;
  label: string;
  labelEn: string;
  /** The values as shown: money in 万元 (exact), 是/否, region and role names where known, — for none. */
  before: string;
  after: string;
}

/** Names the formatter may use for codes (regions, roles), passed in by the caller. */
export interface ValueNames {
  regions?: ReadonlyMap<string, string>;
  roles?: Readonly<Record<string, string>>;
  /** Labels of fields not in FIELD_LABELS (e.g. each setting's label). */
  fields?: Readonly<Record<string, string>>;
}

/** "2020-10-03 10:00:00" in China (UTC+8). */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

/** A timestamp as JSON keeps it ("2026-12-07T12:10:37.112Z"). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function show(field: string, value: unknown, names: ValueNames): string {
  if (value === null || value === undefined || value === '') return '—';
  const spec = FIELD_LABELS[field];
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (spec?.format === 'money' && (typeof value === 'string' || typeof value === 'number')) {
    const text = String(value);
    return /^-?\d+$/.test(text) ? `${yuanToWanString(BigInt(text))}万元` : text;
  }
  if ((field === 'regionCode' || field === 'provinceCode') && typeof value === 'string') {
    const name = names.regions?.get(value);
    return name ? `${name}（${value}）` : value;
  }
  if (field === 'role' && typeof value === 'string') return names.roles?.[value] ?? value;
  if (field === 'state' && typeof value === 'string' && value in REPORT_STATE_LABELS) {
    return REPORT_STATE_LABELS[value as keyof typeof REPORT_STATE_LABELS];
  }
  if (typeof value === 'string' && TIMESTAMP.test(value)) return beijingTime(new Date(value));
  if (Array.isArray(value)) return value.length ? value.map(String).join('、') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields that differ between before and after (a created record: every field it has; a deleted
 * one: every field it had), in the record's own field order, bookkeeping fields left out.
 */
export function fieldChanges(before: unknown, after: unknown, names: ValueNames = {}): FieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  if (!isRecord(before) && !isRecord(after)) return [];
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !BOOKKEEPING.has(k));
  return fields
    .filter((field) => JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null))
    .map((field) => {
      const spec = FIELD_LABELS[field];
      const custom = names.fields?.[field];
      return {
        field,
        label: custom ?? spec?.zh ?? field,
        labelEn: spec?.en ?? field,
        before: isRecord(before) ? show(field, b[field], names) : '—',
        after: isRecord(after) ? show(field, a[field], names) : '—',
      };
    });
}

/** One line for a spreadsheet cell: "字段：前 → 后；…". */
export function changesText(changes: readonly FieldChange[]): string {
  return changes.map((c) => `${c.label}：${c.before} → ${c.after}`).join('；');
}
