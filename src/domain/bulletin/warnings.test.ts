import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../period';
import type { TableBlock } from './model';
import type { WarningsSnapshot } from './snapshot';
import {
  annexRows,
  type BulletinWarning,
  RED_LISTED_PER_UNIT,
  warningCounts,
  warningsAppendix,
} from './warnings';

const SEPT = parsePeriod('2020-09');
const YI = 100_000_000n;

function warning(
  code: string,
  unit: string,
  level: 'red' | 'yellow',
  target: bigint | null,
): BulletinWarning {
  const name = unit === '410300' ? '洛阳市' : unit === '410800' ? '焦作市' : '巩义市';
  return {
    code,
    name: `项目${code}`,
    regionCode: unit === '410300' ? '410322' : unit,
    regionName: unit === '410300' ? '孟津县' : name,
    unitCode: unit,
    unitName: name,
    level,
    alerts: [{ message: `${code}的预警` }],
    annualTarget: target,
    investYtd: target === null ? null : target / 2n,
  };
}

/** Luoyang: 5 red (more than listed) and 1 yellow; Jiaozuo: 1 red; Gongyi: none. */
const SNAPSHOT: WarningsSnapshot = {
  units: [
    { code: '410300', name: '洛阳市' },
    { code: '410800', name: '焦作市' },
    { code: '410181', name: '巩义市' },
  ],
  counts: { red: 6, yellow: 1, green: 40 },
  projects: [
    warning('L1', '410300', 'red', 1n * YI),
    warning('L2', '410300', 'red', 5n * YI),
    warning('L3', '410300', 'red', null),
    warning('L4', '410300', 'red', 9n * YI),
    warning('L5', '410300', 'red', 3n * YI),
    warning('J1', '410800', 'red', 2n * YI),
    warning('L6', '410300', 'yellow', 8n * YI),
  ],
};

const tables = (blocks: { kind: string }[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('the warnings 附件', () => {
  const appendix = warningsAppendix('附件3', SEPT, SNAPSHOT, '附件4');

  it('counts red and yellow per unit, zeros included, with a total', () => {
    expect(
      warningCounts(SNAPSHOT.units, SNAPSHOT.projects).map((c) => [c.unit.name, c.red, c.yellow]),
    ).toEqual([
      ['洛阳市', 5, 1],
      ['焦作市', 1, 0],
      ['巩义市', 0, 0],
    ]);
    expect(tables(appendix.blocks)[0]!.rows).toEqual([
      ['1', '洛阳市', '5', '1', '6'],
      ['2', '焦作市', '1', '0', '1'],
      ['3', '巩义市', '0', '0', '0'],
      ['', '合计', '6', '1', '7'],
    ]);
  });

  it('lists at most the capped number of red projects per unit, the largest first, and counts the rest', () => {
    expect(RED_LISTED_PER_UNIT).toBe(3);
    const red = tables(appendix.blocks)[1]!;
    expect(red.rows.map((r) => r.slice(0, 3))).toEqual([
      ['1', '洛阳市孟津县', '项目L4'],
      ['2', '洛阳市孟津县', '项目L2'],
      ['3', '洛阳市孟津县', '项目L5'],
      ['', '洛阳市', '另有2个红灯项目'],
      ['4', '焦作市', '项目J1'],
    ]);
    expect(red.rows[3]![3]).toBe('见附件4');
    // no yellow project is named in the document
    expect(JSON.stringify(appendix)).not.toContain('项目L6');
    expect(appendix.blocks[0]).toMatchObject({
      kind: 'paragraph',
      text: expect.stringContaining('全省监测的省市重点项目47个，其中亮红灯6个、黄灯1个、绿灯40个'),
    });
  });

  it('says so when nothing is red or yellow', () => {
    const none = warningsAppendix('附件3', SEPT, { ...SNAPSHOT, projects: [] }, '');
    expect(none.blocks).toEqual([{ kind: 'paragraph', text: '2020年9月没有亮红灯、黄灯的重点项目。' }]);
  });

  it('puts every red and yellow project in the spreadsheet rows, red first, by unit, then by code', () => {
    expect(annexRows(SNAPSHOT).map((w) => w.code)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'J1', 'L6']);
    expect(annexRows(SNAPSHOT, '410800').map((w) => w.code)).toEqual(['J1']);
  });
});
