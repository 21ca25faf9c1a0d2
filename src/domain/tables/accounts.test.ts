import { describe, expect, it } from 'vitest';
import { accountStatuses } from './accounts';

describe('account states', () => {
  it('shows a lock only until it ends, after active or disabled, then the other tags', () => {
    const now = new Date('2020-10-08T02:00:00Z');
    const row = {
      disabled: false,
      lockedUntil: '2020-10-08T02:10:00Z',
      mustChangePassword: true,
      demo: true,
    };
    expect(accountStatuses(row, now)).toEqual(['active', 'locked', 'mustChange', 'demo']);
    expect(accountStatuses({ ...row, lockedUntil: '2020-10-08T01:59:00Z' }, now)).toEqual([
      'active',
      'mustChange',
      'demo',
    ]);
    expect(accountStatuses({ disabled: true, totpEnabled: true, lockedUntil: null }, now)).toEqual([
      'disabled',
      'totp',
    ]);
  });
});
