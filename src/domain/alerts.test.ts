import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_THRESHOLDS, type ProjectFacts, projectAlerts, regionAlerts } from './alerts';

const YI = 100_000_000n;
const SEPT = { year: 2020, month: 9, end: '2020-09-30' };
const JUNE = { year: 2020, month: 6, end: '2020-06-30' };

/** A project on time in every respect; each test spoils one fact. */
const fine = (overrides: Partial<ProjectFacts> = {}): ProjectFacts => ({
  annualTarget: 100n * YI,
  investYtd: 75n * YI,
  plannedStart: '2020-03-01',
  started: true,
  completed: false,
  reported: true,
  issues: [],
  ...overrides,
});

const kinds = (facts: ProjectFacts, period = SEPT) =>
  projectAlerts(facts, period).alerts.map((a) => `${a.kind}:${a.level}`);

describe('behind_time', () => {
  it('is green on time progress, yellow more than 10 points behind, red more than 20', () => {
    // September: time progress 75%.
    expect(projectAlerts(fine(), SEPT)).toEqual({ level: 'green', alerts: [] });
    expect(kinds(fine({ investYtd: 64n * YI }))).toEqual(['behind_time:yellow']);
    expect(kinds(fine({ investYtd: 54n * YI }))).toEqual(['behind_time:red']);
  });

  it('takes exactly 10 or 20 points behind as within the threshold', () => {
    // June: 50%. 40% is exactly 10 behind, 30% exactly 20 behind: not "more than".
    expect(kinds(fine({ investYtd: 40n * YI }), JUNE)).toEqual([]);
    expect(kinds(fine({ investYtd: 30n * YI }), JUNE)).toEqual(['behind_time:yellow']);
    // one 元 less tips each over
    expect(kinds(fine({ investYtd: 40n * YI - 1n }), JUNE)).toEqual(['behind_time:yellow']);
    expect(kinds(fine({ investYtd: 30n * YI - 1n }), JUNE)).toEqual(['behind_time:red']);
  });

  it('states the gap and what to do, and uses configured thresholds', () => {
    const [alert] = projectAlerts(fine({ investYtd: 50n * YI }), SEPT).alerts;
    expect(alert).toMatchObject({ kind: 'behind_time', level: 'red', value: -25, threshold: -20 });
    expect(alert!.message).toContain('落后时序进度 75% 共 25 个百分点');
    expect(alert!.message).toContain('请加快投资进度');
    const loose = { ...DEFAULT_ALERT_THRESHOLDS, behindRed: 30, behindYellow: 26 };
    expect(projectAlerts(fine({ investYtd: 50n * YI }), SEPT, loose).level).toBe('green');
  });

  it('counts no report as nothing invested, and skips a project without a target', () => {
    expect(kinds(fine({ investYtd: null }))).toEqual(['behind_time:red']);
    expect(kinds(fine({ annualTarget: null, investYtd: null }))).toEqual([]);
    expect(kinds(fine({ annualTarget: 0n, investYtd: 0n }))).toEqual([]);
  });

  it('turns back to green when the gap is made up in a later month', () => {
    const august = { year: 2020, month: 8, end: '2020-08-31' };
    expect(projectAlerts(fine({ investYtd: 40n * YI }), august).level).toBe('red');
    expect(projectAlerts(fine({ investYtd: 76n * YI }), SEPT)).toEqual({ level: 'green', alerts: [] });
  });
});

describe('not_started', () => {
  it('is yellow up to 30 days past the planned start, red beyond', () => {
    expect(kinds(fine({ started: false, plannedStart: '2020-09-30' }))).toEqual([]);
    expect(kinds(fine({ started: false, plannedStart: '2020-09-29' }))).toEqual(['not_started:yellow']);
    // 2020-08-31 → 2020-09-30: exactly 30 days
    expect(kinds(fine({ started: false, plannedStart: '2020-08-31' }))).toEqual(['not_started:yellow']);
    expect(kinds(fine({ started: false, plannedStart: '2020-08-30' }))).toEqual(['not_started:red']);
    expect(kinds(fine({ started: false, plannedStart: '2020-12-01' }))).toEqual([]);
    expect(kinds(fine({ started: false, plannedStart: null }))).toEqual([]);
  });

  it('says how late and turns green once started', () => {
    const [alert] = projectAlerts(fine({ started: false, plannedStart: '2020-07-01' }), SEPT).alerts;
    expect(alert).toMatchObject({ level: 'red', value: 91, threshold: 30 });
    expect(alert!.message).toBe(
      '计划 2020-07-01 开工，至 2020-09-30 仍未开工（逾期 91 天）；请尽快开工或说明原因',
    );
    expect(kinds(fine({ started: true, plannedStart: '2020-07-01' }))).toEqual([]);
  });
});

describe('no_report', () => {
  it('is yellow without a report for month N, except for a completed project', () => {
    const light = projectAlerts(fine({ reported: false }), SEPT);
    expect(light.level).toBe('yellow');
    expect(light.alerts[0]).toMatchObject({ kind: 'no_report', level: 'yellow' });
    expect(light.alerts[0]!.message).toContain('2020年9月月报未报送');
    expect(kinds(fine({ reported: false, completed: true }))).toEqual([]);
  });
});

describe('issue_overdue', () => {
  it('is yellow more than 30 days after raising, red more than 60', () => {
    const open = (raisedDate: string, resolvedDate: string | null = null) => ({ raisedDate, resolvedDate });
    // 2020-08-31 is exactly 30 days before 2020-09-30; 2020-08-01 is 60.
    expect(kinds(fine({ issues: [open('2020-08-31')] }))).toEqual([]);
    expect(kinds(fine({ issues: [open('2020-08-30')] }))).toEqual(['issue_overdue:yellow']);
    expect(kinds(fine({ issues: [open('2020-08-01')] }))).toEqual(['issue_overdue:yellow']);
    expect(kinds(fine({ issues: [open('2020-07-31')] }))).toEqual(['issue_overdue:red']);
    // resolved by the period end: no warning; resolved after it: still open at the end
    expect(kinds(fine({ issues: [open('2020-07-01', '2020-09-30')] }))).toEqual([]);
    expect(kinds(fine({ issues: [open('2020-07-01', '2020-10-05')] }))).toEqual(['issue_overdue:red']);
    // raised after the period end: not counted
    expect(kinds(fine({ issues: [open('2020-10-01')] }))).toEqual([]);
  });

  it('names how many and the oldest', () => {
    const issues = [
      { raisedDate: '2020-08-15', resolvedDate: null },
      { raisedDate: '2020-06-01', resolvedDate: null },
      { raisedDate: '2020-09-20', resolvedDate: null },
    ];
    const [alert] = projectAlerts(fine({ issues }), SEPT).alerts;
    expect(alert).toMatchObject({ kind: 'issue_overdue', level: 'red', value: 121, threshold: 60 });
    expect(alert!.message).toBe('2 个问题提出后超过 30 天未解决（最久 121 天）；请责任单位限期协调解决');
  });
});

describe('a project with several warnings', () => {
  it('lists each and is red when any is red', () => {
    const light = projectAlerts(
      fine({ investYtd: 70n * YI, started: false, plannedStart: '2020-09-15', reported: false }),
      SEPT,
    );
    expect(light.alerts.map((a) => a.kind)).toEqual(['not_started', 'no_report']);
    expect(light.level).toBe('yellow');
    const worse = projectAlerts(fine({ investYtd: 10n * YI, reported: false }), SEPT);
    expect(worse.level).toBe('red');
  });
});

describe('region_behind', () => {
  const province = { annualTarget: 1000n * YI, investYtd: 800n * YI }; // 80%

  it('is yellow more than 10 points below the province average, red more than 20', () => {
    expect(regionAlerts({ annualTarget: 100n * YI, investYtd: 70n * YI }, province).level).toBe('green');
    expect(regionAlerts({ annualTarget: 100n * YI, investYtd: 70n * YI - 1n }, province).level).toBe(
      'yellow',
    );
    expect(regionAlerts({ annualTarget: 100n * YI, investYtd: 60n * YI }, province).level).toBe('yellow');
    const red = regionAlerts({ annualTarget: 100n * YI, investYtd: 50n * YI }, province);
    expect(red.level).toBe('red');
    expect(red.alerts[0]).toMatchObject({ kind: 'region_behind', value: -30, threshold: -20 });
    expect(red.alerts[0]!.message).toContain('低于全省平均 80% 共 30 个百分点');
  });

  it('is green without a target, and once the gap is made up', () => {
    expect(regionAlerts({ annualTarget: 0n, investYtd: 0n }, province).level).toBe('green');
    expect(regionAlerts({ annualTarget: 100n * YI, investYtd: 85n * YI }, province).level).toBe('green');
  });
});
