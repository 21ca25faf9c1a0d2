import { describe, expect, it } from 'vitest';
import type { Robot } from '../api/types';
import { robotBody } from './robot-body';

const stored: Robot = {
  regionCode: '410300',
  regionName: '洛阳市',
  kind: 'dingtalk',
  url: 'https://oapi.dingtalk.com/robot/send?access_token=****cdef',
  hasSecret: true,
  enabled: true,
  version: 3,
  updatedBy: 'demo_sysadmin',
  updatedAt: '2020-09-01T00:00:00.000Z',
};

describe('robotBody', () => {
  it('a new robot sends its URL and secret; without a URL it sends nothing', () => {
    expect(
      robotBody({ region: '410300', kind: 'wecom', url: ' https://x.test/send?key=k ', enabled: true }, null),
    ).toEqual({ kind: 'wecom', url: 'https://x.test/send?key=k', enabled: true });
    expect(robotBody({ region: '410300', kind: 'wecom', url: '  ', enabled: true }, null)).toBeNull();
  });

  it('an edit with empty fields keeps the stored URL and secret (neither is sent)', () => {
    const body = robotBody(
      { region: '410300', kind: 'dingtalk', url: '', secret: '', enabled: false },
      stored,
    );
    expect(body).toEqual({ kind: 'dingtalk', enabled: false });
    expect(body).not.toHaveProperty('url');
    expect(body).not.toHaveProperty('secret');
  });

  it('a new secret replaces; clearing sends null (no signing), whatever was typed', () => {
    expect(robotBody({ region: 'x', kind: 'dingtalk', secret: 'SEC1', enabled: true }, stored)).toMatchObject(
      {
        secret: 'SEC1',
      },
    );
    expect(
      robotBody({ region: 'x', kind: 'dingtalk', secret: 'SEC1', clearSecret: true, enabled: true }, stored),
    ).toMatchObject({ secret: null });
  });
});
