// Turns zod issues and path positions into Chinese messages that name the indicator and field,
// so that an office clerk editing a YAML file can find and fix the line.
import type { ZodIssue } from 'zod';
import type { SchemeProblem } from './scheme-checks';
import { RULE_TYPES } from './scheme-schema';

type Path = (string | number)[];

function at(raw: unknown, path: Path): unknown {
  let cur: unknown = raw;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function label(raw: unknown, path: Path, fallback: string): string {
  const node = at(raw, path);
  if (node && typeof node === 'object') {
    const { name, id } = node as { name?: unknown; id?: unknown };
    if (typeof name === 'string' && name) return name;
    if (typeof id === 'string' && id) return id;
  }
  return fallback;
}

function fieldPath(rest: Path): string {
  return rest.reduce<string>(
    (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k),
    '',
  );
}

/** `指标 "比开工看进度 / 开工率" 的 rule.cap` for a path into the raw scheme document. */
export function describePath(raw: unknown, path: Path): string {
  const [head, i, sub, j, ...rest] = path;
  if (head === 'dimensions' && typeof i === 'number') {
    const dim = label(raw, ['dimensions', i], `第 ${i + 1} 个维度`);
    if (sub === 'indicators' && typeof j === 'number') {
      const ind = label(raw, ['dimensions', i, 'indicators', j], `第 ${j + 1} 个指标`);
      return withField(`指标 "${dim} / ${ind}"`, rest);
    }
    return withField(
      `维度 "${dim}"`,
      sub === undefined ? [] : [sub, ...(j === undefined ? [] : [j]), ...rest],
    );
  }
  if (
    (head === 'bonus' || head === 'penalty') &&
    sub !== undefined &&
    i === 'items' &&
    typeof sub === 'number'
  ) {
    const kind = head === 'bonus' ? '加分项' : '扣分项';
    const item = label(raw, [head, 'items', sub], `第 ${sub + 1} 项`);
    return withField(`${kind} "${item}"`, j === undefined ? [] : [j, ...rest]);
  }
  if (path.length === 0) return '方案';
  return `方案字段 ${fieldPath(path)}`;
}

function withField(where: string, rest: Path): string {
  return rest.length ? `${where} 的 ${fieldPath(rest)}` : where;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  object: '对象（键值对）',
  array: '列表',
  null: '空值',
  undefined: '空',
};

function typeName(t: string): string {
  return TYPE_NAMES[t] ?? t;
}

function describeIssue(issue: ZodIssue, raw: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? '缺少必填字段'
        : `应为${typeName(issue.expected)}，实际为${typeName(issue.received)}`;
    case 'too_small':
      if (issue.type === 'array') return `至少需要 ${issue.minimum} 项`;
      if (issue.type === 'string') return '不能为空';
      if (issue.minimum === 0) return issue.inclusive ? '不能为负数' : '必须是正数';
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      return `不能大于 ${issue.maximum}`;
    case 'unrecognized_keys':
      return `含有未知字段 ${issue.keys.map((k) => `"${k}"`).join('、')}（请检查拼写）`;
    case 'invalid_enum_value':
      return `取值 "${String(issue.received)}" 无效，可选：${issue.options.join('、')}`;
    case 'invalid_literal':
      return `应为 ${String(issue.expected)}`;
    case 'invalid_union_discriminator': {
      const got = at(raw, issue.path);
      const known = RULE_TYPES.join('、');
      return got === undefined
        ? `缺少规则类型 type，可用的类型：${known}`
        : `未知的规则类型 "${String(got)}"，可用的类型：${known}`;
    }
    case 'not_finite':
      return '必须是有限数字';
    default:
      return issue.message;
  }
}

/** One actionable Chinese sentence per zod issue. */
export function formatIssue(issue: ZodIssue, raw: unknown): string {
  return `${describePath(raw, issue.path)} ${describeIssue(issue, raw)}`;
}

const CODES: Partial<Record<ZodIssue['code'], string>> = {
  invalid_type: 'invalid_type',
  unrecognized_keys: 'unknown_field',
  invalid_union_discriminator: 'unknown_rule',
  invalid_enum_value: 'invalid_value',
};

/** A zod issue as a located problem: the path of the field (of the unknown key itself for a misspelt one). */
export function issueProblem(issue: ZodIssue, raw: unknown): SchemeProblem {
  const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
  const code = missing ? 'missing_field' : (CODES[issue.code] ?? 'invalid_value');
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : [...issue.path];
  return { code, path, message: formatIssue(issue, raw) };
}
