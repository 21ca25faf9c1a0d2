// Generated passwords (first start, resets): 16 random characters that pass the policy themselves.
import { randomInt } from 'node:crypto';
import { passwordProblems } from './password-policy';

const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#%*-_+='];

export function generatePassword(username = ''): string {
  for (;;) {
    const password = draw();
    if (passwordProblems(password, { username }).length === 0) return password;
  }
}

function draw(): string {
  const all = CLASSES.join('');
  const pick = (chars: string) => chars[randomInt(chars.length)]!;
  const chars = [...CLASSES.map(pick), ...Array.from({ length: 12 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
