import { describe, expect, it } from 'vitest';
import { generatePassword } from './one-time-password';
import { hashPassword, verifyPassword } from './password-hash';
import { commonPasswordCount, passwordProblems } from './password-policy';

const ok = (password: string, username = 'zhangsan', minLength?: number) =>
  passwordProblems(password, { username, minLength });

describe('password policy', () => {
  it('accepts a long password with three character classes', () => {
    expect(ok('Luoyang-Peony9')).toEqual([]);
    expect(ok('river tide 7 Mountain')).toEqual([]);
  });

  it('refuses short passwords and those with fewer than three classes', () => {
    expect(ok('Ab1!xyz')).toEqual(['密码至少 8 位']);
    expect(ok('alllowercaseletters9')).toEqual(['密码须包含大写字母、小写字母、数字、符号中的至少三类']);
    expect(ok('Luoyang-Peony9', 'zhangsan', 16)).toEqual(['密码至少 16 位']);
  });

  it('refuses common passwords, also with substitutions and digits around them', () => {
    expect(commonPasswordCount()).toBeGreaterThan(300);
    expect(ok('P@ssw0rd')).toContain('密码过于常见，请换一个');
    expect(ok('Admin@123')).toContain('密码过于常见，请换一个');
    expect(ok('P@ssw0rd2024!')).toContain('密码过于常见，请换一个');
    expect(ok('Woaini@1314')).toContain('密码过于常见，请换一个');
    expect(ok('Iloveyou#77')).toContain('密码过于常见，请换一个');
  });

  it('refuses the username or display name inside the password, also reversed', () => {
    expect(ok('Zhangsan#2020')).toEqual(['密码不能包含用户名或姓名']);
    expect(ok('Nasgnahz#2020')).toEqual(['密码不能包含用户名或姓名']);
    expect(passwordProblems('Li-Ming-Henan9', { username: 'u1', displayName: 'Li-Ming' })).toEqual([
      '密码不能包含用户名或姓名',
    ]);
  });

  it('refuses repeated characters and keyboard or alphabet runs', () => {
    expect(ok('Xaaaa#Yuan7')).toEqual(['密码不能有 4 个以上连续相同的字符']);
    expect(ok('Kq#12345yuan')).toEqual(['密码不能包含 5 位以上的连续序列（如 12345、abcde、qwert）']);
    expect(ok('Lu#Qwerty8x')).toContain('密码不能包含 5 位以上的连续序列（如 12345、abcde、qwert）');
    expect(ok('Lu#54321ab')).toContain('密码不能包含 5 位以上的连续序列（如 12345、abcde、qwert）');
  });

  it('generates one-time passwords that pass the policy', () => {
    for (let i = 0; i < 50; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(16);
      expect(ok(password)).toEqual([]);
    }
  });
});

describe('password hashing', () => {
  it('stores scrypt with its parameters and a per-user salt, and verifies', async () => {
    const a = await hashPassword('Luoyang-Peony9');
    const b = await hashPassword('Luoyang-Peony9');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Luoyang-Peony9', a)).toBe(true);
    expect(await verifyPassword('Luoyang-Peony8', a)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
