import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../period';
import { streakWording } from './streak';

const q = (n: number) => parsePeriod(`2020Q${n}`);

describe('streak wording', () => {
  it('writes the seed sentence when first in Q1, Q2 and Q3', () => {
    const s = streakWording(
      { period: q(3), rank: 1 },
      [
        { period: q(1), rank: 1 },
        { period: q(2), rank: 1 },
      ],
      '全省',
    );
    expect(s.lead).toBe('我市继在第一、二季度夺得头名后，于第三季度再获全省第一');
    expect(s.headline).toBe('我市再获全省第一');
    expect(s.streakLine).toBe('连续三季度获得全省第一');
    expect(s.streak).toBe(3);
    expect(s.moved).toBe(0);
  });

  it('counts only the run that ends with this quarter', () => {
    const s = streakWording(
      { period: q(3), rank: 1 },
      [
        { period: q(1), rank: 1 },
        { period: q(2), rank: 4 },
      ],
      '全省',
    );
    expect(s.lead).toBe('我市于第三季度重获全省第一，较上季度上升3位');
    expect(s.streakLine).toBeNull();
    const two = streakWording({ period: q(2), rank: 1 }, [{ period: q(1), rank: 1 }], '全省');
    expect(two.lead).toBe('我市继在第一季度夺得头名后，于第二季度再获全省第一');
    expect(two.streakLine).toBe('连续两季度获得全省第一');
  });

  it('writes the place and the move when not first', () => {
    expect(streakWording({ period: q(3), rank: 3 }, [{ period: q(2), rank: 5 }], '全省').lead).toBe(
      '我市位列全省第三名，较上季度上升2位',
    );
    expect(streakWording({ period: q(3), rank: 4 }, [{ period: q(2), rank: 2 }], '全省').lead).toBe(
      '我市位列全省第四名，较上季度下降2位',
    );
    expect(streakWording({ period: q(3), rank: 2 }, [{ period: q(2), rank: 2 }], '全省').lead).toBe(
      '我市位列全省第二名，与上季度持平',
    );
    expect(streakWording({ period: q(1), rank: 2 }, [], '全省')).toMatchObject({
      lead: '我市位列全省第二名',
      headline: '我市位列全省第二名',
      moved: null,
    });
  });

  it('ignores a previous period that is not adjacent or not ranked', () => {
    const s = streakWording(
      { period: q(3), rank: 1 },
      [
        { period: q(1), rank: 1 },
        { period: q(2), rank: null },
      ],
      '全省',
    );
    expect(s.streak).toBe(1);
    expect(s.lead).toBe('我市于第三季度重获全省第一');
  });

  it('words months by the previous month', () => {
    const s = streakWording(
      { period: parsePeriod('2020-09'), rank: 1 },
      [{ period: parsePeriod('2020-08'), rank: 1 }],
      '全省',
      '我县',
    );
    expect(s.lead).toBe('我县继在8月夺得头名后，于9月再获全省第一');
    expect(s.streakLine).toBe('连续两个月获得全省第一');
  });
});
