import { describe, expect, it } from 'vitest';
import { columnLetter, neutraliseFormula, normaliseHeader, restoreFormula, splitUnit } from './text';

describe('header normalisation', () => {
  it('removes whitespace, line breaks and stars; full-width parentheses become half-width', () => {
    expect(normaliseHeader(' 年度计划\n投资（万元） ')).toBe('年度计划投资(万元)');
    expect(normaliseHeader('*项目 代码')).toBe('项目代码');
  });

  it('splits a trailing unit, including "单位：…"', () => {
    expect(splitUnit('总投资(亿元)')).toEqual({ base: '总投资', unit: '亿元' });
    expect(splitUnit('总投资(单位:万元)')).toEqual({ base: '总投资', unit: '万元' });
    expect(splitUnit('总投资')).toEqual({ base: '总投资', unit: null });
  });
});

it('column letters', () => {
  expect([0, 2, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'C', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});

describe('formula neutralisation', () => {
  it.each(['=1+2', '+1', '-1', '@x', '\tx', '\rx', "'=x", "''+x"])(
    '%j round-trips through an apostrophe',
    (t) => {
      expect(neutraliseFormula(t)).toBe(`'${t}`);
      expect(restoreFormula(neutraliseFormula(t))).toBe(t);
    },
  );

  it.each(['abc', "'abc", "'", '1-2', ''])('%j is left alone', (t) => {
    expect(neutraliseFormula(t)).toBe(t);
    expect(restoreFormula(t)).toBe(t);
  });
});
