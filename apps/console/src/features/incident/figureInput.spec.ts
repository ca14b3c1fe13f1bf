import { readFigureInput } from './figureInput';

describe('readFigureInput', () => {
  it.each([
    ['deaths', '3', { value: 3 }],
    ['deaths', ' 0 ', { value: 0 }],
    ['trapped', '2.5', { problem: 'badCount' }],
    ['relocated', '3.7', { problem: 'badCount' }],
    ['injured', '-1', { problem: 'badCount' }],
    ['missing', 'abc', { problem: 'badCount' }],
    ['economicLossCny', '1234.5', { value: 1234.5 }],
    ['economicLossCny', '-5', { problem: 'badNumber' }],
    ['burnedAreaHa', 'x', { problem: 'badNumber' }],
    ['magnitude', '10', { value: 10 }],
    ['magnitude', '10.1', { problem: 'magnitudeMax' }],
    ['magnitude', '12', { problem: 'magnitudeMax' }],
  ] as const)('%s "%s" → %j', (field, raw, expected) => {
    expect(readFigureInput(field, raw)).toEqual(expected);
  });
});
