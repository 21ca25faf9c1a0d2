import { afterEach, describe, expect, it } from 'vitest';
import {
  amount,
  bool,
  boundedNumber,
  type CellContext,
  type CellData,
  cellText,
  date,
  enumOf,
  month,
  regionCode,
  text,
  type ValueType,
  wanCell,
  year,
} from './cells';

const ctx: CellContext = { unit: '万元', date1904: false };
const read = <V>(type: ValueType<V>, value: CellData, c: Partial<CellContext> = {}) =>
  type.parse(value, { ...ctx, ...c });

describe('dates', () => {
  it.each([
    ['2020-09-30', '2020-09-30'],
    ['2020/9/30', '2020-09-30'],
    ['2020.9.30', '2020-09-30'],
    ['2020年9月30日', '2020-09-30'],
    ['2020 年 9 月 30 日', '2020-09-30'],
    ['２０２０－０９－３０', '2020-09-30'],
    ['2020-09-30 00:00:00', '2020-09-30'],
    ['20200930', '2020-09-30'],
    ['2020-02-29', '2020-02-29'],
  ])('text %s → %s', (input, expected) => {
    expect(read(date, input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2020-02-30', '日期不存在（月份或日期超出范围）'],
    ['2019-02-29', '日期不存在（月份或日期超出范围）'],
    ['2020-13-01', '日期不存在（月份或日期超出范围）'],
    ['2020/9-30', '日期格式无法识别，应为 2020-09-30'],
    ['9/30/2020', '日期格式无法识别，应为 2020-09-30'],
    ['下月', '日期格式无法识别，应为 2020-09-30'],
    ['1850-01-01', '日期超出范围（1900–2100 年）'],
  ])('text %s is a problem: %s', (input, reason) => {
    expect(read(date, input)).toEqual({ ok: false, reason });
  });

  it('reads Date cells (UTC midnight from exceljs) by their UTC day', () => {
    expect(read(date, new Date(Date.UTC(2020, 8, 30)))).toEqual({ ok: true, value: '2020-09-30' });
    expect(read(date, new Date(Date.UTC(2020, 8, 30, 23, 59, 59)))).toEqual({
      ok: true,
      value: '2020-09-30',
    });
  });

  describe('whatever the server time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      // Assigning undefined would set the string "undefined".
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });
    it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai'])('%s', (zone) => {
      process.env.TZ = zone;
      expect(read(date, new Date(Date.UTC(2020, 0, 1)))).toEqual({ ok: true, value: '2020-01-01' });
      expect(read(date, 44104)).toEqual({ ok: true, value: '2020-09-30' });
    });
  });

  it('reads numeric Excel serials, in the 1900 and 1904 systems', () => {
    expect(read(date, 44104)).toEqual({ ok: true, value: '2020-09-30' });
    expect(read(date, 44104.75)).toEqual({ ok: true, value: '2020-09-30' });
    expect(read(date, 61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(read(date, 42642, { date1904: true })).toEqual({ ok: true, value: '2020-09-30' });
    expect(read(date, 20200930)).toEqual({ ok: true, value: '2020-09-30' });
    expect(read(date, 12)).toEqual({ ok: false, reason: '日期超出范围（1900–2100 年）' });
  });

  it('rejects booleans', () => {
    expect(read(date, true).ok).toBe(false);
  });
});

describe('amounts in 万元 → integer 元', () => {
  it.each<[CellData, bigint]>([
    ['1,234.5', 12_345_000n],
    ['１，２３４．５', 12_345_000n],
    [' 12 ', 120_000n],
    ['0.0001', 1n],
    ['.5', 5_000n],
    ['-0', 0n],
    [1234.5678, 12_345_678n],
    [0, 0n],
    // Formula noise: Excel shows 15 significant digits.
    [1234.5600000000002, 12_345_600n],
    [900719925474.0991, 9_007_199_254_740_991n],
  ])('%s', (input, yuan) => {
    expect(read(amount, input)).toEqual({ ok: true, value: yuan });
  });

  it.each<[CellData, string]>([
    ['1.23456', '金额最多 4 位小数（单位万元）'],
    [1.23456, '金额最多 4 位小数（单位万元）'],
    ['-5', '金额不能为负数'],
    [-0.5, '金额不能为负数'],
    ['12万', '金额应为数字（单位万元），如 1234.5'],
    ['约100', '金额应为数字（单位万元），如 1234.5'],
    ['1.2.3', '金额应为数字（单位万元），如 1234.5'],
    [true, '金额应为数字（单位万元），如 1234.5'],
    [new Date(0), '金额应为数字（单位万元），如 1234.5'],
  ])('%s is a problem', (input, reason) => {
    expect(read(amount, input)).toEqual({ ok: false, reason });
  });

  it('converts 亿元 and 元 exactly', () => {
    expect(read(amount, '1.23456789', { unit: '亿元' })).toEqual({ ok: true, value: 123_456_789n });
    expect(read(amount, 15.32, { unit: '亿元' })).toEqual({ ok: true, value: 1_532_000_000n });
    expect(read(amount, '1.234567891', { unit: '亿元' })).toEqual({
      ok: false,
      reason: '金额最多 8 位小数（单位亿元）',
    });
    expect(read(amount, '12345', { unit: '元' })).toEqual({ ok: true, value: 12_345n });
    expect(read(amount, '12.5', { unit: '元' })).toEqual({
      ok: false,
      reason: '金额最多 0 位小数（单位元）',
    });
  });

  it('writes a number only when it reads back exactly', () => {
    expect(wanCell(12_345_678n)).toBe(1234.5678);
    expect(wanCell(9_007_199_254_740_991n)).toBe(900719925474.0991);
    expect(wanCell(90_071_992_547_409_931n)).toBe('9007199254740.9931');
    expect(wanCell(0n)).toBe(0);
  });
});

describe('booleans', () => {
  it.each<[CellData, boolean]>([
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    [0, false],
    ['√', true],
    ['×', false],
    [true, true],
  ])('%s → %s', (input, expected) => {
    expect(read(bool, input)).toEqual({ ok: true, value: expected });
  });

  it('rejects anything else', () => {
    expect(read(bool, '已开工')).toEqual({ ok: false, reason: '应为 是 或 否' });
    expect(read(bool, 2)).toEqual({ ok: false, reason: '应为 是 或 否' });
  });
});

describe('enums', () => {
  const colour = enumOf<'red' | 'blue' | null>(
    [
      ['red', '红色', '红'],
      ['blue', '蓝色'],
      [null, '无'],
    ],
    '颜色',
  );
  it('reads labels, aliases and code names; writes the first label', () => {
    expect(read(colour, ' 红 ')).toEqual({ ok: true, value: 'red' });
    expect(read(colour, 'BLUE')).toEqual({ ok: true, value: 'blue' });
    expect(read(colour, '无')).toEqual({ ok: true, value: null });
    expect(colour.format('red')).toBe('红色');
    expect(colour.format(null)).toBe('无');
  });
  it('names the allowed labels in its problem', () => {
    expect(read(colour, '绿色')).toEqual({ ok: false, reason: '颜色应为 红色 / 蓝色 / 无' });
  });
});

describe('codes, years, months, coordinates, text', () => {
  it('region codes: 6 digits as text or number', () => {
    expect(read(regionCode, 410300)).toEqual({ ok: true, value: '410300' });
    expect(read(regionCode, ' 410300 ')).toEqual({ ok: true, value: '410300' });
    expect(read(regionCode, '41030')).toEqual({ ok: false, reason: '地区代码应为 6 位数字，如 410300' });
    expect(read(regionCode, 410300.5).ok).toBe(false);
  });

  it('years and months', () => {
    expect(read(year, 2020)).toEqual({ ok: true, value: 2020 });
    expect(read(year, '2020年')).toEqual({ ok: true, value: 2020 });
    expect(read(year, '20').ok).toBe(false);
    expect(read(month, '09')).toEqual({ ok: true, value: 9 });
    expect(read(month, '9月')).toEqual({ ok: true, value: 9 });
    expect(read(month, 13)).toEqual({ ok: false, reason: '月份应为 1–12 的整数' });
    expect(read(month, 9.5).ok).toBe(false);
  });

  it('coordinates within China', () => {
    const lng = boundedNumber('经度', 73, 136);
    expect(read(lng, '112.454')).toEqual({ ok: true, value: 112.454 });
    expect(read(lng, 12.4)).toEqual({ ok: false, reason: '经度应为 73–136 之间的数字（中国境内）' });
    expect(read(lng, '东经112').ok).toBe(false);
  });

  it('text: trimmed; numbers and dates as their text', () => {
    expect(read(text, '  洛阳  ')).toEqual({ ok: true, value: '洛阳' });
    expect(read(text, ' 第一行\r\n第二行\r第三行\n')).toEqual({ ok: true, value: '第一行\n第二行\n第三行' });
    expect(read(text, 12345)).toEqual({ ok: true, value: '12345' });
    expect(read(text, new Date(Date.UTC(2020, 8, 30)))).toEqual({ ok: true, value: '2020-09-30' });
    expect(cellText(1e-7)).toBe('0.0000001');
  });
});
