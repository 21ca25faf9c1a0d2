import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { Locale } from '../i18n/locale';
import { type Translate, translate } from '../i18n/translate';
import { refusalOf } from './self-score-refusal';

const FROZEN = '2020Q3 的考评结果已发布（第 1 版），自评分已冻结，不可再报或修改';
const problem = { file: '（录入）', row: null, column: '考评期', value: '2020Q3', reason: FROZEN };
/** What the server answers a city revising a total and two indicators of a published quarter. */
const frozen = (count: number) =>
  new ApiError(
    422,
    'input_rejected',
    count === 1 ? `（录入）：${FROZEN}，未写入任何数据` : `（录入）：${count} 处问题，未写入任何数据`,
    Array.from({ length: count }, () => problem),
  );
const tr =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);
const refusal = (error: unknown, locale: Locale) => refusalOf(error, tr(locale), locale);

describe('a refused self-score', () => {
  it('names the reason once when every score of the form is refused for it (publication freeze)', () => {
    expect(refusal(frozen(3), 'zh-CN')).toEqual({
      title: '（录入）：3 处问题，未写入任何数据',
      reasons: [FROZEN],
    });
    const en = refusal(frozen(3), 'en');
    expect(en.title).toBe('The data did not pass the checks (（录入）：3 处问题，未写入任何数据)');
    expect(en.reasons).toEqual([FROZEN]);
  });

  it('does not repeat a reason the message already gives', () => {
    expect(refusal(frozen(1), 'zh-CN')).toEqual({
      title: `（录入）：${FROZEN}，未写入任何数据`,
      reasons: [],
    });
  });

  it("gives the server's message of other refusals (another unit's score, a conflict)", () => {
    const forbidden = new ApiError(403, 'forbidden', '只能填报本单位的自评分');
    expect(refusal(forbidden, 'zh-CN')).toEqual({ title: '只能填报本单位的自评分', reasons: [] });
    expect(refusal(forbidden, 'en')).toEqual({ title: 'You may not do this', reasons: [] });
    expect(refusal(new ApiError(409, 'conflict', '记录已被修改'), 'zh-CN').title).toBe('记录已被修改');
  });
});
