import { DomainError } from '../errors/domain-error.js';
import { correctClassification } from './correct-classification.js';

const fire = { category: 'ACCIDENT', type: 'fire' } as const;

describe('correctClassification (an officer corrects what an incident is)', () => {
  it('a type alone brings its own category', () => {
    expect(correctClassification(fire, { type: 'flood' })).toEqual({ category: 'NATURAL', type: 'flood', changed: ['category', 'type'] });
  });

  it('a type of the same category changes only the type', () => {
    expect(correctClassification(fire, { type: 'hazmat' })).toEqual({ category: 'ACCIDENT', type: 'hazmat', changed: ['type'] });
  });

  it('refuses a category with a type that is not one of its sub-types, naming the type field', () => {
    let error: unknown;
    try {
      correctClassification(fire, { category: 'NATURAL', type: 'hazmat' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', kind: 'invalid', fields: { type: 'not a sub-type of NATURAL' } });
  });

  it('a category with a matching type sets both', () => {
    expect(correctClassification(fire, { category: 'NATURAL', type: 'forest_fire' })).toEqual({ category: 'NATURAL', type: 'forest_fire', changed: ['category', 'type'] });
  });

  it('a new category alone clears a type that no longer fits (and says so)', () => {
    expect(correctClassification(fire, { category: 'SOCIAL' })).toEqual({ category: 'SOCIAL', type: null, changed: ['category', 'type'] });
  });

  it('a category alone keeps an unknown type unknown', () => {
    expect(correctClassification({ category: null, type: null }, { category: 'HEALTH' })).toEqual({ category: 'HEALTH', type: null, changed: ['category'] });
  });

  it('gives a type to an incident that had none', () => {
    expect(correctClassification({ category: 'ACCIDENT', type: null }, { type: 'road_traffic' })).toEqual({ category: 'ACCIDENT', type: 'road_traffic', changed: ['type'] });
  });

  it('giving what the incident already is changes nothing', () => {
    expect(correctClassification(fire, { category: 'ACCIDENT', type: 'fire' })).toEqual({ ...fire, changed: [] });
    expect(correctClassification(fire, { category: 'ACCIDENT' })).toEqual({ ...fire, changed: [] });
    expect(correctClassification(fire, {})).toEqual({ ...fire, changed: [] });
  });

  it('does not change the incident it is given', () => {
    const current = { ...fire };
    correctClassification(current, { category: 'SOCIAL' });
    expect(current).toEqual(fire);
  });
});
