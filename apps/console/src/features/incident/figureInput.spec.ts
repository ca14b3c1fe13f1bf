import { MAX_PEOPLE_COUNT, figureErrors } from '@beacon/domain';
import { readFigureInput } from './figureInput';

describe('readFigureInput', () => {
  it.each([
    ['deaths', '3', { value: 3 }],
    ['deaths', ' 0 ', { value: 0 }],
    ['trapped', '2.5', { problem: 'badCount' }],
    ['relocated', '3.7', { problem: 'badCount' }],
    ['injured', '-1', { problem: 'badCount' }],
    ['missing', 'abc', { problem: 'badCount' }],
    ['missing', '', { problem: 'badCount' }],
    ['trapped', String(2 ** 53), { problem: 'tooLarge', limit: MAX_PEOPLE_COUNT }],
    ['economicLossCny', '1234.5', { value: 1234.5 }],
    ['economicLossCny', '-5', { problem: 'badNumber' }],
    ['economicLossCny', '1000000000000000', { problem: 'tooLarge', limit: 99_999_999_999_999 }],
    ['economicLossCny', '1e15', { problem: 'badNumber' }],
    ['burnedAreaHa', 'x', { problem: 'badNumber' }],
    ['magnitude', '10', { value: 10 }],
    ['magnitude', '-1.5', { value: -1.5 }],
    ['magnitude', '10.1', { problem: 'tooLarge', limit: 10 }],
    ['magnitude', '-4', { problem: 'tooSmall', limit: -3 }],
    ['magnitude', 'abc', { problem: 'notANumber' }],
    ['deaths', '１２', { value: 12 }],
    ['economicLossCny', '１２３４.５', { value: 1234.5 }],
    ['trapped', '0x10', { problem: 'badCount' }],
    ['injured', '1e3', { problem: 'badCount' }],
    ['burnedAreaHa', '.5', { value: 0.5 }],
  ] as const)('%s "%s" → %j', (field, raw, expected) => {
    expect(readFigureInput(field, raw)).toEqual(expected);
  });

  it('agrees with the domain\'s figureErrors on what it accepts', () => {
    for (const [field, raw] of [['deaths', '7'], ['magnitude', '-2'], ['burnedAreaHa', '0.5'], ['deaths', '1.5'], ['magnitude', '11']] as const) {
      const read = readFigureInput(field, raw);
      expect('value' in read).toBe(figureErrors({ [field]: Number(raw) }) === null);
    }
  });
});
