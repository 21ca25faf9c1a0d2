import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { type Body, changes, initialValues, monthAmount, toBody } from './report-fill-values';

const stored: Body = {
  investYtd: '123456',
  started: true,
  startDate: '2020-03-02',
  completed: false,
  completionDate: null,
  progressNote: '主体施工',
  problems: null,
};

describe('the fill form values', () => {
  it('round-trips the stored values: 元 shown in 万元 and sent back exact', () => {
    const values = initialValues(stored);
    expect(values.investWan).toBe('12.3456');
    expect(values.startDate?.format('YYYY-MM-DD')).toBe('2020-03-02');
    expect(values.problems).toBe('');
    expect(toBody(values)).toEqual(stored);
    expect(changes(toBody(values), stored)).toEqual({});
  });

  it('sends a date only with its flag, and blank text as null', () => {
    const body = toBody({
      ...initialValues(stored),
      started: false,
      completed: false,
      completionDate: dayjs('2020-09-30'),
      progressNote: '   ',
      problems: ' 征地 ',
    });
    expect(body).toMatchObject({
      startDate: null,
      completionDate: null,
      progressNote: null,
      problems: '征地',
    });
    expect(changes(body, stored)).toEqual({
      started: false,
      startDate: null,
      progressNote: null,
      problems: '征地',
    });
  });

  it('gives the month its own amount: January its cumulative, later months less the month before', () => {
    const previous = { year: 2020, month: 8, investYtd: '100000', state: 'approved' };
    expect(monthAmount({ year: 2020, month: 9, previous }, '12.3456')).toBe(23456n);
    expect(monthAmount({ year: 2020, month: 9, previous }, '5')).toBe(-50000n);
    expect(monthAmount({ year: 2021, month: 1, previous }, '1.5')).toBe(15000n);
    // no report for the month before, or no amount: unknown
    expect(monthAmount({ year: 2020, month: 10, previous }, '12')).toBeNull();
    expect(monthAmount({ year: 2020, month: 9, previous: null }, '12')).toBeNull();
    expect(monthAmount({ year: 2020, month: 9, previous }, '12.34567')).toBeNull();
  });
});
