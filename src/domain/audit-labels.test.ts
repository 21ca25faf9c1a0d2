// Every audit action the code writes has a label: the actions are collected from the source of
// src/services, src/http and src/cli (string literals, and the templates of composed actions with
// each value they take), and any without a label fails. Also the per-field before → after list.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../policies/rules';
import { SETTING_KEYS } from '../services/settings';
import {
  ACTION_LABELS,
  actionLabel,
  changesText,
  fieldChanges,
  OBJECT_LABELS,
  objectLabel,
  POLICY_ACTION_LABELS,
} from './audit-labels';
import { METRICS } from './metric-registry';
import { IMPORT_KINDS } from './records';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return entry.endsWith('.ts') && !entry.endsWith('.test.ts') ? [path] : [];
  });
}

const FILES = ['services', 'http', 'cli'].flatMap((layer) => sources(join(ROOT, 'src', layer)));

/** Dotted literals in those layers that are not audit actions, and why. */
const NOT_ACTIONS = new Set([
  'demo.fingerprint', // a settings-table key of the demo loader
  'report.reminder', // a 站内消息 kind
]);
const notAction = (text: string) =>
  NOT_ACTIONS.has(text) ||
  /\.(json|html|xlsx|csv|md|docx)$/.test(text) || // file names
  text in METRICS ||
  (SETTING_KEYS as readonly string[]).includes(text) ||
  text in RULES; // policy actions: labelled for `denied.<action>` below

/** The values each template of a composed action takes. */
const LEDGER_KINDS = ['deal', 'reserve', 'approval', 'issue'];
const TEMPLATES: Record<string, string[]> = {
  'import.*': IMPORT_KINDS.map((k) => `import.${k}`),
  'export.*': [...IMPORT_KINDS, 'oc4ids'].map((k) => `export.${k}`),
  'denied.*': [...Object.keys(RULES), 'csrf'].map((a) => `denied.${a}`),
  '*.create': LEDGER_KINDS.map((k) => `${k}.create`),
  '*.update': LEDGER_KINDS.map((k) => `${k}.update`),
  '*.delete': LEDGER_KINDS.map((k) => `${k}.delete`),
  'evaluation.*.*': ['event', 'adjustment'].flatMap((k) =>
    ['approve', 'revoke'].map((verb) => `evaluation.${k}.${verb}`),
  ),
};

function collected(): { literals: Map<string, string>; templates: Map<string, string> } {
  const literals = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const path of FILES) {
    const text = readFileSync(path, 'utf8');
    const where = relative(ROOT, path);
    for (const m of text.matchAll(/'([a-z][a-z_]*(?:\.[a-z_]+)+)'/g)) literals.set(m[1]!, where);
    for (const m of text.matchAll(/action:\s*`([^`]*)`/g)) {
      templates.set(m[1]!.replace(/\$\{(?:[^{}]|\{[^}]*\})*\}/g, '*'), where);
    }
  }
  return { literals, templates };
}

describe('audit labels', () => {
  const { literals, templates } = collected();

  it('finds the actions written in the code (the collector works)', () => {
    expect(literals.get('report.submit')).toBe('src/services/reports/report-transitions.ts');
    expect(literals.has('user.reset_totp')).toBe(true);
    expect([...templates.keys()]).toEqual(expect.arrayContaining(['import.*', 'denied.*', '*.update']));
  });

  it('every action literal in services, http and cli has a label', () => {
    const missing = [...literals]
      .filter(([text]) => !notAction(text) && actionLabel(text) === null)
      .map(([text, where]) => `${text} (${where})`);
    expect(missing).toEqual([]);
  });

  it('every composed action has a label for each value it takes, and no template is unknown', () => {
    expect([...templates].filter(([t]) => !(t in TEMPLATES)).map(([t, where]) => `${t} (${where})`)).toEqual(
      [],
    );
    const missing = [...templates.keys()].flatMap((t) =>
      TEMPLATES[t]!.filter((a) => actionLabel(a) === null),
    );
    expect(missing).toEqual([]);
  });

  it('every policy action has a label (a refused request is logged as denied.<action>)', () => {
    expect(Object.keys(RULES).filter((a) => !(a in POLICY_ACTION_LABELS))).toEqual([]);
  });

  it('labels exact, composed and unknown actions and objects', () => {
    expect(actionLabel('report.return')).toEqual({ zh: '退回月报', en: 'Return report' });
    expect(actionLabel('deal.update')).toEqual({ zh: '修改招商签约项目', en: 'Edit signed deal' });
    expect(actionLabel('import.reports')).toEqual({ zh: '导入月报', en: 'Import monthly reports' });
    expect(actionLabel('denied.report.review')).toEqual({
      zh: '拒绝：审核月报',
      en: 'Refused: review report',
    });
    expect(actionLabel('denied.nothing')).toBeNull();
    expect(actionLabel('made.up')).toBeNull();
    expect(objectLabel('honour_list')?.zh).toBe('荣誉名单');
    expect(objectLabel(null)).toBeNull();
    for (const label of [...Object.values(ACTION_LABELS), ...Object.values(OBJECT_LABELS)]) {
      expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(label.en).toMatch(/^[A-Za-z]/);
    }
  });
});

describe('field changes', () => {
  it('lists each changed field before → after, money exact in 万元, regions and roles by name', () => {
    const before = {
      investYtd: '123456789',
      started: false,
      progressNote: '前期',
      regionCode: '410322',
      role: 'viewer',
      version: 3,
      updatedAt: '2020-10-01T00:00:00Z',
      problems: null,
    };
    const after = { ...before, investYtd: '150000000', started: true, role: 'county_officer', version: 4 };
    const changes = fieldChanges(before, after, {
      regions: new Map([['410322', '孟津县']]),
      roles: { viewer: '查看者', county_officer: '县级管理员' },
    });
    expect(changes).toEqual([
      {
        field: 'investYtd',
        label: '累计完成投资',
        labelEn: 'investment to date',
        before: '12345.6789万元',
        after: '15000万元',
      },
      { field: 'started', label: '是否开工', labelEn: 'started', before: '否', after: '是' },
      { field: 'role', label: '角色', labelEn: 'role', before: '查看者', after: '县级管理员' },
    ]);
    expect(changesText(changes)).toBe(
      '累计完成投资：12345.6789万元 → 15000万元；是否开工：否 → 是；角色：查看者 → 县级管理员',
    );
  });

  it('a created record lists what it has, a deleted one what it had; names a field it does not know', () => {
    const regions = new Map([['410322', '孟津县']]);
    expect(fieldChanges(null, { name: '甲', regionCode: '410322', version: 1 }, { regions })).toEqual([
      { field: 'name', label: '名称', labelEn: 'name', before: '—', after: '甲' },
      { field: 'regionCode', label: '地区', labelEn: 'region', before: '—', after: '孟津县（410322）' },
    ]);
    expect(fieldChanges({ name: '甲' }, null)).toEqual([
      { field: 'name', label: '名称', labelEn: 'name', before: '甲', after: '—' },
    ]);
    expect(
      fieldChanges(
        { 'report.deadlineDay': 5 },
        { 'report.deadlineDay': 7 },
        { fields: { 'report.deadlineDay': '月报截止日' } },
      ),
    ).toEqual([
      {
        field: 'report.deadlineDay',
        label: '月报截止日',
        labelEn: 'report.deadlineDay',
        before: '5',
        after: '7',
      },
    ]);
    expect(fieldChanges({ approvedAt: null }, { approvedAt: '2026-12-07T12:10:37.112Z' })).toEqual([
      {
        field: 'approvedAt',
        label: '审核时间',
        labelEn: 'approved at',
        before: '—',
        after: '2026-12-07 20:10:37',
      },
    ]);
    expect(fieldChanges({ startDate: '2020-06-01' }, { startDate: '2020-06-02' })[0]?.after).toBe(
      '2020-06-02',
    );
    expect(fieldChanges({ state: 'submitted' }, { state: 'approved' })).toEqual([
      { field: 'state', label: '状态', labelEn: 'state', before: '已提交', after: '已审核' },
    ]);
    expect(fieldChanges(null, null)).toEqual([]);
    expect(fieldChanges('text', 3)).toEqual([]);
  });
});
