import { describe, expect, it } from 'vitest';
import {
  checkProjectYear,
  DEFAULT_QUALITY_THRESHOLDS,
  type QualityProject,
  type QualityReport,
  qualityMetrics,
} from './data-quality';

const WAN = 10_000n;
const project = (over: Partial<QualityProject> = {}): QualityProject => ({
  code: 'P1',
  totalInvestment: null,
  investedBefore: 0n,
  actualStart: '2023-03-01',
  ...over,
});
let note = 0;
/** A clean report: cumulative in 万元, a fresh progress text each month. */
const report = (month: number, ytdWan: bigint, over: Partial<QualityReport> = {}): QualityReport => ({
  month,
  investYtd: ytdWan * WAN,
  started: true,
  startDate: '2023-03-01',
  completed: false,
  completionDate: null,
  progressNote: `第 ${++note} 次进度`,
  ...over,
});
const checks = (p: QualityProject, reports: QualityReport[], t = DEFAULT_QUALITY_THRESHOLDS) =>
  checkProjectYear(p, 2024, reports, t).map((f) => `${f.check}@${f.month}`);

describe('checkProjectYear', () => {
  it('finds nothing on a clean year', () => {
    const reports = [report(1, 100n), report(2, 250n), report(3, 400n), report(4, 400n)];
    expect(checks(project({ totalInvestment: 5000n * WAN }), reports)).toEqual([]);
  });

  it('cumulative falling: fires when lower than the previous report, not when equal', () => {
    const found = checkProjectYear(project(), 2024, [report(1, 300n), report(2, 300n), report(4, 120n)]);
    expect(found.map((f) => `${f.check}@${f.month}`)).toEqual(['cumulative_falling@4']);
    const f = found[0]!;
    expect(f).toMatchObject({ severity: 'error', projectCode: 'P1', year: 2024 });
    expect(f.message).toBe('4月累计完成投资 120 万元，低于2月的 300 万元（减少 180 万元）');
    expect(f.fix).toContain('只增不减');
    expect(f.figures).toEqual({ investYtd: '1200000', previousMonth: 2, previousYtd: '3000000' });
  });

  it('reports in any order are checked month by month', () => {
    expect(checks(project(), [report(3, 50n), report(1, 20n), report(2, 60n)])).toEqual([
      'cumulative_falling@3',
    ]);
  });

  it('month over remaining: the month that crosses the total, exactly at the total is fine', () => {
    const p = project({ totalInvestment: 1000n * WAN, investedBefore: 600n * WAN });
    // 600 before + 400 = exactly the total: no finding
    expect(checks(p, [report(1, 100n), report(2, 400n)])).toEqual([]);
    const found = checkProjectYear(p, 2024, [report(1, 100n), report(2, 400n), report(3, 450n)]);
    expect(found.map((f) => f.check)).toEqual(['month_over_remaining']);
    expect(found[0]!.message).toBe(
      '3月新增投资 50 万元，超过总投资 1000 万元 尚未完成的 0 万元（以前年度已完成 600 万元，本年此前累计 400 万元）',
    );
    expect(found[0]!.figures).toMatchObject({ amount: '500000', remaining: '0' });
  });

  it('over total: the months after the crossing that stay above the total', () => {
    const p = project({ totalInvestment: 1000n * WAN, investedBefore: 900n * WAN });
    expect(checks(p, [report(1, 50n), report(2, 150n), report(3, 160n)])).toEqual([
      'month_over_remaining@2',
      'over_total@3',
    ]);
    const over = checkProjectYear(p, 2024, [report(1, 200n)]);
    expect(over.map((f) => f.check)).toEqual(['month_over_remaining']);
    // already over before the year: every month is over_total
    const before = project({ totalInvestment: 1000n * WAN, investedBefore: 1001n * WAN });
    expect(checks(before, [report(1, 0n), report(2, 10n)])).toEqual(['over_total@1', 'over_total@2']);
  });

  it('total checks are skipped without a total investment', () => {
    expect(checks(project({ investedBefore: 10n ** 12n }), [report(1, 10n ** 6n)])).toEqual([]);
  });

  it('jump up: exactly the factor fires, just under does not', () => {
    const p = project();
    // month 1: 20 万元; month 2: +2000 万元 = 100× → jump
    expect(checks(p, [report(1, 20n), report(2, 2020n)])).toEqual(['jump@2']);
    // +1999 万元 is under 100×
    expect(checks(p, [report(1, 20n), report(2, 2019n)])).toEqual([]);
    const f = checkProjectYear(p, 2024, [report(1, 20n), report(2, 2020n)])[0]!;
    expect(f.message).toBe('2月新增投资 2000 万元，是1月新增 20 万元 的 100 倍');
    expect(f.severity).toBe('warning');
  });

  it('jump up: a previous amount under the floor raises no alarm (tiny first amounts)', () => {
    const p = project();
    // 9.9999 万元 then 100 000 万元: below the 10 万元 floor
    expect(
      checks(p, [report(1, 0n, { investYtd: 99_999n }), report(2, 0n, { investYtd: 99_999n + 10n ** 9n })]),
    ).toEqual([]);
    // exactly at the floor: fires
    expect(checks(p, [report(1, 10n), report(2, 10n + 1000n)])).toEqual(['jump@2']);
  });

  it('jump: compares with the latest earlier month that had a new amount, skipping flat months', () => {
    expect(checks(project(), [report(1, 50n), report(2, 50n), report(3, 50n + 5000n)])).toEqual(['jump@3']);
  });

  it('jump down: a 亿元-for-万元 slip, with the previous amount at least factor × floor', () => {
    const p = project();
    // 1000 万元 then 10 万元: 1/100 → fires
    expect(checks(p, [report(1, 1000n), report(2, 1010n)])).toEqual(['jump@2']);
    // previous 999 万元 < 100 × 10 万元 floor: no alarm
    expect(checks(p, [report(1, 999n), report(2, 999n + 1n)])).toEqual([]);
    const f = checkProjectYear(p, 2024, [report(1, 1000n), report(2, 1010n)])[0]!;
    expect(f.message).toBe('2月新增投资 10 万元，仅为1月新增 1000 万元 的 1/100');
  });

  it('jump factor and floor come from the thresholds', () => {
    const t = { ...DEFAULT_QUALITY_THRESHOLDS, jumpFactor: 10, jumpFloorWan: 0.5 };
    expect(checks(project(), [report(1, 1n), report(2, 11n)], t)).toEqual(['jump@2']);
    expect(checks(project(), [report(1, 1n), report(2, 10n)], t)).toEqual([]);
  });

  it('completed without a start; started in an earlier month or on the project is enough', () => {
    const none = project({ actualStart: null });
    const notStarted = { started: false, startDate: null };
    expect(
      checks(none, [report(1, 0n, notStarted), report(2, 0n, { ...notStarted, completed: true })]),
    ).toEqual(['completed_not_started@2']);
    expect(
      checks(none, [report(1, 0n, { startDate: null }), report(2, 0n, { ...notStarted, completed: true })]),
    ).toEqual([]);
    expect(checks(project(), [report(1, 0n, { ...notStarted, completed: true })])).toEqual([]);
  });

  it('completion date before the start date; the same day is fine', () => {
    const p = project({ actualStart: null });
    const done = (completionDate: string) =>
      report(5, 10n, { startDate: '2024-03-10', completed: true, completionDate });
    expect(checks(p, [done('2024-03-09')])).toEqual(['completion_before_start@5']);
    expect(checks(p, [done('2024-03-10')])).toEqual([]);
    const f = checkProjectYear(p, 2024, [done('2024-03-09')])[0]!;
    expect(f.message).toBe('竣工日期 2024-03-09 早于开工日期 2024-03-10');
  });

  it('copied progress: fires from the Nth consecutive identical month on', () => {
    const same = { progressNote: '主体结构施工' };
    const reports = [1, 2, 3, 4].map((m) => report(m, BigInt(m) * 10n, same));
    expect(checks(project(), reports.slice(0, 2))).toEqual([]);
    expect(checks(project(), reports)).toEqual(['copied_progress@3', 'copied_progress@4']);
    const f = checkProjectYear(project(), 2024, reports)[1]!;
    expect(f.message).toBe('形象进度已连续 4 个月（1月至4月）完全相同：“主体结构施工”');
    expect(f.figures).toEqual({ months: 4, firstMonth: 1 });
  });

  it('copied progress: a gap month, changed text, surrounding spaces and a completed project', () => {
    const same = { progressNote: '主体结构施工' };
    // a month missing breaks the run
    expect(checks(project(), [report(1, 1n, same), report(2, 2n, same), report(4, 4n, same)])).toEqual([]);
    // spaces around the text do not make it new
    expect(
      checks(project(), [
        report(1, 1n, same),
        report(2, 2n, { progressNote: ' 主体结构施工 ' }),
        report(3, 3n, same),
      ]),
    ).toEqual(['copied_progress@3']);
    const done = { progressNote: '已竣工', completed: true, completionDate: '2024-01-20' };
    expect(
      checks(
        project(),
        [1, 2, 3].map((m) => report(m, 5n, done)),
      ),
    ).toEqual([]);
    const t = { ...DEFAULT_QUALITY_THRESHOLDS, copiedMonths: 2 };
    expect(checks(project(), [report(1, 1n, same), report(2, 2n, same)], t)).toEqual(['copied_progress@2']);
  });

  it('blank progress counts separately, never as copied text', () => {
    const blank = { progressNote: '  ' };
    expect(
      checks(
        project(),
        [1, 2, 3].map((m) => report(m, BigInt(m), blank)),
      ),
    ).toEqual(['blank_progress@1', 'blank_progress@2', 'blank_progress@3']);
    expect(
      checks(project(), [
        report(1, 1n, { progressNote: null, completed: true, completionDate: '2024-01-02' }),
      ]),
    ).toEqual([]);
  });
});

describe('qualityMetrics', () => {
  it('counts findings and the share of clean reports (null without reports)', () => {
    expect(qualityMetrics({ reports: 8, clean: 6, errors: 1, warnings: 3 })).toEqual({
      'reports.qualityFindings': 4,
      'reports.cleanRate': 0.75,
    });
    expect(qualityMetrics({ reports: 0, clean: 0, errors: 0, warnings: 0 })['reports.cleanRate']).toBeNull();
  });
});
