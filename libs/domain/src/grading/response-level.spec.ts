import type { Grade } from '../contracts/incidents.js';
import { defaultOwnerLevel, responseLevelForGrade } from './response-level.js';

describe('response level and default owner (§3)', () => {
  it.each<[Grade, number, string]>([
    ['I', 1, 'national'],
    ['II', 2, 'province'],
    ['III', 3, 'city'],
    ['IV', 4, 'district'],
  ])('grade %s → response level %i, owned by %s', (grade, level, owner) => {
    expect(responseLevelForGrade(grade)).toBe(level);
    expect(defaultOwnerLevel(grade)).toBe(owner);
  });
});
