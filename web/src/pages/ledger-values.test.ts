// The record form's conversions: 万元 typed → 元 sent exactly, dates, nulls, what a patch sends,
// and how the server's zod problems read.
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { type MessageKey, zhCN } from '../i18n/zh-CN';
import { type FieldDef, problemText, requestBody, toApiValues, toFormValues } from './ledger-values';

const FIELDS: FieldDef[] = [
  { name: 'code', label: 'projects.code', type: 'projectCode', createOnly: true },
  { name: 'name', label: 'projects.name', type: 'text' },
  { name: 'totalInvestment', label: 'projects.totalInvestment', type: 'money' },
  { name: 'plannedStart', label: 'projects.plannedStart', type: 'date' },
  { name: 'lng', label: 'projects.lng', type: 'decimal' },
  { name: 'major', label: 'ledgers.reserve.major', type: 'bool' },
];

describe('record form values', () => {
  it('turns an API record into form values and back without changing it', () => {
    const record = {
      version: 3,
      code: '2020-410300-47-01-012345',
      name: '洛阳市测试项目',
      totalInvestment: '9007199254740993',
      plannedStart: '2020-02-29',
      lng: 112.45,
      major: true,
    };
    const values = toFormValues(record, FIELDS);
    expect(values.totalInvestment).toBe('900719925474.0993');
    expect((values.plannedStart as dayjs.Dayjs).format('YYYY-MM-DD')).toBe('2020-02-29');
    expect(requestBody(values, FIELDS, record)).toEqual({ version: 3 });
  });

  it('sends only what changed in a patch, with null for a cleared field', () => {
    const record = {
      version: 1,
      code: 'x',
      name: 'a',
      totalInvestment: '10000',
      plannedStart: null,
      lng: null,
    };
    const body = requestBody(
      { name: ' b ', totalInvestment: '', plannedStart: dayjs('2021-03-01'), lng: undefined },
      FIELDS,
      record,
    );
    expect(body).toEqual({
      version: 1,
      name: 'b',
      totalInvestment: null,
      plannedStart: '2021-03-01',
      major: false,
    });
  });

  it('leaves empty fields out of a create so the server defaults apply', () => {
    const body = requestBody(
      { code: '2020-410300-47-01-012345', name: 'n', totalInvestment: '12.3456' },
      FIELDS,
    );
    expect(body).toEqual({
      code: '2020-410300-47-01-012345',
      name: 'n',
      totalInvestment: '123456',
      major: false,
    });
  });

  it('converts every field type', () => {
    expect(toApiValues({ totalInvestment: '0.0001', lng: 0 }, FIELDS)).toMatchObject({
      totalInvestment: '1',
      lng: 0,
      name: null,
    });
  });

  it('reads zod problems in Chinese by their code, keeps Chinese server messages', () => {
    const t = (key: MessageKey) => zhCN[key];
    expect(
      problemText(
        { path: 'name', message: 'String must contain at least 1 character(s)', code: 'too_small' },
        t,
        'zh-CN',
      ),
    ).toBe('值过小或内容过短');
    expect(problemText({ path: 'plannedStart', message: '日期无效', code: 'custom' }, t, 'zh-CN')).toBe(
      '日期无效',
    );
    const english = (key: MessageKey) => en[key];
    expect(
      problemText(
        { path: 'name', message: 'String must contain at least 1 character(s)', code: 'too_small' },
        english,
        'en',
      ),
    ).toBe('String must contain at least 1 character(s)');
    expect(problemText({ path: 'plannedStart', message: '日期无效', code: 'custom' }, english, 'en')).toBe(
      'Not valid',
    );
  });
});
