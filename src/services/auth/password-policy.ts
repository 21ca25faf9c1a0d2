// The password rules of security.md (等保 8.1.4.1a): length, three of four character classes,
// not a common password, not built on one, no username inside, no keyboard runs.
import { readFileSync } from 'node:fs';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

const RUNS = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv',
];
const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
};

export interface PasswordContext {
  username: string;
  displayName?: string;
  minLength?: number;
}

/** Every rule the password breaks, in words for the user; empty when it is acceptable. */
export function passwordProblems(password: string, context: PasswordContext): string[] {
  const problems: string[] = [];
  const minLength = Math.max(MIN_PASSWORD_LENGTH, context.minLength ?? MIN_PASSWORD_LENGTH);
  if ([...password].length < minLength) problems.push(`密码至少 ${minLength} 位`);
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`密码不超过 ${MAX_PASSWORD_LENGTH} 位`);
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(commonCore(lower))) problems.push('密码过于常见，请换一个');
  for (const name of [context.username, context.displayName]) {
    const n = name?.trim().toLowerCase();
    if (n && n.length >= 3 && (lower.includes(n) || lower.includes([...n].reverse().join('')))) {
      problems.push('密码不能包含用户名或姓名');
      break;
    }
  }
  if (/(.)\1{3,}/u.test(password)) problems.push('密码不能有 4 个以上连续相同的字符');
  if (hasRun(lower, 5)) problems.push('密码不能包含 5 位以上的连续序列（如 12345、abcde、qwert）');
  return problems;
}

/** "P@ssw0rd2024!" → "password": undo common substitutions, drop the digits and symbols around the word. */
function commonCore(lower: string): string {
  const letters = [...lower].map((c) => LEET[c] ?? c).join('');
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const leetCore = letters.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core.length >= 3 && COMMON.has(core)) return core;
  return leetCore.length >= 3 ? leetCore : lower;
}

function hasRun(lower: string, length: number): boolean {
  for (let i = 0; i + length <= lower.length; i++) {
    const piece = lower.slice(i, i + length);
    const reversed = [...piece].reverse().join('');
    if (RUNS.some((run) => run.includes(piece) || run.includes(reversed))) return true;
  }
  return false;
}

export function commonPasswordCount(): number {
  return COMMON.size;
}
