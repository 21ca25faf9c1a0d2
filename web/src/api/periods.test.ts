import { describe, expect, it } from 'vitest';
import { periodsWithData, splitMonth } from './periods';

const month = (period: string, hasData: boolean) => {
  const [year, m] = period.split('-').map(Number);
  return { period, year: year!, month: m!, submitted: hasData ? 3 : 0, pending: 1, closed: true, hasData };
};

describe('the periods a picker marks', () => {
  it('marks months with data, the quarters they end and their years; a draft-only month is not marked', () => {
    const marked = periodsWithData([
      month('2020-08', true),
      month('2020-09', true),
      month('2020-12', false),
      month('2021-02', true),
    ]);
    expect([...marked].sort()).toEqual(['2020', '2020-08', '2020-09', '2020Q3', '2021', '2021-02']);
    expect(marked.has('2020Q4')).toBe(false);
    expect(marked.has('2021Q1')).toBe(false);
  });

  it('marks nothing before the periods are known', () => {
    expect(periodsWithData(undefined).size).toBe(0);
  });

  it('splits a month id, and nothing else', () => {
    expect(splitMonth('2020-09')).toEqual({ year: 2020, month: 9 });
    expect(splitMonth('2020Q3')).toBeNull();
    expect(splitMonth(null)).toBeNull();
  });
});
